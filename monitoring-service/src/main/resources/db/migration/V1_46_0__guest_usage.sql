-- A VM's or container's own usage (issue 17): hourly CPU, RAM and disk from the guest's own
-- node_exporter (its series tied to the guest by the inventory's names and addresses), accumulated
-- every minute as host_usage_hour is for physical servers. server_id is the host it ran on that
-- hour, so a hypervisor's capacity can add up its guests where it has no figures of its own.
create table guest_usage_hour (
    guest_id    uuid             not null,
    hour_start  timestamptz      not null,
    server_id   uuid             not null,
    samples     integer          not null,
    cpu_sum     double precision not null, -- % of the guest's own vCPUs
    ram_gb_sum  double precision not null,
    disk_gb_sum double precision not null,
    primary key (guest_id, hour_start)
);
create index guest_usage_hour_server on guest_usage_hour (server_id, hour_start);
