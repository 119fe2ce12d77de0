-- Capacity planning (issue 17): what each server physically has (hardware threads, RAM, usable
-- disk after RAID; null until a snapshot with its hardware arrives) and what each guest was
-- allocated, from inventory.events, beside the hourly usage rollups already kept.
alter table target_server add column cpu_threads integer;
alter table target_server add column ram_gb integer;
alter table target_server add column disk_gb bigint;

alter table target_guest add column vcpus integer not null default 0;
alter table target_guest add column ram_gb integer not null default 0;
alter table target_guest add column disk_gb integer not null default 0;

create index host_usage_hour_start on host_usage_hour (hour_start);
