-- dns-service: deleting a zone. The row stays (its audit trail with it) marked deleted, hidden
-- from the API; its name is free for a new zone.

alter table zone add column deleted_at timestamptz;
alter table zone add column deleted_by text;
alter table zone drop constraint zone_name_key;
create unique index zone_live_name on zone (name) where deleted_at is null;

-- the zone documents show live zones only
create or replace view zone_document as
select z.id, z.tenant, z.name,
       (select to_json(r) from (
           select z.id, z.name, z.tenant, z.serial, z.record_quota as "recordQuota",
                  (select count(*) from record_set s where s.zone_id = z.id) as "recordSetCount",
                  coalesce((select json_agg(json_build_object(
                                'name', p.provider, 'state', p.state,
                                'appliedSerial', p.applied_serial, 'detail', p.detail,
                                'checkedAt', json_instant(p.checked_at)) order by p.provider)
                            from zone_provider p where p.zone_id = z.id), '[]'::json) as providers,
                  z.created_by as "createdBy", json_instant(z.created_at) as "createdAt",
                  json_instant(z.updated_at) as "updatedAt", z.version) r) as list_doc,
       (select to_json(r) from (
           select z.id, z.name, z.tenant, z.serial, z.record_quota as "recordQuota",
                  (select count(*) from record_set s where s.zone_id = z.id) as "recordSetCount",
                  coalesce((select json_agg(json_build_object(
                                'name', p.provider, 'state', p.state,
                                'appliedSerial', p.applied_serial, 'detail', p.detail,
                                'checkedAt', json_instant(p.checked_at)) order by p.provider)
                            from zone_provider p where p.zone_id = z.id), '[]'::json) as providers,
                  coalesce((select json_agg(json_build_object(
                                'name', s.name, 'type', s.type, 'ttl', s.ttl,
                                'records', s.records::json,
                                'failoverGroup', s.failover_group) order by s.name, s.type)
                            from record_set s where s.zone_id = z.id), '[]'::json) as "recordSets",
                  z.created_by as "createdBy", json_instant(z.created_at) as "createdAt",
                  json_instant(z.updated_at) as "updatedAt", z.version) r) as doc
from zone z
where z.deleted_at is null;
