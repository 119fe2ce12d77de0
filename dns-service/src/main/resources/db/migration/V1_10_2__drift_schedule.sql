-- dns-service: scheduled drift detection

-- when the schedule last read the zone's providers back (null: never; due from its creation)
alter table zone add column drift_checked_at timestamptz;
-- the differences last published as DriftFound for this provider (a fingerprint), so the same
-- drift is reported once; null when the provider serves the zone as held
alter table zone_provider add column drift_reported text;
