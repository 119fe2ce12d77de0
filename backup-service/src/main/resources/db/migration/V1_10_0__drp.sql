-- DRP plans and their runs (io.vigie.backup.drp). The API's documents are written by the service
-- with each change (doc), so lists and gets read one column.

create table drp_plan (
    id                   uuid        primary key,
    tenant               text        not null,
    name                 text        not null,
    production_server_id uuid        not null,
    recovery_server_id   uuid        not null,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    doc                  text        not null,
    unique (tenant, name)
);

create index drp_plan_list on drp_plan (tenant, name, id);

-- every version of every plan, with who changed it; kept after the plan is deleted
create table drp_plan_revision (
    id         uuid        primary key,
    plan_id    uuid        not null,
    version    bigint      not null,
    tenant     text        not null,
    change     text        not null,
    changed_at timestamptz not null,
    changed_by text        not null,
    doc        text        not null,
    unique (plan_id, version)
);

-- runs outlive their plan: they are the record of what was done
create table drp_run (
    id           uuid        primary key,
    plan_id      uuid        not null,
    tenant       text        not null,
    direction    text        not null,
    status       text        not null,
    activated_at timestamptz not null,
    finished_at  timestamptz,
    doc          text        not null
);

create index drp_run_plan on drp_run (plan_id, activated_at desc, id desc);
create index drp_run_list on drp_run (tenant, activated_at desc, id desc);
-- one active run per plan, whatever races the service's own check
create unique index drp_run_one_active on drp_run (plan_id) where status in ('RUNNING', 'FAILED');
