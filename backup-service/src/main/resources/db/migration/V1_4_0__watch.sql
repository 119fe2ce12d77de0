-- What the watcher last reported, so each overdue run and each breach is published once.

create table copy_watch (
    copy_id             uuid        primary key references backup_policy_copy (id) on delete cascade,
    overdue_due_at      timestamptz not null
);

-- datacenter_code '' is the policy's RPO over every repository; others are per datacenter
create table rpo_watch (
    policy_id       uuid        not null references backup_policy (id) on delete cascade,
    datacenter_code text        not null,
    breached_at     timestamptz not null,
    primary key (policy_id, datacenter_code)
);
