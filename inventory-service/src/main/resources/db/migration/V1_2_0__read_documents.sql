-- What the API answers, rendered by PostgreSQL for the read path (io.vigie.kit.read.Reads):
-- to_json of a row writes compact JSON with the columns' names, in the order of the snapshot
-- records of platform/events, so the documents read the same as the events.

-- The server as the API answers it (ServerSnapshot), rendered by PostgreSQL for the read path
-- (to_json of a row writes compact JSON in column order): doc for staff and agents, client_doc
-- without the hoster's rack, management network, private addresses, serial number and dates.
create view server_document as
select s.id,
       s.hostname,
       s.status,
       s.roles,
       s.warranty_end,
       d.code as datacenter_code,
       (select to_json(r) from (select s.id, s.hostname, s.datacenter_id as "datacenterId",
                                       d.code as "datacenterCode", s.rack_id as "rackId",
                                       s.rack_position as "rackPosition", s.roles, s.status,
                                       s.hardware, s.network_links as "networkLinks",
                                       s.management_ip as "managementIp",
                                       s.public_ips as "publicIps", s.private_ips as "privateIps",
                                       s.vendor, s.model, s.serial_number as "serialNumber",
                                       s.purchase_date as "purchaseDate",
                                       s.warranty_end as "warrantyEnd",
                                       s.end_of_life as "endOfLife", s.version) r) as doc,
       (select to_json(r) from (select s.id, s.hostname, s.datacenter_id as "datacenterId",
                                       d.code as "datacenterCode", null::uuid as "rackId",
                                       null::integer as "rackPosition", s.roles, s.status,
                                       s.hardware, s.network_links as "networkLinks",
                                       null::text as "managementIp",
                                       s.public_ips as "publicIps", '{}'::text[] as "privateIps",
                                       s.vendor, s.model, null::text as "serialNumber",
                                       null::date as "purchaseDate", null::date as "warrantyEnd",
                                       null::date as "endOfLife", s.version) r) as client_doc
from server s
join datacenter d on d.id = s.datacenter_id;

create view client_document as
select c.id, c.code,
       (select to_json(r) from (select c.id, c.code, c.name, c.contact_email as "contactEmail",
                                       c.contract, c.version) r) as doc
from client c;

create view datacenter_document as
select d.id, d.code, d.country,
       (select to_json(r) from (select d.id, d.code, d.name, d.operator, d.city, d.country, d.tier,
                                       d.certifications, d.version) r) as doc
from datacenter d;

create view rack_document as
select k.id, k.datacenter_id, d.code as datacenter_code, k.name,
       (select to_json(r) from (select k.id, k.datacenter_id as "datacenterId", k.name, k.room,
                                       k.units, k.version) r) as doc
from rack k
join datacenter d on d.id = k.datacenter_id;

create view virtual_machine_document as
select v.id, v.name, v.kind, v.host_server_id, c.code as tenant,
       (select to_json(r) from (select v.id, v.name, v.kind, v.host_server_id as "hostServerId",
                                       v.client_id as "clientId", c.code as tenant, v.vcpus,
                                       v.ram_gb as "ramGb", v.disk_gb as "diskGb",
                                       v.ip_addresses as "ipAddresses",
                                       v.operating_system as "operatingSystem", v.version) r) as doc
from virtual_machine v
join client c on c.id = v.client_id;

create view hosted_service_document as
select h.id, h.name, h.kind, c.code as tenant,
       (select to_json(r) from (select h.id, h.client_id as "clientId", c.code as tenant, h.name,
                                       h.kind, h.url, h.port, h.technology,
                                       array(select hs.server_id from hosted_service_server hs
                                             where hs.hosted_service_id = h.id
                                             order by hs.server_id) as "serverIds",
                                       array(select hv.virtual_machine_id from hosted_service_vm hv
                                             where hv.hosted_service_id = h.id
                                             order by hv.virtual_machine_id) as "virtualMachineIds",
                                       h.version) r) as doc
from hosted_service h
join client c on c.id = h.client_id;

create index virtual_machine_name_id on virtual_machine (name, id);
create index hosted_service_name_id on hosted_service (name, id);
