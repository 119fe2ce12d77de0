-- The inventory as monitoring needs it: what to watch, where, and whom a problem affects.
-- Kept from inventory.events; inventory_version ignores a stale snapshot arriving late.

create table target_server (
    id                uuid    primary key,
    hostname          text    not null,
    datacenter_code   text    not null,
    address           text    not null,
    roles             text    not null,
    status            text    not null,
    inventory_version bigint  not null
);

create table target_guest (
    id                uuid    primary key,
    name              text    not null,
    kind              text    not null,
    host_server_id    uuid    not null,
    client_id         uuid    not null,
    tenant            text    not null,
    address           text,
    inventory_version bigint  not null
);

create index target_guest_host on target_guest (host_server_id);

create table target_service (
    id                 uuid    primary key,
    name               text    not null,
    kind               text    not null,
    url                text,
    port               integer,
    client_id          uuid    not null,
    tenant             text    not null,
    server_ids         text    not null,
    virtual_machine_ids text   not null,
    inventory_version  bigint  not null
);
