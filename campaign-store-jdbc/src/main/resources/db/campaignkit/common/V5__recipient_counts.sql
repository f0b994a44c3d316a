-- Recipient counts kept as counters, so counting a campaign reads a handful of rows instead of
-- grouping all of its recipients. One row per campaign, state and code: code is the outcome code
-- of SKIPPED and FAILED recipients ('' when they have none) and '' in every other state (outcome
-- codes are never blank, so '' cannot collide with one). n counts the recipients of the key;
-- n_accepted, n_delivered and n_read those of them with sent_at, delivered_at and read_at set.
-- The store changes these rows in the transactions that change recipients. Rows that fall to 0 stay.
--
-- No foreign key to ck_campaign: inserting a counter row would then lock the campaign row, which a
-- deleting transaction holds while it waits for the recipient rows the inserting transaction holds.
-- The store deletes a campaign's counters after its recipients instead.
CREATE TABLE ck_recipient_count (
    campaign_id VARCHAR(64)  NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    code        VARCHAR(100) NOT NULL,
    tenant_id   VARCHAR(200) NOT NULL,
    n           BIGINT       NOT NULL,
    n_accepted  BIGINT       NOT NULL,
    n_delivered BIGINT       NOT NULL,
    n_read      BIGINT       NOT NULL,
    CONSTRAINT ck_recipient_count_pk PRIMARY KEY (campaign_id, state, code)
);

-- Existing campaigns start from what their recipients are now.
INSERT INTO ck_recipient_count (campaign_id, state, code, tenant_id, n, n_accepted, n_delivered, n_read)
SELECT campaign_id, state,
       CASE WHEN state IN ('SKIPPED', 'FAILED') THEN COALESCE(outcome_code, '') ELSE '' END,
       MIN(tenant_id), COUNT(*), COUNT(sent_at), COUNT(delivered_at), COUNT(read_at)
FROM ck_recipient
GROUP BY campaign_id, state, CASE WHEN state IN ('SKIPPED', 'FAILED') THEN COALESCE(outcome_code, '') ELSE '' END;
