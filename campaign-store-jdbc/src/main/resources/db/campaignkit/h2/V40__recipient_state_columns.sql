-- H2 has no partial indexes, and its indexes led by (campaign_id, state) changed with every state change: a
-- claim and a receipt rewrote nine index entries a recipient. Each index now reads a generated column that holds
-- its time (or zone) only while the recipient is in the index's state, NULL otherwise, so a recipient changing
-- state rewrites only the entries of the states it leaves and enters (JdbcDialect.whileIn names these columns;
-- PostgreSQL keeps its partial indexes and the plain columns).
ALTER TABLE ck_recipient ADD COLUMN pending_due BIGINT GENERATED ALWAYS AS (CASE WHEN state = 'PENDING' THEN due_at END);
ALTER TABLE ck_recipient ADD COLUMN sending_expiry BIGINT
    GENERATED ALWAYS AS (CASE WHEN state = 'SENDING' THEN lease_expires_at END);
ALTER TABLE ck_recipient ADD COLUMN sent_awaiting BIGINT GENERATED ALWAYS AS (CASE WHEN state = 'SENT' THEN sent_at END);
ALTER TABLE ck_recipient ADD COLUMN pending_zone VARCHAR(2000)
    GENERATED ALWAYS AS (CASE WHEN state = 'PENDING' THEN local_zone END);

-- the claim path: due PENDING recipients of a campaign, by due time then sequence
DROP INDEX ck_recipient_due;
CREATE INDEX ck_recipient_due ON ck_recipient (campaign_id, pending_due, seq);
-- recovery and lease renewal: SENDING recipients of a campaign by lease expiry
DROP INDEX ck_recipient_in_flight;
CREATE INDEX ck_recipient_in_flight ON ck_recipient (campaign_id, sending_expiry, seq);
-- a fallback's candidates: SENT recipients of a campaign by send time then sequence
DROP INDEX ck_recipient_awaiting;
CREATE INDEX ck_recipient_awaiting ON ck_recipient (campaign_id, sent_awaiting, seq);
-- the claim path of local hours: due PENDING recipients of a campaign in one zone, by due time then sequence
DROP INDEX ck_recipient_local_due;
CREATE INDEX ck_recipient_local_due ON ck_recipient (campaign_id, pending_zone, due_at, seq);
