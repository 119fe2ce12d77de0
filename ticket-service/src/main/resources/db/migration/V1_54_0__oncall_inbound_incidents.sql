-- Inbound integrations (oncall/inbound/): the incident a hoster's own tool opened for a client under
-- its dedup key; a repeat updates it, RESOLVED resolves it, a firing after resolution opens a new
-- one (the row then points at it). One row per (client, dedup key).
create table inbound_incident (
    id           uuid        primary key,
    tenant       text        not null,
    dedup_key    text        not null,
    ticket_id    uuid        not null,
    -- the token subject of the integration that last sent it
    integration  text        not null,
    summary      text        not null,
    priority     text        not null,
    status       text        not null,
    received     integer     not null,
    first_at     timestamptz not null,
    last_at      timestamptz not null,
    unique (tenant, dedup_key)
);
