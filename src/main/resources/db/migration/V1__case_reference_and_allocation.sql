-- The application's own tables, beside Camunda's. Plain SQL that H2 and PostgreSQL both run.

-- Human-readable case references (RRP-<year>-<number>): one counter per year, advanced in the
-- transaction that starts the case, so a rejected request leaves no gap.
create table rrp_case_reference (
  reference_year integer primary key,
  last_number    integer not null
);

-- Which advisor holds which case; open cases (closed_at is null) make an advisor's caseload.
create table rrp_case_allocation (
  case_reference varchar(32)  primary key,
  advisor_id     varchar(255) not null,
  area           varchar(255) not null,
  allocated_at   timestamp    not null,
  closed_at      timestamp
);

create index rrp_case_allocation_advisor on rrp_case_allocation (advisor_id, closed_at);
