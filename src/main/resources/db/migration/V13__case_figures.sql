-- One row per case (per referral process instance): the facts the managers' figures count, kept up to date from
-- the engine's history events as the case moves (figures.CaseFactRecorder). The figures then read one narrow
-- table instead of joining history variables, so they stay fast as history grows; nothing personal is kept here
-- (no names, no free text), and a row goes when its case's history is cleaned up (figures.CaseFactCleanup).
create table rrp_case_fact (
  process_instance_id    varchar(64)  not null primary key,
  case_reference         varchar(32),
  received_at            timestamp    not null,
  service                varchar(40),
  area                   varchar(64),
  eligible               boolean,
  ineligible_decision    varchar(16),
  ineligibility_reason   varchar(200),
  advisor_id             varchar(64),
  allocated_at           timestamp,
  allocated_by_hand      boolean      default false not null,
  days_to_allocation     integer,
  first_meeting_at       timestamp,
  days_to_first_meeting  integer,
  reviews_held           integer      default 0 not null,
  circle_resolved        boolean,
  stopped                boolean      default false not null,
  conference_status      varchar(32),
  closed_at              timestamp,
  outcome                varchar(40)
);
-- Demand and timeliness count the cases received in a period.
create index rrp_case_fact_received on rrp_case_fact (received_at);
-- Outcomes count the cases closed in a period.
create index rrp_case_fact_closed on rrp_case_fact (closed_at);
-- Caseload counts the open cases (closed_at is null) by area and advisor.
create index rrp_case_fact_open_by_area on rrp_case_fact (closed_at, area, advisor_id);
-- Reminders and escalations sent in a period (joined to the case facts for their area).
create index rrp_notification_sent_type_at on rrp_notification_sent (notification_type, sent_at);
