-- The inventory as backup-service needs it: clients and what their contracts promise, the
-- datacenters repositories and targets sit in, the targets a policy can name.
-- Kept from inventory.events; inventory_version ignores a stale snapshot arriving late.

create table inventory_client (
    id                       uuid    primary key,
    code                     text    not null unique,
    name                     text    not null,
    database_every_hours     integer not null,
    database_retention_days  integer not null,
    files_retention_days     integer not null,
    copies                   integer not null,
    distinct_sites           integer not null,
    drp_rpo_seconds          bigint,
    drp_rto_seconds          bigint,
    inventory_version        bigint  not null
);

create table inventory_datacenter (
    id                uuid   primary key,
    code              text   not null,
    name              text   not null,
    inventory_version bigint not null
);

create table inventory_server (
    id                uuid   primary key,
    hostname          text   not null,
    datacenter_id     uuid   not null,
    datacenter_code   text   not null,
    status            text   not null,
    public_ips        text   not null,
    inventory_version bigint not null
);

create table inventory_guest (
    id                uuid   primary key,
    name              text   not null,
    kind              text   not null,
    host_server_id    uuid   not null,
    client_id         uuid   not null,
    tenant            text   not null,
    inventory_version bigint not null
);

create index inventory_guest_tenant on inventory_guest (tenant);

create table inventory_hosted_service (
    id                  uuid   primary key,
    client_id           uuid   not null,
    tenant              text   not null,
    name                text   not null,
    kind                text   not null,
    server_ids          text   not null,
    virtual_machine_ids text   not null,
    inventory_version   bigint not null
);

create index inventory_hosted_service_tenant on inventory_hosted_service (tenant);
