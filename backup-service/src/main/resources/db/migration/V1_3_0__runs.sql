-- What the backup tools reported: every ping as received, and the runs made of them.

create table backup_run (
    id               uuid        primary key,
    policy_id        uuid        not null references backup_policy (id) on delete cascade,
    copy_id          uuid        not null,
    repository_id    uuid        not null,
    tenant           text        not null,
    state            text        not null,
    -- PING (Healthchecks-style) or RESTIC (a restic summary posted by an agent)
    source           text        not null,
    -- Healthchecks' ?rid= pairing a start with its finish when runs overlap
    rid              text,
    started_at       timestamptz,
    finished_at      timestamptz,
    exit_status      integer,
    reason           text,
    -- the run's output as the tool sent it, cut at vigie.backup.ping.max-log-bytes
    log              text,
    log_truncated    boolean     not null default false,
    snapshot_id      text,
    files_new        bigint,
    bytes_added      bigint,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index backup_run_policy on backup_run (policy_id, created_at desc, id desc);
create index backup_run_open on backup_run (copy_id, started_at desc) where state = 'STARTED';
create index backup_run_good on backup_run (policy_id, repository_id, started_at desc)
    where state = 'SUCCEEDED';

-- /log pings change no state: kept as the copy's ping history, beside the runs
create table backup_ping_log (
    id            uuid        primary key,
    copy_id       uuid        not null references backup_policy_copy (id) on delete cascade,
    run_id        uuid,
    received_at   timestamptz not null,
    body          text        not null,
    body_truncated boolean    not null default false
);

create index backup_ping_log_copy on backup_ping_log (copy_id, received_at desc);

create view run_document as
select r.id, r.policy_id, r.tenant, r.state, r.created_at,
       (select to_json(d) from (
           select r.id, r.policy_id as "policyId", r.repository_id as "repositoryId",
                  r.tenant, r.state, r.source, r.rid,
                  json_instant(r.started_at) as "startedAt",
                  json_instant(r.finished_at) as "finishedAt",
                  r.exit_status as "exitStatus", r.reason, r.log,
                  r.log_truncated as "logTruncated", r.snapshot_id as "snapshotId",
                  r.files_new as "filesNew", r.bytes_added as "bytesAdded") d) as doc
from backup_run r;

-- Restore points a repository holds, from restic's snapshots --json (and each summary posted)
create table backup_snapshot (
    repository_id uuid        not null references backup_repository (id),
    snapshot_id   text        not null,
    policy_id     uuid        not null references backup_policy (id) on delete cascade,
    taken_at      timestamptz not null,
    hostname      text,
    paths         text[]      not null default '{}',
    primary key (repository_id, snapshot_id)
);

create index backup_snapshot_policy on backup_snapshot (policy_id, repository_id, taken_at desc);
