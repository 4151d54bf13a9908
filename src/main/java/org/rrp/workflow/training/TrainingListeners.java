package org.rrp.workflow.training;

import static org.rrp.workflow.training.TrainingVariables.*;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.JsonVariables;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.training.JourneyRecords.Lead;
import org.rrp.workflow.training.JourneyRecords.Stage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The journey's execution listeners (enrolment, a stage opening, the end) and its service tasks. */
@Configuration(proxyBeanMethods = false)
class TrainingListeners {

  static final Set<String> PHASES = Set.of("early-years", "primary", "secondary", "all-through", "special",
      "alternative-provision", "post-16");
  /**
   * A setting's identifier (its URN, say): 3 to 20 letters, digits or hyphens. The enrolment form carries this exact
   * text as the identifier's {@code validate.pattern}, so the form refuses what the server refuses.
   */
  static final String SETTING_ID_PATTERN = "^[A-Za-z0-9-]{3,20}$";
  private static final Pattern SETTING_ID_SHAPE = Pattern.compile(SETTING_ID_PATTERN);
  static final int LEADS_AT_ENROLMENT = 2;

  /** Checks the enrolment form and sets the journey up; a refusal starts nothing. */
  @Bean
  ExecutionListener enrolmentCheck(JourneyService journeys, IdentityService identity) {
    return execution -> {
      FormInput input = new FormInput(execution);
      String settingId = TextLimits.required(input, SETTING_ID, "The setting's identifier", 20);
      if (settingId != null && !isSettingId(settingId)) {
        input.problem("The setting's identifier must be 3 to 20 letters, digits or hyphens (e.g. its URN).");
        settingId = null;
      }
      TextLimits.required(input, CaseVariables.SETTING_NAME, "The setting's name", TextLimits.NAME);
      String area = input.requiredText(CaseVariables.AREA, "The setting's area");
      if (area != null && (!RrpGroups.isAreaGroup(area) || WithoutAuthorization.call(
          () -> identity.createGroupQuery().groupId(area).count()) == 0)) {
        input.problem("The setting's area is not one of the areas.");
      }
      String phase = input.requiredChoice(SETTING_PHASE, "The setting's phase", PHASES);
      checkLeads(execution, input);
      input.rejectIfInvalid();

      String starter = currentUser(identity);
      if (starter != null && !journeys.isCoordinator(starter) && !journeys.isLeadOf(starter, settingId)) {
        input.problem("You can enrol only a setting whose training lead you are.");
      }
      String businessKey = execution.getProcessBusinessKey();
      if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(settingId)) {
        input.problem("The business key of a training journey is the setting's identifier.");
      }
      // Whether a setting has a journey, and how far it got, is told only to whoever may enrol it.
      input.rejectIfInvalid();
      if (journeys.hasRunningJourney(settingId)) {
        input.problem("This setting already has a training journey running: continue that one rather than enrol again.");
      }
      List<Stage> stages = journeys.catalogueFor(phase);
      List<String> completed = journeys.completedStages(settingId);
      if (stages.isEmpty()) {
        input.problem("No training stage is offered to settings of this phase.");
      } else if (stages.stream().allMatch(stage -> completed.contains(stage.id()))) {
        input.problem("This setting has completed every training stage already.");
      }
      input.rejectIfInvalid();
      journeys.enrol(execution, settingId, phase, stages);
    };
  }

  static boolean isSettingId(String value) {
    return SETTING_ID_SHAPE.matcher(value).matches();
  }

  private static void checkLeads(DelegateExecution execution, FormInput input) {
    List<Lead> leads;
    try {
      leads = JsonVariables.readList(execution.getVariable(LEADS), Lead.class);
    } catch (IllegalArgumentException e) {
      input.problem("The setting leads could not be read.");
      return;
    }
    if (leads.size() != LEADS_AT_ENROLMENT) {
      input.problem("Name the setting's two training leads.");
    }
    for (int i = 0; i < leads.size(); i++) {
      Lead lead = leads.get(i);
      String which = "Setting lead " + (i + 1);
      if (TextLimits.blank(lead.name())) {
        input.problem(which + " has no name.");
      }
      TextLimits.limited(input, lead.name(), which + "'s name", TextLimits.NAME);
      if (TextLimits.blank(lead.role())) {
        input.problem(which + " has no role.");
      }
      TextLimits.limited(input, lead.role(), which + "'s role", TextLimits.NAME);
      if (!FormInput.isEmail(lead.email()) || lead.email().length() > TextLimits.NAME) {
        input.problem(which + " needs a valid email address.");
      }
      if (lead.seniorLeader() == null) {
        input.problem(which + ": say whether they are a senior leader.");
      }
    }
  }

  private static String currentUser(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** On the flow into the stages: which stages they are (those not completed yet). */
  @Bean
  ExecutionListener fixStagesToWork(JourneyService journeys) {
    return journeys::fixStagesToWork;
  }

  @Bean
  ExecutionListener journeyEnds(JourneyService journeys) {
    return journeys::end;
  }

  @Bean
  ExecutionListener stageOpens(JourneyService journeys) {
    return execution -> {
      journeys.openStage(execution);
      boolean met = journeys.prerequisiteCompleted(execution);
      execution.setVariableLocal(STAGE_PREREQUISITE_MET, met);
      if (!met) {
        execution.setVariable(JOURNEY_END_REASON, "This stage is only for settings that completed "
            + execution.getVariable(STAGE_PREREQUISITE_NAME) + " and evidenced that it is embedded.");
      }
    };
  }

  /** The booked event began with the setting still on its waiting list: it leaves the list to book another. */
  @Bean
  JavaDelegate leaveWaitingListDelegate(JourneyService journeys) {
    return journeys::leaveWaitingList;
  }

  @Bean
  JavaDelegate completeStageDelegate(JourneyService journeys) {
    return journeys::completeStage;
  }

  @Bean
  JavaDelegate remindLeadsOfTimescaleDelegate(JourneyService journeys) {
    return journeys::remindLeadsOfTimescale;
  }

  @Bean
  JavaDelegate tellAreaAdvisorsOfOverrunDelegate(JourneyService journeys) {
    return journeys::tellAreaAdvisors;
  }

  @Bean
  JavaDelegate tellLeadsJourneyEndedDelegate(JourneyService journeys) {
    return journeys::tellLeadsJourneyEnded;
  }
}
