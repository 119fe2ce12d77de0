-- Planned interventions (io.vigie.ticket.intervention): proposed by staff over servers, VMs and
-- hosted services for a window; one consent per affected client; scheduled once every consent is
-- accepted, then started, ended or cancelled.
create table intervention (
    id                  uuid        primary key,
    reference           text        not null unique,
    title               text        not null,
    -- what the clients read about the work
    client_text         text        not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    status              text        not null check (status in
                            ('PROPOSED', 'SCHEDULED', 'STARTED', 'ENDED', 'CANCELLED')),
    -- the targets as staff named them
    server_ids          uuid[]      not null,
    guest_ids           uuid[]      not null,
    hosted_service_ids  uuid[]      not null,
    -- what monitoring silences besides the servers: the hosted services named, and those running
    -- on a VM named
    covered_service_ids uuid[]      not null,
    proposed_by         text        not null,
    proposed_at         timestamptz not null,
    scheduled_at        timestamptz,
    started_at          timestamptz,
    ended_at            timestamptz,
    cancelled_at        timestamptz,
    -- iCalendar SEQUENCE: bumped each time what a calendar shows changes
    sequence            integer     not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    check (ends_at > starts_at)
);

create index intervention_starts on intervention (starts_at desc, id);

-- One consent per affected client, holding the parts of the intervention that concern it (the
-- client reads only those).
create table intervention_consent (
    intervention_id    uuid        not null references intervention (id),
    tenant             text        not null,
    answer             text        not null check (answer in
                           ('PENDING', 'ACCEPTED', 'DECLINED', 'OTHER_SLOT_PROPOSED')),
    reason             text,
    proposed_starts_at timestamptz,
    proposed_ends_at   timestamptz,
    answered_by        text,
    answered_at        timestamptz,
    server_ids         uuid[]      not null,
    guest_ids          uuid[]      not null,
    -- its hosted services named, or running on a server or VM named
    hosted_service_ids uuid[]      not null,
    primary key (intervention_id, tenant)
);

create index intervention_consent_tenant on intervention_consent (tenant, intervention_id);

-- Names of the targets when proposed (hostnames, VM and service names), for the views.
create table intervention_target (
    intervention_id uuid not null references intervention (id),
    kind            text not null check (kind in ('SERVER', 'VIRTUAL_MACHINE', 'HOSTED_SERVICE')),
    target_id       uuid not null,
    label           text not null,
    primary key (intervention_id, kind, target_id)
);

-- The history: every change. An entry with a tenant is read by staff and that client only (its own
-- answer); one without by staff and every client concerned.
create table intervention_entry (
    id              uuid        primary key,
    seq             bigint      generated always as identity,
    intervention_id uuid        not null references intervention (id),
    at              timestamptz not null,
    kind            text        not null,
    tenant          text,
    author          text        not null,
    body            text        not null
);

create index intervention_entry_intervention on intervention_entry (intervention_id, at, seq);

-- Per-client iCalendar feed: only the SHA-256 of the unguessable token is kept, so the database
-- never holds a working feed URL; rotating replaces it (the old URL answers 404).
create table calendar_feed (
    tenant     text        primary key,
    token_hash text        not null unique,
    rotated_at timestamptz not null,
    rotated_by text        not null
);
