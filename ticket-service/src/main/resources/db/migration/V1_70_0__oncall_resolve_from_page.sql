-- Resolving from the page (issue 9): the link an email carries acknowledges once and resolves once,
-- until it expires; the page keeps who resolved its ticket from it, when, and through which channel.
alter table oncall_notification
    add column link_expires_at timestamptz,
    add column resolve_used_at timestamptz;
-- links sent before this migration expire as the default validity (24 hours) says
update oncall_notification
   set link_expires_at = coalesce(sent_at, due_at) + interval '24 hours'
 where link_hash is not null;

alter table oncall_page
    add column resolved_at      timestamptz,
    add column resolved_by      text,
    add column resolved_through text;
