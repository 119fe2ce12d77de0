-- POST /api/v1/servers as the inventory service runs it: one transaction, seven round trips
-- (BEGIN, host name uniqueness count, datacenter lookup, the server row, its first lifecycle
-- step, the outbox event, COMMIT). Statements and column lists are the service's own (Hibernate
-- SQL log); values are bound as parameters, copied with -D from a row the service wrote.
-- Ids and host names are new in every transaction: k counts per client (n) and per run (run).
\set n :n + 1
\set k :run * 1000000000000 + :n * 1000 + :client_id
BEGIN;
select count(*) from server s1_0 where s1_0.hostname = 'pgbench-' || :k || '.par-dc2.example.net' and s1_0.id <> ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid;
select d1_0.id, d1_0.certifications, d1_0.city, d1_0.code, d1_0.country, d1_0.name, d1_0.operator, d1_0.tier, d1_0.version from datacenter d1_0 where d1_0.id = :dc;
insert into server (datacenter_id, end_of_life, hardware, height_units, hostname, management_ip, model, network_links, private_ips, public_ips, purchase_date, rack_id, rack_position, roles, serial_number, status, vendor, version, warranty_end, id) values (:dc, :endoflife, :hardware::jsonb, 1, 'pgbench-' || :k || '.par-dc2.example.net', :mgmtip, null, :links, :privateips, :publicips, :purchasedate, null, null, :roles, null, 'PLANNED', :vendor, 0, :warrantyend, ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid);
insert into server_status_change (changed_at, changed_by, from_status, reason, server_id, to_status, id) values (now(), :actor, null, :reason, ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid, 'PLANNED', ('20000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid);
insert into outbox_event (actor, aggregate_id, event_type, occurred_at, payload, source, tenant, topic, id) values (:actor, ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid::text, :eventtype, now(), :payload, :source, null, :topic, ('30000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid);
COMMIT;
