-- dns-service: DRP switch-over (io.vigie.dns.drp)

-- the TTL a failover record set had before a DRP lowered it; restored on the return to production
alter table record_set add column production_ttl bigint;
create index record_set_failover on record_set (zone_id) where failover_group is not null;

-- one DNS switch per DRP run step: accepted from backup.events, applied, verified by queries
create table dns_switch (
    id          uuid primary key,
    plan_id     uuid not null,
    run_id      uuid not null,
    tenant      text not null,
    -- FAILOVER or RETURN_TO_PRODUCTION
    direction   text not null,
    position    integer not null,
    -- JSON array of the addresses to point at
    addresses   text not null,
    -- JSON array of {zoneId, zone, providers, name, type, records}: what each server must answer
    targets     text not null,
    -- VERIFYING, APPLIED (DnsSwitchApplied published), FAILED (DnsSwitchFailed published)
    state       text not null,
    detail      text,
    accepted_at timestamptz not null,
    deadline    timestamptz not null,
    finished_at timestamptz,
    unique (run_id, position)
);
create index dns_switch_verifying on dns_switch (accepted_at) where state = 'VERIFYING';

-- the zone documents now show each record set's failover group
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
from zone z;
