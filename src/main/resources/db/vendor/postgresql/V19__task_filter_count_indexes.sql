-- PostgreSQL only (H2 has no INCLUDE columns, and reads its small test data without them): what Tasklist's filters
-- count. Every list of a filter is counted as well (the count comes with the list), so a filter costs what counting
-- all the tasks it shows costs: an advisor's area holds a quarter of the authority's open tasks. The application's
-- task query (security/TaskQueryGrants.xml, selectTaskCountByQueryCriteriaGrantsInWhere) reads of each task only
-- ID_, PROC_DEF_ID_ (its definition's key is granted too), ASSIGNEE_, SUSPENSION_STATE_ (Tasklist asks for active
-- tasks) and TENANT_ID_; of each identity link of the "My area" filters only GROUP_ID_, TYPE_ and TASK_ID_. Without
-- these indexes PostgreSQL reads those columns from the tables' pages, where the tasks of one advisor or one area are
-- spread over nearly every page. Measured at 100,000 open tasks (25,000 in the area, 12,500 assigned to the
-- advisor), the count's SQL as the advisor, median of 9 runs in psql, without / with: "My tasks" 30 / 13-21 ms,
-- "My area - unclaimed" 75 / 41-52 ms, "My area - all open tasks" 122-138 / 66-69 ms.

-- Serves "My tasks" (RES.ASSIGNEE_ = the reader) and "My area - unclaimed" (RES.ASSIGNEE_ IS NULL) from the index
-- alone, and is the narrow copy of all open tasks that the count of "My area - all open tasks" reads instead of the
-- table to join them to the area's candidate links.
create index if not exists rrp_task_assignee_filters on act_ru_task (assignee_)
  include (id_, proc_def_id_, suspension_state_, tenant_id_);
analyze act_ru_task;

-- Serves the "My area" filters' candidate test (EXISTS a candidate link of the task to one of the reader's groups):
-- the area's links and their task ids from the index alone.
create index if not exists rrp_identitylink_group_tasks on act_ru_identitylink (group_id_, type_)
  include (task_id_);
analyze act_ru_identitylink;
