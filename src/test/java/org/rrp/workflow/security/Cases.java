package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rrp.workflow.http.Answer;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.casework.CaseVariables;

/** Cases made over REST as the roles make them: a referrer's request, triaged to East Staffs, allocated. */
public final class Cases {

  public static final String EAST = "area-east-staffs-tamworth";

  public record Allocated(String caseId, String caseReference, String taskId, String advisor) {
  }

  private final Api api;

  public Cases(Api api) {
    this.api = api;
  }

  static Map<String, Object> request() {
    return new LinkedHashMap<>(ReferralRequests.valid());
  }

  /** Rosa's request, started; returns the process instance. */
  public Map<String, Object> requested(String referrer) {
    Answer started = api.rest(referrer, "POST", "process-definition/key/referral/submit-form",
        Map.of("variables", Api.typed(request())));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.object();
  }

  /** A referrer's case, triaged for advice and guidance in East Staffs and allocated to one of its advisors. */
  public Allocated allocated(String referrer) {
    String caseId = (String) requested(referrer).get("id");
    Map<String, Object> triage = Api.eventually(() -> api.rest("cora", "GET", "task?processInstanceId=" + caseId, null)
        .list().stream().findFirst().orElse(null));
    Answer triaged = api.rest("cora", "POST", "task/" + triage.get("id") + "/submit-form",
        Map.of("variables", Api.typed(Map.of(CaseVariables.SERVICE, "advice-and-guidance", CaseVariables.AREA, EAST))));
    assertThat(triaged.status()).as(triaged.body()).isEqualTo(204);
    Map<String, Object> advice = Api.eventually(() -> api.rest("cora", "GET", "task?processInstanceId=" + caseId
        + "&taskDefinitionKey=Task_GiveAdviceAndGuidance", null).list().stream().findFirst().orElse(null));
    String reference = (String) api.rest("cora", "GET", "process-instance/" + caseId, null).object().get("businessKey");
    return new Allocated(caseId, reference, (String) advice.get("id"), (String) advice.get("assignee"));
  }
}
