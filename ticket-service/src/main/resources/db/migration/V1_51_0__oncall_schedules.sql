-- On-call schedules (oncall/schedule/): layers of rotations in one time zone, and overrides (a
-- person covering another, or whoever is on call, for a period). Who is on call is computed from
-- them (Roster, plain Java); nothing is materialised.
create table oncall_schedule (
    id          uuid        primary key,
    name        text        not null,
    time_zone   text        not null,
    -- {"layers": [{"name": "weeks", "participants": ["alice", "bob"], "shift": "WEEKLY",
    --   "handoffTime": "09:00", "firstHandoff": "2026-11-30", "activeFrom": null, "activeUntil": null}]}
    layers      jsonb       not null,
    version     bigint      not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);

create table oncall_override (
    id           uuid        primary key,
    schedule_id  uuid        not null references oncall_schedule (id) on delete cascade,
    covering     text        not null,
    -- null: covers whoever the layers put on call
    covered      text,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null check (ends_at > starts_at),
    created_by   text        not null,
    created_at   timestamptz not null
);
create index oncall_override_schedule on oncall_override (schedule_id, ends_at);

create view oncall_schedule_document as
select s.id, s.name,
       json_build_object('id', s.id, 'name', s.name, 'timeZone', s.time_zone,
                         'layers', s.layers -> 'layers', 'version', s.version,
                         'updatedAt', json_instant(s.updated_at), 'updatedBy', s.updated_by) as doc
from oncall_schedule s;
