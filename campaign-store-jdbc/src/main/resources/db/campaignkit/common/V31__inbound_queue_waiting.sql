-- Every reply for a bot now goes through the inbound queue (stored before its webhook is answered), and
-- acknowledged rows stay so a redelivered webhook is recognised: claims and counts read only the rows
-- still waiting, so they are found by this index rather than by a scan of the campaign's every reply.
CREATE INDEX ck_inbound_queue_waiting ON ck_inbound_queue (campaign_id, acknowledged, seq);
