-- What the API answers, rendered by PostgreSQL for the read path (io.vigie.kit.read.Reads): each
-- view's doc is one list item, written as Jackson writes the Java views it replaces (same names,
-- nulls kept, instants through json_instant, enums as names, JSON text columns embedded as JSON).
-- The other columns are what the filters, tenant walls and keysets use.

create view alert_document as
select a.id, a.server_id, a.hosted_service_id, a.state, a.source, a.started_at, a.resolved_at,
       (select to_json(r) from (select a.id, a.fingerprint, a.state, a.severity, a.summary,
                                       a.target, a.server_id as "serverId",
                                       a.hosted_service_id as "hostedServiceId", a.source,
                                       a.labels::json as labels,
                                       a.annotations::json as annotations,
                                       json_instant(a.started_at) as "startedAt",
                                       json_instant(a.fired_at) as "firedAt",
                                       json_instant(a.resolved_at) as "resolvedAt", a.notified,
                                       a.suppressed_by as "suppressedBy",
                                       a.grouped_under as "groupedUnder", a.flaps) r) as doc
from alert a;

-- a server as a target; roles are kept comma-separated, monitored/silenced as Surveillance says
create view target_document as
select s.id, s.hostname, s.datacenter_code, s.status,
       (select to_json(r) from (select s.id, s.hostname, s.datacenter_code as "datacenterCode",
                                       s.address, string_to_array(s.roles, ',') as roles,
                                       s.status,
                                       s.status in ('ACTIVE', 'MAINTENANCE') as monitored,
                                       s.status = 'MAINTENANCE' as silenced) r) as doc
from target_server s;

create view check_state_document as
select c.server_id, c.check_name, c.status,
       (select to_json(r) from (select c.server_id as "serverId", c.check_name as "check",
                                       c.status, c.output,
                                       json_instant(c.last_result_at) as "lastResultAt",
                                       json_instant(c.status_since) as "statusSince",
                                       c.consecutive_failures as "consecutiveFailures") r) as doc
from check_state c;

-- the definition is kept as the JSON RuleDefinition writes
create view alert_rule_document as
select a.id, a.name, a.kind, a.enabled,
       (select to_json(r) from (select a.id, a.builtin, a.version,
                                       json_instant(a.updated_at) as "updatedAt",
                                       a.updated_by as "updatedBy",
                                       a.definition::json as rule) r) as doc
from alert_rule a;

-- the settings are kept as the JSON ProbeSettings writes (without nulls)
create view active_check_document as
select a.id, a.name, a.kind, a.server_id, a.hosted_service_id,
       (select to_json(r) from (select a.id, a.name, a.kind, a.server_id as "serverId",
                                       a.hosted_service_id as "hostedServiceId",
                                       a.interval_seconds as "intervalSeconds",
                                       a.timeout_seconds as "timeoutSeconds", a.enabled,
                                       a.settings::json as settings,
                                       json_instant(a.created_at) as "createdAt",
                                       json_instant(a.updated_at) as "updatedAt",
                                       a.version) r) as doc
from active_check a;

-- What each client owns among the targets, as io.vigie.monitoring.maintenance.ClientTargets
-- counts it: its hosted services, and the servers carrying them or its guests (directly, or
-- the hosts of the VMs its hosted services run on).
create view client_target as
select s.tenant, 'HOSTED_SERVICE' as target_kind, s.id as target_id
from target_service s
union
select s.tenant, 'SERVER', unnest(string_to_array(s.server_ids, ','))::uuid
from target_service s
union
select g.tenant, 'SERVER', g.host_server_id
from target_guest g
union
select s.tenant, 'SERVER', g.host_server_id
from target_service s
join target_guest g on g.id::text = any (string_to_array(s.virtual_machine_ids, ','));

-- a maintenance window as staff read it: every target
create view maintenance_window_document as
select w.id, w.starts_at, w.recurs_until, w.cancelled, w.cancelled_at,
       (select to_json(r) from (select w.id,
                                       array(select t.target_id from maintenance_window_target t
                                             where t.window_id = w.id
                                               and t.target_kind = 'SERVER'
                                             order by t.target_id) as "serverIds",
                                       array(select t.target_id from maintenance_window_target t
                                             where t.window_id = w.id
                                               and t.target_kind = 'HOSTED_SERVICE'
                                             order by t.target_id) as "hostedServiceIds",
                                       json_instant(w.starts_at) as "startsAt",
                                       json_instant(w.ends_at) as "endsAt", w.rrule,
                                       w.time_zone as "timeZone", w.reason, w.source,
                                       w.created_by as "createdBy",
                                       json_instant(w.created_at) as "createdAt", w.cancelled,
                                       json_instant(w.cancelled_at) as "cancelledAt",
                                       w.cancelled_by as "cancelledBy") r) as doc
from maintenance_window w;

-- a maintenance window as a client reads it: one row per client it covers, with only that
-- client's targets
create view maintenance_window_client_document as
select w.id, w.starts_at, w.recurs_until, w.cancelled, w.cancelled_at, c.tenant,
       (select to_json(r) from (select w.id,
                                       array(select t.target_id from maintenance_window_target t
                                             join client_target ct
                                               on ct.target_id = t.target_id
                                              and ct.target_kind = t.target_kind
                                             where t.window_id = w.id
                                               and t.target_kind = 'SERVER'
                                               and ct.tenant = c.tenant
                                             order by t.target_id) as "serverIds",
                                       array(select t.target_id from maintenance_window_target t
                                             join client_target ct
                                               on ct.target_id = t.target_id
                                              and ct.target_kind = t.target_kind
                                             where t.window_id = w.id
                                               and t.target_kind = 'HOSTED_SERVICE'
                                               and ct.tenant = c.tenant
                                             order by t.target_id) as "hostedServiceIds",
                                       json_instant(w.starts_at) as "startsAt",
                                       json_instant(w.ends_at) as "endsAt", w.rrule,
                                       w.time_zone as "timeZone", w.reason, w.source,
                                       w.created_by as "createdBy",
                                       json_instant(w.created_at) as "createdAt", w.cancelled,
                                       json_instant(w.cancelled_at) as "cancelledAt",
                                       w.cancelled_by as "cancelledBy") r) as doc
from maintenance_window w
join (select distinct ct.tenant, t.window_id
      from client_target ct
      join maintenance_window_target t on t.target_id = ct.target_id) c on c.window_id = w.id;

-- the keysets and the filters of the lists
create index alert_started_id on alert (started_at, id);
create index alert_open_started_id on alert (started_at, id) where resolved_at is null;
create index alert_hosted_service on alert (hosted_service_id, started_at)
    where hosted_service_id is not null;
create index target_server_hostname_id on target_server (hostname, id);
create index target_server_datacenter on target_server (datacenter_code, hostname, id);
create index check_state_status on check_state (status, server_id, check_name);
create index maintenance_window_starts_id on maintenance_window (starts_at, id);
create index target_guest_tenant on target_guest (tenant);
create index target_service_tenant on target_service (tenant);
