-- the claim path of local hours: due PENDING recipients of a campaign in one zone, by due time then sequence
CREATE INDEX ck_recipient_local_due ON ck_recipient (campaign_id, local_zone, due_at, seq)
    WHERE state = 'PENDING' AND local_zone IS NOT NULL;
