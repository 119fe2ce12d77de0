-- Hourly usage per physical server, accumulated every minute from the metric head; an hour is
-- published (HostUsageRolledUp) once it is over. Kept durable so a restart loses no hour.
create table host_usage_hour (
    server_id     uuid             not null references target_server (id),
    hour_start    timestamptz      not null,
    samples       integer          not null,
    cpu_sum       double precision not null,
    ram_gb_sum    double precision not null,
    disk_gb_sum   double precision not null,
    published     boolean          not null default false,
    primary key (server_id, hour_start)
);
create index host_usage_unpublished on host_usage_hour (hour_start) where not published;
