package org.rrp.workflow.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calls on the engine's REST resources (the same on {@code /engine-rest} and on the webapps' API) are the
 * administrator's alone, whatever the engine's authorizations say: the engine does not check them, or checks them
 * in a way that leaves a gap (the history-cleanup job has no process definition; comments have no check at all;
 * every user may change and delete their own user).
 */
final class ApiRules {

  /** Resource paths (after the engine prefix) whose changes are the administrator's. */
  private static final List<Pattern> ADMIN_WRITES = List.of(
      Pattern.compile("^(job|job-definition|batch|external-task|incident|migration|modification)(/.*)?$"),
      Pattern.compile("^history/(cleanup|batch|job-log)(/.*)?$"),
      Pattern.compile("^(message|signal|condition)(/.*)?$"),
      Pattern.compile("^(user|group|tenant|authorization)(/.*)?$"),
      Pattern.compile("^deployment/(?!create$)[^/]+$"),
      Pattern.compile("^.*/(set-removal-time|suspended-async|job-retries|delete|delete-async)(/.*)?$"),
      Pattern.compile("^(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?$"),
      Pattern.compile("^(task|process-instance|case-instance)(/.*)?/(comment|attachment)(/.*)?$"));

  /** Queries sent as POST on resources whose other changes are the administrator's. */
  private static final Set<String> POST_QUERIES = Set.of("job", "job/count", "external-task", "external-task/count",
      "history/job-log", "history/job-log/count");

  /**
   * Operations (jobs, their definitions and log, batches, history cleanup): read by the roles that use Cockpit. The
   * history-cleanup job has no process definition, so the engine shows it to every logged-in user.
   */
  static final Pattern OPERATIONS = Pattern.compile("^(job|job-definition|batch|history/job-log|history/cleanup|history/batch)(/.*)?$");

  /** A comment or attachment on one task: whoever may work on the task. */
  static final Pattern TASK_NOTE = Pattern.compile("^task/([^/]+)/(comment|attachment)/create$");

  /** Correlating a message: the administrator's, but for the messages people may send to their cases. */
  static final String MESSAGE = "message";

  /**
   * What coordinators may do of the administrator's changes, as they redesign processes in Modeler: migrate running
   * cases between versions (synchronously: batches stay the administrator's) and delete a deployment. The engine
   * still checks their permissions, and only the administrator may delete a deployment that has cases.
   */
  static final Pattern COORDINATORS_MODELLING = Pattern.compile("^(migration/(generate|validate|execute)|deployment/[^/]+)$");

  static boolean isCoordinatorsModelling(String method, String path) {
    boolean migration = "POST".equals(method) && path.startsWith("migration/");
    boolean deletion = "DELETE".equals(method) && path.startsWith("deployment/");
    return (migration || deletion) && COORDINATORS_MODELLING.matcher(path).matches();
  }

  static final Pattern TASK_FORM = Pattern.compile("^task/([^/]+)/(submit-form|complete|resolve)$");
  static final Pattern START_FORM = Pattern.compile(
      "^process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)$");
  static final Pattern OWN_PASSWORD = Pattern.compile("^user/([^/]+)/credentials$");

  /** Always the administrator's, reads included: whether another user's password is right. */
  static final Pattern PASSWORD_CHECK = Pattern.compile("^identity/verify$");

  private ApiRules() {
  }

  static boolean isWrite(String method) {
    return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
  }

  static boolean isAdministratorsChange(String method, String path) {
    if (!isWrite(method)) {
      return false;
    }
    if ("POST".equals(method) && POST_QUERIES.contains(path)) {
      return false;
    }
    return ADMIN_WRITES.stream().anyMatch(pattern -> pattern.matcher(path).matches());
  }

  /**
   * What a read-only role (managers) may send besides GET: queries, i.e. a POST on a collection ({@code task},
   * {@code history/process-instance}) or on its {@code count}.
   */
  static boolean isQuery(String method, String path) {
    if (!"POST".equals(method)) {
      return false;
    }
    String[] segments = path.split("/");
    boolean history = segments[0].equals("history");
    int length = segments.length - (history ? 1 : 0) - (path.endsWith("/count") ? 1 : 0);
    return length == 1 && !Set.of("message", "signal", "condition", "history/cleanup").contains(path)
        && !segments[segments.length - 1].equals("cleanup");
  }

  static Matcher match(Pattern pattern, String path) {
    return pattern.matcher(path);
  }
}
