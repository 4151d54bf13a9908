package org.rrp.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a reviewer checks in every BPMN and DMN file under {@code processes/}: each rule is a static check that
 * takes a model and its file name and returns every violation, run once against the real models and once against
 * small broken models to show the check can fail.
 */
class ModelConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  private static final Set<String> ROLE_GROUPS = Set.of("rrp-referrers", "rrp-coordinators", "rrp-advisors",
      "rrp-managers");

  private static final String GENERATED_PREFIXES = "Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task"
      + "|SequenceFlow|DecisionTable|InputClause|OutputClause|UnaryTests|LiteralExpression|Definitions|Process"
      + "|Participant|Lane|DMNShape|DMNEdge|BPMNShape|BPMNEdge|Rule|Input|Output";
  private static final Pattern GENERATED_ID = Pattern.compile("(" + GENERATED_PREFIXES + ")_[0-9a-z]{7}");
  private static final Pattern GENERATED_ID_ATTRIBUTE =
      Pattern.compile("\\sid=\"((?:" + GENERATED_PREFIXES + ")_[0-9a-z]{7})\"");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{.+}");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{[A-Za-z_$][A-Za-z0-9_$]*}");

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---------------------------------------------------------------------------------------------------------
  // The real models

  @Test
  void processesFolderHasModelsToCheck() {
    assertThat(files(".bpmn")).extracting(ModelConventionsTest::fileName).contains("referral.bpmn");
    assertThat(files(".dmn")).extracting(ModelConventionsTest::fileName)
        .contains("eligibility.dmn", "area-by-district.dmn");
  }

  @Test
  void everyModelIsNamedAfterItsProcessOrDecision() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(processIdMatchesFileName(model, file)));
    forEachDmn((file, model) -> violations.addAll(decisionIdMatchesFileName(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyProcessAndDecisionHasAHistoryTimeToLive() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(processHistoryTimeToLive(model, file)));
    forEachDmn((file, model) -> violations.addAll(decisionHistoryTimeToLive(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyUserTaskAndStartFormIsADeployedCamundaFormThatExists() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(forms(model, file, FORMS)));

    assertThat(violations).isEmpty();
  }

  @Test
  void noModelHasGeneratedIds() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(generatedIds(model, file)));
    forEachDmn((file, model) -> violations.addAll(generatedIds(model, file)));
    for (Path file : Stream.concat(files(".bpmn").stream(), files(".dmn").stream()).toList()) {
      violations.addAll(generatedIdsInText(read(file), fileName(file)));
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void everyUserTaskHasADueDateAndSomeoneToDoIt() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(userTaskAssignment(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyFlowNodeHasANameExceptMergingGateways() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(flowNodeNames(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyFlowOutOfADecisionGatewayIsNamedAndConditional() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(gatewayFlows(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyFlowNodeAndSequenceFlowIsDrawn() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(diagram(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyDiagramIsReadableNoLabelOrFlowOverlapsAnother() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(layout(model, file)));

    assertThat(violations).isEmpty();
  }

  @Test
  void everyServiceTaskIsAnAsynchronousSpringBeanDelegate() {
    List<String> violations = new ArrayList<>();
    forEachBpmn((file, model) -> violations.addAll(serviceTasks(model, file)));

    assertThat(violations).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------
  // The checks fail on broken models

  @TempDir
  Path formsDir;

  @BeforeEach
  void writeForms() throws IOException {
    Files.writeString(formsDir.resolve("review.form"), "{\"id\": \"review\", \"components\": []}");
    Files.writeString(formsDir.resolve("request.form"), "{\"id\": \"request\", \"components\": []}");
    Files.writeString(formsDir.resolve("copied.form"), "{\"id\": \"copied-from-elsewhere\", \"components\": []}");
  }

  @Test
  void wellFormedModelsHaveNoViolations() {
    BpmnModelInstance model = wellFormedProcess();
    DmnModelInstance decision = dmn(wellFormedDecision());
    List<String> violations = new ArrayList<>();
    violations.addAll(processIdMatchesFileName(model, "approval.bpmn"));
    violations.addAll(processHistoryTimeToLive(model, "approval.bpmn"));
    violations.addAll(forms(model, "approval.bpmn", formsDir));
    violations.addAll(generatedIds(model, "approval.bpmn"));
    violations.addAll(generatedIdsInText(Bpmn.convertToString(model), "approval.bpmn"));
    violations.addAll(userTaskAssignment(model, "approval.bpmn"));
    violations.addAll(flowNodeNames(model, "approval.bpmn"));
    violations.addAll(gatewayFlows(model, "approval.bpmn"));
    violations.addAll(diagram(model, "approval.bpmn"));
    violations.addAll(serviceTasks(model, "approval.bpmn"));
    violations.addAll(layout(model, "approval.bpmn"));
    violations.addAll(decisionIdMatchesFileName(decision, "check.dmn"));
    violations.addAll(decisionHistoryTimeToLive(decision, "check.dmn"));
    violations.addAll(generatedIds(decision, "check.dmn"));
    violations.addAll(generatedIdsInText(wellFormedDecision(), "check.dmn"));

    assertThat(violations).isEmpty();
  }

  @Test
  void modelNamedDifferentlyFromItsProcessOrDecisionIsReported() {
    assertThat(processIdMatchesFileName(wellFormedProcess(), "approval-v2.bpmn"))
        .singleElement().asString().contains("approval-v2.bpmn", "approval");
    assertThat(decisionIdMatchesFileName(dmn(wellFormedDecision()), "decision.dmn"))
        .singleElement().asString().contains("decision.dmn", "check");
  }

  @Test
  void processOrDecisionWithoutHistoryTimeToLiveIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    model.<Process>getModelElementById("approval").setCamundaHistoryTimeToLiveString(null);
    DmnModelInstance decision = dmn(wellFormedDecision().replace(" camunda:historyTimeToLive=\"730\"", ""));

    assertThat(processHistoryTimeToLive(model, "approval.bpmn")).singleElement().asString().contains("approval");
    assertThat(decisionHistoryTimeToLive(decision, "check.dmn")).singleElement().asString().contains("check");
  }

  @Test
  void userTaskWithoutAFormIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    model.<UserTask>getModelElementById("Task_Review").setCamundaFormRef(null);

    assertThat(forms(model, "approval.bpmn", formsDir)).singleElement().asString().contains("Task_Review");
  }

  @Test
  void formThatIsMissingMisnamedOrNotBoundToTheDeploymentIsReported() {
    BpmnModelInstance missing = wellFormedProcess();
    missing.<UserTask>getModelElementById("Task_Review").setCamundaFormRef("no-such-form");
    BpmnModelInstance misnamed = wellFormedProcess();
    misnamed.<UserTask>getModelElementById("Task_Review").setCamundaFormRef("copied");
    BpmnModelInstance latest = wellFormedProcess();
    latest.<UserTask>getModelElementById("Task_Review").setCamundaFormRefBinding("latest");
    BpmnModelInstance formKey = wellFormedProcess();
    formKey.<StartEvent>getModelElementById("StartEvent_Requested").setCamundaFormRef(null);
    formKey.<StartEvent>getModelElementById("StartEvent_Requested").setCamundaFormKey("embedded:app:forms/x.html");

    assertThat(forms(missing, "approval.bpmn", formsDir)).singleElement().asString()
        .contains("Task_Review", "no-such-form");
    assertThat(forms(misnamed, "approval.bpmn", formsDir)).singleElement().asString()
        .contains("Task_Review", "copied-from-elsewhere");
    assertThat(forms(latest, "approval.bpmn", formsDir)).singleElement().asString()
        .contains("Task_Review", "latest");
    assertThat(forms(formKey, "approval.bpmn", formsDir)).isNotEmpty()
        .allSatisfy(violation -> assertThat(violation).contains("StartEvent_Requested"));
  }

  @Test
  void startEventOfAProcessStartableInTasklistWithoutAFormIsReported() {
    BpmnModelInstance startable = wellFormedProcess();
    startable.<StartEvent>getModelElementById("StartEvent_Requested").setCamundaFormRef(null);
    startable.<StartEvent>getModelElementById("StartEvent_Requested").setCamundaFormRefBinding(null);
    BpmnModelInstance notStartable = wellFormedProcess();
    notStartable.<StartEvent>getModelElementById("StartEvent_Requested").setCamundaFormRef(null);
    notStartable.<StartEvent>getModelElementById("StartEvent_Requested").setCamundaFormRefBinding(null);
    notStartable.<Process>getModelElementById("approval").setCamundaIsStartableInTasklist(false);

    assertThat(forms(startable, "approval.bpmn", formsDir)).singleElement().asString()
        .contains("StartEvent_Requested");
    assertThat(forms(notStartable, "approval.bpmn", formsDir)).isEmpty();
  }

  @Test
  void generatedIdIsReported() {
    BpmnModelInstance model = wellFormedProcess("Activity_0abc123");
    String decisionXml = wellFormedDecision()
        .replace("DecisionTable_Check", "DecisionTable_1x2y3z4")
        .replace("DMNShape_check", "DMNShape_0u1v2w3");

    assertThat(generatedIds(model, "approval.bpmn")).singleElement().asString().contains("Activity_0abc123");
    assertThat(generatedIdsInText(Bpmn.convertToString(model), "approval.bpmn"))
        .singleElement().asString().contains("Activity_0abc123");
    assertThat(generatedIds(dmn(decisionXml), "check.dmn"))
        .singleElement().asString().contains("DecisionTable_1x2y3z4");
    assertThat(generatedIdsInText(decisionXml, "check.dmn"))
        .hasSize(2).anySatisfy(violation -> assertThat(violation).contains("DMNShape_0u1v2w3"));
  }

  @Test
  void userTaskWithoutDueDateIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    model.<UserTask>getModelElementById("Task_Review").setCamundaDueDate(null);

    assertThat(userTaskAssignment(model, "approval.bpmn")).singleElement().asString()
        .contains("Task_Review", "dueDate");
  }

  @Test
  void userTaskForNobodyOrAnUnknownGroupIsReported() {
    BpmnModelInstance nobody = wellFormedProcess();
    nobody.<UserTask>getModelElementById("Task_Review").setCamundaCandidateGroups(null);
    BpmnModelInstance unknownGroup = wellFormedProcess();
    unknownGroup.<UserTask>getModelElementById("Task_Review").setCamundaCandidateGroups("rrp-coordinators,coordinators");
    BpmnModelInstance assigned = wellFormedProcess();
    assigned.<UserTask>getModelElementById("Task_Review").setCamundaCandidateGroups(null);
    assigned.<UserTask>getModelElementById("Task_Review").setCamundaAssignee("${advisorId}");

    assertThat(userTaskAssignment(nobody, "approval.bpmn")).singleElement().asString().contains("Task_Review");
    assertThat(userTaskAssignment(unknownGroup, "approval.bpmn")).singleElement().asString()
        .contains("Task_Review", "'coordinators'");
    assertThat(userTaskAssignment(assigned, "approval.bpmn")).isEmpty();
  }

  @Test
  void unnamedTaskOrDecisionGatewayIsReportedButNotAMergingGateway() {
    BpmnModelInstance model = wellFormedProcess();
    model.<FlowNode>getModelElementById("Task_Notify").setName(null);
    model.<FlowNode>getModelElementById("Gateway_Approved").setName(" ");
    model.<FlowNode>getModelElementById("Gateway_Done").setName(null);

    assertThat(flowNodeNames(model, "approval.bpmn")).hasSize(2)
        .anySatisfy(violation -> assertThat(violation).contains("Task_Notify"))
        .anySatisfy(violation -> assertThat(violation).contains("Gateway_Approved"));
  }

  @Test
  void unnamedOrUnconditionalFlowOutOfADecisionGatewayIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    SequenceFlow yes = model.getModelElementById("Flow_Yes");
    SequenceFlow no = model.getModelElementById("Flow_No");
    yes.setName(null);
    no.removeChildElement(no.getConditionExpression());

    assertThat(gatewayFlows(model, "approval.bpmn")).hasSize(2)
        .anySatisfy(violation -> assertThat(violation).contains("Flow_Yes", "name"))
        .anySatisfy(violation -> assertThat(violation).contains("Flow_No", "condition"));
  }

  @Test
  void defaultFlowNeedsNoCondition() {
    BpmnModelInstance model = wellFormedProcess();
    SequenceFlow no = model.getModelElementById("Flow_No");
    no.removeChildElement(no.getConditionExpression());
    model.<ExclusiveGateway>getModelElementById("Gateway_Approved").setDefault(no);

    assertThat(gatewayFlows(model, "approval.bpmn")).isEmpty();
  }

  @Test
  void flowNodeOrSequenceFlowThatIsNotDrawnIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    removeDiagramElementOf(model, "Task_Review");
    removeDiagramElementOf(model, "Flow_Yes");

    assertThat(diagram(model, "approval.bpmn")).hasSize(2)
        .anySatisfy(violation -> assertThat(violation).contains("Task_Review"))
        .anySatisfy(violation -> assertThat(violation).contains("Flow_Yes"));
  }

  @Test
  void labelOnAShapeOrAnotherLabelOrUnderAFlowIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    BpmnShape review = shapeOf(model, "Task_Review");
    BpmnShape approved = shapeOf(model, "Gateway_Approved");
    // The gateway's label drawn across the review task, and the start event's label on top of it.
    label(model, approved, review.getBounds().getX() + 10, review.getBounds().getY() + 10);
    label(model, shapeOf(model, "StartEvent_Requested"), review.getBounds().getX() + 20, review.getBounds().getY() + 12);

    assertThat(layout(model, "approval.bpmn"))
        .anySatisfy(violation -> assertThat(violation).contains("label of 'Gateway_Approved'", "'Task_Review'"))
        .anySatisfy(violation -> assertThat(violation).contains("label of 'StartEvent_Requested'", "label of 'Gateway_Approved'"));
  }

  @Test
  void flowDrawnThroughAnotherShapeIsReported() {
    BpmnModelInstance model = wellFormedProcess();
    BpmnShape review = shapeOf(model, "Task_Review");
    BpmnEdge no = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement().getId().equals("Flow_No")).findFirst().orElseThrow();
    List<Waypoint> waypoints = new ArrayList<>(no.getWaypoints());
    Waypoint through = model.newInstance(Waypoint.class);
    through.setX(review.getBounds().getX() + review.getBounds().getWidth() / 2);
    through.setY(review.getBounds().getY() + review.getBounds().getHeight() / 2);
    no.getWaypoints().clear();
    no.getWaypoints().add(waypoints.get(0));
    no.getWaypoints().add(through);
    no.getWaypoints().add(waypoints.get(waypoints.size() - 1));

    assertThat(layout(model, "approval.bpmn")).anySatisfy(violation -> assertThat(violation).contains("Flow_No", "Task_Review"));
  }

  @Test
  void serviceTaskThatIsSynchronousOrNotABeanDelegateIsReported() {
    BpmnModelInstance synchronous = wellFormedProcess();
    synchronous.<ServiceTask>getModelElementById("Task_Notify").setCamundaAsyncBefore(false);
    BpmnModelInstance javaClass = wellFormedProcess();
    javaClass.<ServiceTask>getModelElementById("Task_Notify").setCamundaDelegateExpression(null);
    javaClass.<ServiceTask>getModelElementById("Task_Notify").setCamundaClass("org.rrp.workflow.Notify");
    BpmnModelInstance methodCall = wellFormedProcess();
    methodCall.<ServiceTask>getModelElementById("Task_Notify").setCamundaDelegateExpression("${notifier.send(execution)}");

    assertThat(serviceTasks(synchronous, "approval.bpmn")).singleElement().asString()
        .contains("Task_Notify", "asyncBefore");
    assertThat(serviceTasks(javaClass, "approval.bpmn")).singleElement().asString()
        .contains("Task_Notify", "delegateExpression");
    assertThat(serviceTasks(methodCall, "approval.bpmn")).singleElement().asString()
        .contains("Task_Notify", "delegateExpression");
  }

  // ---------------------------------------------------------------------------------------------------------
  // The checks

  /** The file is named after its single executable process. */
  static List<String> processIdMatchesFileName(BpmnModelInstance model, String fileName) {
    List<String> executable = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).map(Process::getId).toList();
    if (executable.size() != 1) {
      return List.of(fileName + ": has " + executable.size() + " executable processes " + executable
          + ", expected exactly one");
    }
    if (!executable.get(0).equals(baseName(fileName))) {
      return List.of(fileName + ": executable process id '" + executable.get(0)
          + "' differs from the file name '" + baseName(fileName) + "'");
    }
    return List.of();
  }

  /** The file is named after a decision it holds (its main decision, for a DRD of several). */
  static List<String> decisionIdMatchesFileName(DmnModelInstance model, String fileName) {
    List<String> decisions = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
    if (!decisions.contains(baseName(fileName))) {
      return List.of(fileName + ": no decision has the id of the file name '" + baseName(fileName)
          + "'; decisions " + decisions);
    }
    return List.of();
  }

  static List<String> processHistoryTimeToLive(BpmnModelInstance model, String fileName) {
    List<String> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
        violations.add(fileName + ": process " + describe(process) + " has no camunda:historyTimeToLive");
      }
    }
    return violations;
  }

  static List<String> decisionHistoryTimeToLive(DmnModelInstance model, String fileName) {
    List<String> violations = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        violations.add(fileName + ": decision '" + decision.getId() + "' has no camunda:historyTimeToLive");
      }
    }
    return violations;
  }

  /**
   * User tasks and start events with a form use a Camunda Form deployed with the process
   * ({@code camunda:formRef}, binding {@code deployment}) that exists as {@code forms/<id>.form} with that id;
   * every user task has one, and so has the start event of a process that can be started in Tasklist.
   */
  static List<String> forms(BpmnModelInstance model, String fileName, Path formsDir) {
    List<String> violations = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      violations.addAll(form(fileName, "user task " + describe(task), task.getCamundaFormRef(),
          task.getCamundaFormRefBinding(), task.getCamundaFormKey(), hasGeneratedForm(task), true, formsDir));
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean needsForm = start.getParentElement() instanceof Process process && process.isExecutable()
          && !Boolean.FALSE.equals(process.isCamundaStartableInTasklist()) && start.getEventDefinitions().isEmpty();
      violations.addAll(form(fileName, "start event " + describe(start), start.getCamundaFormRef(),
          start.getCamundaFormRefBinding(), start.getCamundaFormKey(), hasGeneratedForm(start), needsForm, formsDir));
    }
    return violations;
  }

  private static List<String> form(String fileName, String element, String formRef, String binding, String formKey,
      boolean generatedForm, boolean needsForm, Path formsDir) {
    List<String> violations = new ArrayList<>();
    String where = fileName + ": " + element;
    if (formKey != null) {
      violations.add(where + " uses camunda:formKey '" + formKey + "' instead of a camunda:formRef");
    }
    if (generatedForm) {
      violations.add(where + " uses a generated form (camunda:formData) instead of a camunda:formRef");
    }
    if (isBlank(formRef)) {
      if (needsForm && formKey == null && !generatedForm) {
        violations.add(where + " has no camunda:formRef");
      }
      return violations;
    }
    if (!"deployment".equals(binding)) {
      violations.add(where + " has camunda:formRefBinding '" + binding + "', expected 'deployment'");
    }
    Path formFile = formsDir.resolve(formRef + ".form");
    if (!Files.isRegularFile(formFile)) {
      violations.add(where + " refers to form '" + formRef + "' but " + formFile + " does not exist");
      return violations;
    }
    try {
      JsonNode id = JSON.readTree(formFile.toFile()).get("id");
      if (id == null || !formRef.equals(id.asText())) {
        violations.add(where + " refers to form '" + formRef + "' but " + formFile + " has the id " + id);
      }
    } catch (IOException e) {
      violations.add(where + " refers to form '" + formRef + "' but " + formFile + " is not JSON: " + e.getMessage());
    }
    return violations;
  }

  private static boolean hasGeneratedForm(BaseElement element) {
    return element.getExtensionElements() != null
        && !element.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().isEmpty();
  }

  /** No id Camunda Modeler generated (such as {@code Activity_0x7a1bc}) is left in the model. */
  static List<String> generatedIds(BpmnModelInstance model, String fileName) {
    List<ModelElementInstance> elements = new ArrayList<>(model.getModelElementsByType(BaseElement.class));
    elements.addAll(model.getModelElementsByType(DiagramElement.class));
    elements.add(model.getDefinitions());
    return generatedIds(elements, fileName);
  }

  static List<String> generatedIds(DmnModelInstance model, String fileName) {
    return generatedIds(model.getModelElementsByType(DmnElement.class), fileName);
  }

  private static List<String> generatedIds(Collection<? extends ModelElementInstance> elements, String fileName) {
    List<String> violations = new ArrayList<>();
    for (ModelElementInstance element : elements) {
      String id = element.getAttributeValue("id");
      if (id != null && GENERATED_ID.matcher(id).matches()) {
        violations.add(fileName + ": " + element.getElementType().getTypeName() + " has the generated id '" + id + "'");
      }
    }
    return violations;
  }

  /** The same in the XML text, so ids of elements the model API does not know (DMN diagram shapes) are covered. */
  static List<String> generatedIdsInText(String content, String fileName) {
    List<String> violations = new ArrayList<>();
    Matcher matcher = GENERATED_ID_ATTRIBUTE.matcher(content);
    while (matcher.find()) {
      violations.add(fileName + ": has the generated id '" + matcher.group(1) + "'");
    }
    return violations;
  }

  /** Every user task has a due date and a candidate group of a known role (or an expression) or an assignee. */
  static List<String> userTaskAssignment(BpmnModelInstance model, String fileName) {
    List<String> violations = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = fileName + ": user task " + describe(task);
      if (isBlank(task.getCamundaDueDate())) {
        violations.add(where + " has no camunda:dueDate");
      }
      String groups = task.getCamundaCandidateGroups();
      if (isBlank(groups) && isBlank(task.getCamundaAssignee())) {
        violations.add(where + " has neither camunda:candidateGroups nor camunda:assignee");
      }
      if (!isBlank(groups)) {
        for (String group : groups.split(",")) {
          String candidate = group.trim();
          if (!ROLE_GROUPS.contains(candidate) && !EXPRESSION.matcher(candidate).matches()) {
            violations.add(where + " has the candidate group '" + candidate + "', which is neither a role group "
                + ROLE_GROUPS + " nor an expression ${...}");
          }
        }
      }
    }
    return violations;
  }

  /** Every flow node has a label, except an exclusive or parallel gateway that only merges. */
  static List<String> flowNodeNames(BpmnModelInstance model, String fileName) {
    List<String> violations = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean mergingGateway = (node instanceof ExclusiveGateway || node instanceof ParallelGateway)
          && node.getOutgoing().size() == 1;
      if (!mergingGateway && isBlank(node.getName())) {
        violations.add(fileName + ": " + node.getElementType().getTypeName() + " '" + node.getId() + "' has no name");
      }
    }
    return violations;
  }

  /** Every flow out of a diverging exclusive gateway has a label and, unless it is the default, a condition. */
  static List<String> gatewayFlows(BpmnModelInstance model, String fileName) {
    List<String> violations = new ArrayList<>();
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() < 2) {
        continue;
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        String where = fileName + ": sequence flow '" + flow.getId() + "' out of gateway " + describe(gateway);
        if (isBlank(flow.getName())) {
          violations.add(where + " has no name");
        }
        ConditionExpression condition = flow.getConditionExpression();
        if (flow != gateway.getDefault() && (condition == null || isBlank(condition.getTextContent()))) {
          violations.add(where + " has no condition and is not the default flow");
        }
      }
    }
    return violations;
  }

  /** Every flow node has a BPMNShape and every sequence flow a BPMNEdge, so the diagram shows all of it. */
  static List<String> diagram(BpmnModelInstance model, String fileName) {
    Set<String> drawn = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        drawn.add(shape.getBpmnElement().getId());
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        drawn.add(edge.getBpmnElement().getId());
      }
    }
    List<String> violations = new ArrayList<>();
    List<FlowElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    elements.addAll(model.getModelElementsByType(SequenceFlow.class));
    for (FlowElement element : elements) {
      if (!drawn.contains(element.getId())) {
        violations.add(fileName + ": " + element.getElementType().getTypeName() + " " + describe(element)
            + " is not in the diagram (no BPMNShape or BPMNEdge)");
      }
    }
    return violations;
  }

  /**
   * The diagram reads well in Modeler: no label lies on a task, event or gateway or on another label, and no flow is
   * drawn through a label or a shape it does not start or end at. Containers (subprocesses) may hold both.
   */
  static List<String> layout(BpmnModelInstance model, String fileName) {
    record Box(String what, double x, double y, double width, double height) {
      boolean overlaps(Box other) {
        return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
      }

      boolean crossedBy(double x1, double y1, double x2, double y2) {
        // Liang-Barsky clipping of the segment against the box, shrunk by a pixel so touching the border is fine.
        double minX = x + 1, minY = y + 1, maxX = x + width - 1, maxY = y + height - 1;
        double t0 = 0, t1 = 1, dx = x2 - x1, dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - minX, maxX - x1, y1 - minY, maxY - y1};
        for (int i = 0; i < 4; i++) {
          if (p[i] == 0) {
            if (q[i] < 0) {
              return false;
            }
          } else {
            double t = q[i] / p[i];
            if (p[i] < 0) {
              t0 = Math.max(t0, t);
            } else {
              t1 = Math.min(t1, t);
            }
          }
        }
        return t0 < t1;
      }
    }
    List<Box> shapes = new ArrayList<>();
    List<Box> labels = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      if (element == null) {
        continue;
      }
      var bounds = shape.getBounds();
      if (!(element instanceof org.camunda.bpm.model.bpmn.instance.SubProcess) && element instanceof FlowNode) {
        shapes.add(new Box("'" + element.getId() + "'", bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight()));
      }
      if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
        var label = shape.getBpmnLabel().getBounds();
        labels.add(new Box("label of '" + element.getId() + "'", label.getX(), label.getY(), label.getWidth(), label.getHeight()));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null && edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
        var label = edge.getBpmnLabel().getBounds();
        labels.add(new Box("label of '" + edge.getBpmnElement().getId() + "'", label.getX(), label.getY(), label.getWidth(),
            label.getHeight()));
      }
    }
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Box label = labels.get(i);
      shapes.stream().filter(label::overlaps)
          .forEach(shape -> violations.add(fileName + ": the " + label.what() + " lies on " + shape.what()));
      for (int j = i + 1; j < labels.size(); j++) {
        if (label.overlaps(labels.get(j))) {
          violations.add(fileName + ": the " + label.what() + " overlaps the " + labels.get(j).what());
        }
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
        continue;
      }
      String ownLabel = "label of '" + flow.getId() + "'";
      Set<String> ends = Set.of("'" + flow.getSource().getId() + "'", "'" + flow.getTarget().getId() + "'");
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      Set<String> crossed = new java.util.LinkedHashSet<>();
      for (int i = 1; i < points.size(); i++) {
        Waypoint from = points.get(i - 1);
        Waypoint to = points.get(i);
        for (Box shape : shapes) {
          if (!ends.contains(shape.what()) && shape.crossedBy(from.getX(), from.getY(), to.getX(), to.getY())) {
            crossed.add(shape.what());
          }
        }
        for (Box label : labels) {
          if (!label.what().equals(ownLabel) && label.crossedBy(from.getX(), from.getY(), to.getX(), to.getY())) {
            crossed.add("the " + label.what());
          }
        }
      }
      crossed.forEach(what -> violations.add(fileName + ": flow '" + flow.getId() + "' is drawn through " + what));
    }
    return violations;
  }

  /** Every service task calls a Spring bean, {@code ${someBean}}, after a save point. */
  static List<String> serviceTasks(BpmnModelInstance model, String fileName) {
    List<String> violations = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String where = fileName + ": service task " + describe(task);
      String delegate = task.getCamundaDelegateExpression();
      if (delegate == null || !BEAN_EXPRESSION.matcher(delegate.trim()).matches()) {
        violations.add(where + " has camunda:delegateExpression " + (delegate == null ? "unset" : "'" + delegate + "'")
            + ", expected ${someBean}");
      }
      if (!task.isCamundaAsyncBefore()) {
        violations.add(where + " is not camunda:asyncBefore=\"true\"");
      }
    }
    return violations;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Models

  private static List<Path> files(String extension) {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(file -> fileName(file).endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void forEachBpmn(ModelCheck<BpmnModelInstance> check) {
    for (Path file : files(".bpmn")) {
      check.apply(fileName(file), Bpmn.readModelFromFile(file.toFile()));
    }
  }

  private static void forEachDmn(ModelCheck<DmnModelInstance> check) {
    for (Path file : files(".dmn")) {
      check.apply(fileName(file), Dmn.readModelFromFile(file.toFile()));
    }
  }

  @FunctionalInterface
  private interface ModelCheck<M> {
    void apply(String fileName, M model);
  }

  /** A small process that keeps every convention; the broken-model tests break one thing at a time. */
  private static BpmnModelInstance wellFormedProcess() {
    return wellFormedProcess("Task_Review");
  }

  private static BpmnModelInstance wellFormedProcess(String reviewTaskId) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("approval")
        .name("Approval")
        .camundaHistoryTimeToLive(730)
        .startEvent("StartEvent_Requested").name("Approval requested")
            .camundaFormRef("request").camundaFormRefBinding("deployment")
        .userTask(reviewTaskId).name("Review request")
            .camundaFormRef("review").camundaFormRefBinding("deployment")
            .camundaCandidateGroups("rrp-coordinators, ${area}").camundaDueDate("${deadlines.due('review')}")
        .exclusiveGateway("Gateway_Approved").name("Approved?")
        .sequenceFlowId("Flow_Yes").condition("yes", "${approved}")
        .serviceTask("Task_Notify").name("Notify requester")
            .camundaDelegateExpression("${notifyDelegate}").camundaAsyncBefore()
        .exclusiveGateway("Gateway_Done")
        .endEvent("EndEvent_Done").name("Request handled")
        .moveToNode("Gateway_Approved")
        .sequenceFlowId("Flow_No").condition("no", "${!approved}")
        .connectTo("Gateway_Done")
        .done();
    routeBelow(model, "Flow_No");
    Bpmn.validateModel(model);
    return model;
  }

  /** Draws a flow down, along under the shapes between its ends, and up, as a modeller would. */
  private static void routeBelow(BpmnModelInstance model, String flowId) {
    BpmnEdge edge = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(candidate -> flowId.equals(candidate.getBpmnElement().getId())).findFirst().orElseThrow();
    SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
    var from = shapeOf(model, flow.getSource().getId()).getBounds();
    var to = shapeOf(model, flow.getTarget().getId()).getBounds();
    double below = Math.max(from.getY() + from.getHeight(), to.getY() + to.getHeight()) + 60;
    double[][] points = {{from.getX() + from.getWidth() / 2, from.getY() + from.getHeight()},
        {from.getX() + from.getWidth() / 2, below}, {to.getX() + to.getWidth() / 2, below},
        {to.getX() + to.getWidth() / 2, to.getY() + to.getHeight()}};
    edge.getWaypoints().clear();
    for (double[] point : points) {
      Waypoint waypoint = model.newInstance(Waypoint.class);
      waypoint.setX(point[0]);
      waypoint.setY(point[1]);
      edge.getWaypoints().add(waypoint);
    }
  }

  private static BpmnShape shapeOf(BpmnModelInstance model, String elementId) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> elementId.equals(shape.getBpmnElement().getId())).findFirst().orElseThrow();
  }

  private static void label(BpmnModelInstance model, BpmnShape shape, double x, double y) {
    BpmnLabel label = model.newInstance(BpmnLabel.class);
    Bounds bounds = model.newInstance(Bounds.class);
    bounds.setX(x);
    bounds.setY(y);
    bounds.setWidth(80);
    bounds.setHeight(14);
    label.setBounds(bounds);
    shape.setBpmnLabel(label);
  }

  private static void removeDiagramElementOf(BpmnModelInstance model, String elementId) {
    List<DiagramElement> diagramElements = new ArrayList<>();
    model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> elementId.equals(shape.getBpmnElement().getId())).forEach(diagramElements::add);
    model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> elementId.equals(edge.getBpmnElement().getId())).forEach(diagramElements::add);
    assertThat(diagramElements).as("diagram elements of " + elementId).isNotEmpty();
    diagramElements.forEach(element -> element.getParentElement().removeChildElement(element));
  }

  private static String wellFormedDecision() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"
            xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_check" name="Check" namespace="http://rrp.example.org/dmn">
          <decision id="check" name="Check" camunda:historyTimeToLive="730">
            <decisionTable id="DecisionTable_Check">
              <input id="Input_Value" label="Value">
                <inputExpression id="InputExpression_Value" typeRef="string">
                  <text>value</text>
                </inputExpression>
              </input>
              <output id="Output_Result" label="Result" name="result" typeRef="string" />
              <rule id="Rule_Any">
                <inputEntry id="Rule_Any_In1">
                  <text></text>
                </inputEntry>
                <outputEntry id="Rule_Any_Out1">
                  <text>"ok"</text>
                </outputEntry>
              </rule>
            </decisionTable>
          </decision>
          <dmndi:DMNDI>
            <dmndi:DMNDiagram id="DMNDiagram_check">
              <dmndi:DMNShape id="DMNShape_check" dmnElementRef="check">
                <dc:Bounds height="80" width="180" x="160" y="100" />
              </dmndi:DMNShape>
            </dmndi:DMNDiagram>
          </dmndi:DMNDI>
        </definitions>
        """;
  }

  private static DmnModelInstance dmn(String xml) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileName(Path file) {
    return file.getFileName().toString();
  }

  private static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }

  private static String describe(BaseElement element) {
    String name = element.getAttributeValue("name");
    return "'" + element.getId() + "'" + (isBlank(name) ? "" : " (" + name.replaceAll("\\s+", " ") + ")");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
