-- What ticket-service knows of the inventory, from inventory.events: clients with their contract
-- (the clocks' terms), servers, guests and hosted services (what a ticket links to and what an
-- alert on a server affects). Each row keeps the inventory version it was built from, so an older
-- snapshot redelivered after a newer one changes nothing.
create table known_client (
    id                uuid   primary key,
    code              text   not null unique,
    name              text   not null,
    -- the contract terms as published (ContractTerms JSON); null without a contract
    contract          jsonb,
    inventory_version bigint not null
);

create table known_server (
    id                uuid   primary key,
    hostname          text   not null,
    datacenter_code   text,
    inventory_version bigint not null
);

create table known_guest (
    id                uuid   primary key,
    name              text   not null,
    host_server_id    uuid   not null,
    tenant            text   not null,
    inventory_version bigint not null
);

create index known_guest_tenant on known_guest (tenant);

create table known_hosted_service (
    id                uuid   primary key,
    name              text   not null,
    tenant            text   not null,
    server_ids        uuid[] not null,
    guest_ids         uuid[] not null,
    inventory_version bigint not null
);

create index known_hosted_service_tenant on known_hosted_service (tenant);
create index known_hosted_service_servers on known_hosted_service using gin (server_ids);
