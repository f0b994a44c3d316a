-- Several channels per campaign: which of the campaign's channel bindings a recipient is sent on
-- (0, the first, for every recipient before this version and every campaign with one channel), and
-- its attempts on the bindings it fell back from (NULL for none), in the store's token encoding.
ALTER TABLE ck_recipient ADD COLUMN channel_index INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ck_recipient ADD COLUMN channel_attempts VARCHAR(100000);
