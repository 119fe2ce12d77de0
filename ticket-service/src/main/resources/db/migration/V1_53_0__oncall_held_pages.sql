-- Support hours (oncall/paging/): a lower-priority page opened outside its client's support hours is
-- HELD until they open (next_step_at is then when paging starts), and the watch starts it then. A
-- ticket still has at most one live (held or open) page.
drop index oncall_page_open_per_ticket;
create unique index oncall_page_open_per_ticket on oncall_page (ticket_id)
    where status in ('OPEN', 'HELD');
drop index oncall_page_due;
create index oncall_page_due on oncall_page (next_step_at) where status in ('OPEN', 'HELD');
