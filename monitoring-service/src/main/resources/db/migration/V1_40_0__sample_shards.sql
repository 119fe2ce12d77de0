-- samples through Kafka (io.vigie.monitoring.ingest): who owns each partition of the samples
-- topic, and the epoch of that claim, which fences a previous owner's alert transitions
create table sample_shard (
    shard      text        primary key,
    owner      text        not null,
    epoch      bigint      not null,
    claimed_at timestamptz not null
);
