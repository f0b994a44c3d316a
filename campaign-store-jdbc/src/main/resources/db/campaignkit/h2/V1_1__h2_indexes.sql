-- H2 has no partial indexes: the state leads instead.

-- the claim path: due PENDING recipients of a campaign, by due time then sequence
CREATE INDEX ck_recipient_due ON ck_recipient (campaign_id, state, due_at, seq);
-- recovery: SENDING recipients of a campaign by lease expiry
CREATE INDEX ck_recipient_in_flight ON ck_recipient (campaign_id, state, lease_expires_at);
-- a status event finds its recipient by the provider's message id without a scan
CREATE INDEX ck_recipient_by_provider_id ON ck_recipient (provider_message_id);
-- idle conversations of a campaign
CREATE INDEX ck_conversation_idle ON ck_conversation (campaign_id, last_activity_at);
-- lookups of a batch of phones (phone IN (...)): H2 uses an IN list on an index's first column only
CREATE INDEX ck_recipient_by_phone ON ck_recipient (phone, campaign_id);
CREATE INDEX ck_engagement_by_phone ON ck_engagement (phone, sender_channel, sender_id);
