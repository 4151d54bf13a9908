-- PostgreSQL only (H2 has no INCLUDE columns, and reads its small test data without them): the indexes of the
-- reader's grants that the application's task query tests (security/TaskQueryGrants.xml, readersGrants). Every task
-- query with authorization (Tasklist's filters, their counts, TaskService and REST task queries) selects, once per
-- query, the resource ids the reader may read tasks of:
--   select RESOURCE_ID_ from ACT_RU_AUTHORIZATION where TYPE_ < 2 and USER_ID_ in (?, '*') and <permission bits>
--   union all
--   select RESOURCE_ID_ from ACT_RU_AUTHORIZATION where TYPE_ < 2 and GROUP_ID_ in (...) and <permission bits>
-- and hashes them (RES.ID_ IN (...), D.KEY_ IN (...)). An advisor's area holds a grant per task, so without these each
-- query read the whole table (every grant of every area) twice. With them each part is an index-only scan of the
-- reader's own rows: the key finds the user or group, and the included columns answer the bit tests on PERMS_ and
-- give RESOURCE_ID_ without visiting the table.

-- Serves readersGrants' first part: the reader's own grants and global authorizations ('*').
create index if not exists rrp_auth_user_grants on act_ru_authorization (user_id_, resource_type_, type_)
  include (resource_id_, perms_);
-- Serves readersGrants' second part: the grants of the reader's groups (an advisor's area: one per open task).
create index if not exists rrp_auth_group_grants on act_ru_authorization (group_id_, resource_type_, type_)
  include (resource_id_, perms_);
analyze act_ru_authorization;

-- Serves the filter "Due soon / overdue" (TaskFilters.dueSoonOrOverdue: RES.DUE_DATE_ < now + 2 days) and any task
-- query by due date: without it every open task is read to find the few due soon (50-80 ms at 100,000 open tasks,
-- measured with EXPLAIN ANALYZE; under 1 ms with it).
create index if not exists rrp_task_due_date on act_ru_task (due_date_);
analyze act_ru_task;
