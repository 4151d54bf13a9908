package org.rrp.workflow.security;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.postgresql.PGStatement;

/**
 * On PostgreSQL, every statement of the engine that reads authorizations to decide which rows of something else the
 * reader sees (a task query, a variable query, a Cockpit list) is planned with its values each time it runs; every
 * other statement, the look-ups of one user's authorizations by key included, is planned as PostgreSQL plans it by
 * default (once per connection, after five runs).
 * <p>
 * Such a statement tests bits of {@code PERMS_} and names the reader and their groups; the planner estimates how many
 * grants it keeps, and so how to join them, only from those values ({@code V15}'s statistics on the bit tests). pgjdbc
 * turns a statement into a named server-side one after its fifth run on a connection, and PostgreSQL may then plan it
 * once for unknown values: a "Due soon" count took 73 s so at 20,000 open tasks. A prepare threshold of 0 keeps such a
 * statement unnamed, so it is planned with its values at every run. The engine's own checks of one permission on one
 * resource ({@code AuthorizationEntity}'s statements) and the groups holding authorizations
 * ({@code AuthorizedGroupIds.xml}) find their rows by index whatever the values, and run several times in every call,
 * so planning them at every run only costs time.
 * <p>
 * Until {@code V20} the database's {@code plan_cache_mode = force_custom_plan} planned every statement at every run:
 * the benchmark's cases per second were 11-36 % lower with it.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class AuthorizationQueryPlanning implements Interceptor {

  /** The table every authorization check reads, as the engine's and the application's statements name it. */
  static final String AUTHORIZATIONS = "ACT_RU_AUTHORIZATION";
  /** The namespaces of the statements that read authorizations by key, for themselves. */
  static final List<String> LOOKUPS_BY_KEY = List.of("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.",
      GrantQueriesPlugin.GROUP_NAMESPACE);

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Statement statement = (Statement) invocation.proceed();
    StatementHandler handler = (StatementHandler) invocation.getTarget();
    MappedStatement mapped = (MappedStatement) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement");
    if (readsAuthorizationsForOtherRows(mapped.getId(), handler.getBoundSql().getSql())
        && statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
    return statement;
  }

  /** Whether the statement {@code id} with the text {@code sql} reads authorizations to choose rows of other tables. */
  static boolean readsAuthorizationsForOtherRows(String id, String sql) {
    return sql.contains(AUTHORIZATIONS) && LOOKUPS_BY_KEY.stream().noneMatch(id::startsWith);
  }
}
