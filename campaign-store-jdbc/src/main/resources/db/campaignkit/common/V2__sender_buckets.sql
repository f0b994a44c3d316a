-- One token bucket per channel sender, shared by every node: the sender's rate limit holds across
-- nodes. The arithmetic is TokenBucketPacer's, on integers: with P permits per period of D
-- nanoseconds a permit costs D units and every nanosecond adds P units.
CREATE TABLE ck_sender_bucket (
    sender_channel VARCHAR(100) NOT NULL,
    sender_id      VARCHAR(200) NOT NULL,
    -- units in the bucket at last_at
    units          BIGINT       NOT NULL,
    -- the latest instant any node asked at (nanoseconds since the epoch): the bucket's timeline
    last_at        BIGINT       NOT NULL,
    CONSTRAINT ck_sender_bucket_pk PRIMARY KEY (sender_channel, sender_id)
);
