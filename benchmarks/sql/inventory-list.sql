-- GET /api/v1/servers?size=50 as the inventory service runs it (the kit's read path, Reads.page):
-- one statement in autocommit, the first page in the keyset order (hostname, id), 51 rows (the
-- 51st says whether there is a next page), each server's JSON rendered by PostgreSQL
-- (server_document, the doc staff see). No total: only ?total=true counts.
select (doc)::text, (hostname)::text as keyset_1, (id)::text as keyset_2 from server_document order by hostname, id limit 51;
