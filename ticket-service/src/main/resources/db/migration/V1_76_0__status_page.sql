-- The public status page (io.vigie.ticket.status): the platforms a hoster publishes, and the
-- incidents and planned interventions staff publish on it, each in words written for the page.
-- Nothing here is copied from a ticket's description, its comments or its client: the public read
-- path reads these tables (and public announcements), never the ticket's own text.
create table status_platform (
    id                 uuid        primary key,
    -- the stable name in the page's anchors and in the notices' "platforms"
    slug               text        not null unique,
    name               text        not null,
    description        text,
    display_order      integer     not null,
    -- whose availability the page shows: monitoring's targets (inventory ids)
    server_ids         uuid[]      not null,
    hosted_service_ids uuid[]      not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_by         text        not null,
    updated_at         timestamptz not null,
    version            bigint      not null
);

-- An incident or a planned intervention as published on the page: its public title, the
-- platforms it concerns and its current phase; its public wording is its updates.
create table status_notice (
    id              uuid        primary key,
    kind            text        not null check (kind in ('INCIDENT', 'MAINTENANCE')),
    ticket_id       uuid        references ticket (id),
    intervention_id uuid        references intervention (id),
    title           text        not null,
    platform_ids    uuid[]      not null,
    phase           text        not null check (phase in ('INVESTIGATING', 'IDENTIFIED',
                        'MONITORING', 'RESOLVED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED')),
    published_by    text        not null,
    published_at    timestamptz not null,
    -- when the last update said RESOLVED or COMPLETED
    resolved_at     timestamptz,
    -- taken down: no longer on the page nor in its feeds (kept for the record)
    withdrawn_by    text,
    withdrawn_at    timestamptz,
    updated_at      timestamptz not null,
    version         bigint      not null,
    check ((kind = 'INCIDENT') = (ticket_id is not null)),
    check ((kind = 'MAINTENANCE') = (intervention_id is not null))
);

-- one notice on the page per incident or intervention at a time
create unique index status_notice_live_ticket on status_notice (ticket_id)
    where withdrawn_at is null and ticket_id is not null;
create unique index status_notice_live_intervention on status_notice (intervention_id)
    where withdrawn_at is null and intervention_id is not null;
create index status_notice_live on status_notice (published_at desc) where withdrawn_at is null;

-- Each public update, kept and timestamped (statuspage.io's incident updates).
create table status_notice_update (
    id        uuid        primary key,
    notice_id uuid        not null references status_notice (id),
    at        timestamptz not null,
    phase     text        not null,
    message   text        not null,
    author    text        not null
);

create index status_notice_update_notice on status_notice_update (notice_id, at);
