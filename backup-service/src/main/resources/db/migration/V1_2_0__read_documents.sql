-- Read documents (kit read path): PostgreSQL renders each item's JSON in the shape the API's
-- records have (RepositoryView, PolicyView), so lists and gets never load entities.

-- Durations as Jackson writes java.time.Duration: PT26H30M, PT0S
create function json_duration(s bigint) returns text
language sql immutable parallel safe
as $$
select case when s = 0 then 'PT0S'
            else 'PT'
                 || case when s / 3600 <> 0 then (s / 3600)::text || 'H' else '' end
                 || case when (s % 3600) / 60 <> 0 then ((s % 3600) / 60)::text || 'M' else '' end
                 || case when s % 60 <> 0 then (s % 60)::text || 'S' else '' end
       end
$$;

create view repository_document as
select r.id, r.tenant, r.name, r.kind, r.datacenter_code,
       (select to_json(d) from (select r.id, r.name, r.kind, r.location,
                                       r.datacenter_id as "datacenterId",
                                       r.datacenter_code as "datacenterCode", r.tenant,
                                       coalesce(r.password_ref, '') <> '' as "passwordConfigured",
                                       r.version,
                                       json_instant(r.created_at) as "createdAt",
                                       json_instant(r.updated_at) as "updatedAt") d) as doc
from backup_repository r;

create view policy_document as
select p.id, p.tenant, p.name, p.kind, p.target_id,
       (select to_json(d) from (
           select p.id, p.tenant, p.name, p.kind,
                  json_build_object('kind', p.target_kind, 'id', p.target_id) as target,
                  p.target_name as "targetName", p.time_zone as "timeZone",
                  json_duration(p.rpo_seconds) as rpo,
                  json_duration(p.start_grace_seconds) as "startGrace",
                  json_duration(p.max_run_seconds) as "maxRunDuration",
                  json_build_object('keepLast', p.keep_last, 'keepHourly', p.keep_hourly,
                                    'keepDaily', p.keep_daily, 'keepWeekly', p.keep_weekly,
                                    'keepMonthly', p.keep_monthly, 'keepYearly', p.keep_yearly,
                                    'keepWithin', p.keep_within) as retention,
                  coalesce((select json_agg(json_build_object(
                                        'repositoryId', c.repository_id,
                                        'repositoryName', r.name,
                                        'datacenterCode', r.datacenter_code,
                                        'schedule', c.schedule,
                                        'maxAge', json_duration(c.max_age_seconds),
                                        'pingPath', '/ping/' || c.ping_key) order by c.position)
                            from backup_policy_copy c
                            join backup_repository r on r.id = c.repository_id
                            where c.policy_id = p.id), '[]'::json) as copies,
                  json_instant(p.active_since) as "activeSince", p.version,
                  json_instant(p.created_at) as "createdAt",
                  json_instant(p.updated_at) as "updatedAt") d) as doc
from backup_policy p;

create index backup_policy_list on backup_policy (tenant, name, id);
create index backup_repository_list on backup_repository (name, id);
