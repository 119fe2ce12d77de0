-- A search ranks every article its question matches by the article's tsvector: with the default
-- storage a long article's tsvector lives out of line (TOAST), and a broad question ("serveur",
-- a fifth of the knowledge base) read 14,800 buffers for 3,004 articles, most of the statement's
-- time (benchmarks/results/search-2026-11-30.md). Kept in the row, compressed; the body, larger,
-- is what goes out of line.
alter table article alter column search set storage main;

-- rows written before keep their out-of-line copy until rewritten: an update recomputes the
-- stored generated column and writes it under the new storage
update article set version = version;
