-- CampaignKit storage port: campaigns, recipients, engagements, suppressions, conversations,
-- queued inbound messages and tracking. Dialect-neutral (H2 2.x and PostgreSQL 13+); each dialect
-- adds its own indexes in V1_1.
--
-- Conventions:
--  * every instant is a BIGINT of nanoseconds since 1970-01-01T00:00:00Z: exact (leases compare to
--    the nanosecond), the same on every database, and cheap to index;
--  * every row that belongs to a campaign carries the campaign's tenant_id, so every query can be
--    scoped by tenant without a join;
--  * recipients cascade with their campaign; conversations, queued messages, funnel steps and
--    engagements may be written before their campaign is (as the port allows) and are deleted with
--    it by the store;
--  * phones are E.164 text ('+525500998877').

CREATE TABLE ck_campaign (
    campaign_id        VARCHAR(64)     NOT NULL,
    tenant_id          VARCHAR(200)    NOT NULL,
    project_id         VARCHAR(200)    NOT NULL,
    kind               VARCHAR(16)     NOT NULL,
    state              VARCHAR(16)     NOT NULL,
    version            BIGINT          NOT NULL,
    created_at         BIGINT          NOT NULL,
    updated_at         BIGINT          NOT NULL,
    launched_at        BIGINT,
    finished_at        BIGINT,
    finish_reason      VARCHAR(32),
    -- the dispatch state and the configuration in CampaignKit's length-prefixed text encoding
    dispatch           VARCHAR(200),
    configuration      VARCHAR(1000000) NOT NULL,
    -- counters handed out under the campaign row's lock
    next_recipient_seq BIGINT          DEFAULT 0 NOT NULL,
    next_inbound_seq   BIGINT          DEFAULT 0 NOT NULL,
    CONSTRAINT ck_campaign_pk PRIMARY KEY (campaign_id)
);
CREATE INDEX ck_campaign_by_state ON ck_campaign (state, campaign_id);
CREATE INDEX ck_campaign_by_project ON ck_campaign (tenant_id, project_id, campaign_id);

CREATE TABLE ck_recipient (
    campaign_id          VARCHAR(64)    NOT NULL,
    seq                  BIGINT         NOT NULL,
    tenant_id            VARCHAR(200)   NOT NULL,
    phone                VARCHAR(16)    NOT NULL,
    contact_name         VARCHAR(1000),
    -- tags, valued tags and custom data; NULL when the contact has none
    contact_data         VARCHAR(100000),
    state                VARCHAR(10)    NOT NULL,
    attempts             INTEGER        NOT NULL,
    due_at               BIGINT         NOT NULL,
    lease_owner          VARCHAR(200),
    lease_expires_at     BIGINT,
    provider_message_id  VARCHAR(200),
    outcome_code         VARCHAR(100),
    outcome_message      VARCHAR(10000),
    outcome_provider_code VARCHAR(100),
    outcome_permanent    BOOLEAN,
    sent_at              BIGINT,
    delivered_at         BIGINT,
    read_at              BIGINT,
    replied_at           BIGINT,
    updated_at           BIGINT         NOT NULL,
    CONSTRAINT ck_recipient_pk PRIMARY KEY (campaign_id, seq),
    -- one entry per phone and campaign; also the path of lookups by phone and by correlation id
    CONSTRAINT ck_recipient_phone UNIQUE (campaign_id, phone),
    CONSTRAINT ck_recipient_campaign FOREIGN KEY (campaign_id) REFERENCES ck_campaign (campaign_id) ON DELETE CASCADE
);

-- Exclusivity: the primary key is the rule itself. A contact is engaged with at most one campaign
-- per sender; two nodes that engage one contact at once cannot both succeed.
CREATE TABLE ck_engagement (
    sender_channel VARCHAR(100) NOT NULL,
    sender_id      VARCHAR(200) NOT NULL,
    phone          VARCHAR(16)  NOT NULL,
    campaign_id    VARCHAR(64)  NOT NULL,
    tenant_id      VARCHAR(200) NOT NULL,
    CONSTRAINT ck_engagement_pk PRIMARY KEY (sender_channel, sender_id, phone)
);
CREATE INDEX ck_engagement_by_campaign ON ck_engagement (campaign_id);

