-- Backup growth for the consumption report (issue 17): what each successful backup run added, from
-- backup-service's BackupSucceeded (restic's data_added), once per run.
create table backup_growth (
    run_id       uuid        primary key,
    policy_id    uuid        not null,
    tenant       text        not null,
    target_kind  text        not null,
    target_id    uuid,
    target_name  text        not null,
    backup_kind  text        not null,
    finished_at  timestamptz not null,
    bytes_added  bigint -- null when the tool reported no size
);
create index backup_growth_tenant on backup_growth (tenant, finished_at);
