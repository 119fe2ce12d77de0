-- Storage held per backup repository (issue 17): what restic stats --json --mode raw-data measured
-- on the repository, each time an agent posted it, so its size and growth can be followed.
create table repository_storage (
    id                      uuid        primary key,
    repository_id           uuid        not null references backup_repository (id),
    measured_at             timestamptz not null,
    -- restic's total_size: the bytes the repository's blobs take (after deduplication, compression)
    total_size              bigint      not null,
    -- restic's total_uncompressed_size (repository format 2), else null
    total_uncompressed_size bigint,
    total_blob_count        bigint,
    snapshots_count         integer     not null,
    reported_by             text        not null,
    created_at              timestamptz not null,
    unique (repository_id, measured_at)
);
