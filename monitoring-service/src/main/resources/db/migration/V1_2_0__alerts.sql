-- Alerts and their history: one open alert per fingerprint, every alert kept once resolved.
create table alert (
    id           uuid        primary key,
    fingerprint  text        not null,
    server_id    uuid        not null references target_server (id),
    source       text        not null,
    severity     text        not null,
    summary      text        not null,
    started_at   timestamptz not null,
    resolved_at  timestamptz
);

create unique index alert_open_fingerprint on alert (fingerprint) where resolved_at is null;
create index alert_server on alert (server_id, started_at);
