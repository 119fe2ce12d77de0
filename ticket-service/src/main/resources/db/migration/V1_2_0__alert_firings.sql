-- Each firing of an alert (fingerprint and start) seen on monitoring.events, and when it resolved:
-- a firing republished under another event id, or replayed, is recognised and changes nothing.
create table alert_firing (
    fingerprint text        not null,
    started_at  timestamptz not null,
    seen_at     timestamptz not null,
    resolved_at timestamptz,
    primary key (fingerprint, started_at)
);
