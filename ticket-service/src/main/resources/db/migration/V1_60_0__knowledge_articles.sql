-- Knowledge base (knowledge/): articles in Markdown with their revisions, what they are about, and
-- full-text search in French and English, accents folded (kb_french, kb_english).
create extension if not exists unaccent;

create text search configuration kb_french (copy = french);
alter text search configuration kb_french
    alter mapping for hword, hword_part, word with unaccent, french_stem;
create text search configuration kb_english (copy = english);
alter text search configuration kb_english
    alter mapping for hword, hword_part, word with unaccent, english_stem;

create table article (
    id               uuid        primary key,
    kind             text        not null,
    visibility       text        not null,
    -- the client the article is about (required when visibility is CLIENT)
    tenant           text,
    status           text        not null,
    language         text        not null,
    title            text        not null,
    body             text        not null,
    -- the body rendered from Markdown and sanitised at write time
    body_html        text        not null,
    -- the ticket (incident, post-incident report) a solution was drawn from
    source_ticket_id uuid,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_by       text        not null,
    updated_at       timestamptz not null,
    published_at     timestamptz,
    version          bigint      not null,
    search           tsvector generated always as (
        setweight(to_tsvector(case when language = 'EN' then 'kb_english'::regconfig
                                   else 'kb_french'::regconfig end, title), 'A')
        || setweight(to_tsvector(case when language = 'EN' then 'kb_english'::regconfig
                                      else 'kb_french'::regconfig end, body), 'B')) stored
);

create index article_updated on article (updated_at desc, id desc);
create index article_tenant on article (tenant);
create index article_source_ticket on article (source_ticket_id);
create index article_search on article using gin (search);

create table article_revision (
    article_id uuid        not null references article (id),
    revision   bigint      not null,
    at         timestamptz not null,
    author     text        not null,
    -- the editor's words for the change
    note       text,
    title      text        not null,
    body       text        not null,
    -- line diff from the previous revision (null for the first)
    diff       text,
    primary key (article_id, revision)
);

create table article_link (
    article_id uuid not null references article (id),
    kind       text not null,
    target     text not null,
    label      text,
    primary key (article_id, kind, target)
);

create index article_link_target on article_link (kind, target);

create function article_json(a article) returns json
language sql stable parallel safe
as $$
select json_build_object(
           'id', a.id,
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

create view article_document as
select a.id, a.kind, a.visibility, a.tenant, a.status, a.language, a.updated_at,
       a.source_ticket_id, article_json(a) as doc
from article a;

create view article_revision_document as
select r.article_id, r.revision,
       json_build_object('revision', r.revision, 'at', json_instant(r.at), 'author', r.author,
                         'note', r.note, 'title', r.title, 'body', r.body, 'diff', r.diff) as doc
from article_revision r;
