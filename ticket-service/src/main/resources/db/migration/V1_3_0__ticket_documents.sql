-- The read path (io.vigie.kit.read): tickets and timeline entries rendered as JSON by PostgreSQL,
-- in the shape the write path answers (TicketViews.TicketView / EntryView). client_doc leaves out
-- the internal parent a client's incident belongs to.
create function ticket_clock_json(state jsonb, deadline timestamptz) returns json
language sql stable parallel safe
as $$
select case when state is null then null else json_build_object(
           'target', state ->> 'target',
           'phase', state ->> 'phase',
           'startedAt', state ->> 'startedAt',
           'deadline', json_instant(deadline),
           'lastWarningPercent', (state ->> 'lastThreshold')::integer,
           'met', case when state ->> 'phase' = 'STOPPED'
                       then (state ->> 'consumed')::interval < (state ->> 'target')::interval
                  end) end
$$;

create function ticket_json(t ticket, with_parent boolean) returns json
language sql stable parallel safe
as $$
select json_build_object(
           'id', t.id,
           'reference', t.reference,
           'tenant', t.tenant,
           'type', t.type,
           'status', t.status,
           'impact', t.impact,
           'urgency', t.urgency,
           'priority', t.priority,
           'supportLevel', t.support_level,
           'assignee', t.assignee,
           'title', t.title,
           'description', t.description,
           'parentId', case when with_parent then t.parent_id end,
           'alertFingerprint', t.alert_fingerprint,
           'openedBy', t.opened_by,
           'openedAt', json_instant(t.opened_at),
           'clockStartedAt', json_instant(t.clock_started_at),
           'acknowledgedAt', json_instant(t.acknowledged_at),
           'resolvedAt', json_instant(t.resolved_at),
           'closedAt', json_instant(t.closed_at),
           'interventionClock', ticket_clock_json(t.intervention_clock, t.intervention_deadline),
           'resolutionClock', ticket_clock_json(t.resolution_clock, t.resolution_deadline),
           'links', coalesce((select json_agg(json_build_object('kind', l.kind, 'target', l.target,
                                                                'label', l.label)
                                              order by l.kind, l.target)
                              from ticket_link l where l.ticket_id = t.id), '[]'::json),
           'version', t.version)
$$;

create view ticket_document as
select t.id, t.tenant, t.type, t.status, t.priority, t.support_level, t.assignee, t.reference,
       t.parent_id, t.alert_fingerprint, t.opened_at,
       ticket_json(t, true) as doc,
       ticket_json(t, false) as client_doc
from ticket t;

create view ticket_entry_document as
select e.ticket_id, e.visibility, e.at, e.seq,
       json_build_object('id', e.id, 'at', json_instant(e.at), 'kind', e.kind,
                         'visibility', e.visibility, 'author', e.author, 'body', e.body) as doc
from ticket_entry e;
