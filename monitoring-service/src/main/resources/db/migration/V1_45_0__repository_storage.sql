-- Storage held per backup repository (issue 17): backup-service's RepositoryStorageMeasured (restic
-- stats --mode raw-data after a backup), once per repository and instant, for the clients'
-- consumption reports (what a repository holds at month end and its growth over the month).
create table repository_storage (
    repository_id   uuid        not null,
    measured_at     timestamptz not null,
    tenant          text, -- null: a repository the hoster shares between clients
    repository_name text        not null,
    datacenter_code text        not null,
    total_size      bigint      not null,
    snapshots_count integer     not null,
    primary key (repository_id, measured_at)
);
create index repository_storage_tenant on repository_storage (tenant, measured_at);
