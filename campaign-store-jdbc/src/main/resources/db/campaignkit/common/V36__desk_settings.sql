-- The conversation desk's per-campaign settings (campaign-desk's DeskSettings: queue, assignment method,
-- policies, dispositions, dynamic fields, survey, hours, inactivity), so a desk restarted on this database
-- finds them. The settings are one encoded text (the store's length-prefixed tokens, format first) and are
-- optimistically versioned; every row carries the scope of the store that wrote it (its tenant, or '*').
CREATE TABLE ck_desk_settings (
    scope         VARCHAR(200)    NOT NULL,
    campaign_id   VARCHAR(200)    NOT NULL,
    settings_text VARCHAR(100000) NOT NULL,
    version       BIGINT          NOT NULL,
    PRIMARY KEY (scope, campaign_id)
);
