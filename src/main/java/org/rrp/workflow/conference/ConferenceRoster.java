package org.rrp.workflow.conference;

import static org.rrp.workflow.conference.ConferenceVariables.PARTICIPANTS;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The participants as the model's expressions read them: the multi-instance collection
 * {@code ${conferenceRoster.numbers(conferenceParticipants)}} and what each participant's preparation shows
 * ({@code ${conferenceRoster.name(conferenceParticipants, participantNumber)}}, ...).
 */
@Component("conferenceRoster")
public class ConferenceRoster {

  /** The case's roster, as named on the "Name participants" form. */
  static Roster of(VariableScope scope) {
    return new Roster(CaseFile.of(scope).list(PARTICIPANTS, Participant.class));
  }

  static Roster read(Object participants) {
    return new Roster(JsonVariables.readList(participants, Participant.class));
  }

  public List<Integer> numbers(Object participants) {
    return read(participants).numbers();
  }

  public String name(Object participants, int number) {
    return read(participants).participant(number).name();
  }

  public String roleLabel(Object participants, int number) {
    return read(participants).participant(number).roleLabel();
  }

  public boolean isChild(Object participants, int number) {
    return read(participants).participant(number).isChild();
  }

  /** The parent or carer named for a child; empty for anyone else. */
  public String parentCarerName(Object participants, int number) {
    Participant participant = read(participants).participant(number);
    return participant.isChild() ? participant.parentCarerName() : "";
  }
}
