-- Check results in the Monitoring-Plugins model, from agents, cron jobs or the service itself.

create table check_result (
    server_id    uuid        not null references target_server (id),
    check_name   text        not null,
    executed_at  timestamptz not null,
    status       text        not null check (status in ('OK', 'WARNING', 'CRITICAL', 'UNKNOWN')),
    output       text        not null,
    perfdata     text        not null,
    received_at  timestamptz not null default now(),
    -- a retried batch carries the same results: keep each once
    primary key (server_id, check_name, executed_at)
);

create table check_state (
    server_id            uuid        not null references target_server (id),
    check_name           text        not null,
    status               text        not null,
    output               text        not null,
    last_result_at       timestamptz not null,
    status_since         timestamptz not null,
    consecutive_failures integer     not null,
    primary key (server_id, check_name)
);
