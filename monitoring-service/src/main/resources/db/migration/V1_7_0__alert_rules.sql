-- Alert rules, API-managed; the default pack is installed (builtin) at startup when missing.
create table alert_rule (
    id          uuid        primary key,
    name        text        not null unique,
    kind        text        not null check (kind in ('METRIC', 'CHECK')),
    enabled     boolean     not null,
    builtin     boolean     not null,
    definition  text        not null,
    version     bigint      not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);

-- every version of every rule: who changed what, when
create table alert_rule_revision (
    rule_id     uuid        not null, -- kept after the rule is deleted
    version     bigint      not null,
    definition  text        not null,
    changed_at  timestamptz not null,
    changed_by  text        not null,
    deleted     boolean     not null default false,
    primary key (rule_id, version)
);
