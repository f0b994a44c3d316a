-- Client > project > campaign, and the campaign listing's filters.
--
-- The listing of one tenant's campaigns (CampaignQuery.Listing) filters by project, state, bot flow,
-- channel type and sender in SQL. The bot flow and the sender live inside the encoded configuration,
-- so they are kept in columns of their own too, written with every insert and update; the Java
-- migration V26 fills them for the campaigns stored before. Each filter has an index that starts with
-- the tenant and ends with the campaign id, so a page is a range of one index read in the listing's
-- order (the project's index is V1's ck_campaign_by_project; the tenant alone has its own).
ALTER TABLE ck_campaign ADD COLUMN bot_flow_id VARCHAR(1000);
ALTER TABLE ck_campaign ADD COLUMN sender_channel VARCHAR(1000);
ALTER TABLE ck_campaign ADD COLUMN sender_id VARCHAR(1000);
CREATE INDEX ck_campaign_by_tenant ON ck_campaign (tenant_id, campaign_id);
CREATE INDEX ck_campaign_by_tenant_state ON ck_campaign (tenant_id, state, campaign_id);
CREATE INDEX ck_campaign_by_tenant_bot ON ck_campaign (tenant_id, bot_flow_id, campaign_id);
CREATE INDEX ck_campaign_by_tenant_sender ON ck_campaign (tenant_id, sender_channel, sender_id, campaign_id);

-- A tenant's projects (ProjectStore), optimistically versioned; archived_at is NULL while the
-- project takes campaigns. The key is the tenant and the project id: two tenants may use one id.
CREATE TABLE ck_project (
    tenant_id   VARCHAR(200) NOT NULL,
    project_id  VARCHAR(200) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    archived_at BIGINT,
    version     BIGINT       NOT NULL,
    CONSTRAINT ck_project_pk PRIMARY KEY (tenant_id, project_id)
);

-- Why a phone was suppressed (an opt-out's keyword, the host's note); NULL for rows stored before.
ALTER TABLE ck_suppression ADD COLUMN reason VARCHAR(1000);
