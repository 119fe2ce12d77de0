-- The articles a ticket or incident shows: those about its servers (linked, or carrying its VMs and
-- hosted services), VMs, hosted services, its client, its alert (fingerprint), and the check whose
-- alert it is. A check's alert fingerprint is monitoring's name-based UUID (version 3) of
-- 'check|<server id>|<check name>' (CheckAlerts.fingerprint), recomputed here.
create function check_fingerprint(server_id text, check_name text) returns text
language sql immutable parallel safe
as $$
select (overlay(overlay(h placing '3' from 13 for 1)
                placing substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::integer & 3) + 1, 1)
                from 17 for 1))::uuid::text
from md5('check|' || server_id || '|' || check_name) h
$$;

create function ticket_article_ids(the_ticket uuid) returns setof uuid
language sql stable parallel safe
as $$
with t as (select tenant, alert_fingerprint from ticket where id = the_ticket),
     links as (select kind, target from ticket_link where ticket_id = the_ticket),
     servers as (select target from links where kind = 'SERVER'
                 union
                 select s::text from links l
                   join known_hosted_service h on h.id::text = l.target
                   cross join unnest(h.server_ids) s
                  where l.kind = 'HOSTED_SERVICE'
                 union
                 select g.host_server_id::text from links l
                   join known_guest g on g.id::text = l.target
                  where l.kind = 'VIRTUAL_MACHINE'),
     alerts as (select alert_fingerprint as target from t where alert_fingerprint is not null
                union
                select target from links where kind = 'ALERT'),
     targets as (select kind, target from links where kind in ('VIRTUAL_MACHINE', 'HOSTED_SERVICE')
                 union select 'SERVER', target from servers
                 union select 'CLIENT', tenant from t where tenant is not null
                 union select 'ALERT_FINGERPRINT', target from alerts)
select a.article_id from article_link a join targets x on x.kind = a.kind and x.target = a.target
union
select a.article_id from article_link a
  cross join servers s
  join alerts f on f.target = check_fingerprint(s.target, a.target)
 where a.kind = 'CHECK'
$$;
