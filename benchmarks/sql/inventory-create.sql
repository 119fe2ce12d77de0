-- POST /api/v1/servers with an Idempotency-Key, as the inventory service runs it: one transaction,
-- nine round trips (BEGIN, the idempotency record lookup, the host name uniqueness count, the
-- datacenter lookup, the server row, its first lifecycle step, the outbox event, the idempotency
-- record, COMMIT). Statements and column lists are the service's own (Hibernate SQL log); values
-- are bound as parameters, copied with -D from rows the service wrote.
-- Ids, host names and idempotency ids (64 hex digits, like the service's SHA-256) are new in every
-- transaction: k counts per client (n) and per run (run).
\set n :n + 1
\set k :run * 1000000000000 + :n * 1000 + :client_id
BEGIN;
select ir1_0.id, ir1_0.created_at, ir1_0.location, ir1_0.request_fingerprint, ir1_0.resource_version, ir1_0.response_body, ir1_0.status from idempotency_record ir1_0 where ir1_0.id = md5(:k::text) || md5('key-' || :k);
select count(*) from server s1_0 where s1_0.hostname = 'pgbench-' || :k || '.par-dc2.example.net' and s1_0.id <> ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid;
select d1_0.id, d1_0.certifications, d1_0.city, d1_0.code, d1_0.country, d1_0.name, d1_0.operator, d1_0.tier, d1_0.version from datacenter d1_0 where d1_0.id = :dc;
insert into server (datacenter_id, end_of_life, hardware, height_units, hostname, management_ip, model, network_links, private_ips, public_ips, purchase_date, rack_id, rack_position, roles, serial_number, status, vendor, version, warranty_end, id) values (:dc, :endoflife, :hardware::jsonb, 1, 'pgbench-' || :k || '.par-dc2.example.net', :mgmtip, null, :links, :privateips, :publicips, :purchasedate, null, null, :roles, null, 'PLANNED', :vendor, 0, :warrantyend, ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid);
insert into server_status_change (changed_at, changed_by, from_status, reason, server_id, to_status, id) values (now(), :actor, null, :reason, ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid, 'PLANNED', ('20000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid);
insert into outbox_event (actor, aggregate_id, event_type, occurred_at, payload, source, tenant, topic, id) values (:actor, ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid::text, :eventtype, now(), :payload, :source, null, :topic, ('30000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid);
insert into idempotency_record (created_at, location, request_fingerprint, resource_version, response_body, status, id) values (now(), '/api/v1/servers/' || ('10000000' || lpad(to_hex(:k::bigint), 24, '0'))::uuid, :fingerprint, 0, :responsebody, 201, md5(:k::text) || md5('key-' || :k));
COMMIT;
