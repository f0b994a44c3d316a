-- The sender-only buckets of V2 were replaced by ck_pacing_bucket (V3), which keeps a sender's
-- bucket and its campaigns' buckets together so a permit is taken from both in one transaction.
DROP TABLE ck_sender_bucket;
