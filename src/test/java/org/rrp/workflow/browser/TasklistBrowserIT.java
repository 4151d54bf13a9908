package org.rrp.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.rrp.workflow.Eventually.eventually;
import static org.rrp.workflow.browser.Browser.xpathLiteral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.WholeAppTest;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.circle.CircleVariables;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Each role's day with one case, in a real browser (the distribution's headless Chromium), as the people would
 * click through Tasklist and Cockpit: the referrer's request (a bad entry first), the coordinator's triage, the
 * advisor's initial meeting with two participants and two actions (a bad entry first), another area's advisor
 * seeing nothing of it, a colleague finding it in the area's case view, the manager seeing it on the diagram in
 * Cockpit, the administrator told in Admin that access is not taken away by a Deny, and, with a second request, a
 * link and a button a referrer typed reaching the coordinator's triage form as the characters typed, never as links. Every step asserts what is on screen and saves a screenshot under {@code target/browser-screenshots/}.
 *
 * <p>The steps share one case and run in order. A step that finds a message missing lets the story go on and
 * fails at its end, so one missing message does not hide the rest of the day.
 */
@ExtendWith(Browser.Installed.class)
@WholeAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserIT {

  static final String EAST_AREA_DISTRICT = "Tamworth";
  static final List<String> EAST_ADVISORS = List.of("alex", "ash");
  static final String OTHER_AREA_ADVISOR = "bea";
  static final String EAST_ADVISOR_GROUP = "area-east-staffs-tamworth";
  static final String DIFFICULTY = "Finds the move between lessons hard; has walked out of class twice this term.";
  /** A link and a button in Markdown and HTML, as a referrer could type them: the forms must show them as text. */
  static final String TYPED_LINK = "[a link](https://example.org/phish)";
  static final String TYPED_BUTTON = "<a href=\"https://example.org/x\">a button</a>";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One mail server for the whole story: the case's emails are sent in the background, between the steps too. */
  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server().withPerMethodLifecycle(false);

  /** A step that fails saves what the browser showed then, beside the step's own screenshots. */
  @RegisterExtension
  final AfterTestExecutionCallback shotOnFailure = context -> {
    if (context.getExecutionException().filter(e -> !(e instanceof TestAbortedException)).isPresent() && this.browser != null) {
      this.browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
    }
  };

  @LocalServerPort
  int port;

  Browser browser;
  /** The case of the story: its reference (the business key), once the referrer started it. */
  String caseReference;
  String advisor;
  ZonedDateTime initialMeetingAt;

  @BeforeAll
  void browserInstalled() {
    Browser.assumeInstalled();
  }

  @AfterAll
  void closeBrowser() throws IOException {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void referrerIsToldWhatToFixAndNothingStartsUntilTheRequestIsRight() throws Exception {
    logIn("tasklist", "rosa");
    CamundaForm form = requestForm("Hollybank Primary", DIFFICULTY);

    // The child's name left out: the form says so under the field, and nothing starts.
    clickStart();
    assertThat(refusedUnder(form, "Child's full name", "01-referrer-required-field")).containsIgnoringCase("required");

    // An email address with no dot in its domain (rosa@example): the form refuses it under the field, in words, as
    // the server would, and Start waits.
    form.text("Child's full name", "Robin Testchild");
    form.text("Your email address", "rosa@example");
    assertThat(refusedUnder(form, "Your email address", "02-referrer-bad-email"))
        .isEqualTo("Enter an email address such as name@example.org.");

    // A date of birth in the future, which only the server can check: its sentence appears above Start, the form
    // keeps what was entered, nothing starts.
    form.text("Your email address", "rosa.fenwick@example.org");
    form.date("Child's date of birth", CaseClock.today().plusYears(1));
    clickStart();
    List<String> refusal = browser.until(driver -> {
      List<String> shown = refusalsShown();
      return shown.isEmpty() ? null : shown;
    });
    assertThat(refusal).containsExactly("The child's date of birth is in the future.");
    showWhereTheMessageIs(form, "Child's date of birth");
    browser.screenshot("02b-referrer-refused-above-start");
    assertThat(browser.texts(By.cssSelector(".notifications .alert"))).as("no engine banner")
        .noneMatch(text -> text.contains("ENGINE-") || text.contains("Cannot instantiate"));
    assertThat(referralsStarted()).as("cases started after a refused request").isZero();
    assertThat(form.valueOf("Child's full name")).as("what was entered stays").isEqualTo("Robin Testchild");
    assertThat(form.valueOf("What is stuck")).isEqualTo(DIFFICULTY);

    // Corrected: the request starts, the dialog closes.
    form.date("Child's date of birth", LocalDate.of(2016, 4, 5));
    clickStart();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    browser.screenshot("03-referrer-request-started");
    caseReference = eventually(() -> {
      JsonNode cases = get("/process-instance?processDefinitionKey=referral");
      return cases.size() == 1 ? cases.get(0).get("businessKey").asText() : null;
    });
    assertThat(caseReference).matches("RRP-\\d{4}-\\d{4}");
  }

  @Test
  @Order(2)
  void referrerFindsHerRequestWithItsReferenceAmongHerCases() throws IOException {
    assumeCaseStarted();
    logIn("tasklist", "rosa");
    casesLinkShown();
    WebElement row = openCasesAndFind(caseReference);
    assertThat(row.getText()).contains(caseReference);
    browser.screenshot("04-referrer-cases");
  }

  @Test
  @Order(3)
  void coordinatorTriagesTheRequest() throws Exception {
    assumeCaseStarted();
    // The request is acknowledged, its area and eligibility decided in the background first.
    eventually(() -> openTasks("Task_TriageRequest") == 1 ? true : null);
    logIn("tasklist", "cora");
    openFilter("To triage and allocate");
    openTask("Triage request");
    CamundaForm form = CamundaForm.shown(browser);
    assertThat(browser.driver.findElement(By.cssSelector("[cam-tasklist-task]")).getText())
        .contains("Case " + caseReference, "Hollybank Primary", "Solution Focused Circle");
    assertThat(form.valueOf("What is stuck")).as("what the referrer typed, in its read-only field").isEqualTo(DIFFICULTY);
    claim();
    // The due date comes from the process, the groups from the area, the assignee is whoever claimed: all shown,
    // none offered for change (the server refuses such changes to everyone but the administrator).
    assertThat(browser.driver.findElements(By.cssSelector("[cam-tasklist-task-meta] .followup-date")))
        .as("no follow-up date to set").noneMatch(WebElement::isDisplayed);
    assertThat(browser.visible(By.cssSelector("[cam-tasklist-task-meta] .due-date")).getCssValue("pointer-events"))
        .as("the due date takes no clicks").isNotEqualTo("auto");
    assertThat(browser.driver.findElement(By.cssSelector("[cam-tasklist-task-meta] .groups > span"))
        .getCssValue("pointer-events")).as("the groups take no clicks").isNotEqualTo("auto");
    assertThat(browser.visible(By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]"))
        .getCssValue("pointer-events")).as("the assignee takes no clicks").isNotEqualTo("auto");
    assertThat(browser.visible(By.cssSelector(".createCommentLink")).getText()).as("a coordinator may comment")
        .contains("Add Comment");
    form = CamundaForm.shown(browser);
    // Another service than the one asked for is an override: the form asks why, and forgets it when changed back.
    By changeReason = By.xpath("//label[starts-with(normalize-space(.), 'Why another service')]");
    assertThat(browser.driver.findElements(changeReason)).as("no reason asked for the service asked for").isEmpty();
    form.select("Confirmed service", "Advice and guidance");
    assertThat(browser.visible(changeReason).getText()).as("a reason asked for another").startsWith("Why another service");
    form.text("Triage note", "A circle fits: the school has no trained facilitator.");
    form.select("Confirmed service", "Solution Focused Circle");
    browser.until(driver -> driver.findElements(changeReason).isEmpty() ? true : null);
    browser.screenshot("05-coordinator-triage");
    clickComplete();
    assertTaskGone("Triage request");

    advisor = eventually(() -> {
      JsonNode tasks = get("/task?taskDefinitionKey=Task_ArrangeInitialMeeting&processInstanceBusinessKey=" + caseReference);
      return tasks.size() == 1 ? tasks.get(0).get("assignee").asText() : null;
    });
    assertThat(advisor).as("allocated to an advisor of the setting's area").isIn(EAST_ADVISORS);
  }

  @Test
  @Order(4)
  void advisorArrangesTheInitialMeetingWithTwoParticipantsAfterBeingToldOfAMeetingInThePast() throws Exception {
    assumeAllocated();
    logIn("tasklist", advisor);
    openFilter("My tasks");
    openTask("Arrange initial meeting");
    CamundaForm form = CamundaForm.shown(browser);
    assertThat(List.of(form.valueOf("Child"), form.valueOf("School or setting"), form.valueOf("What is stuck")))
        .containsExactly("Robin Testchild", "Hollybank Primary", DIFFICULTY);
    // Comments are the coordinators' (the server refuses an advisor's): the control is not offered.
    assertThat(browser.driver.findElements(By.cssSelector(".createCommentLink"))).as("the advisor's task offers no comment")
        .isNotEmpty().noneMatch(WebElement::isDisplayed);
    // Midnight today: a day the form allows (it refuses days before today), a time the server refuses as past.
    form.date("Date of the initial meeting", CaseClock.today())
        .time("Time of the initial meeting", LocalTime.MIDNIGHT)
        .text("Venue", "Hollybank Primary, the library");
    form.row("Participants", 0).text("Name", "Jo Class-Teacher").text("Role", "class teacher")
        .text("Email", "jo.teacher@example.org");
    form.row("Participants", 1).text("Name", "Sam Carer").text("Role", "parent or carer")
        .text("Email", "sam.carer@example.org");
    form.tick("The child or young person will attend");

    // A meeting in the past: the server's sentence shows above Complete, the task stays open with what was entered.
    clickComplete();
    Optional<String> pastMessage = browser.within(Browser.PATIENCE, driver -> blankToNull(String.join(" ",
        form.errorOf("Date of the initial meeting"), String.join(" ", refusalsShown()))));
    showWhereTheMessageIs(form, "Date of the initial meeting");
    browser.screenshot("06-advisor-meeting-in-the-past");
    List<String> missing = new ArrayList<>();
    if (pastMessage.isEmpty() || !pastMessage.get().toLowerCase(Locale.ROOT).matches("(?s).*(past|future|meeting|date).*")) {
      missing.add("no message about the meeting's date where the advisor looks (under the field, or in the form's "
          + "refusal above Complete); on screen: " + browser.texts(By.cssSelector(".alert")));
    }
    assertThat(openTasks("Task_ArrangeInitialMeeting")).as("the task stays open").isEqualTo(1);
    assertThat(form.valueOf("Venue")).isEqualTo("Hollybank Primary, the library");
    assertThat(form.row("Participants", 1).valueOf("Email")).isEqualTo("sam.carer@example.org");

    // Tomorrow at ten: Complete works on this form with its list of participants.
    initialMeetingAt = CaseClock.today().plusDays(1).atTime(10, 0).atZone(CaseClock.ZONE);
    form.date("Date of the initial meeting", initialMeetingAt.toLocalDate())
        .time("Time of the initial meeting", initialMeetingAt.toLocalTime());
    form.text("What participants should bring", "Anything that has helped at home.");
    browser.scrollTo(form.field("Participants"));
    browser.screenshot("07-advisor-arranges-initial-meeting");
    clickComplete();
    assertTaskGone("Arrange initial meeting");
    eventually(() -> openTasks("Task_RecordInitialMeeting") == 1 ? true : null);
    JsonNode participants = JSON.readTree(variable("Task_RecordInitialMeeting", CircleVariables.PARTICIPANTS));
    assertThat(participants).hasSize(2);
    assertThat(participants.findValuesAsText("email")).containsExactly("jo.teacher@example.org", "sam.carer@example.org");
    assertThat(missing).as("what the advisor did not see").isEmpty();
  }

  @Test
  @Order(5)
  void advisorRecordsTheInitialMeetingWithTwoActions() throws Exception {
    assumeAllocated();
    assumeTrue(initialMeetingAt != null, "the initial meeting was not arranged");
    // The meeting has taken place: the engine's clock (the application runs in this JVM) moves past it.
    ClockUtil.setCurrentTime(Date.from(initialMeetingAt.plusHours(2).toInstant()));
    logIn("tasklist", advisor);
    openFilter("My tasks");
    openTask("Record initial meeting");
    CamundaForm form = CamundaForm.shown(browser);
    assertThat(browser.driver.findElement(By.cssSelector("[cam-tasklist-task]")).getText()).as("the meeting, dd/mm/yyyy")
        .contains("Meeting: " + initialMeetingAt.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " at 10:00");
    LocalDate inTwoWeeks = initialMeetingAt.toLocalDate().plusWeeks(2);
    form.date("Date the initial meeting was held", initialMeetingAt.toLocalDate());
    form.text("1. The issue as introduced", "Robin walks out between lessons when the corridor is crowded.")
        .text("2. Clarification", "It happens after break; a calm start to lessons helps.")
        .text("3. What was suggested", "Leave lessons two minutes early; a quiet space to settle.");
    form.row("4. Action plan", 0).text("What", "Agree an early-leave pass").text("Who", "Jo Class-Teacher")
        .text("Their email", "jo.teacher@example.org").date("By when", inTwoWeeks);
    form.row("4. Action plan", 1).text("What", "Set up a quiet space after break").text("Who", "Sam Carer")
        .text("Their email", "sam.carer@example.org").date("By when", inTwoWeeks);
    form.text("The child's view", "Robin said the noise is the worst part.");
    browser.scrollTo(form.field("4. Action plan"));
    browser.screenshot("08-advisor-records-initial-meeting");
    assertThat(form.errors()).as("errors shown on a filled-in list form").isEmpty();

    // A coordinator pauses the case a moment before: the sentence shows above Complete, the task stays as filled in.
    String circle = get("/task?taskDefinitionKey=Task_RecordInitialMeeting&processInstanceBusinessKey=" + caseReference)
        .get(0).get("processInstanceId").asText();
    put("/process-instance/" + circle + "/suspended", "{\"suspended\": true}");
    clickComplete();
    List<String> paused = browser.until(driver -> {
      List<String> shown = refusalsShown();
      return shown.isEmpty() ? null : shown;
    });
    browser.screenshot("08b-advisor-case-paused");
    assertThat(paused).containsExactly("A coordinator has paused (suspended) this case or its process, so nothing was "
        + "saved: try again once it is resumed.");
    assertThat(browser.texts(By.cssSelector(".rrp-refusal strong"))).as("no 'correct the form' heading").isEmpty();
    assertThat(openTasks("Task_RecordInitialMeeting")).as("the task stays open").isEqualTo(1);
    assertThat(form.valueOf("3. What was suggested")).startsWith("Leave lessons two minutes early");
    put("/process-instance/" + circle + "/suspended", "{\"suspended\": false}");

    clickComplete();
    assertTaskGone("Record initial meeting");

    JsonNode plan = JSON.readTree(eventually(() ->
        openTasks("Task_ArrangeReviewMeeting") == 1 ? variable("Task_ArrangeReviewMeeting", CaseVariables.ACTION_PLAN) : null));
    assertThat(plan.findValuesAsText("owner")).containsExactly("Jo Class-Teacher", "Sam Carer");
    browser.screenshot("09-advisor-next-task");
  }

  @Test
  @Order(6)
  void advisorOfAnotherAreaSeesNothingOfTheCase() throws IOException {
    assumeAllocated();
    logIn("tasklist", OTHER_AREA_ADVISOR);
    List<WebElement> filters = browser.until(driver -> {
      List<WebElement> shown = driver.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter h4 a"));
      return shown.isEmpty() ? null : shown;
    });
    List<String> names = filters.stream().map(WebElement::getText).map(text -> text.replaceAll("\\s*\\d+$", "").trim()).toList();
    assertThat(names).as("her filters").isNotEmpty();
    for (String name : names) {
      openFilter(name);
      assertThat(browser.texts(By.cssSelector("[cam-tasks] li.task"))).as("tasks in her filter " + name)
          .noneMatch(card -> card.contains(caseReference));
    }
    browser.screenshot("10-other-area-advisor-tasks");
    casesLinkShown();
    browser.click(By.id("rrp-cases-link"));
    browser.visible(By.cssSelector("#rrp-cases .rrp-cases-view"));
    assertThat(browser.driver.findElements(By.cssSelector("#rrp-cases [data-case-reference=" + quoted(caseReference) + "]")))
        .as("the case among another area's cases").isEmpty();
    assertThat(browser.driver.findElement(By.id("rrp-cases")).getText()).doesNotContain(caseReference);
    browser.screenshot("11-other-area-advisor-cases");
  }

  @Test
  @Order(7)
  void colleagueOfTheSameAreaFindsTheCaseInTheAreaView() throws IOException {
    assumeAllocated();
    String colleague = EAST_ADVISORS.stream().filter(name -> !name.equals(advisor)).findFirst().orElseThrow();
    logIn("tasklist", colleague);
    openFilter("My area \u2014 all open tasks");
    assertThat(browser.texts(By.cssSelector("[cam-tasks] li.task"))).as("the area's open tasks")
        .anyMatch(card -> card.contains(caseReference) && card.startsWith("Arrange review meeting"));
    browser.screenshot("12-colleague-area-tasks");
    casesLinkShown();
    WebElement row = openCasesAndFind(caseReference);
    assertThat(row.getText()).contains(caseReference);
    browser.screenshot("13-colleague-area-cases");
  }

  @Test
  @Order(8)
  void managerSeesTheCaseOnTheDiagramInCockpit() throws IOException {
    assumeAllocated();
    logIn("cockpit", "max");
    browser.click(By.xpath("//a[normalize-space(.) = 'Processes']"));
    browser.click(By.xpath("//a[normalize-space(.) = 'RRP referral']"));
    // The referral waits in its call of the circle: one token there, and the case in the instance list.
    assertThat(instanceCountOn("Task_HoldSolutionFocusedCircle")).isEqualTo("1");
    assertThat(browser.visible(By.xpath("//td[normalize-space(.) = " + xpathLiteral(caseReference) + "]")).getText())
        .isEqualTo(caseReference);
    browser.screenshot("14-manager-cockpit-referral");

    browser.click(By.xpath("//a[normalize-space(.) = 'Processes']"));
    browser.click(By.xpath("//a[normalize-space(.) = 'Solution Focused Circle']"));
    assertThat(instanceCountOn("Task_ArrangeReviewMeeting")).isEqualTo("1");
    browser.screenshot("15-manager-cockpit-circle");
  }

  @Test
  @Order(9)
  void administratorIsToldInAdminThatAccessIsNotTakenByADeny() throws IOException {
    int authorizations = get("/authorization/count").get("count").asInt();
    logIn("admin", "admin");
    browser.driver.get(browser.baseUrl + "/camunda/app/admin/default/#/authorization?resource=7");
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Create new authorization')]"));
    new Select(browser.visible(By.cssSelector("select.select-auth-type"))).selectByValue("2");
    if (!browser.driver.findElements(By.cssSelector("td.identity-id .glyphicon-user")).isEmpty()) {
      browser.click(By.cssSelector("td.identity-id a.input-group-addon")); // a group, not a user
    }
    browser.visible(By.cssSelector("input.input-auth-name")).sendKeys(EAST_ADVISOR_GROUP);
    browser.click(By.cssSelector("td.action button[type=submit]"));

    WebElement told = browser.visible(By.xpath("//*[contains(@class, 'notifications')]//*[contains(normalize-space(.), "
        + xpathLiteral("A revoke authorization is not used here") + ")]"));
    assertThat(told.getText()).contains("take the permission away from the user's or group's grant instead");
    browser.screenshot("16-administrator-deny-refused");
    assertThat(get("/authorization/count").get("count").asInt()).as("nothing stored").isEqualTo(authorizations);
    assertThat(get("/authorization/count?type=2").get("count").asInt()).isZero();
  }

  @Test
  @Order(10)
  void whatTheReferrerTypedReachesTheCoordinatorAsPlainTextNeverAsALink() throws Exception {
    String setting = "Brookside " + TYPED_LINK + " " + TYPED_BUTTON;
    String difficulty = "Walks out of class. " + TYPED_LINK + " " + TYPED_BUTTON;
    logIn("tasklist", "rosa");
    CamundaForm request = requestForm(setting, difficulty);
    request.text("Child's full name", "Kit Testchild");
    clickStart();
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    String reference = eventually(() -> {
      List<String> others = new ArrayList<>();
      get("/process-instance?processDefinitionKey=referral").forEach(started -> others.add(started.get("businessKey").asText()));
      others.remove(caseReference);
      return others.size() == 1 ? others.get(0) : null;
    });
    eventually(() -> openTasks(reference, "Task_TriageRequest") == 1 ? true : null);

    logIn("tasklist", "cora");
    openFilter("To triage and allocate");
    openTask(reference, "Triage request");
    CamundaForm form = CamundaForm.shown(browser);
    WebElement shown = browser.driver.findElement(By.cssSelector("[cam-tasklist-task] form.fjs-form"));
    browser.scrollTo(form.field("What is stuck"));
    browser.screenshot("17-coordinator-typed-link-as-text");
    assertThat(form.valueOf("What is stuck")).as("the read-only field holds what was typed").isEqualTo(difficulty);
    assertThat(form.input("What is stuck").getDomAttribute("readonly")).as("read-only").isNotNull();
    assertThat(shown.findElements(By.cssSelector("a[href*='example.org'], img, iframe")).stream()
        .map(element -> element.getDomProperty("outerHTML")).toList()).as("links, images or frames made of what was typed")
        .isEmpty();
    assertThat(shown.findElements(By.xpath(".//a[normalize-space(.) = 'a link' or normalize-space(.) = 'a button']")))
        .isEmpty();
    assertThat(shown.getText()).as("the summary shows the characters typed")
        .contains("Referred by: Designated Teacher, " + setting, "School or setting: " + setting + ", Tamworth");

    // The read-only field goes with the form and does not stop its completion; what is stored stays as typed.
    claim();
    form = CamundaForm.shown(browser);
    form.text("Triage note", "Signpost the school to the whole-school training.");
    clickComplete();
    assertTaskGone(reference, "Triage request");
    String referral = get("/process-instance?processDefinitionKey=referral&businessKey=" + reference).get(0).get("id").asText();
    assertThat(get("/process-instance/" + referral + "/variables/" + CaseVariables.DIFFICULTY).get("value").asText())
        .isEqualTo(difficulty);
    assertThat(get("/process-instance/" + referral + "/variables/" + CaseVariables.SETTING_NAME).get("value").asText())
        .isEqualTo(setting);
  }

  // --- Tasklist as a person uses it

  /** The referral's start form, filled in but for the child's name. */
  private CamundaForm requestForm(String setting, String difficulty) {
    browser.click(By.xpath("//a[normalize-space(.) = 'Start process']"));
    browser.click(By.xpath("//*[contains(@class, 'modal')]//a[normalize-space(.) = 'RRP referral']"));
    CamundaForm form = CamundaForm.shown(browser);
    return form.text("Your name", "Rosa Fenwick")
        .select("Your role", "Designated Teacher")
        .text("Your school, setting or team", setting)
        .text("Your email address", "rosa.fenwick@example.org")
        .date("Child's date of birth", LocalDate.of(2016, 4, 5))
        .select("Year group", "Year 5")
        .select("Legal status or circumstances", "Adoption Order")
        .text("School or setting the child attends", setting)
        .select("District of the setting", EAST_AREA_DISTRICT)
        .text("What is stuck", difficulty)
        .choose("Support you would like", "Solution Focused Circle")
        .tick("A parent or carer has agreed");
  }

  /** Each person at their own browser: a fresh one, with nobody's session or stored state. */
  private void logIn(String app, String user) throws IOException {
    if (browser != null) {
      browser.close();
    }
    browser = new Browser("http://localhost:" + port);
    browser.logIn(app, user);
  }

  private void clickStart() {
    browser.click(By.xpath("//*[contains(@class, 'modal-footer')]//button[normalize-space(.) = 'Start']"));
  }

  private void openFilter(String name) {
    WebElement link = browser.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[@cam-tasklist-filters]//*[contains(@class, 'task-filter')]//h4/a[starts-with(normalize-space(.), " + xpathLiteral(name) + ")]")));
    browser.click(link);
    // Loaded: this filter is the focused one, its counter shows, the list is not loading, and two reads agree.
    browser.until(driver -> {
      WebElement filter = link.findElement(By.xpath("./ancestor::*[contains(@class, 'task-filter')][1]"));
      boolean focused = filter.getDomAttribute("class").contains("active")
          && filter.findElement(By.cssSelector(".counter")).isDisplayed();
      boolean loading = driver.findElements(By.cssSelector("[cam-tasks] .loader")).stream().anyMatch(WebElement::isDisplayed);
      boolean listed = !driver.findElements(By.cssSelector("[cam-tasks] li.task, [cam-tasks] .well")).isEmpty();
      return focused && !loading && listed;
    });
  }

  /** Opens the case's task of that name from the list of the filter shown. */
  private void openTask(String taskName) {
    openTask(caseReference, taskName);
  }

  private void openTask(String reference, String taskName) {
    browser.click(By.xpath("//*[@cam-tasks]//li[contains(@class, 'task')][contains(., " + xpathLiteral(reference)
        + ")]//h4/a[normalize-space(.) = " + xpathLiteral(taskName) + "]"));
    browser.visible(By.cssSelector("[cam-tasklist-task] form.fjs-form"));
  }

  private void claim() {
    browser.click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.) = 'Claim']"));
    browser.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.) = 'Complete']")));
  }

  /** Closes the messages Tasklist shows in its corner (they cover the Complete button), as a person would, then completes. */
  private void clickComplete() {
    for (WebElement close : browser.driver.findElements(By.cssSelector(".page-notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser.until(driver -> driver.findElements(By.cssSelector(".page-notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
    browser.click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.) = 'Complete']"));
  }

  /** The completed task has left the list and the task view. */
  private void assertTaskGone(String taskName) {
    assertTaskGone(caseReference, taskName);
  }

  private void assertTaskGone(String reference, String taskName) {
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//*[@cam-tasks]//li[contains(@class, 'task')][contains(., "
        + xpathLiteral(reference) + ")][.//h4/a[normalize-space(.) = " + xpathLiteral(taskName) + "]]")));
    assertThat(browser.texts(By.cssSelector("[cam-tasks] li.task")))
        .noneMatch(card -> card.contains(reference) && card.startsWith(taskName));
  }

  /** The form's message under the field (waited for, then photographed); no case has started. */
  private String refusedUnder(CamundaForm form, String field, String screenshot) {
    String message = browser.until(driver -> blankToNull(form.errorOf(field)));
    browser.scrollTo(form.field(field));
    browser.screenshot(screenshot);
    assertThat(referralsStarted()).as("cases started after the form refused " + field).isZero();
    return message;
  }

  /** Scrolls to the form's refusal when it shows one, else to the field. */
  private void showWhereTheMessageIs(CamundaForm form, String fieldLabel) {
    List<WebElement> refusal = browser.driver.findElements(By.cssSelector(".rrp-refusal"));
    browser.scrollTo(refusal.isEmpty() ? form.field(fieldLabel) : refusal.get(0));
  }

  /** The problems the server refused the form with, where the person is looking (inside the form, above its button). */
  private List<String> refusalsShown() {
    return browser.texts(By.cssSelector(".rrp-refusal li"));
  }

  /** The Tasklist's case view: its link in the header, its table, the row of the case. */
  private WebElement openCasesAndFind(String reference) {
    browser.click(By.id("rrp-cases-link"));
    return browser.visible(By.cssSelector("#rrp-cases [data-case-reference=" + quoted(reference) + "]"));
  }

  /** Tasklist's header has the Cases entry for every role that works in Tasklist. */
  private void casesLinkShown() {
    browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter"));
    assertThat(browser.visible(By.id("rrp-cases-link")).getText()).isEqualTo("Cases");
  }

  private String instanceCountOn(String activityId) {
    By badge = By.cssSelector(".djs-overlays[data-container-id=" + quoted(activityId) + "] .badge.instance-count");
    WebElement shown = browser.visible(badge);
    browser.scrollTo(shown);
    return shown.getText().trim();
  }

  // --- what happened, through the REST API as the administrator

  private void assumeCaseStarted() {
    assumeTrue(caseReference != null, "the referrer's request did not start a case");
  }

  private void assumeAllocated() {
    assumeCaseStarted();
    assumeTrue(advisor != null, "the case was not triaged and allocated");
  }

  private int referralsStarted() {
    return get("/process-instance/count?processDefinitionKey=referral").get("count").asInt();
  }

  private int openTasks(String taskDefinitionKey) {
    return openTasks(caseReference, taskDefinitionKey);
  }

  private int openTasks(String reference, String taskDefinitionKey) {
    return get("/task/count?taskDefinitionKey=" + taskDefinitionKey + "&processInstanceBusinessKey=" + reference)
        .get("count").asInt();
  }

  /** A variable's value as its task sees it (lists are JSON text). */
  private String variable(String taskDefinitionKey, String name) {
    String taskId = get("/task?taskDefinitionKey=" + taskDefinitionKey + "&processInstanceBusinessKey=" + caseReference)
        .get(0).get("id").asText();
    JsonNode value = get("/task/" + taskId + "/variables/" + name + "?deserializeValue=false").get("value");
    return value.isTextual() ? value.asText() : value.toString();
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void put(String path, String json) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("PUT " + path + ": " + response.body()).isEqualTo(204);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
