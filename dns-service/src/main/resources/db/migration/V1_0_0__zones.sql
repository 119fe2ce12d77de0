-- dns-service: clients' zones and record sets as data, their audit trail, where each provider stands

-- the clients (tenants) as inventory-service publishes them: the zones' owners
create table dns_client (
    id                uuid primary key,
    code              text not null unique,
    name              text not null,
    inventory_version bigint not null
);

create table zone (
    id           uuid primary key,
    tenant       text not null,
    -- absolute, lower case, with the trailing dot
    name         text not null unique,
    serial       bigint not null,
    -- the most RRsets the client may keep in this zone (self-service quota); staff are not bound
    record_quota integer not null,
    -- provider names (configuration keys), comma separated
    providers    text not null,
    created_by   text not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null
);
create index zone_tenant_name on zone (tenant, name);

create table record_set (
    id             uuid primary key,
    zone_id        uuid not null references zone (id) on delete cascade,
    -- absolute owner name, lower case, with the trailing dot
    name           text not null,
    type           text not null,
    ttl            bigint not null,
    -- JSON array of the records' data in presentation form, sorted
    records        text not null,
    failover_group text,
    unique (zone_id, name, type)
);

-- who changed what, when and why: one row per accepted change of a zone
create table zone_change (
    id         uuid primary key,
    zone_id    uuid not null references zone (id) on delete cascade,
    tenant     text not null,
    actor      text not null,
    reason     text,
    changed_at timestamptz not null,
    serial     bigint not null,
    -- JSON array of {name, type, before, after}
    changes    text not null
);
create index zone_change_zone_time on zone_change (zone_id, changed_at desc, id);

-- where each provider (authoritative server) stands for a zone
create table zone_provider (
    id             uuid primary key,
    zone_id        uuid not null references zone (id) on delete cascade,
    provider       text not null,
    -- IN_SYNC, OUT_OF_SYNC (pending or failed, retried), DRIFTED (changed behind Vigie's back)
    state          text not null,
    applied_serial bigint,
    detail         text,
    checked_at     timestamptz,
    unique (zone_id, provider)
);
