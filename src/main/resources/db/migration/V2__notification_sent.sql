-- Reminders and other notifications that must go out once: a row per message sent, keyed by what it is
-- about (case, meeting, action, task, recipient), written in its own transaction right after the send.
create table rrp_notification_sent (
  notification_key varchar(400) primary key,
  notification_type varchar(64) not null,
  case_reference    varchar(32),
  sent_at           timestamp    not null
);
