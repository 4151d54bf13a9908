-- A once-only notification is claimed before it is sent, not only recorded after: the row is written and committed
-- first (sent_at empty, claimed_until the time the claim lapses), then the message goes, then the row is marked
-- sent. Two nodes running the same reminder at once (a job whose lock ran out while it was still running) cannot
-- both send it: the second finds the claim and is tried again later. A claim whose node died before sending lapses
-- and is taken over; a send that fails gives its claim back. Serves NotificationLog.
alter table rrp_notification_sent alter column sent_at drop not null;
alter table rrp_notification_sent add column claimed_until timestamp;
