-- GET /api/v1/servers?role=WEB&datacenter=<code>&size=50 as the inventory service runs it (the
-- kit's read path, Reads.page): one statement in autocommit, the filters as bound parameters (the
-- role on the GIN-indexed text[] column), the first page in the keyset order (hostname, id), 51
-- rows, each server's JSON rendered by PostgreSQL (server_document).
select (doc)::text, (hostname)::text, (id)::text from server_document where (datacenter_code = :dccode) and (roles @> array[:role]) order by hostname, id limit 51;
