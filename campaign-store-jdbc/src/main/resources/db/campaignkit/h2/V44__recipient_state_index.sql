-- H2 rewrites every index of a row it updates (V43), and a dispatch updates each recipient at least twice (claimed,
-- then sent). Three of its indexes ordered the recipients of one state each by that state's time (V40's columns):
-- the claim's (PENDING by due time), recovery's (SENDING by lease expiry) and the fallback's (SENT by send time).
-- One index now serves the three: (campaign, state, the time of that state, sequence), the time a generated
-- column that reads the column of the row's state (JdbcDialect.whileIn names it), so a query on one state reads
-- one range of it in its order. V40's premise, that leading with the state rewrote entries a state column spared,
-- does not hold on H2: every entry is rewritten either way.
ALTER TABLE ck_recipient ADD COLUMN state_at BIGINT GENERATED ALWAYS AS (
    CASE state WHEN 'PENDING' THEN due_at WHEN 'SENDING' THEN lease_expires_at WHEN 'SENT' THEN sent_at END);
DROP INDEX ck_recipient_due;
DROP INDEX ck_recipient_in_flight;
DROP INDEX ck_recipient_awaiting;
CREATE INDEX ck_recipient_by_state ON ck_recipient (campaign_id, state, state_at, seq);
ALTER TABLE ck_recipient DROP COLUMN pending_due;
ALTER TABLE ck_recipient DROP COLUMN sending_expiry;
ALTER TABLE ck_recipient DROP COLUMN sent_awaiting;
