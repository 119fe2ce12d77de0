-- A repository's capacity (issue 17): the bytes its storage may hold (the disk or quota behind it),
-- optional, so that its growth forecast can say when it is full. Carried on
-- RepositoryStorageMeasured with each measurement.
alter table backup_repository add column capacity_bytes bigint check (capacity_bytes > 0);

create or replace view repository_document as
select r.id, r.tenant, r.name, r.kind, r.datacenter_code,
       (select to_json(d) from (select r.id, r.name, r.kind, r.location,
                                       r.datacenter_id as "datacenterId",
                                       r.datacenter_code as "datacenterCode", r.tenant,
                                       coalesce(r.password_ref, '') <> '' as "passwordConfigured",
                                       r.capacity_bytes as "capacityBytes",
                                       r.version,
                                       json_instant(r.created_at) as "createdAt",
                                       json_instant(r.updated_at) as "updatedAt") d) as doc
from backup_repository r;
