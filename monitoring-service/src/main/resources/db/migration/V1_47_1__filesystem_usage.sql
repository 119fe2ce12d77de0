-- Hourly use per filesystem (issue 17, growth forecasts "for each filesystem"): node_exporter's
-- node_filesystem_size_bytes and _avail_bytes per mountpoint of real filesystems, read from the
-- metric head every few minutes by a scheduled job (off the ingest path) and added to the hour's
-- row. target_id is whose exporter reported it: the physical server's id, or the guest's.
create table filesystem_usage_hour (
    target_id      uuid             not null,
    mountpoint     text             not null,
    hour_start     timestamptz      not null,
    server_id      uuid             not null,
    guest_id       uuid,
    device         text             not null,
    fstype         text             not null,
    samples        integer          not null,
    used_bytes_sum double precision not null,
    size_bytes     double precision not null, -- the last size read in the hour
    primary key (target_id, mountpoint, hour_start)
);
