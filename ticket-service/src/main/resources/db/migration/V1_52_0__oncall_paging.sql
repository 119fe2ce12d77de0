-- Paging (oncall/paging/): escalation policies attached to a client, a priority, both, or neither
-- (the default); a page per ticket that needs a human, walking its policy's steps on the service's
-- clock; one row per notification to send, unique per (page, round, step, person, contact method) so
-- a step is never notified twice, kept with when it was sent, delivered or failed.
create table oncall_policy (
    id          uuid        primary key,
    name        text        not null,
    tenant      text,
    priority    text,
    -- {"steps": [{"targets": [{"kind": "SCHEDULE", "id": "…"}], "delay": "PT5M"}, …]}
    steps       jsonb       not null,
    repeat      integer     not null check (repeat between 0 and 10),
    version     bigint      not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);
create unique index oncall_policy_attachment
    on oncall_policy (coalesce(tenant, ''), coalesce(priority, ''));

create table oncall_page (
    id               uuid        primary key,
    ticket_id        uuid        not null,
    ticket_reference text        not null,
    -- null for an internal parent incident
    tenant           text,
    title            text        not null,
    priority         text        not null,
    reason           text        not null,
    deadline         timestamptz,
    policy_id        uuid        not null references oncall_policy (id),
    round            integer     not null,
    step             integer     not null,
    -- when the page moves to its next step; null once acknowledged or exhausted
    next_step_at     timestamptz,
    status           text        not null,
    opened_at        timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    version          bigint      not null
);
create unique index oncall_page_open_per_ticket on oncall_page (ticket_id) where status = 'OPEN';
create index oncall_page_due on oncall_page (next_step_at) where status = 'OPEN';

create table oncall_notification (
    id            uuid        primary key,
    page_id       uuid        not null references oncall_page (id),
    round         integer     not null,
    step          integer     not null,
    subject       text        not null,
    contact       text        not null,
    kind          text        not null,
    due_at        timestamptz not null,
    -- PENDING, SENT, FAILED (retries exhausted) or CANCELLED (the page was acknowledged first)
    status        text        not null,
    attempts      integer     not null,
    sent_at       timestamptz,
    detail        text,
    -- SHA-256 of the single-use acknowledgement link sent in an email; when it was used
    link_hash     text        unique,
    link_used_at  timestamptz,
    unique (page_id, round, step, subject, contact)
);
create index oncall_notification_due on oncall_notification (due_at) where status = 'PENDING';
