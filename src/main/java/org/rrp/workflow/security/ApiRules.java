package org.rrp.workflow.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which calls on the engine's REST resources (the same on {@code /engine-rest} and on the webapps' API) people other
 * than the administrator may send. Reads and queries go to the engine, whose authorizations decide. Of the changes,
 * only those listed here are let through: every other change is the administrator's, whatever the engine's
 * authorizations would allow. The engine's permissions are wider than the product's rules: the right to update a task
 * (which the engine gives its assignee and candidates) also lets the holder add candidates, delegate, reassign or
 * rename it and move its due date; the right to update a case (given while a consent may be withdrawn) also lets the
 * holder modify, signal or restart it; and some resources it does not check at all (comments, the history-cleanup job,
 * a user's own profile).
 */
final class ApiRules {

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
   * Claiming a task and giving it back (unclaim, or setting no assignee, as Tasklist does for someone else's task): the
   * engine checks the right to work on it. A claim, or an assignee, may name only the caller.
   */
  static final Pattern TASK_CLAIM = Pattern.compile("^task/([^/]+)/(claim|unclaim|assignee)$");

  static final Pattern TASK_FORM = Pattern.compile("^task/([^/]+)/(submit-form|complete|resolve)$");
  static final Pattern START_FORM = Pattern.compile(
      "^process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)$");
  static final Pattern OWN_PASSWORD = Pattern.compile("^user/([^/]+)/credentials$");

  /** A filter's tasks, listed or counted with a query in the body: a read. */
  private static final Pattern FILTER_QUERY = Pattern.compile("^filter/[^/]+/(list|count|singleResult)$");

  /** The application's own resources under the REST API (the decision preview): each checks its callers itself. */
  private static final Pattern APPLICATION_RESOURCE = Pattern.compile("^rrp/.+$");

  /** Deploying from Modeler: coordinators; the deployment is checked before the engine takes it. */
  static final String DEPLOYMENT_CREATE = "deployment/create";

  /**
   * What coordinators may do besides, as they redesign processes in Modeler and look after cases in Cockpit: migrate
   * running cases between versions (synchronously: batches stay the administrator's), delete a deployment (only the
   * administrator one that has cases), suspend and activate cases and process versions. The engine still checks
   * their permissions.
   */
  private static final Pattern COORDINATORS_MODELLING = Pattern.compile("^(migration/(generate|validate|execute)|deployment/[^/]+)$");
  private static final Pattern SUSPENSION = Pattern.compile(
      "^(process-instance(/[^/]+)?|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+))/suspended$");

  /** Always the administrator's, reads included: whether another user's password is right. */
  static final Pattern PASSWORD_CHECK = Pattern.compile("^identity/verify$");

  private ApiRules() {
  }

  static boolean isWrite(String method) {
    return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
  }

  /**
   * A change anyone may send (the engine and the guard's own checks then decide for the caller and the case): start a
   * case through its start form, claim or give back a task, submit its form, note on it, or call the application's own
   * resources.
   */
  static boolean isPeoplesChange(String method, String path) {
    if (!"POST".equals(method)) {
      return false;
    }
    return START_FORM.matcher(path).matches() || TASK_FORM.matcher(path).matches()
        || TASK_CLAIM.matcher(path).matches() || TASK_NOTE.matcher(path).matches()
        || APPLICATION_RESOURCE.matcher(path).matches();
  }

  /** The changes that are coordinators' besides (see {@link #COORDINATORS_MODELLING}). */
  static boolean isCoordinatorsChange(String method, String path) {
    return switch (method) {
      case "POST" -> DEPLOYMENT_CREATE.equals(path)
          || path.startsWith("migration/") && COORDINATORS_MODELLING.matcher(path).matches();
      case "DELETE" -> path.startsWith("deployment/") && COORDINATORS_MODELLING.matcher(path).matches();
      case "PUT" -> SUSPENSION.matcher(path).matches();
      default -> false;
    };
  }

  /**
   * What a read-only role (managers) may send besides GET, and what is a read for everyone: queries, i.e. a POST on a
   * collection ({@code task}, {@code history/process-instance}) or on its {@code count}, and a filter's list or count.
   */
  static boolean isQuery(String method, String path) {
    if (!"POST".equals(method)) {
      return false;
    }
    if (FILTER_QUERY.matcher(path).matches()) {
      return true;
    }
    String[] segments = path.split("/");
    boolean history = segments[0].equals("history");
    int length = segments.length - (history ? 1 : 0) - (path.endsWith("/count") ? 1 : 0);
    return length == 1 && !Set.of("message", "signal", "condition", "history/cleanup").contains(path)
        && !segments[segments.length - 1].equals("cleanup");
  }

}
