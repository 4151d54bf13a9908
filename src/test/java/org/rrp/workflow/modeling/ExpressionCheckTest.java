package org.rrp.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.TaskDeadlines;

/** The allowed set of expressions, without an engine: what today's models use passes, ways out of it do not. */
class ExpressionCheckTest {

  private final ExpressionCheck check = new ExpressionCheck(new ModelVocabulary(
      Set.of("allocateAdvisorDelegate"), Map.of("deadlines", TaskDeadlines.class),
      ApplicationVocabulary.caseVariableNames(), Set.of("identityService", "runtimeService", "dataSource")));

  @Test
  void whatTheModelsUseIsAllowed() {
    assertThat(ApplicationVocabulary.caseVariableNames()).contains(CaseVariables.AREA, CaseVariables.SERVICE);
    for (String allowed : new String[] {"${allocateAdvisorDelegate}", "${deadlines.due('triage')}",
        "${deadlines.dueAfter(initialMeetingAt, 'record-meeting')}", "${service == 'advice-and-guidance'}", "${!eligible}",
        "${decisionResult.getSingleResult().area}", "#{execution.processBusinessKey}", "${area}", "${loopCounter + 1}",
        "rrp-coordinators, ${area}", "${now()}"}) {
      assertThat(check.problems(allowed)).as(allowed).isEmpty();
    }
  }

  @Test
  void aVariableNamedLikeTheEnginesObjectsDoesNotOpenThem() {
    Set<String> variables = new java.util.HashSet<>(ApplicationVocabulary.caseVariableNames());
    variables.addAll(Set.of("execution", "task"));
    ExpressionCheck declared = new ExpressionCheck(new ModelVocabulary(Set.of("allocateAdvisorDelegate"),
        Map.of("deadlines", TaskDeadlines.class), variables, Set.of()));
    assertThat(declared.problems("${execution.processDefinition.deploymentId}"))
        .anySatisfy(problem -> assertThat(problem).contains("models may read only"));
    assertThat(declared.problems("${task.execution}")).isNotEmpty();
    assertThat(declared.problems("#{execution.processBusinessKey}")).isEmpty();
  }

  @Test
  void engineServicesMethodCallsAndWaysOutOfTheDataAreRefused() {
    assertThat(check.problems("${identityService.createMembership('cora','camunda-admin')}"))
        .anySatisfy(problem -> assertThat(problem).contains("createMembership"))
        .anySatisfy(problem -> assertThat(problem).contains("identityService", "may not use"));
    assertThat(check.problems("${execution.getProcessEngineServices().getIdentityService()}"))
        .anySatisfy(problem -> assertThat(problem).contains("getProcessEngineServices"));
    assertThat(check.problems("${execution.processEngineServices.identityService}"))
        .anySatisfy(problem -> assertThat(problem).contains("execution.processEngineServices"));
    assertThat(check.problems("${task.execution.processEngine}")).isNotEmpty();
    assertThat(check.problems("${area.getClass().forName('java.lang.Runtime')}")).isNotEmpty();
    assertThat(check.problems("${area.class.classLoader}")).isNotEmpty();
    assertThat(check.problems("${area['cla'.concat('ss')]}")).isNotEmpty();
    assertThat(check.problems("${deadlines.workingDays}")).isNotEmpty();
    assertThat(check.problems("${deadlines.getClass()}")).isNotEmpty();
    assertThat(check.problems("${allocateAdvisorDelegate.execute(execution)}")).isNotEmpty();
    assertThat(check.problems("${dataSource}")).singleElement().asString().contains("may not use");
    assertThat(check.problems("${noSuchDelegate}")).singleElement().asString().contains("neither a bean")
        .doesNotContain("noSuchDelegate");
    assertThat(check.problems("${fn:exec('x')}")).isNotEmpty();
    assertThat(check.problems("${unclosed")).singleElement().asString().contains("not a valid expression")
        .doesNotContain("unclosed");
    assertThat(check.problems("${area['processEngine of Jane']}")).singleElement().asString().contains("not a plain name")
        .doesNotContain("Jane");
  }

  @Test
  void aVariableADeploymentDeclaresIsAllowedButNeverAsABeansName() {
    ModelVocabulary declared = new ModelVocabulary(Set.of(), Map.of(), Set.of(), Set.of("identityService"))
        .withVariables(Set.of("meetingNotes", "identityService"));
    ExpressionCheck withDeclared = new ExpressionCheck(declared);

    assertThat(withDeclared.problems("${meetingNotes != null}")).isEmpty();
    assertThat(withDeclared.problems("${identityService}")).isNotEmpty();
  }
}
