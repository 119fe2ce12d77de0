-- The reference agent (backup-service/agent/) and restore tests as evidence (issue 10, items 4c, 7).

-- What the agent needs to run a policy with restic beyond the policy itself: what to back up and
-- how its snapshots are tagged. A policy with settings is run by the agent on its target's host;
-- one without is run by another tool that reports by ping (borgmatic, cron with curl).
create table agent_settings (
    policy_id  uuid        primary key references backup_policy (id) on delete cascade,
    paths      text[]      not null,
    excludes   text[]      not null default '{}',
    tags       text[]      not null default '{}',
    version    bigint      not null,
    updated_at timestamptz not null
);

-- When a policy's restore test is due (cron in the policy's time zone); no row: the default
-- schedule (vigie.backup.restore-test.schedule)
create table restore_test_schedule (
    policy_id  uuid        primary key references backup_policy (id) on delete cascade,
    schedule   text        not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

-- One restore test as the agent reported it: the snapshot restored to a scratch path and checked
create table restore_test (
    id             uuid        primary key,
    policy_id      uuid        not null references backup_policy (id) on delete cascade,
    tenant         text        not null,
    repository_id  uuid        not null references backup_repository (id),
    snapshot_id    text        not null,
    snapshot_time  timestamptz,
    succeeded      boolean     not null,
    started_at     timestamptz not null,
    finished_at    timestamptz not null,
    files_checked  bigint      not null,
    bytes_checked  bigint      not null,
    reason         text,
    log            text,
    reported_by    text        not null,
    created_at     timestamptz not null
);

create index restore_test_policy on restore_test (policy_id, started_at desc, id desc);

create view restore_test_document as
select t.id, t.policy_id, t.tenant, t.succeeded, t.started_at,
       (select to_json(d) from (
           select t.id, t.policy_id as "policyId", t.tenant,
                  t.repository_id as "repositoryId", t.snapshot_id as "snapshotId",
                  json_instant(t.snapshot_time) as "snapshotTime", t.succeeded,
                  json_instant(t.started_at) as "startedAt",
                  json_instant(t.finished_at) as "finishedAt",
                  t.files_checked as "filesChecked", t.bytes_checked as "bytesChecked",
                  t.reason, t.log, t.reported_by as "reportedBy") d) as doc
from restore_test t;

-- the agent asks, per copy, when its latest run started
create index backup_run_copy_start on backup_run (copy_id, started_at desc);
