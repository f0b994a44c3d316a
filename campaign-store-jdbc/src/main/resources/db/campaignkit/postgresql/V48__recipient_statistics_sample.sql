-- Launch speed (issue 20): the planner's statistics of the recipients come from a sample of 3,000 rows, not 30,000.
-- ANALYZE reads 300 rows per unit of the largest statistics target among a table's columns (100 by default); a
-- launch refreshes the recipients' statistics at each tenfold growth of a campaign, beside its loads, and on two
-- cores the default sample (about 140 ms a refresh) took a tenth of a launch's processor time. A target of 10
-- (about 20 ms) still counts the rows and sees each campaign's and each state's share, which is what the claims'
-- plans turn on. A column added to ck_recipient later needs its target too (StatisticsRefreshTest checks).
ALTER TABLE ck_recipient
    ALTER COLUMN campaign_id SET STATISTICS 10,
    ALTER COLUMN seq SET STATISTICS 10,
    ALTER COLUMN tenant_id SET STATISTICS 10,
    ALTER COLUMN phone SET STATISTICS 10,
    ALTER COLUMN contact_name SET STATISTICS 10,
    ALTER COLUMN contact_data SET STATISTICS 10,
    ALTER COLUMN state SET STATISTICS 10,
    ALTER COLUMN attempts SET STATISTICS 10,
    ALTER COLUMN due_at SET STATISTICS 10,
    ALTER COLUMN lease_owner SET STATISTICS 10,
    ALTER COLUMN lease_expires_at SET STATISTICS 10,
    ALTER COLUMN provider_message_id SET STATISTICS 10,
    ALTER COLUMN outcome_code SET STATISTICS 10,
    ALTER COLUMN outcome_message SET STATISTICS 10,
    ALTER COLUMN outcome_provider_code SET STATISTICS 10,
    ALTER COLUMN outcome_permanent SET STATISTICS 10,
    ALTER COLUMN sent_at SET STATISTICS 10,
    ALTER COLUMN delivered_at SET STATISTICS 10,
    ALTER COLUMN read_at SET STATISTICS 10,
    ALTER COLUMN replied_at SET STATISTICS 10,
    ALTER COLUMN updated_at SET STATISTICS 10,
    ALTER COLUMN channel_index SET STATISTICS 10,
    ALTER COLUMN channel_attempts SET STATISTICS 10,
    ALTER COLUMN local_zone SET STATISTICS 10;
