-- Ingest and alert flow per hour for the staff's wall (io.vigie.monitoring.flow).
-- Each replica counts its remote_write requests in memory and, every minute, adds what it drained
-- to its own row of the hour; the flow endpoint sums the replicas' rows.
create table ingest_flow_hour (
    hour_start       timestamptz not null,
    replica_id       text        not null,
    samples_accepted bigint      not null default 0,
    samples_rejected bigint      not null default 0,
    requests         bigint      not null default 0,
    primary key (hour_start, replica_id)
);

-- the replicas' rows summed per hour (a condition on hour_start reaches the primary key)
create view ingest_flow_total as
select hour_start,
       sum(samples_accepted)::bigint as samples_accepted,
       sum(samples_rejected)::bigint as samples_rejected,
       sum(requests)::bigint         as requests
from ingest_flow_hour
group by hour_start;

-- alerts that fired, and fired alerts that resolved, per UTC hour; a pending alert discarded before
-- its `for` never fired and counts in neither. A condition on hour_start reaches both indexes.
create view alert_flow_hour as
select hour_start,
       sum(fired)::bigint    as alerts_fired,
       sum(resolved)::bigint as alerts_resolved
from (select date_trunc('hour', fired_at, 'UTC') as hour_start, 1 as fired, 0 as resolved
      from alert
      where fired_at is not null
      union all
      select date_trunc('hour', resolved_at, 'UTC'), 0, 1
      from alert
      where state = 'RESOLVED') happened
group by hour_start;

create index alert_fired_hour on alert (date_trunc('hour', fired_at, 'UTC')) where fired_at is not null;
create index alert_resolved_hour on alert (date_trunc('hour', resolved_at, 'UTC'))
    where state = 'RESOLVED';
