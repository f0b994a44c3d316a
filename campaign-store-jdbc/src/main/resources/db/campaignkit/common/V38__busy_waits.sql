-- Busy waits: when each recipient a campaign waits for was first found busy (the host's contact
-- availability), so that every engine on the store, and one restarted, counts the campaign's busy-contact
-- wait from the same instant. The first insert wins (the key); a row goes when its recipient is found
-- free or skipped, and every row of a campaign when it finishes or is deleted.
CREATE TABLE ck_busy_wait (
    campaign_id VARCHAR(64)  NOT NULL,
    phone       VARCHAR(16)  NOT NULL,
    tenant_id   VARCHAR(200) NOT NULL,
    busy_since  BIGINT       NOT NULL,
    CONSTRAINT ck_busy_wait_pk PRIMARY KEY (campaign_id, phone)
);
