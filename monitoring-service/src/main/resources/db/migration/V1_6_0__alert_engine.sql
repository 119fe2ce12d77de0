-- One alerting engine for every source (check results, metric rules, Alertmanager): each alert
-- keeps its lifecycle (pending, firing, then resolved, or discarded when it cleared before its
-- `for`), whether the on-call was paged, why not (maintenance, grouped under a host-down alert),
-- and every state change, queryable per target, client and period.
alter table alert add column state text not null default 'FIRING'
    check (state in ('PENDING', 'FIRING', 'RESOLVED', 'DISCARDED'));
alter table alert add column target text not null default '';
alter table alert add column hosted_service_id uuid;
alter table alert add column labels text not null default '{}';
alter table alert add column annotations text not null default '{}';
alter table alert add column host_down boolean not null default false;
alter table alert add column fired_at timestamptz;
alter table alert add column clear_since timestamptz;
alter table alert add column last_observation timestamptz;
alter table alert add column flaps integer not null default 0;
alter table alert add column for_seconds bigint not null default 0;
alter table alert add column clear_for_seconds bigint not null default 0;
-- AlertFired published; an alert suppressed or grouped is published once that no longer holds
alter table alert add column notified boolean not null default false;
alter table alert add column suppressed_by text;
alter table alert add column grouped_under uuid references alert (id);
update alert set fired_at = started_at, notified = true, target = '';
update alert set state = 'RESOLVED' where resolved_at is not null;

create index alert_period on alert (started_at, resolved_at);
create index alert_open_host_down on alert (server_id) where resolved_at is null and host_down;

-- the clients an alert affects, for per-client history
create table alert_tenant (
    alert_id uuid not null references alert (id),
    tenant   text not null,
    primary key (alert_id, tenant)
);
create index alert_tenant_tenant on alert_tenant (tenant);

create table alert_transition (
    id        uuid        primary key,
    alert_id  uuid        not null references alert (id),
    state     text        not null,
    at        timestamptz not null,
    detail    text        not null
);
create index alert_transition_alert on alert_transition (alert_id, at);
