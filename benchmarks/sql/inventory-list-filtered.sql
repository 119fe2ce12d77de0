-- GET /api/v1/servers?role=WEB&datacenter=<code>&size=50 as the inventory service runs it (the
-- kit's read path, Reads.page): one statement in autocommit, the filters as bound parameters, the
-- first page read in the keyset order (host name, id) from server_role (one row per server and
-- role, primary key (role, server_hostname, server_id)), 51 rows, each server's JSON rendered by
-- PostgreSQL (server_document).
select (doc)::text, (server_hostname)::text as keyset_1, (server_id)::text as keyset_2 from server_role join server_document on id = server_id where (role = :role) and (datacenter_code = :dccode) order by server_hostname, server_id limit 51;
