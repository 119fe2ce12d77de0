-- Teams (oncall/team/): a named group of people who can be paged; an escalation step may notify a
-- team (every member), as it notifies a person or the on-call of a schedule.
create table oncall_team (
    id          uuid        primary key,
    name        text        not null unique,
    -- {"subjects": ["alice", "bob"]}
    members     jsonb       not null,
    version     bigint      not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);
