package org.rrp.workflow.security;

import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.rrp.workflow.casework.AreaCatalogue;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.identity.RrpGroups;

/**
 * Ids of new users and groups, checked before the engine sees them, so that a bad id is answered 400 with a plain
 * sentence (the engine answers 500): lower case only (no {@code ALEX} beside {@code alex}), and a user never named
 * like a group (no user {@code camunda-admin}), nor a group like a user; an area group only for an area of the
 * district table (no {@code area-evil} that no case can ever be allocated to, yet that looks like an area).
 */
final class IdentityIds {

  static final Pattern CREATE = Pattern.compile("^(user|group)/create$");
  static final Pattern USER_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
  static final Pattern GROUP_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

  private final IdentityService identityService;
  private final AreaCatalogue areas;

  IdentityIds(IdentityService identityService, AreaCatalogue areas) {
    this.identityService = identityService;
    this.areas = areas;
  }

  Optional<String> problem(String kind, String id) {
    if ("user".equals(kind)) {
      if (id == null || !USER_ID.matcher(id).matches()) {
        return Optional.of("The user id may hold only lower-case letters, digits, '.', '_' and '-' (at most 64).");
      }
      if (isRoleName(id) || WithoutAuthorization.call(() -> identityService.createGroupQuery().groupId(id).count()) > 0) {
        return Optional.of("The user id is the id of a group: choose another.");
      }
    } else {
      if (id == null || !GROUP_ID.matcher(id).matches()) {
        return Optional.of("The group id may hold only lower-case letters, digits and '-' (at most 64).");
      }
      if (WithoutAuthorization.call(() -> identityService.createUserQuery().userId(id).count()) > 0) {
        return Optional.of("The group id is the id of a user: choose another.");
      }
      if (RrpGroups.isAreaGroup(id) && !areas.isArea(id)) {
        return Optional.of("The group id names an area that the district table does not have: add the area to the "
            + "area-by-district table first.");
      }
    }
    return Optional.empty();
  }

  private static boolean isRoleName(String id) {
    return id.equals(RrpGroups.ADMINS) || id.startsWith("rrp-") || RrpGroups.isAreaGroup(id);
  }
}
