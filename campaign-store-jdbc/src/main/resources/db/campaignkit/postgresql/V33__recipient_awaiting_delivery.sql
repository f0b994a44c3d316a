-- A fallback's candidates: SENT recipients of a campaign by send time then sequence (campaigns with
-- several channels look them up at every run while they send); a delivered recipient leaves it.
CREATE INDEX ck_recipient_awaiting ON ck_recipient (campaign_id, sent_at, seq) WHERE state = 'SENT';
