-- Tickets: one row per ticket with its contract clocks (ContractClock.State as JSON) and the next
-- instant a clock may cross a threshold, which the clock job polls on an index.
create table ticket (
    id                 uuid        primary key,
    reference          text        not null unique,
    -- the client (code); null for an internal parent incident, which only staff see
    tenant             text,
    type               text        not null check (type in ('INCIDENT', 'REQUEST', 'CHANGE', 'PROBLEM')),
    status             text        not null check (status in
                           ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_FOR_CLIENT', 'RESOLVED', 'CLOSED')),
    impact             text        not null check (impact in ('HIGH', 'MEDIUM', 'LOW')),
    urgency            text        not null check (urgency in ('HIGH', 'MEDIUM', 'LOW')),
    priority           text        not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    support_level      text        not null check (support_level in ('L1', 'L2', 'L3')),
    assignee           text,
    title              text        not null,
    description        text        not null,
    parent_id          uuid        references ticket (id),
    alert_fingerprint  text,
    opened_by          text        not null,
    opened_at          timestamptz not null,
    clock_started_at   timestamptz not null,
    acknowledged_at    timestamptz,
    first_action_at    timestamptz,
    resolved_at        timestamptz,
    closed_at          timestamptz,
    intervention_clock jsonb,
    resolution_clock   jsonb,
    next_clock_check   timestamptz,
    -- deadlines of the running clocks, for lists and "due soon" filters; null when not running
    intervention_deadline timestamptz,
    resolution_deadline   timestamptz,
    version            bigint      not null,
    check (tenant is not null or parent_id is null)
);

create index ticket_tenant_opened on ticket (tenant, opened_at desc, id);
create index ticket_opened on ticket (opened_at desc, id);
create index ticket_parent on ticket (parent_id);
create index ticket_clock_due on ticket (next_clock_check) where next_clock_check is not null;
-- the open incident of an alert, per client: where a repeated firing lands
create index ticket_alert on ticket (alert_fingerprint, tenant) where alert_fingerprint is not null;

-- Human references INC-2026-000123: one counter per prefix and year, taken in the ticket's
-- transaction (a rolled-back create leaves a gap, never a duplicate).
create table ticket_counter (
    prefix text    not null,
    year   integer not null,
    last   bigint  not null,
    primary key (prefix, year)
);

-- What a ticket is about: servers, VMs, hosted services (ids from the inventory) and alerts
-- (fingerprints).
create table ticket_link (
    ticket_id  uuid not null references ticket (id),
    kind       text not null check (kind in ('SERVER', 'VIRTUAL_MACHINE', 'HOSTED_SERVICE', 'ALERT')),
    target     text not null,
    label      text,
    primary key (ticket_id, kind, target)
);

create index ticket_link_target on ticket_link (kind, target);

-- The timeline: every change, comment and event. INTERNAL entries are never shown to a client.
create table ticket_entry (
    id         uuid        primary key,
    -- insertion order, for entries written at the same instant
    seq        bigint      generated always as identity,
    ticket_id  uuid        not null references ticket (id),
    at         timestamptz not null,
    kind       text        not null,
    visibility text        not null check (visibility in ('PUBLIC', 'INTERNAL')),
    author     text        not null,
    body       text        not null
);

create index ticket_entry_ticket on ticket_entry (ticket_id, at, seq);
