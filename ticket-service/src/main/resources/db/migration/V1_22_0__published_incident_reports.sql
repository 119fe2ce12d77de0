-- The read path for published post-incident reports (io.vigie.kit.read): each report's last
-- published version, rendered by PostgreSQL in the shape of ReportViews.PublishedReport. Drafts
-- never appear here.
create view published_incident_report_document as
select r.id, r.tenant, r.published_at,
       json_build_object('id', r.id,
                         'ticketId', r.ticket_id,
                         'reference', r.reference,
                         'tenant', r.tenant,
                         'title', v.facts ->> 'title',
                         'version', r.published_version,
                         'publishedAt', json_instant(r.published_at),
                         'start', v.facts -> 'start',
                         'recovery', v.facts -> 'recovery',
                         'duration', v.facts -> 'duration',
                         'interventionMet', v.facts -> 'interventionMet') as doc
from incident_report r
join incident_report_version v on v.report_id = r.id and v.version = r.published_version
where r.published_version is not null and r.tenant is not null;
