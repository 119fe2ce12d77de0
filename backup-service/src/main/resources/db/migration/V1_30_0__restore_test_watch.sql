-- The due time of each policy's restore test last published as overdue (RestoreTestOverdue), so
-- each missed due time is published once.
create table restore_test_watch (
    policy_id       uuid        primary key references backup_policy (id) on delete cascade,
    overdue_due_at  timestamptz not null
);
