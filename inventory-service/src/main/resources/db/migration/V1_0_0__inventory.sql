-- Collections (roles, IP lists, links) are JSON text: Hibernate Reactive binds jsonb to objects only.
-- Inventory: clients and contracts, datacenters, racks, servers, guests, hosted services.

create table client (
    id            uuid   primary key,
    code          text   not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name          text   not null,
    contact_email text,
    contract      jsonb  not null,
    version       bigint not null
);

create table datacenter (
    id             uuid    primary key,
    code           text    not null unique,
    name           text    not null,
    operator       text,
    city           text,
    country        text    not null,
    tier           integer not null check (tier between 1 and 4),
    certifications text    not null,
    version        bigint  not null
);

create table rack (
    id            uuid    primary key,
    datacenter_id uuid    not null references datacenter (id),
    name          text    not null,
    room          text,
    units         integer not null check (units between 1 and 60),
    version       bigint  not null,
    unique (datacenter_id, name)
);

create table server (
    id             uuid    primary key,
    hostname       text    not null unique,
    datacenter_id  uuid    not null references datacenter (id),
    rack_id        uuid    references rack (id),
    rack_position  integer,
    height_units   integer not null default 1,
    roles          text    not null,
    status         text    not null check (status in ('PLANNED', 'ACTIVE', 'MAINTENANCE', 'DECOMMISSIONED')),
    hardware       jsonb   not null,
    network_links  text    not null,
    management_ip  text,
    public_ips     text    not null,
    private_ips    text    not null,
    vendor         text,
    model          text,
    serial_number  text,
    purchase_date  date,
    warranty_end   date,
    end_of_life    date,
    version        bigint  not null
);

create index server_datacenter on server (datacenter_id);
create index server_status on server (status);
create index server_warranty_end on server (warranty_end);
create index server_end_of_life on server (end_of_life);

create table server_status_change (
    id          uuid        primary key,
    server_id   uuid        not null references server (id),
    from_status text,
    to_status   text        not null,
    reason      text,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

create index server_status_change_server on server_status_change (server_id, changed_at);

create table virtual_machine (
    id               uuid    primary key,
    name             text    not null,
    kind             text    not null check (kind in ('VM', 'LXC')),
    host_server_id   uuid    not null references server (id),
    client_id        uuid    not null references client (id),
    vcpus            integer not null,
    ram_gb           integer not null,
    disk_gb          integer not null,
    ip_addresses     text    not null,
    operating_system text,
    version          bigint  not null,
    unique (host_server_id, name)
);

create index virtual_machine_client on virtual_machine (client_id);
create index virtual_machine_host on virtual_machine (host_server_id);

create table hosted_service (
    id         uuid    primary key,
    client_id  uuid    not null references client (id),
    name       text    not null,
    kind       text    not null,
    url        text,
    port       integer,
    technology text,
    version    bigint  not null,
    unique (client_id, name)
);

create table hosted_service_server (
    hosted_service_id uuid not null references hosted_service (id) on delete cascade,
    server_id         uuid not null references server (id),
    primary key (hosted_service_id, server_id)
);

create index hosted_service_server_server on hosted_service_server (server_id);

create table hosted_service_vm (
    hosted_service_id  uuid not null references hosted_service (id) on delete cascade,
    virtual_machine_id uuid not null references virtual_machine (id) on delete cascade,
    primary key (hosted_service_id, virtual_machine_id)
);

create index hosted_service_vm_vm on hosted_service_vm (virtual_machine_id);

create table host_usage (
    server_id        uuid             not null references server (id),
    hour_start       timestamptz      not null,
    cpu_used_percent double precision not null,
    ram_used_gb      double precision not null,
    disk_used_gb     double precision not null,
    primary key (server_id, hour_start)
);
