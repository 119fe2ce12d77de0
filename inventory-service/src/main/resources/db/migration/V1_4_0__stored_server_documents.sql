-- The server list is the inventory's hottest read: rendering each row's JSON with to_json on every
-- page cost PostgreSQL about two thirds of the page (benchmarks/results/inventory-2026-11-30.md:
-- 0.6 ms of CPU per page of 50, PostgreSQL the saturated resource). A server is read far more
-- often than it changes, so its two documents are now rendered once, when the row is written,
-- by a trigger in the same transaction, and stored as json (kept as text: answering copies it).
-- server_document keeps its columns, so the read path and pgbench's SQL are unchanged.

alter table server add column doc json, add column client_doc json;

create function server_render_documents() returns trigger language plpgsql as $$
declare
    dc_code text;
begin
    select d.code into dc_code from datacenter d where d.id = new.datacenter_id;
    -- doc: what staff and agents read (ServerSnapshot, in its components' order)
    new.doc := (select to_json(r) from (
        select new.id as id, new.hostname as hostname, new.datacenter_id as "datacenterId",
               dc_code as "datacenterCode", new.rack_id as "rackId",
               new.rack_position as "rackPosition", new.roles as roles, new.status as status,
               new.hardware as hardware, new.network_links as "networkLinks",
               new.management_ip as "managementIp", new.public_ips as "publicIps",
               new.private_ips as "privateIps", new.vendor as vendor, new.model as model,
               new.serial_number as "serialNumber", new.purchase_date as "purchaseDate",
               new.warranty_end as "warrantyEnd", new.end_of_life as "endOfLife",
               new.version as version) r);
    -- client_doc: what a client reads, without the hoster's rack, management network, private
    -- addresses, serial number and dates
    new.client_doc := (select to_json(r) from (
        select new.id as id, new.hostname as hostname, new.datacenter_id as "datacenterId",
               dc_code as "datacenterCode", null::uuid as "rackId",
               null::integer as "rackPosition", new.roles as roles, new.status as status,
               new.hardware as hardware, new.network_links as "networkLinks",
               null::text as "managementIp", new.public_ips as "publicIps",
               '{}'::text[] as "privateIps", new.vendor as vendor, new.model as model,
               null::text as "serialNumber", null::date as "purchaseDate",
               null::date as "warrantyEnd", null::date as "endOfLife",
               new.version as version) r);
    return new;
end $$;

create trigger server_render_documents
    before insert or update on server
    for each row execute function server_render_documents();

-- A datacenter's code is part of its servers' documents: render them again when it changes.
create function datacenter_code_rerender() returns trigger language plpgsql as $$
begin
    update server set doc = null where datacenter_id = new.id;
    return null;
end $$;

create trigger datacenter_code_rerender
    after update of code on datacenter
    for each row when (old.code is distinct from new.code)
    execute function datacenter_code_rerender();

update server set doc = null;

alter table server alter column doc set not null, alter column client_doc set not null;

create or replace view server_document as
select s.id,
       s.hostname,
       s.status,
       s.roles,
       s.warranty_end,
       d.code as datacenter_code,
       s.doc,
       s.client_doc
from server s
join datacenter d on d.id = s.datacenter_id;
