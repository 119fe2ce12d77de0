-- read path: zones and their history rendered as JSON by PostgreSQL (io.vigie.kit.read)

create view zone_document as
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
                                'records', s.records::json) order by s.name, s.type)
                            from record_set s where s.zone_id = z.id), '[]'::json) as "recordSets",
                  z.created_by as "createdBy", json_instant(z.created_at) as "createdAt",
                  json_instant(z.updated_at) as "updatedAt", z.version) r) as doc
from zone z;

create view zone_change_document as
select c.id, c.zone_id, c.tenant, c.changed_at,
       (select to_json(r) from (
           select c.id, c.zone_id as "zoneId", c.actor, c.reason,
                  json_instant(c.changed_at) as "changedAt", c.serial,
                  c.changes::json as changes) r) as doc
from zone_change c;
