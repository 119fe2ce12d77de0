-- Idempotent consumption: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
