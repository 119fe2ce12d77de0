-- First answers to creates sent with an Idempotency-Key, replayed to retries for 24 hours.
create table idempotency_record (
    id                  text        primary key,
    request_fingerprint text        not null,
    status              integer     not null,
    response_body       text        not null,
    location            text,
    resource_version    bigint      not null,
    created_at          timestamptz not null
);

create index idempotency_record_created on idempotency_record (created_at);
