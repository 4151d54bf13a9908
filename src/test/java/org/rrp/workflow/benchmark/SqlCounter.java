package org.rrp.workflow.benchmark;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what an application asks of its database, through a proxy of its DataSource: SQL statements by kind
 * (a batched statement counts once per row it carries), round trips (a batch is one), commits and rollbacks.
 * Everything the proxy's connections do is counted: the engine's, the job executor's, the webapps' and Flyway's.
 */
final class SqlCounter {

  /** The counts at one moment; subtract two to get what happened in between. */
  record Counts(long select, long insert, long update, long delete, long other, long roundTrips, long commits,
      long rollbacks, Map<String, Long> byTable) {

    long statements() {
      return select + insert + update + delete + other;
    }

    Counts minus(Counts before) {
      return new Counts(select - before.select, insert - before.insert, update - before.update, delete - before.delete,
          other - before.other, roundTrips - before.roundTrips, commits - before.commits, rollbacks - before.rollbacks,
          combined(byTable, before.byTable, -1));
    }

    Counts plus(Counts other) {
      return new Counts(select + other.select, insert + other.insert, update + other.update, delete + other.delete,
          this.other + other.other, roundTrips + other.roundTrips, commits + other.commits, rollbacks + other.rollbacks,
          combined(byTable, other.byTable, 1));
    }

    private static Map<String, Long> combined(Map<String, Long> a, Map<String, Long> b, int sign) {
      Map<String, Long> sum = new TreeMap<>(a);
      b.forEach((key, count) -> sum.merge(key, sign * count, Long::sum));
      sum.values().removeIf(count -> count == 0);
      return sum;
    }

    /** Per unit of work (a case), rounded to one decimal. */
    Map<String, Object> per(long units) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("statements", round(statements(), units));
      figures.put("select", round(select, units));
      figures.put("insert", round(insert, units));
      figures.put("update", round(update, units));
      figures.put("delete", round(delete, units));
      figures.put("other", round(other, units));
      figures.put("roundTrips", round(roundTrips, units));
      figures.put("commits", round(commits, units));
      figures.put("rollbacks", round(rollbacks, units));
      Map<String, Object> tables = new LinkedHashMap<>();
      byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(entry -> tables.put(entry.getKey(), round(entry.getValue(), units)));
      figures.put("byTable", tables);
      return figures;
    }

    private static double round(long count, long units) {
      return units == 0 ? 0 : Math.round(10.0 * count / units) / 10.0;
    }
  }

  private final AtomicLong select = new AtomicLong();
  private final AtomicLong insert = new AtomicLong();
  private final AtomicLong update = new AtomicLong();
  private final AtomicLong delete = new AtomicLong();
  private final AtomicLong other = new AtomicLong();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private final Map<String, AtomicLong> byTable = new ConcurrentHashMap<>();

  /** The DataSource, counted by this counter. */
  DataSource counting(DataSource target) {
    return ProxyDataSourceBuilder.create(target).name("benchmark").listener(new QueryExecutionListener() {
      @Override
      public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      }

      @Override
      public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        roundTrips.incrementAndGet();
        for (QueryInfo query : queries) {
          long times = Math.max(1, query.getParametersList().size());
          QueryType type = typeOf(query.getQuery());
          counterOf(type).addAndGet(times);
          byTable.computeIfAbsent(type.name().toLowerCase(Locale.ROOT) + " " + tableOf(query.getQuery()),
              key -> new AtomicLong()).addAndGet(times);
        }
      }
    }).methodListener(new MethodExecutionListener() {
      @Override
      public void beforeMethod(MethodExecutionContext context) {
      }

      @Override
      public void afterMethod(MethodExecutionContext context) {
        Method method = context.getMethod();
        if (context.getTarget() instanceof Connection && context.getThrown() == null) {
          if (method.getName().equals("commit")) {
            commits.incrementAndGet();
          } else if (method.getName().equals("rollback") && method.getParameterCount() == 0) {
            rollbacks.incrementAndGet();
          }
        }
      }
    }).build();
  }

  Counts now() {
    return new Counts(select.get(), insert.get(), update.get(), delete.get(), other.get(), roundTrips.get(),
        commits.get(), rollbacks.get(), byTable.entrySet().stream().collect(
            Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(), Long::sum, TreeMap::new)));
  }

  private static final Pattern TABLE = Pattern.compile("(?is)\\b(?:into|update|from)\\s+([a-z_][a-z0-9_.]*)");

  /** The first table a statement names (after INTO, UPDATE or FROM), in upper case; "?" when none. */
  static String tableOf(String sql) {
    Matcher table = TABLE.matcher(sql);
    return table.find() ? table.group(1).toUpperCase(Locale.ROOT) : "?";
  }

  /**
   * The kind of a statement by its first keyword, and a query that starts with common table expressions ({@code WITH
   * [RECURSIVE] ...}) by what it does: a read unless it writes.
   */
  static QueryType typeOf(String sql) {
    QueryType type = QueryUtils.getQueryType(sql);
    if (type == QueryType.OTHER && sql.stripLeading().regionMatches(true, 0, "with", 0, 4)) {
      String lower = sql.toLowerCase(Locale.ROOT);
      return lower.contains("insert into") ? QueryType.INSERT : lower.matches("(?s).*\\bupdate\\s.*") ? QueryType.UPDATE
          : lower.contains("delete from") ? QueryType.DELETE : QueryType.SELECT;
    }
    return type;
  }

  private AtomicLong counterOf(QueryType type) {
    return switch (type) {
      case SELECT -> select;
      case INSERT -> insert;
      case UPDATE -> update;
      case DELETE -> delete;
      default -> other;
    };
  }
}
