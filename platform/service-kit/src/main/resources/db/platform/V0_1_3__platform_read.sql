-- The read path renders JSON in PostgreSQL; instants are written as Jackson writes Instant
-- (ISO 8601 in UTC, 'Z', the fraction in groups of three digits, none when zero) so a document
-- reads the same whichever side rendered it.
create function json_instant(t timestamptz) returns text
language sql stable parallel safe
as $$
select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
       || case
              when micros = 0 then ''
              when micros % 1000 = 0 then '.' || lpad((micros / 1000)::text, 3, '0')
              else '.' || lpad(micros::text, 6, '0')
          end
       || 'Z'
from (select (extract(microseconds from t)::bigint % 1000000) as micros) m
$$;

-- the change log pages newest first by the outbox's sequence
create index outbox_event_seq on outbox_event (seq);
