-- A backup repository's capacity (issue 17), as backup-service's RepositoryStorageMeasured carries
-- it with each measurement (null: none registered): what "full" means for its growth forecast.
alter table repository_storage add column capacity_bytes bigint;
