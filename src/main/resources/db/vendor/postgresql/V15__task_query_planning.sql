-- PostgreSQL only (H2 has no such statistics or settings): what the planner needs to answer Tasklist's filters
-- ("My tasks", "My area - unclaimed", "Due soon / overdue", the training filters) for a user whose authorizations
-- are checked. The engine's task query joins the authorizations a user or their groups hold on the task, its process
-- definition or '*' (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')), filtered by bit tests on PERMS_. Without these
-- the planner takes "PERMS_ & 2 = 2" to keep 0.5 % of the rows (it keeps all of them), expects a few dozen grants
-- where an area has thousands, and joins every filtered task to every grant: 15 to 70 million comparisons at 20,000
-- open tasks. With them it looks up each task's grants by ACT_IDX_AUTH_RESOURCE_ID instead.

-- Serves every task query with authorization: TASK READ (permission bit 2) on the task...
create statistics if not exists rrp_auth_perms_read on (perms_ & 2) from act_ru_authorization;
-- ...or READ_TASK (bit 64) on its process definition, the other half of the same check.
create statistics if not exists rrp_auth_perms_read_task on (perms_ & 64) from act_ru_authorization;
analyze act_ru_authorization;

-- Settings of this database, for every session of every node (they apply to sessions opened after the migration):
-- * plan_cache_mode: the engine's queries are prepared statements; after five runs PostgreSQL would plan them once
--   for unknown parameter values, where the bit tests above are guessed again (a "Due soon" count took 73 s so, at 20,000 tasks).
--   Planned with the values each time instead (a fraction of a millisecond each).
-- * random_page_cost 1.1: the working set is in memory or on SSD, so an index lookup per task costs what it does
--   there, not what it did on spinning disks (the default 4 makes the join above look cheaper than the lookups).
-- * jit off: compiling the plan to machine code costs hundreds of milliseconds, more than these queries take.
do $$
begin
  execute format('alter database %I set plan_cache_mode = force_custom_plan', current_database());
  execute format('alter database %I set random_page_cost = 1.1', current_database());
  execute format('alter database %I set jit = off', current_database());
end
$$;
