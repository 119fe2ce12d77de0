-- Incidents from backup.events (backup/). Each fact seen (a run failed, a policy overdue at a due
-- time, an RPO breached or restored at an instant, a DRP run's activation, step or completion) is
-- kept once, so the same fact republished under another event id, or replayed, changes nothing.
create table backup_fact (
    fact    text        primary key,
    seen_at timestamptz not null
);

-- The incidents opened for a backup policy: a failure, an overdue run or an RPO breach lands on
-- the policy's newest incident still open, else opens one.
create table backup_incident (
    ticket_id uuid primary key references ticket (id),
    policy_id uuid not null,
    tenant    text not null
);

create index backup_incident_policy on backup_incident (policy_id);

-- One ticket per DRP run, which keeps its client informed of each phase.
create table drp_run_ticket (
    run_id    uuid primary key,
    plan_id   uuid not null,
    ticket_id uuid not null references ticket (id)
);
