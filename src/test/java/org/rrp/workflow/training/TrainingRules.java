package org.rrp.workflow.training;

/** The training checks' own rules, for the tests that hold the forms to them ({@code FormRulesTest}). */
public final class TrainingRules {

  public static final String SETTING_ID_PATTERN = TrainingListeners.SETTING_ID_PATTERN;

  private TrainingRules() {
  }

  /** Whether the enrolment check takes this as a setting's identifier. */
  public static boolean isSettingId(String value) {
    return TrainingListeners.isSettingId(value);
  }
}
