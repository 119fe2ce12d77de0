-- Coverage gaps as last published (io.vigie.backup.coverage), so each appears and closes once.

create table coverage_gap (
    id            uuid        primary key,
    tenant        text        not null,
    kind          text        not null,
    subject_id    uuid        not null,
    subject_kind  text        not null,
    subject_name  text        not null,
    promised      text        not null,
    actual        text        not null,
    found_at      timestamptz not null,
    unique (tenant, kind, subject_id)
);
