-- A check may test a hosted service (its URL or port) rather than the server as a whole: the
-- hosted service's availability is computed from these results.
alter table check_result add column hosted_service_id uuid;
alter table check_state add column hosted_service_id uuid;
create index check_result_hosted_service on check_result (hosted_service_id, executed_at)
    where hosted_service_id is not null;
create index check_result_server_time on check_result (server_id, executed_at);
