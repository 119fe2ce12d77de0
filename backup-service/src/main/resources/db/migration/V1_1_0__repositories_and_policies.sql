-- Where backups land, and what each client's targets must have backed up where.

create table backup_repository (
    id              uuid        primary key,
    -- null: the hoster's shared repository (staff only); else the client it belongs to
    tenant          text,
    name            text        not null,
    kind            text        not null,
    location        text        not null,
    datacenter_id   uuid        not null,
    datacenter_code text        not null,
    -- a reference to the secret (vault path, env var name), never the secret; never returned
    password_ref    text,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create unique index backup_repository_name on backup_repository (coalesce(tenant, ''), name);

create table backup_policy (
    id                     uuid        primary key,
    tenant                 text        not null,
    name                   text        not null,
    kind                   text        not null,
    target_kind            text        not null,
    target_id              uuid        not null,
    target_name            text        not null,
    time_zone              text        not null,
    rpo_seconds            bigint      not null,
    start_grace_seconds    bigint      not null,
    max_run_seconds        bigint      not null,
    keep_last              integer     not null,
    keep_hourly            integer     not null,
    keep_daily             integer     not null,
    keep_weekly            integer     not null,
    keep_monthly           integer     not null,
    keep_yearly            integer     not null,
    keep_within            text,
    -- when the policy began to be watched: overdue and RPO count from here before any run
    active_since           timestamptz not null,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

create unique index backup_policy_name on backup_policy (tenant, name);
create index backup_policy_target on backup_policy (target_id);

-- One copy a policy must keep: in which repository, on which schedule, reported on which
-- (unguessable) ping key.
create table backup_policy_copy (
    id              uuid    primary key,
    policy_id       uuid    not null references backup_policy (id) on delete cascade,
    position        integer not null,
    repository_id   uuid    not null references backup_repository (id),
    schedule        text    not null,
    max_age_seconds bigint  not null,
    ping_key        uuid    not null unique,
    unique (policy_id, position)
);

create index backup_policy_copy_repository on backup_policy_copy (repository_id);
