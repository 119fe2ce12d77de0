-- Runbooks (knowledge/): an alert rule names its runbook (monitoring's AlertFired carries the rule's
-- name and its runbook: an http(s) URL, or kb:<slug or id> naming an article); the incident shows
-- it. Articles get an optional slug, the stable name a rule pack uses (kb:filesystem-full).
alter table article add column slug text;
create unique index article_slug on article (slug) where slug is not null;

-- the rule and runbook of each firing, as its AlertFired carried them (null before they existed)
alter table alert_firing add column rule text;
alter table alert_firing add column runbook text;

create or replace function article_json(a article) returns json
language sql stable parallel safe
as $$
select json_build_object(
           'id', a.id,
           'slug', a.slug,
           'kind', a.kind,
           'visibility', a.visibility,
           'tenant', a.tenant,
           'status', a.status,
           'language', a.language,
           'title', a.title,
           'body', a.body,
           'html', a.body_html,
           'sourceTicketId', a.source_ticket_id,
           'createdBy', a.created_by,
           'createdAt', json_instant(a.created_at),
           'updatedBy', a.updated_by,
           'updatedAt', json_instant(a.updated_at),
           'publishedAt', json_instant(a.published_at),
           'links', coalesce((select json_agg(json_build_object('kind', l.kind, 'target', l.target,
                                                                'label', l.label)
                                              order by l.kind, l.target)
                              from article_link l where l.article_id = a.id), '[]'::json),
           'version', a.version)
$$;

create or replace view article_document as
select a.id, a.kind, a.visibility, a.tenant, a.status, a.language, a.updated_at,
       a.source_ticket_id, article_json(a) as doc, a.slug
from article a;

-- The article a runbook reference names: kb:<slug> or kb:<id> (compared as text: no cast to fail).
create function runbook_article_id(runbook text) returns uuid
language sql stable parallel safe
as $$
select a.id from article a
 where runbook like 'kb:%'
   and (a.slug = substr(runbook, 4) or a.id::text = lower(substr(runbook, 4)))
 limit 1
$$;

-- The rule and runbook of a ticket's alert: its latest firing's.
create function ticket_alert_rule(the_ticket uuid, out rule text, out runbook text)
language sql stable parallel safe
as $$
select f.rule, f.runbook from alert_firing f
 where f.fingerprint = (select alert_fingerprint from ticket where id = the_ticket)
 order by f.started_at desc
 limit 1
$$;

-- A ticket also shows its alert rule's runbook and the articles about that rule (ALERT_RULE links).
create or replace function ticket_article_ids(the_ticket uuid) returns setof uuid
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
     named as (select r.rule, r.runbook from ticket_alert_rule(the_ticket) r),
     targets as (select kind, target from links where kind in ('VIRTUAL_MACHINE', 'HOSTED_SERVICE')
                 union select 'SERVER', target from servers
                 union select 'CLIENT', tenant from t where tenant is not null
                 union select 'ALERT_FINGERPRINT', target from alerts
                 union select 'ALERT_RULE', rule from named where rule is not null)
select a.article_id from article_link a join targets x on x.kind = a.kind and x.target = a.target
union
select a.article_id from article_link a
  cross join servers s
  join alerts f on f.target = check_fingerprint(s.target, a.target)
 where a.kind = 'CHECK'
union
select id from article where source_ticket_id = the_ticket
union
select runbook_article_id(n.runbook) from named n where runbook_article_id(n.runbook) is not null
$$;
