package org.rrp.workflow.identity;

/** The Camunda groups the product's roles map to. Area groups are configuration: any group id starting {@value #AREA_PREFIX}. */
public final class RrpGroups {

  public static final String REFERRERS = "rrp-referrers";
  public static final String COORDINATORS = "rrp-coordinators";
  public static final String ADVISORS = "rrp-advisors";
  public static final String MANAGERS = "rrp-managers";
  /** Setting (school) staff who lead their setting's training journey; each is also in the group setting-<id>. */
  public static final String SETTING_LEADS = "rrp-setting-leads";
  public static final String ADMINS = "camunda-admin";
  public static final String AREA_PREFIX = "area-";

  private RrpGroups() {
  }

  public static boolean isAreaGroup(String groupId) {
    return groupId != null && groupId.startsWith(AREA_PREFIX) && groupId.length() > AREA_PREFIX.length();
  }
}
