-- Self-service requests (request/): a request keeps its category and the support time it is
-- handled within (ISO-8601, e.g. PT48H), fixed at opening from the category's configured time;
-- that time is its resolution clock's target whatever its priority. The ticket document shows both
-- as "request" (null on other tickets).
alter table ticket add column request_category text;
alter table ticket add column request_within text;
alter table ticket add constraint ticket_request_terms
    check ((request_category is null) = (request_within is null));

create or replace function ticket_json(t ticket, with_parent boolean) returns json
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
           'request', case when t.request_category is not null
                           then json_build_object('category', t.request_category,
                                                  'handleWithin', t.request_within) end,
           'version', t.version)
$$;
