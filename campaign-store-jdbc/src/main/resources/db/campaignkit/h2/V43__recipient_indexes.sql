-- H2 rewrites every index of a row it updates (an UPDATE removes the old row from each index and adds the new
-- one, changed columns or not), and a recipient is updated at least twice (claimed, then sent). Two of its nine
-- indexes did no work of their own:
-- * the foreign key's index on campaign_id, which the primary key (campaign_id, seq) already leads with; the key
--   goes as on PostgreSQL (V41): recipients are added only under their campaign's row lock, and deleting a campaign
--   deletes its recipients in the same transaction (CampaignRows.delete);
-- * the unique (campaign_id, phone) beside the lookup index (phone, campaign_id): one unique index on
--   (phone, campaign_id) keeps a phone once per campaign and serves the lookups of a batch of phones (H2 uses an
--   IN-list on an index's first column only).
ALTER TABLE ck_recipient DROP CONSTRAINT ck_recipient_campaign;
ALTER TABLE ck_recipient DROP CONSTRAINT ck_recipient_phone;
DROP INDEX ck_recipient_by_phone;
CREATE UNIQUE INDEX ck_recipient_by_phone ON ck_recipient (phone, campaign_id);
