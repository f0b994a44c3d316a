-- The schedule of a SCHEDULED campaign: when it launches and, optionally, the latest instant it may
-- still launch (nanoseconds since the epoch, as every instant). NULL in every other state. Due
-- campaigns are found through the (state, campaign_id) index: scheduled campaigns are few.
ALTER TABLE ck_campaign ADD COLUMN schedule_start BIGINT;
ALTER TABLE ck_campaign ADD COLUMN schedule_latest_start BIGINT;
