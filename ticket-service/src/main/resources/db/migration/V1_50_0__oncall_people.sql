-- On-call people (oncall/): the hoster's staff (their Keycloak subject) with their contact methods
-- and notification rules. Contact methods and rules are one document per person, replaced whole
-- under If-Match. A webhook's secret is kept here to sign deliveries and never shown again.
create table oncall_person (
    subject              text        primary key,
    display_name         text        not null,
    -- {"contactMethods": [{"name": "mail", "kind": "EMAIL", "address": "alice@hoster.example"},
    --    {"name": "sms", "kind": "WEBHOOK", "address": "https://gw.example/sms", "secret": "..."}],
    --  "notificationRules": [{"contact": "mail", "after": "PT0S"}, {"contact": "sms", "after": "PT2M"}]}
    sheet                jsonb       not null,
    version              bigint      not null,
    updated_at           timestamptz not null,
    updated_by           text        not null
);

-- the API's document: secrets left out
create view oncall_person_document as
select p.subject,
       json_build_object(
           'subject', p.subject, 'name', p.display_name,
           'contactMethods', (select coalesce(jsonb_agg(
                                     (m - 'secret') || jsonb_build_object('secretSet', m ? 'secret')
                                     order by o), '[]'::jsonb)
                              from jsonb_array_elements(p.sheet -> 'contactMethods') with ordinality as e(m, o)),
           'notificationRules', p.sheet -> 'notificationRules',
           'version', p.version, 'updatedAt', json_instant(p.updated_at),
           'updatedBy', p.updated_by) as doc
from oncall_person p;
