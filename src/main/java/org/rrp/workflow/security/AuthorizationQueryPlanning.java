package org.rrp.workflow.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.postgresql.PGStatement;

/**
 * On PostgreSQL, every statement of the engine that reads authorizations is planned with its values each time it runs;
 * every other statement is planned as PostgreSQL plans it by default.
 * <p>
 * An authorization check tests bits of {@code PERMS_} and names the reader and their groups; the planner estimates the
 * rows it keeps well only from those values ({@code V15}'s statistics on the bit tests). pgjdbc turns a statement into
 * a named server-side one after its fifth run on a connection, and PostgreSQL may then plan it once for unknown
 * values: a "Due soon" count took 73 s so at 20,000 open tasks. A prepare threshold of 0 keeps such a statement
 * unnamed, so it is planned with its values at every run.
 * <p>
 * Until {@code V20} the database's {@code plan_cache_mode = force_custom_plan} did this for every statement, and
 * planned the engine's many small statements (a case runs about 1,000) at every run too: the benchmark's cases per
 * second were 15-35 % lower with it.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class AuthorizationQueryPlanning implements Interceptor {

  /** The table every authorization check reads, as the engine's and the application's statements name it. */
  static final String AUTHORIZATIONS = "ACT_RU_AUTHORIZATION";

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Statement statement = (Statement) invocation.proceed();
    planWithItsValuesIfItReadsAuthorizations(statement, ((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
    return statement;
  }

  /** Keeps {@code statement} from becoming a server-side prepared statement when {@code sql} reads authorizations. */
  static void planWithItsValuesIfItReadsAuthorizations(Statement statement, String sql) throws SQLException {
    if (sql.contains(AUTHORIZATIONS) && statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
  }
}
