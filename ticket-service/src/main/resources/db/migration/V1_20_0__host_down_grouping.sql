-- Host-down grouping: when a server itself is down, the incidents opened from its other alerts are
-- grouped under the host-down incident (per client, and the internal parent) and not paged for.
-- grouped_under: the host-down incident this one is grouped under; host_down_server: on an
-- incident opened from a host-down alert, the server that is down.
alter table ticket add column grouped_under uuid references ticket (id);
alter table ticket add column host_down_server uuid;

create index ticket_host_down on ticket (host_down_server) where host_down_server is not null;

-- the link from a grouped incident to the one it is grouped under (target: its id)
alter table ticket_link drop constraint ticket_link_kind_check;
alter table ticket_link add constraint ticket_link_kind_check
    check (kind in ('SERVER', 'VIRTUAL_MACHINE', 'HOSTED_SERVICE', 'ALERT', 'INCIDENT'));
