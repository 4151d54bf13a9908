package org.rrp.workflow.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.rrp.workflow.casework.AreaCatalogue;
import org.rrp.workflow.casework.CaseMessage;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.identity.RrpGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Guards the engine's REST resources on both doors, {@code /engine-rest} and the webapps' API
 * ({@code /camunda/api/engine/engine/<name>/...}, what Tasklist and Cockpit call):
 * <ul>
 *   <li>of the changes, people other than the administrator send only those {@link ApiRules} lists (starting a
 *   case, claiming, giving back and working a task, notes, coordinators' deployments, migrations and suspensions):
 *   the engine's permissions are wider than the product's rules;</li>
 *   <li>a task is claimed or assigned only for the caller;</li>
 *   <li>a comment or attachment on a task needs the right to work on the task, and is checked ({@link TaskNotes}):
 *   a comment of a text area's length, an attachment within its size, named, and a file or a web link;</li>
 *   <li>read-only roles (managers) send nothing but reads and queries;</li>
 *   <li>a process is started only through its start event with the server's business key: no start instructions,
 *   no skipped listeners or mappings, no business key of the caller's choosing (administrator excepted);</li>
 *   <li>every form submission keeps only the fields its deployed Camunda Form declares, each within its length and
 *   options ({@link FormSubmission});</li>
 *   <li>a refused form, and work the case's state no longer allows ({@link StateRefusal}: suspended, claimed by a
 *   colleague first, no longer open), is answered 400 with one plain sentence per problem, on both doors.</li>
 * </ul>
 * The engine's authorizations still decide everything else.
 */
