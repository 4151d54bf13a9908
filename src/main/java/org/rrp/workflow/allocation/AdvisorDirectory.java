package org.rrp.workflow.allocation;

import java.util.List;
import java.util.Optional;

/** Who the advisors are: the people allocation chooses from. */
interface AdvisorDirectory {

  /** Ids of the advisors who serve the area. */
  List<String> advisorsOf(String area);

  /** Whether the user is an advisor (of any area). */
  boolean isAdvisor(String userId);

  Optional<String> emailOf(String userId);
}
