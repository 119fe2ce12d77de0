-- Active checks the service runs itself (HTTP, TCP, DNS), and the replicas that share them out.

create table active_check (
    id                uuid        primary key,
    name              text        not null,
    kind              text        not null check (kind in ('HTTP', 'TCP', 'DNS')),
    server_id         uuid        not null references target_server (id),
    hosted_service_id uuid,
    interval_seconds  integer     not null check (interval_seconds between 1 and 3600),
    timeout_seconds   integer     not null check (timeout_seconds >= 1 and timeout_seconds < interval_seconds),
    enabled           boolean     not null,
    -- the kind's settings as JSON text (url, host and port, name and record type, ...)
    settings          text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);

-- results are recorded under (server, check name): a name is unique per server
create unique index active_check_server_name on active_check (server_id, name);
create index active_check_hosted_service on active_check (hosted_service_id)
    where hosted_service_id is not null;

-- Each replica running checks says it is alive here; checks are shared out among the live ones.
create table probe_replica (
    replica_id   text        primary key,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null
);