class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The most a form, claim or message the guard reads may hold: ten times the most one list may hold. */
  static final int BODY_LIMIT = 2 * 1024 * 1024;
  static final String REST_PREFIX = "/engine-rest/";
  static final String WEBAPP_PREFIX = "/camunda/api/engine/engine/";

  private final ProcessEngine engine;
  private final FormSchemas forms;
  private final IdentityIds identityIds;
  private final Set<String> caseMessages;

  EngineApiGuard(ProcessEngine engine, FormSchemas forms, Collection<CaseMessage> caseMessages, AreaCatalogue areas) {
    this.engine = engine;
    this.forms = forms;
    this.identityIds = new IdentityIds(engine.getIdentityService(), areas);
    this.caseMessages = caseMessages.stream().map(CaseMessage::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String full = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .replaceAll("/+", "/");
    ApiCaller caller;
    String path;
    if (full.startsWith(REST_PREFIX)) {
      path = full.substring(REST_PREFIX.length());
      if (path.startsWith("engine/")) {
        path = path.replaceFirst("^engine/[^/]+/?", "");
      }
      caller = ApiCaller.ofRest(engine.getIdentityService());
    } else if (full.startsWith(WEBAPP_PREFIX)) {
      String rest = full.substring(WEBAPP_PREFIX.length());
      int slash = rest.indexOf('/');
      path = slash < 0 ? "" : rest.substring(slash + 1);
      caller = ApiCaller.ofWebapp(request, slash < 0 ? rest : rest.substring(0, slash));
    } else {
      chain.doFilter(request, response);
      return;
    }
    path = path.replaceAll("/$", "");
    if (caller.isAnonymous()) {
      chain.doFilter(request, response); // the engine's authentication answers
      return;
    }
    String method = request.getMethod();
    if ("POST".equals(method) && IdentityIds.CREATE.matcher(path).matches()) {
      byte[] bytes = body(request, response);
      if (bytes == null) {
        return;
      }
      JsonNode body = parse(bytes);
      if (!(body instanceof ObjectNode)) {
        refuseUnreadable(response);
        return;
      }
      Optional<String> badId = identityIds.problem(path.startsWith("user") ? "user" : "group",
          path.startsWith("user") ? body == null ? null : body.path("profile").path("id").asText(null)
              : body == null ? null : body.path("id").asText(null));
      if (badId.isPresent()) {
        badRequest(response, List.of(badId.get()));
        return;
      }
      request = new ReadBody(request, JSON.writeValueAsBytes(body));
    }
    if ("POST".equals(method) && ApiRules.MESSAGE.equals(path) && !caller.isAdministrator()) {
      byte[] bytes = body(request, response);
      if (bytes == null) {
        return;
      }
      Optional<String> refused = caseMessageRefusal(caller, parse(bytes));
      if (refused.isPresent()) {
        LOG.info("Refused {} {} for {}: {}", method, path, caller.userId(), refused.get());
        write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("type", "AuthorizationException", "message", refused.get()));
        return;
      }
      chain.doFilter(new ReadBody(request, JSON.writeValueAsBytes(parse(bytes))), response);
      return;
    }
    Optional<String> refusal = refusal(caller, method, path);
    if (refusal.isPresent()) {
      LOG.info("Refused {} {} for {}: {}", method, path, caller.userId(), refusal.get());
      write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("type", "AuthorizationException", "message", refusal.get()));
      return;
    }
    Matcher claim = ApiRules.TASK_CLAIM.matcher(path);
    if ("POST".equals(method) && claim.matches() && !"unclaim".equals(claim.group(2))) {
      byte[] bytes = body(request, response);
      if (bytes == null) {
        return;
      }
      JsonNode body = parse(bytes);
      if (bytes.length > 0 && !(body instanceof ObjectNode)) {
        refuseUnreadable(response);
        return;
      }
      String claimant = body == null ? null : body.path("userId").asText(null);
      boolean givenBack = "assignee".equals(claim.group(2)) && claimant == null;
      if (!caller.isAdministrator() && !givenBack && !caller.userId().equals(claimant)) {
        String refused = "A task is claimed only by the person who will work on it.";
        LOG.info("Refused {} {} for {}: {}", method, path, caller.userId(), refused);
        write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("type", "AuthorizationException", "message", refused));
        return;
      }
      request = new ReadBody(request, body == null ? bytes : JSON.writeValueAsBytes(body)); // what was read, only
    }
    Matcher note = ApiRules.TASK_NOTE.matcher(path);
    if ("POST".equals(method) && note.matches()) {
      request = "comment".equals(note.group(2)) ? comment(request, response) : attachment(request, response);
      if (request == null) {
        return;
      }
      answerRefusals(request, response, chain);
      return;
    }
    Matcher task = ApiRules.TASK_FORM.matcher(path);
    Matcher start = ApiRules.START_FORM.matcher(path);
    if ("POST".equals(method) && task.matches()) {
      submit(request, response, chain, caller, forms.ofTask(task.group(1)), task.group(1));
    } else if ("POST".equals(method) && start.matches()) {
      submit(request, response, chain, caller, forms.ofStart(start.group(3), start.group(1), start.group(2)), null);
    } else if (ApiRules.isWrite(method) && !ApiRules.isQuery(method, path)) {
      answerRefusals(request, response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }

  private Optional<String> refusal(ApiCaller caller, String method, String path) {
    if (caller.isAdministrator()) {
      return Optional.empty();
    }
    if (ApiRules.PASSWORD_CHECK.matcher(path).matches()) {
      return Optional.of("Only the administrator may check passwords.");
    }
    Matcher ownPassword = ApiRules.OWN_PASSWORD.matcher(path);
    if ("PUT".equals(method) && ownPassword.matches() && ownPassword.group(1).equals(caller.userId())) {
      return Optional.empty();
    }
    if (isReadOnly(caller) && ApiRules.isWrite(method) && !ApiRules.isQuery(method, path)) {
      return Optional.of("Your role reads cases; it changes nothing.");
    }
    if (ApiRules.OPERATIONS.matcher(path).matches() && !caller.isIn(RrpGroups.COORDINATORS) && !caller.isIn(RrpGroups.MANAGERS)) {
      return Optional.of("Jobs, batches and history cleanup are for the administrator, coordinators and managers.");
    }
    Matcher note = ApiRules.TASK_NOTE.matcher(path);
    if ("POST".equals(method) && note.matches()) {
      return noteRefusal(caller, note.group(1));
    }
    if (!ApiRules.isWrite(method) || ApiRules.isQuery(method, path) || ApiRules.isPeoplesChange(method, path)
        || caller.isIn(RrpGroups.COORDINATORS) && ApiRules.isCoordinatorsChange(method, path)) {
      return Optional.empty();
    }
    if ("POST".equals(method) && ApiRules.DEPLOYMENT_CREATE.equals(path)) {
      return Optional.of("Only coordinators and the administrator may deploy models.");
    }
    return Optional.of("Only the administrator may do this.");
  }

  /**
   * A message from someone other than the administrator: one the features declared for people to send
   * ({@link CaseMessage}), to one case by its business key, carrying nothing else (no variables, no correlation to
   * every instance). The engine then checks that they may update that case.
   */
  private Optional<String> caseMessageRefusal(ApiCaller caller, JsonNode body) {
    if (isReadOnly(caller)) {
      return Optional.of("Your role reads cases; it changes nothing.");
    }
    if (!(body instanceof ObjectNode message) || !caseMessages.contains(message.path("messageName").asText(""))) {
      return Optional.of("Only the administrator may send this message.");
    }
    if (message.path("businessKey").asText("").isBlank()) {
      return Optional.of("A message must name its case by the business key (the case reference).");
    }
    Set<String> allowed = Set.of("messageName", "businessKey", "resultEnabled", "variablesInResultEnabled");
    java.util.List<String> extra = new java.util.ArrayList<>();
    message.fieldNames().forEachRemaining(field -> {
      if (!allowed.contains(field) && !message.path(field).isNull()) {
        extra.add(field);
      }
    });
    if (!extra.isEmpty()) {
      return Optional.of("A message to a case may carry only its name and the case reference.");
    }
    // Someone who may not read the case is told the same whatever the case's state, or whether it exists: the
    // engine's own answers (403 naming the instance while it waits for the message, 400 otherwise) would tell them.
    return caller.isIn(RrpGroups.COORDINATORS) || readsCase(caller, message.path("businessKey").asText()) ? Optional.empty()
        : Optional.of("Only the coordinators and the advisors of the case's area may send this message to it.");
  }

  private boolean readsCase(ApiCaller caller, String businessKey) {
    return WithoutAuthorization.call(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list().stream()
        .anyMatch(instance -> engine.getAuthorizationService().isUserAuthorized(caller.userId(), caller.groupIds(),
            Permissions.READ, Resources.PROCESS_INSTANCE, instance.getId())));
  }

  /** Managers: a read-only role, and no other role that changes anything. */
  private static boolean isReadOnly(ApiCaller caller) {
    return caller.isIn(RrpGroups.MANAGERS) && !caller.isIn(RrpGroups.COORDINATORS) && !caller.isIn(RrpGroups.ADVISORS)
        && !caller.isIn(RrpGroups.REFERRERS);
  }

  /**
   * The variables as the task sees them now (none when the task is gone): what a list's read-only cells keep and what
   * a form's hiding conditions read. Read once a submission, and only if it needs one.
   */
  private final class StoredVariables {
    private final String taskId;
    private VariableMap variables;

    StoredVariables(String taskId) {
      this.taskId = taskId;
    }

    /** The value, with a serialized one (a JSON list) as its text: nothing is deserialized. */
    Object get(String name) {
      if (variables == null) {
        variables = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> WithoutAuthorization.call(() -> context.getTaskManager().findTaskById(taskId) == null
                ? Variables.createVariables() : engine.getTaskService().getVariablesTyped(taskId, false)));
      }
      TypedValue value = variables.getValueTyped(name);
      if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
        return serialized.getValueSerialized();
      }
      return value == null ? null : value.getValue();
    }
  }

  /**
   * Why the caller may not add a comment or attachment to the task, if they may not: they must be able to work on it,
   * and to read the history of its process, which the engine's REST API reads to find the task (without it the engine
   * answers a bare "No task found"): coordinators, not advisors, whose view of a case is its open work.
   */
  private Optional<String> noteRefusal(ApiCaller caller, String taskId) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> WithoutAuthorization.call(() -> {
          Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
          if (task == null || !authorizations.isUserAuthorized(caller.userId(), caller.groupIds(), Permissions.UPDATE, Resources.TASK, taskId)
              && !authorizations.isUserAuthorized(caller.userId(), caller.groupIds(), TaskPermissions.TASK_WORK, Resources.TASK, taskId)) {
            return Optional.of("Only someone who may work on the task may add comments or attachments to it.");
          }
          String definitionKey = task.getProcessDefinitionId() == null ? null
              : engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
          if (definitionKey == null || !authorizations.isUserAuthorized(caller.userId(), caller.groupIds(),
              Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, definitionKey)) {
            return Optional.of("Comments and attachments on a task are the coordinators': note what matters in the task's form.");
          }
          return Optional.<String>empty();
        }));
  }

  /** A form's submission: of the task {@code taskId}, or of a start form when it is null. */
  private void submit(HttpServletRequest request, HttpServletResponse response, FilterChain chain, ApiCaller caller,
      Optional<FormSchema> form, String taskId) throws IOException, ServletException {
    boolean start = taskId == null;
    if (form.isEmpty()) {
      chain.doFilter(request, response); // no such task or definition: the engine answers
      return;
    }
    byte[] bytes = body(request, response);
    if (bytes == null) {
      return;
    }
    if (bytes.length == 0) {
      answerRefusals(new ReadBody(request, bytes), response, chain); // no variables: the server's checks decide
      return;
    }
    if (!(parse(bytes) instanceof ObjectNode submission)) {
      refuseUnreadable(response);
      return;
    }
    if (start && !caller.isAdministrator()) {
      Optional<String> startRefusal = startRefusal(submission);
      if (startRefusal.isPresent()) {
        LOG.info("Refused a process start for {}: {}", caller.userId(), startRefusal.get());
        write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("type", "AuthorizationException", "message", startRefusal.get()));
        return;
      }
    }
    FormSubmission held = start ? new FormSubmission(form.get())
        : new FormSubmission(form.get(), new StoredVariables(taskId)::get);
    if (submission.get("variables") instanceof ObjectNode variables) {
      held.hold(variables);
      held.requireFilled(variables);
    } else if (submission.has("variables") && !submission.get("variables").isNull()) {
      held.problems().add("The variables are not readable.");
    } else {
      held.requireFilled(JSON.createObjectNode());
    }
    if (!held.problems().isEmpty()) {
      RefusedInputs.refused("form '" + form.get().formId() + "'", held.problems().size());
      badRequest(response, held.problems());
      return;
    }
    if (!held.dropped().isEmpty()) {
      LOG.info("Dropped variables the form '{}' does not declare: {}", form.get().formId(), held.dropped());
    }
    answerRefusals(new ReadBody(request, JSON.writeValueAsBytes(submission)), response, chain);
  }

  /**
   * Runs a change; if the engine refused it on the way (a form's checks, the case's state), the answer is 400 with
   * the refusal's sentences, whatever the REST layer made of it (the webapps' API answers such failures 500).
   */
  private static void answerRefusals(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    RefusedInputs.clear();
    try {
      chain.doFilter(request, answer);
      Optional<org.rrp.workflow.casework.InvalidInputException> refused = RefusedInputs.take();
      if (refused.isPresent()) {
        answer.resetBuffer();
        badRequest(answer, refused.get().getMessage(), refused.get().getProblems());
      }
    } finally {
      RefusedInputs.clear();
      answer.copyBodyToResponse();
    }
  }

  /** Starting anywhere but the start event, skipping its listeners, or naming the business key, is refused. */
  private static Optional<String> startRefusal(ObjectNode submission) {
    JsonNode instructions = submission.path("startInstructions");
    if (!instructions.isMissingNode() && !instructions.isNull() && !(instructions.isArray() && instructions.isEmpty())) {
      return Optional.of("A case starts at its start event: start instructions are the administrator's.");
    }
    if (submission.path("skipCustomListeners").asBoolean(false) || submission.path("skipIoMappings").asBoolean(false)) {
      return Optional.of("A case starts with its checks: skipping listeners or mappings is the administrator's.");
    }
    if (!submission.path("businessKey").asText("").isBlank() || !submission.path("caseInstanceId").asText("").isBlank()) {
      return Optional.of("The case reference is given by the server: a business key is the administrator's.");
    }
    submission.remove(List.of("businessKey", "caseInstanceId", "skipCustomListeners", "skipIoMappings", "startInstructions"));
    return Optional.empty();
  }

  /**
   * The body of a request the guard reads, up to {@link #BODY_LIMIT}; null, with 413 answered, when it is larger:
   * no form, claim or message comes near it, and the guard holds what it reads in memory.
   */
  private static byte[] body(HttpServletRequest request, HttpServletResponse response) throws IOException {
    return body(request, response, BODY_LIMIT);
  }

  /**
   * The body, up to {@code limit} bytes; null, with 413 answered, when it is larger. A body declared larger is refused
   * unread, and the connection closed rather than the rest of it read.
   */
  private static byte[] body(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
    byte[] bytes = request.getContentLengthLong() > limit ? null : request.getInputStream().readNBytes(limit + 1);
    if (bytes != null && bytes.length <= limit) {
      return bytes;
    }
    RefusedInputs.refused("request body over " + limit / 1024 / 1024 + " MB", 1);
    response.setHeader("Connection", "close");
    write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, Map.of("type", "InvalidRequestException",
        "message", "The request is larger than the " + limit / 1024 / 1024 + " MB this service takes."));
    return null;
  }

  /** A comment on a task: its message alone, checked ({@link TaskNotes}); null when refused (answered). */
  private static HttpServletRequest comment(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] bytes = body(request, response);
    if (bytes == null) {
      return null;
    }
    JsonNode sent = parse(bytes);
    if (bytes.length > 0 && !(sent instanceof ObjectNode)) {
      refuseUnreadable(response);
      return null;
    }
    TaskNotes.Comment comment = TaskNotes.comment(sent);
    if (!comment.problems().isEmpty()) {
      RefusedInputs.refused("comment", comment.problems().size());
      badRequest(response, String.join(" ", comment.problems()), comment.problems());
      return null;
    }
    return new ReadBody(request, JSON.writeValueAsBytes(comment.body()));
  }

  /** An attachment to a task: an upload within its limit, checked ({@link TaskNotes}); null when refused (answered). */
  private static HttpServletRequest attachment(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] bytes = body(request, response, TaskNotes.ATTACHMENT_LIMIT);
    if (bytes == null) {
      return null;
    }
    List<String> problems = TaskNotes.attachmentProblems(bytes, request.getContentType());
    if (!problems.isEmpty()) {
      RefusedInputs.refused("attachment", problems.size());
      badRequest(response, String.join(" ", problems), problems);
      return null;
    }
    return new ReadBody(request, bytes);
  }

  /**
   * A body the guard must read (a claim, a form, a start, a new user or group) that it cannot read as a JSON object:
   * refused, never passed on, because the engine's own reader might read more of it than the guard did (a string
   * longer than the guard's reader takes, say) and so be given what the guard never checked.
   */
  private static void refuseUnreadable(HttpServletResponse response) throws IOException {
    String problem = "The request's body could not be read.";
    RefusedInputs.refused("request body", 1);
    badRequest(response, problem, List.of(problem));
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static void badRequest(HttpServletResponse response, List<String> problems) throws IOException {
    badRequest(response, "Please correct the form: " + String.join(" ", problems), problems);
  }

  private static void badRequest(HttpServletResponse response, String message, List<String> problems)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidInputException");
    body.put("message", message);
    body.put("problems", problems);
    write(response, HttpServletResponse.SC_BAD_REQUEST, body);
  }

  private static void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
