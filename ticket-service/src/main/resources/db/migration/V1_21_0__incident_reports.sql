-- Post-incident reports: one per incident, drafted when it is resolved (facts assembled from its
-- public timeline and alert history), written by staff (cause, solution, follow-up actions) and
-- published to the client version by version. Every version is kept.
create table incident_report (
    id                uuid        primary key,
    ticket_id         uuid        not null unique references ticket (id),
    -- the client; null for an internal parent incident's report, which is never published
    tenant            text,
    reference         text        not null,
    facts             jsonb       not null,
    cause             text        not null,
    solution          text        not null,
    follow_ups        text[]      not null,
    drafted_at        timestamptz not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    -- the version the client reads; null until one is published
    published_version bigint,
    published_at      timestamptz,
    version           bigint      not null
);

create table incident_report_version (
    report_id    uuid        not null references incident_report (id),
    version      bigint      not null,
    at           timestamptz not null,
    author       text        not null,
    facts        jsonb       not null,
    cause        text        not null,
    solution     text        not null,
    follow_ups   text[]      not null,
    -- when this version was published to the client; null for a draft version
    published_at timestamptz,
    primary key (report_id, version)
);

-- the monthly service report lists the publications of a month
create index incident_report_version_published on incident_report_version (published_at)
    where published_at is not null;
