-- Transactional outbox: events written with the change they describe, published by the relay.
create table outbox_event (
    id            uuid        primary key,
    seq           bigint      generated always as identity,
    topic         text        not null,
    event_type    text        not null,
    source        text        not null,
    aggregate_id  text        not null,
    tenant        text,
    actor         text,
    payload       text        not null,
    occurred_at   timestamptz not null,
    published_at  timestamptz
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_aggregate on outbox_event (aggregate_id, seq);

-- Wake the relay when a transaction that wrote events commits (NOTIFY is delivered on commit).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('vigie_outbox', '');
    return null;
end $$;

create trigger outbox_event_inserted
    after insert on outbox_event
    for each statement execute function outbox_event_notify();
