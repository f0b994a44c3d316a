-- A claim across local zones picks each zone's first recipients from this index and finds the picked rows by their
-- phone (H2 takes a subquery as an index condition only on an index's first column, and the phone leads the
-- unique (phone, campaign_id)): with the phone in the zone index the pick reads the index alone. Before, the
-- picked rows were found by sequence, which no H2 index leads with, so every claim walked the campaign's
-- PENDING rows to test each against the pick.
DROP INDEX ck_recipient_local_due;
CREATE INDEX ck_recipient_local_due ON ck_recipient (campaign_id, pending_zone, due_at, seq, phone);
