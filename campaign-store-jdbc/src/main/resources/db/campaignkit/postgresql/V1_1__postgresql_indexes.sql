-- PostgreSQL: partial indexes keep the hot paths small; a finished recipient leaves them.

-- the claim path: due PENDING recipients of a campaign, by due time then sequence
CREATE INDEX ck_recipient_due ON ck_recipient (campaign_id, due_at, seq) WHERE state = 'PENDING';
-- recovery: SENDING recipients of a campaign by lease expiry
CREATE INDEX ck_recipient_in_flight ON ck_recipient (campaign_id, lease_expires_at) WHERE state = 'SENDING';
-- a status event finds its recipient by the provider's message id without a scan
CREATE INDEX ck_recipient_by_provider_id ON ck_recipient (provider_message_id) WHERE provider_message_id IS NOT NULL;
-- idle conversations of a campaign
CREATE INDEX ck_conversation_idle ON ck_conversation (campaign_id, last_activity_at) WHERE closed_at IS NULL;
