-- The role filter of the server list in the list's own order: one row per server and role with the
-- host name, so "servers with role WEB by host name" is an index range scan that stops at the page
-- (the GIN index on server.roles finds the servers, but not in order: with host names grouped by
-- role, walking server_hostname_id to find 51 WEB servers read 12 600 others). Kept by a trigger
-- in the transaction that changes the server.
create table server_role (
    role            text not null,
    server_hostname text not null,
    server_id       uuid not null references server (id) on delete cascade,
    primary key (role, server_hostname, server_id)
);

create index server_role_server on server_role (server_id);

create function server_role_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.roles = old.roles and new.hostname = old.hostname then
        return null;
    end if;
    delete from server_role where server_id = new.id;
    insert into server_role (role, server_hostname, server_id)
        select distinct r, new.hostname, new.id from unnest(new.roles) r;
    return null;
end $$;

create trigger server_role_sync
    after insert or update on server
    for each row execute function server_role_sync();

insert into server_role (role, server_hostname, server_id)
    select distinct r, s.hostname, s.id from server s, unnest(s.roles) r;
