package org.rrp.workflow.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The training calendar: events of a stage with a number of places ({@code rrp_training_event}), and settings'
 * bookings ({@code rrp_training_booking}). A booking takes a place while there is one, else joins the event's
 * waiting list; a cancelled place goes to the first on the list whose journey can take it. Each change locks the event's row, so two
 * bookings at the same moment cannot both take the last place.
 */
@Repository
class TrainingCalendar {

  enum Status { CONFIRMED, WAITING }

  record Event(long id, String stageId, String title, Instant startsAt, String venue, int places) {
  }

  /**
   * A setting's place (or waiting-list entry) on an event, with the journey to tell. Its id is new each time the
   * setting books (or joins the list) again, so it tells one offer of a place from another.
   */
  record Booking(long bookingId, long eventId, String settingId, String processInstanceId, Status status) {
  }

  private final JdbcTemplate jdbc;

  TrainingCalendar(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long addEvent(String stageId, String title, OffsetDateTime startsAt, String venue, int places) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into rrp_training_event (stage_id, title, starts_at, venue, places) "
          + "values (?, ?, ?, ?, ?)", new String[] {"event_id"});
      insert.setString(1, stageId);
      insert.setString(2, title);
      insert.setTimestamp(3, Timestamp.from(startsAt.toInstant()));
      insert.setString(4, venue);
      insert.setInt(5, places);
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /** The events of a stage that have not started yet, soonest first. */
  List<Event> upcoming(String stageId, Instant now) {
    return jdbc.query("select event_id, stage_id, title, starts_at, venue, places from rrp_training_event "
        + "where stage_id = ? and starts_at > ? order by starts_at, event_id", (rs, i) -> new Event(rs.getLong(1),
        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)), stageId,
        Timestamp.from(now));
  }

  Optional<Event> event(long eventId) {
    return jdbc.query("select event_id, stage_id, title, starts_at, venue, places from rrp_training_event "
        + "where event_id = ?", (rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)), eventId).stream().findFirst();
  }

  int freePlaces(long eventId) {
    Event event = event(eventId).orElseThrow();
    return event.places() - count(eventId, Status.CONFIRMED);
  }

  /** Books the setting onto the event: a place if one is free, else the end of the waiting list. */
  Status book(long eventId, String settingId, String processInstanceId, Instant now) {
    int places = lock(eventId);
    Status status = count(eventId, Status.CONFIRMED) < places ? Status.CONFIRMED : Status.WAITING;
    jdbc.update("insert into rrp_training_booking (event_id, setting_id, process_instance_id, status, booked_at) "
        + "values (?, ?, ?, ?, ?)", eventId, settingId, processInstanceId, status.name(), Timestamp.from(now));
    return status;
  }

  /**
   * Cancels the setting's booking of the event. A confirmed place it held goes to the first setting on the waiting
   * list that {@code canTake} it (its journey waiting for the offer, not suspended), which is returned so that its
   * journey goes on and its leads are told; a setting passed over keeps its place on the list. When none can take
   * it, or the event has started by {@code now} (too late to offer it), the place stays free.
   */
  Optional<Booking> cancel(long eventId, String settingId, Instant now, Predicate<Booking> canTake) {
    lock(eventId);
    List<String> status = jdbc.queryForList("select status from rrp_training_booking where event_id = ? and setting_id = ?",
        String.class, eventId, settingId);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    jdbc.update("delete from rrp_training_booking where event_id = ? and setting_id = ?", eventId, settingId);
    if (!Status.CONFIRMED.name().equals(status.get(0)) || !event(eventId).orElseThrow().startsAt().isAfter(now)) {
      return Optional.empty();
    }
    Optional<Booking> first = jdbc.query("select booking_id, event_id, setting_id, process_instance_id from rrp_training_booking "
        + "where event_id = ? and status = ? order by booking_id", (rs, i) -> new Booking(rs.getLong(1), rs.getLong(2),
        rs.getString(3), rs.getString(4), Status.CONFIRMED), eventId, Status.WAITING.name()).stream().filter(canTake)
        .findFirst();
    first.ifPresent(promoted -> jdbc.update("update rrp_training_booking set status = ? where booking_id = ?",
        Status.CONFIRMED.name(), promoted.bookingId()));
    return first;
  }

  /** The waiting list of an event, in order: the settings' ids. */
  List<String> waitingList(long eventId) {
    return jdbc.queryForList("select setting_id from rrp_training_booking where event_id = ? and status = ? "
        + "order by booking_id", String.class, eventId, Status.WAITING.name());
  }

  private int lock(long eventId) {
    List<Integer> places = jdbc.queryForList("select places from rrp_training_event where event_id = ? for update",
        Integer.class, eventId);
    if (places.isEmpty()) {
      throw new IllegalArgumentException("no training event " + eventId);
    }
    return places.get(0);
  }

  private int count(long eventId, Status status) {
    return jdbc.queryForObject("select count(*) from rrp_training_booking where event_id = ? and status = ?",
        Integer.class, eventId, status.name());
  }
}
