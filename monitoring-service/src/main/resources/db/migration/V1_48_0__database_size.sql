-- Database sizes (issue 17, "database sizes where measured"): the Prometheus postgres exporter's
-- pg_database_size_bytes{datname=...}, remote-written like node_exporter's series, read from the
-- metric head every five minutes by a scheduled job (off the ingest path) and folded into hours:
-- the hour's average and its last reading. target_id is whose exporter reported it (the server's
-- id, or the guest's); the consumption report maps datname to the client's DATABASE hosted
-- services running there.
create table database_size_hour (
    target_id       uuid             not null,
    datname         text             not null,
    hour_start      timestamptz      not null,
    server_id       uuid             not null,
    guest_id        uuid,
    samples         integer          not null,
    size_bytes_sum  double precision not null,
    last_size_bytes double precision not null,
    last_at         timestamptz      not null,
    primary key (target_id, datname, hour_start)
);
