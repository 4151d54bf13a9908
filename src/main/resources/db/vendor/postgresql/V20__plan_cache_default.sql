-- PostgreSQL only. V15 set plan_cache_mode = force_custom_plan on this database, so that the task queries were
-- planned with their values at every run: the grants' bit tests on PERMS_ are estimated well only with the reader's
-- and their groups' ids, and a plan made once for unknown values took 73 s for a "Due soon" count at 20,000 open
-- tasks. It also made PostgreSQL plan every other statement of the engine at every run, the many small ones each case
-- runs (about 1,000) included: the benchmark's cases per second were 11-36 % lower with it.
-- Since this migration the statements that read authorizations keep their values by themselves
-- (security/AuthorizationQueryPlanning: pgjdbc never makes them server-side prepared statements), and the rest is
-- planned as PostgreSQL does by default. Sessions opened after this migration take it; a node that migrates at
-- start-up reopens its pool's connections (system/SchemaConfiguration).
do $$
begin
  execute format('alter database %I reset plan_cache_mode', current_database());
end
$$;
