-- Local hours: the zone a recipient's wall clock is on, resolved at launch for a campaign whose active
-- hours are read in each recipient's local time (the zone key: IANA ids sorted and joined with commas,
-- several when the phone number's prefix spans zones). NULL for every other recipient. The engine knows
-- which zones' windows are open at an instant and claims only from those; each dialect's V35 indexes it.
ALTER TABLE ck_recipient ADD COLUMN local_zone VARCHAR(2000);
