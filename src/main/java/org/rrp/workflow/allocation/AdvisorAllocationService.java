package org.rrp.workflow.allocation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.rrp.workflow.casework.CaseClock;

import org.springframework.stereotype.Service;

/**
 * Allocates a case to an advisor of its area by fair caseload: the advisor with the fewest open cases; on a
 * tie, the one allocated least recently (never allocated counts as longest ago); then by user id, so the
 * choice is always the same for the same state. Allocations in one area take turns (a row lock), so two at the
 * same instant, on one node or two, never both pick the advisor who was least loaded before either.
 */
@Service
public class AdvisorAllocationService {

  static final Comparator<CaseloadRepository.Caseload> FAIREST_FIRST =
      Comparator.comparingInt(CaseloadRepository.Caseload::openCases)
          .thenComparing(CaseloadRepository.Caseload::lastAllocatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(CaseloadRepository.Caseload::advisorId);

  private final AdvisorDirectory directory;
  private final CaseloadRepository caseloads;

  AdvisorAllocationService(AdvisorDirectory directory, CaseloadRepository caseloads) {
    this.directory = directory;
    this.caseloads = caseloads;
  }

  /**
   * The advisor chosen and recorded for the case, or empty when the area has no advisor. The allocation is dated
   * by the case clock once the area's lock is held, so the area's allocations are dated in the order they were
   * decided, on one node or several, and "allocated least recently" means what it says.
   */
  public Optional<String> allocate(String caseReference, String area) {
    return allocate(caseReference, area, CaseClock::instant);
  }

  /** As {@link #allocate(String, String)}, dated {@code at}. */
  public Optional<String> allocate(String caseReference, String area, Instant at) {
    return allocate(caseReference, area, () -> at);
  }

  private Optional<String> allocate(String caseReference, String area, Supplier<Instant> clock) {
    caseloads.lockArea(area);
    Instant at = clock.get();
    List<String> advisors = directory.advisorsOf(area);
    Map<String, CaseloadRepository.Caseload> loads = caseloads.caseloadsOf(advisors);
    Optional<String> chosen = loads.values().stream().min(FAIREST_FIRST).map(CaseloadRepository.Caseload::advisorId);
    chosen.ifPresent(advisorId -> caseloads.recordAllocation(caseReference, advisorId, area, at));
    return chosen;
  }

  /** Records an allocation a coordinator made by hand; the person must be an advisor. */
  public void allocateByHand(String caseReference, String area, String advisorId, Instant at) {
    if (!directory.isAdvisor(advisorId)) {
      throw new IllegalArgumentException("'" + advisorId + "' is not an advisor");
    }
    caseloads.recordAllocation(caseReference, advisorId, area, at);
  }

  public boolean isAdvisor(String userId) {
    return directory.isAdvisor(userId);
  }

  public Optional<String> emailOf(String advisorId) {
    return directory.emailOf(advisorId);
  }

  /** The case no longer counts towards its advisor's caseload. */
  public void release(String caseReference, Instant at) {
    caseloads.recordClosure(caseReference, at);
  }
}
