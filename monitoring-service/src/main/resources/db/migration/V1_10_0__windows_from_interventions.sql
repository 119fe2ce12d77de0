-- Maintenance windows from ticket-service's planned interventions (source TICKET): one window per
-- intervention, found again by its id; the intervention's version orders the events applied, so a
-- redelivered older one changes nothing.
alter table maintenance_window add column intervention_id uuid unique;
alter table maintenance_window add column intervention_version bigint;
alter table maintenance_window add check (source <> 'TICKET' or intervention_id is not null);
