-- The priority policy an admin changes through /api/v1/priority-policy (priority/): the impact x
-- urgency matrix and, per priority, the share of the GTI at which an unacknowledged L1 ticket moves
-- to L2. One row (id 1), versioned for If-Match; every accepted change is kept in the history with
-- who made it, when and why. New tickets and priority recalculations read the current row.
create table priority_policy (
    id          smallint    primary key check (id = 1),
    -- {"HIGH": {"HIGH": "P1", "MEDIUM": "P2", "LOW": "P3"}, ...}
    matrix      jsonb       not null,
    -- {"P1": 50, "P2": 75}: a priority left out never escalates on its GTI
    escalation  jsonb       not null,
    version     bigint      not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    reason      text        not null
);

create table priority_policy_change (
    version     bigint      primary key,
    matrix      jsonb       not null,
    escalation  jsonb       not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    reason      text        not null
);

-- the defaults ticket-service shipped with (PriorityMatrix.defaults, EscalationPolicy.defaults)
insert into priority_policy values (1,
    '{"HIGH": {"HIGH": "P1", "MEDIUM": "P2", "LOW": "P3"},
      "MEDIUM": {"HIGH": "P2", "MEDIUM": "P3", "LOW": "P4"},
      "LOW": {"HIGH": "P3", "MEDIUM": "P4", "LOW": "P4"}}',
    '{"P1": 50, "P2": 75}', 1, 'ticket-service', now(), 'Defaults (ITIL matrix)');
insert into priority_policy_change
select version, matrix, escalation, changed_by, changed_at, reason from priority_policy;

-- the history as the read path renders it, newest first
create view priority_policy_change_document as
select c.version,
       json_build_object('version', c.version, 'matrix', c.matrix, 'escalation', c.escalation,
                         'changedBy', c.changed_by, 'changedAt', json_instant(c.changed_at),
                         'reason', c.reason) as doc
from priority_policy_change c;
