-- Network usage (issue 17): the inventory's network links of each server (INTERNET / PRIVATE ...,
-- contracted bandwidth and burst, by interface name), and the 5-minute average rates per host and
-- interface read from node_exporter's counters in the metric head. 5-minute points are kept for
-- the current and the previous month, then folded into hourly rows.
alter table target_server add column network_links text not null default '[]';

create table network_usage_5m (
    target_id   uuid             not null, -- the guest's id for a guest's own series, else the server's
    interface   text             not null,
    slot_start  timestamptz      not null,
    server_id   uuid             not null references target_server (id),
    guest_id    uuid,
    rx_bps      double precision not null, -- bits per second received, averaged over the slot
    tx_bps      double precision not null,
    primary key (target_id, interface, slot_start)
);
create index network_usage_5m_server on network_usage_5m (server_id, slot_start);
create index network_usage_5m_slot on network_usage_5m (slot_start);

create table network_usage_hour (
    target_id   uuid             not null,
    interface   text             not null,
    hour_start  timestamptz      not null,
    server_id   uuid             not null references target_server (id),
    guest_id    uuid,
    samples     integer          not null, -- 5-minute points folded in
    rx_bps_avg  double precision not null,
    tx_bps_avg  double precision not null,
    rx_bps_max  double precision not null,
    tx_bps_max  double precision not null,
    primary key (target_id, interface, hour_start)
);
create index network_usage_hour_server on network_usage_hour (server_id, hour_start);
