-- Planned maintenance: a window pages nobody and does not count as downtime while one of its
-- occurrences runs. Occurrences are computed from starts_at/ends_at and the RRULE in Java;
-- recurs_until bounds the last one so the candidate windows of a period are one indexed query.
create table maintenance_window (
    id            uuid        primary key,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    rrule         text,
    time_zone     text        not null,
    -- after this no occurrence runs; null when the window recurs forever
    recurs_until  timestamptz,
    reason        text        not null,
    source        text        not null check (source in ('API', 'TICKET')),
    created_by    text        not null,
    created_at    timestamptz not null,
    -- a cancelled window is kept for history; its occurrences stop at cancelled_at
    cancelled     boolean     not null default false,
    cancelled_at  timestamptz,
    cancelled_by  text,
    version       bigint      not null,
    check (ends_at > starts_at),
    check (cancelled = (cancelled_at is not null))
);

create index maintenance_window_span on maintenance_window (starts_at, recurs_until);

-- The servers and hosted services a window covers.
create table maintenance_window_target (
    window_id   uuid not null references maintenance_window (id),
    target_kind text not null check (target_kind in ('SERVER', 'HOSTED_SERVICE')),
    target_id   uuid not null,
    primary key (window_id, target_kind, target_id)
);

create index maintenance_window_target_id on maintenance_window_target (target_id);

-- Clients as availability reports need them, from inventory.events: the contract's monthly
-- availability target in percent (null without a contract).
create table target_client (
    id                  uuid          primary key,
    code                text          not null unique,
    name                text          not null,
    availability_target numeric(6, 3),
    inventory_version   bigint        not null
);
