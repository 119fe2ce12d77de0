-- Real column types instead of JSON text: arrays for roles, certifications and addresses (the
-- role filter uses a GIN index), jsonb for network links. Existing rows are carried over.

create function pg_temp.text_array(stored text) returns text[] language sql immutable
as $$ select coalesce(array(select jsonb_array_elements_text(stored::jsonb)), '{}') $$;

alter table server
    alter column roles type text[] using pg_temp.text_array(roles),
    alter column public_ips type text[] using pg_temp.text_array(public_ips),
    alter column private_ips type text[] using pg_temp.text_array(private_ips),
    alter column network_links type jsonb using network_links::jsonb;

create index server_roles on server using gin (roles);
-- keyset order of the server list
create index server_hostname_id on server (hostname, id);

alter table virtual_machine
    alter column ip_addresses type text[] using pg_temp.text_array(ip_addresses);

alter table datacenter
    alter column certifications type text[] using pg_temp.text_array(certifications);
