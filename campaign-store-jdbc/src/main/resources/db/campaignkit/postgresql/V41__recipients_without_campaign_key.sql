-- Launch speed (issue 20): a recipient's foreign key to its campaign cost a lookup and a row lock of ck_campaign
-- for every row loaded. The rule it kept holds without it: recipients are added only under the lock of their
-- campaign's row (a deleted campaign is not found there), and deleting a campaign deletes its recipients in the
-- same transaction (CampaignRows.delete). H2 keeps the key (and its cascade; the store's delete finds nothing left).
ALTER TABLE ck_recipient DROP CONSTRAINT ck_recipient_campaign;
