package org.rrp.workflow.allocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which advisor holds which case, in the application's own table {@code rrp_case_allocation}. Runs in the
 * engine's transaction, so an allocation is recorded exactly when the process moves on.
 */
@Repository
class CaseloadRepository {

  record Caseload(String advisorId, int openCases, Instant lastAllocatedAt) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  CaseloadRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Takes the area's allocation lock until the current transaction ends: another allocation in the area, on this
   * node or another, waits for it and then sees this one. The area's lock row is made on first use, in a
   * transaction of its own (two nodes making it at once is fine: one insert wins, both then lock it).
   */
  void lockArea(String area) {
    MapSqlParameterSource params = new MapSqlParameterSource("areaGroup", area);
    String lock = "update rrp_area_lock set area = area where area = :areaGroup";
    if (jdbc.update(lock, params) == 0) {
      ownTransaction.executeWithoutResult(status -> {
        try {
          jdbc.update("insert into rrp_area_lock (area) values (:areaGroup)", params);
        } catch (DuplicateKeyException madeByAnotherNode) {
          status.setRollbackOnly();
        }
      });
      jdbc.update(lock, params);
    }
  }

  /**
   * Each advisor's open cases and latest allocation, in one statement of two index lookups per advisor: the open
   * cases by (advisor_id, closed_at is null), the latest allocation as the last (advisor_id, allocated_at) entry. Neither
   * reads the cases an advisor has closed, so the cost does not grow with the years of history.
   */
  Map<String, Caseload> caseloadsOf(Collection<String> advisorIds) {
    Map<String, Caseload> caseloads = new HashMap<>();
    if (advisorIds.isEmpty()) {
      return caseloads;
    }
    MapSqlParameterSource params = new MapSqlParameterSource();
    StringJoiner sql = new StringJoiner(" union all ");
    int i = 0;
    for (String advisorId : advisorIds) {
      String param = "advisor" + i++;
      params.addValue(param, advisorId);
      sql.add("select (select count(*) from rrp_case_allocation where advisor_id = :" + param + " and closed_at is null) as open_cases, "
          + "(select max(allocated_at) from rrp_case_allocation where advisor_id = :" + param + ") as last_allocated_at, "
          + i + " as position");
    }
    List<String> ids = List.copyOf(advisorIds);
    jdbc.query(sql.toString(), params, rs -> {
      String id = ids.get(rs.getInt("position") - 1);
      Timestamp last = rs.getTimestamp("last_allocated_at");
      caseloads.put(id, new Caseload(id, rs.getInt("open_cases"), last == null ? null : last.toInstant()));
    });
    return caseloads;
  }

  void recordAllocation(String caseReference, String advisorId, String area, Instant at) {
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("reference", caseReference)
        .addValue("advisor", advisorId)
        .addValue("areaGroup", area)
        .addValue("at", Timestamp.from(at));
    int updated = jdbc.update("""
        update rrp_case_allocation
           set advisor_id = :advisor, area = :areaGroup, allocated_at = :at, closed_at = null
         where case_reference = :reference""", params);
    if (updated == 0) {
      jdbc.update("""
          insert into rrp_case_allocation (case_reference, advisor_id, area, allocated_at)
          values (:reference, :advisor, :areaGroup, :at)""", params);
    }
  }

  void recordClosure(String caseReference, Instant at) {
    jdbc.update("update rrp_case_allocation set closed_at = :at where case_reference = :reference and closed_at is null",
        new MapSqlParameterSource().addValue("reference", caseReference).addValue("at", Timestamp.from(at)));
  }
}
