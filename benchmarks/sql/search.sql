-- GET /api/v1/articles/search as ticket-service runs it (knowledge/ArticleSearch), in the mix
-- the API side sends (benchmarks/wrk/search.lua cycles through 20 slots the same way): 10 in 20 a
-- staff search (?q=), 3 in 20 a staff search of runbooks (?q=&kind=RUNBOOK), 7 in 20 a client's
-- search with its count (?q=&total=true, the tenant wall a condition of both statements; the
-- service runs the two at once on two pooled connections, pgbench one after the other). Default
-- page: 50 hits, so limit 51 (the 51st says whether there is a next page).
-- The statements are the service's own (pg_stat_activity in the report shows them), the question
-- and the client bound as parameters. Each transaction first picks a question the API side also
-- sends, from bench.search_query (written by the benchmark: the same questions and clients, in the
-- same proportions): one primary-key lookup on top of the service's SQL.
\set slot random(1, 20)
\if :slot <= 10
\set n random(1, :staffqueries)
select q from bench.search_query where shape = 'staff' and n = :n \gset
select a.id, a.kind, a.visibility, a.tenant, a.status, a.language, a.title, ts_headline(case when a.language = 'EN' then 'kb_english'::regconfig else 'kb_french'::regconfig end, replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet, ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real as rank, (ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real)::text as rank_text, a.updated_at from article a where a.search @@ (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)) order by ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real desc, a.id desc limit 51;
\elif :slot <= 13
\set n random(1, :kindqueries)
select q from bench.search_query where shape = 'staff-kind' and n = :n \gset
select a.id, a.kind, a.visibility, a.tenant, a.status, a.language, a.title, ts_headline(case when a.language = 'EN' then 'kb_english'::regconfig else 'kb_french'::regconfig end, replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet, ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real as rank, (ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real)::text as rank_text, a.updated_at from article a where a.search @@ (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)) and a.kind = :kind order by ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real desc, a.id desc limit 51;
\else
\set n random(1, :clientqueries)
select q, tenant from bench.search_query where shape = 'client' and n = :n \gset
select a.id, a.kind, a.visibility, a.tenant, a.status, a.language, a.title, ts_headline(case when a.language = 'EN' then 'kb_english'::regconfig else 'kb_french'::regconfig end, replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet, ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real as rank, (ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real)::text as rank_text, a.updated_at from article a where a.search @@ (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)) and a.status = 'PUBLISHED' and (a.visibility = 'PUBLIC' or (a.visibility = 'CLIENT' and a.tenant = :tenant)) order by ts_rank(a.search, (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)), 1)::real desc, a.id desc limit 51;
select count(*) from article a where a.search @@ (websearch_to_tsquery('kb_french', :q) || websearch_to_tsquery('kb_english', :q)) and a.status = 'PUBLISHED' and (a.visibility = 'PUBLIC' or (a.visibility = 'CLIENT' and a.tenant = :tenant));
\endif
