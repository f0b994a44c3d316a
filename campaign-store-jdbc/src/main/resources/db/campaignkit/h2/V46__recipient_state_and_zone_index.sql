-- H2 rewrites every index entry of a row it updates (V44), and each recipient is updated at least twice in a
-- dispatch (claimed, then sent). The local zones' index (V45) was rewritten for every recipient, also in campaigns
-- without local hours, whose rows all carry a NULL zone there: about 12 % of an H2 dispatch (BENCHMARKS.md,
-- session 15). It is folded into the state index: (campaign, state, the zone while PENDING, the time of the state,
-- sequence, phone). A campaign without local hours has NULL in the zone of every row, so each state's rows are
-- one range in time order (the store names pending_zone IS NULL); a local campaign's PENDING rows are one range
-- per zone, in due order, as V45's were. Reads of PENDING rows across zones merge the zones' ranges.
DROP INDEX ck_recipient_local_due;
DROP INDEX ck_recipient_by_state;
CREATE INDEX ck_recipient_by_state ON ck_recipient (campaign_id, state, pending_zone, state_at, seq, phone);
