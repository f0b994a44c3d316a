-- The typed content of a queued inbound message (a location, a tapped button, a photo kept by the
-- provider under an id, ...), so the bot gets it when the campaign's hours open as it would have got
-- it at once. Form-encoded fields (see InboundContentCodec); NULL for rows queued before V6, whose
-- content is read back from body and media.
ALTER TABLE ck_inbound_queue ADD COLUMN content VARCHAR(100000);
