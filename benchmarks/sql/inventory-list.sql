-- GET /api/v1/servers?page=0&size=50 as the inventory service runs it: the total, the page in
-- host name order, then the page's datacenter (an eager association), each in autocommit.
select count(*) from server s1_0 where 1=1;
select s1_0.id, s1_0.datacenter_id, s1_0.end_of_life, s1_0.hardware, s1_0.height_units, s1_0.hostname, s1_0.management_ip, s1_0.model, s1_0.network_links, s1_0.private_ips, s1_0.public_ips, s1_0.purchase_date, s1_0.rack_id, s1_0.rack_position, s1_0.roles, s1_0.serial_number, s1_0.status, s1_0.vendor, s1_0.version, s1_0.warranty_end from server s1_0 where 1=1 order by s1_0.hostname offset :offset rows fetch first :size rows only;
select d1_0.id, d1_0.certifications, d1_0.city, d1_0.code, d1_0.country, d1_0.name, d1_0.operator, d1_0.tier, d1_0.version from datacenter d1_0 where d1_0.id = :dc;
