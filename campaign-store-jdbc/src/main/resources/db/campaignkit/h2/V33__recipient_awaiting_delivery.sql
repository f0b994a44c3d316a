-- A fallback's candidates: SENT recipients of a campaign by send time then sequence (campaigns with
-- several channels look them up at every run while they send). H2 has no partial indexes.
CREATE INDEX ck_recipient_awaiting ON ck_recipient (campaign_id, state, sent_at, seq);
