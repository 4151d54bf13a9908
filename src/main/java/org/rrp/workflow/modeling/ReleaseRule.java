package org.rrp.workflow.modeling;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule between the models in the jar (the release) and the models coordinators deployed from Modeler. For each
 * bundled file:
 * <ul>
 * <li>unchanged since the release last deployed it (or identical to what is deployed now): nothing is deployed, so a
 * restart with the same jar changes nothing;</li>
 * <li>changed, and the latest version of its process, decision or form is the release's own: it is deployed and
 * becomes the latest (an ordinary release);</li>
 * <li>changed, but a coordinator deployed a newer version since: the coordinator's version stays the latest and the
 * release's is <b>not</b> deployed, said at start-up, unless the release names it in {@code rrp.release.supersede}
 * (a release that must change a model says so in its upgrade notes), which deploys it with a warning.</li>
 * </ul>
 * A plain class: what is deployed now comes in as {@link Deployed}.
 */
final class ReleaseRule {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Europe/London"));

  /** The latest deployed version of a process, decision or form. */
  record Deployed(String key, int version, boolean release, Date deployedAt, String source, byte[] bytes) {
  }

  /** A bundled file: its resource name, content, the keys it defines, and the last content the release deployed. */
  record Bundled(String name, byte[] bytes, List<String> keys, byte[] lastReleased) {
  }

  record Plan(List<Bundled> deploy, List<String> warnings) {
  }

  private final Set<String> supersede;

  ReleaseRule(Set<String> supersede) {
    this.supersede = supersede;
  }

  Plan plan(List<Bundled> bundled, Map<String, Deployed> latest) {
    Map<String, Bundled> deploy = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Bundled file : bundled) {
      if (unchanged(file, latest)) {
        continue;
      }
      Optional<Deployed> coordinators = file.keys().stream().map(latest::get)
          .filter(deployed -> deployed != null && !deployed.release()).findFirst();
      if (coordinators.isEmpty()) {
        deploy.put(file.name(), file);
      } else if (supersede.contains(ModelFiles.fileName(file.name()))
          || file.keys().stream().map(ReleaseRule::plainKey).anyMatch(supersede::contains)) {
        deploy.put(file.name(), file);
        warnings.add("The release replaces the coordinators' " + describe(coordinators.get()) + " with its own "
            + file.name() + ", as rrp.release.supersede says: the coordinators' version stays deployed and can be"
            + " made the latest again by redeploying it from Modeler.");
      } else {
        warnings.add("The release's " + file.name() + " is not deployed: the coordinators' " + describe(coordinators.get())
            + " stays the latest. To take the release's version, make its change in Modeler, or start once with"
            + " rrp.release.supersede=" + coordinators.get().key() + " (see the README's upgrade notes).");
      }
    }
    return new Plan(List.copyOf(deploy.values()), warnings);
  }

  /** Keys are "process:referral", "decision:eligibility", "form:triage-request": one space per kind. */
  static String plainKey(String key) {
    return key.substring(key.indexOf(':') + 1);
  }

  private static boolean unchanged(Bundled file, Map<String, Deployed> latest) {
    if (file.lastReleased() != null && Arrays.equals(file.lastReleased(), file.bytes())) {
      return true;
    }
    return !file.keys().isEmpty() && file.keys().stream()
        .allMatch(key -> latest.get(key) != null && Arrays.equals(latest.get(key).bytes(), file.bytes()));
  }

  private static String describe(Deployed deployed) {
    return "version " + deployed.version() + " of '" + deployed.key() + "' (deployed " + WHEN.format(deployed.deployedAt().toInstant())
        + (deployed.source() == null ? "" : " from " + deployed.source()) + ")";
  }
}