-- scope: the tenant that suppressed the phone, or '*' for the host's own list (every tenant).
-- sender_channel and sender_id are '' for a suppression on every sender.
CREATE TABLE ck_suppression (
    scope          VARCHAR(200) NOT NULL,
    sender_channel VARCHAR(100) NOT NULL,
    sender_id      VARCHAR(200) NOT NULL,
    phone          VARCHAR(16)  NOT NULL,
    source         VARCHAR(100) NOT NULL,
    suppressed_at  BIGINT       NOT NULL,
    CONSTRAINT ck_suppression_pk PRIMARY KEY (scope, sender_channel, sender_id, phone)
);
CREATE INDEX ck_suppression_by_phone ON ck_suppression (phone);

CREATE TABLE ck_conversation (
    conversation_id    VARCHAR(120) NOT NULL,
    campaign_id        VARCHAR(64)  NOT NULL,
    tenant_id          VARCHAR(200) NOT NULL,
    phone              VARCHAR(16)  NOT NULL,
    opened_at          BIGINT       NOT NULL,
    last_inbound_at    BIGINT       NOT NULL,
    last_activity_at   BIGINT       NOT NULL,
    last_auto_reply_at BIGINT,
    closed_at          BIGINT,
    close_reason       VARCHAR(64),
    -- the phone while the conversation is open, NULL once closed: the unique constraint below keeps
    -- at most one open conversation per campaign and phone (NULLs never collide)
    open_phone         VARCHAR(16),
    CONSTRAINT ck_conversation_pk PRIMARY KEY (conversation_id),
    CONSTRAINT ck_conversation_one_open UNIQUE (campaign_id, open_phone)
);
CREATE INDEX ck_conversation_by_contact ON ck_conversation (campaign_id, phone);

CREATE TABLE ck_inbound_queue (
    campaign_id      VARCHAR(64)  NOT NULL,
    seq              BIGINT       NOT NULL,
    tenant_id        VARCHAR(200) NOT NULL,
    conversation_id  VARCHAR(120) NOT NULL,
    phone            VARCHAR(16)  NOT NULL,
    message_id       VARCHAR(200) NOT NULL,
    body             VARCHAR(100000),
    -- media links, one per line
    media            VARCHAR(100000),
    received_at      BIGINT       NOT NULL,
    -- the message's own flag, as the bot will receive it
    queued           BOOLEAN      NOT NULL,
    -- handed to the bot and acknowledged; kept so a redelivered webhook is not queued again
    acknowledged     BOOLEAN      DEFAULT FALSE NOT NULL,
    lease_owner      VARCHAR(200),
    lease_expires_at BIGINT,
    CONSTRAINT ck_inbound_queue_pk PRIMARY KEY (campaign_id, seq),
    CONSTRAINT ck_inbound_queue_once UNIQUE (campaign_id, message_id)
);

-- scope: the tenant, or '*' for a store that serves every tenant
CREATE TABLE ck_handled_event (
    scope      VARCHAR(200) NOT NULL,
    event_key  VARCHAR(500) NOT NULL,
    handled_at BIGINT       NOT NULL,
    CONSTRAINT ck_handled_event_pk PRIMARY KEY (scope, event_key)
);

CREATE TABLE ck_unmatched_status (
    scope                VARCHAR(200)   NOT NULL,
    provider_message_id  VARCHAR(200)   NOT NULL,
    channel_id           VARCHAR(100)   NOT NULL,
    state                VARCHAR(10)    NOT NULL,
    reached_at           BIGINT         NOT NULL,
    correlation_id       VARCHAR(200),
    reason_code          VARCHAR(100),
    reason_message       VARCHAR(10000),
    reason_provider_code VARCHAR(100),
    reason_permanent     BOOLEAN,
    -- taken reports stay, so the health metric counts every report ever kept
    taken                BOOLEAN        DEFAULT FALSE NOT NULL,
    CONSTRAINT ck_unmatched_status_pk PRIMARY KEY (scope, provider_message_id, channel_id, state, reached_at)
);
CREATE INDEX ck_unmatched_by_message ON ck_unmatched_status (provider_message_id);

CREATE TABLE ck_funnel_step (
    campaign_id VARCHAR(64)  NOT NULL,
    phone       VARCHAR(16)  NOT NULL,
    step        VARCHAR(100) NOT NULL,
    reached_at  BIGINT       NOT NULL,
    tenant_id   VARCHAR(200) NOT NULL,
    CONSTRAINT ck_funnel_step_pk PRIMARY KEY (campaign_id, phone, step, reached_at)
);
