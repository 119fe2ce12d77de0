-- The client's time zone (its contract's support hours): monthly backup reports follow its
-- calendar. Null until the client's next inventory event; reports then use UTC.
alter table inventory_client add column time_zone text;
