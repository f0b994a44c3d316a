-- The token buckets that pace sending, shared by every node (JdbcPacingStore): one per sender (the
-- provider's limit, shared by every campaign on that sender) and one per campaign (its pace). A
-- permit is taken from a campaign's row and its sender's row in one transaction, or from neither.
--
-- The arithmetic is TokenBucketPacer's, on integers: with P permits per period of D nanoseconds a
-- permit costs D units and every nanosecond adds P units; a full bucket holds (burst + 1) × D + P − 1
-- units. Nothing is ever rounded, so nodes together keep the limit exactly on the bucket's timeline.
--
-- ck_sender_bucket (V2) held the sender's bucket alone; nothing reads it any more.
CREATE TABLE ck_pacing_bucket (
    -- the tenant of the store that paces, '*' for a store that serves every tenant
    scope          VARCHAR(200) NOT NULL,
    sender_channel VARCHAR(100) NOT NULL,
    sender_id      VARCHAR(200) NOT NULL,
    -- '' for the sender's own bucket, else the campaign whose bucket this is. The sender's row sorts
    -- first in the key, and every operation locks its rows in key order (sender, then campaign), so
    -- two nodes never wait for each other in a cycle
    campaign_id    VARCHAR(64)  NOT NULL,
    -- the limit the units are counted in: P permits per period of D nanoseconds, and the burst
    permits        INTEGER      NOT NULL,
    period_nanos   BIGINT       NOT NULL,
    burst          INTEGER      NOT NULL,
    -- units in the bucket at last_at, never negative
    units          BIGINT       NOT NULL,
    -- the bucket's timeline (nanoseconds since the epoch): the latest instant a node wrote at. It never
    -- goes backwards: an earlier instant is taken as this one
    last_at        BIGINT       NOT NULL,
    CONSTRAINT ck_pacing_bucket_pk PRIMARY KEY (scope, sender_channel, sender_id, campaign_id)
);

-- a finished campaign's bucket is deleted by its id alone
CREATE INDEX ck_pacing_bucket_by_campaign ON ck_pacing_bucket (scope, campaign_id);
