-- Launch speed (issue 20): phone numbers compare as bytes. An E.164 number is '+' and digits, which every
-- collation orders alike, but a database created with a language's locale (en_US.UTF-8, even C.UTF-8) compares
-- them through the C library's strcoll in every index they key: a launch inserts two such entries per contact
-- (the recipient's (campaign, phone) and the engagement's (sender, phone)), each some twenty comparisons deep.
-- Equality, ordering and the Java side's phone order (String.compareTo, which keeps engagements deadlock-free)
-- are unchanged. Changing only the collation keeps the rows; the indexes on these columns are rebuilt.
ALTER TABLE ck_recipient ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE ck_engagement ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE ck_suppression ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE ck_conversation ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C",
    ALTER COLUMN open_phone TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE ck_inbound_queue ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE ck_funnel_step ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE ck_busy_wait ALTER COLUMN phone TYPE VARCHAR(16) COLLATE "C";
