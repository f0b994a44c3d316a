package io.campaignkit.store.jdbc;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.InboundMessage;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.UnmatchedStatus;
import io.campaignkit.store.jdbc.internal.CampaignRows;
import io.campaignkit.store.jdbc.internal.ConversationRows;
import io.campaignkit.store.jdbc.internal.EngagementRows;
import io.campaignkit.store.jdbc.internal.InboundQueueRows;
import io.campaignkit.store.jdbc.internal.Migrations;
import io.campaignkit.store.jdbc.internal.RecipientRows;
import io.campaignkit.store.jdbc.internal.Scope;
import io.campaignkit.store.jdbc.internal.Sql;
import io.campaignkit.store.jdbc.internal.SuppressionRows;
import io.campaignkit.store.jdbc.internal.TrackingRows;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The whole storage port on a relational database: campaigns, recipients, engagements, suppressions,
 * conversations and tracking, on H2 (the embedded default, one application instance) or PostgreSQL
 * (several instances sharing the work).
 *
 * <pre>{@code
 * JdbcCampaignStore store = JdbcCampaignStore.builder()
 *         .dataSource(pooledDataSource)   // the host's pool; the store borrows a connection per operation
 *         .migrate(true)                  // apply the schema migrations now (the default)
 *         .build();                       // dialect detected from the database
 * CampaignEngine engine = CampaignEngine.custom().store(store)...;
 * }</pre>
 *
 * <p><b>Several nodes.</b> Claims lock rows {@code FOR UPDATE SKIP LOCKED}, so engines on any number
 * of nodes share one campaign without waiting for each other and never receive one recipient twice;
 * a node that dies leaves its recipients under a lease that expires, after which another node
 * recovers them. Exclusivity is the primary key of the engagements table. Campaign updates are
 * optimistic ({@code UPDATE ... WHERE version = ?}).
 *
 * <p><b>Tenants.</b> A store built with {@link Builder#tenant(String)} (or made with
 * {@link #forTenant(String)}) sees and changes one tenant's data only: another tenant's campaigns are
 * not found, their recipients, conversations and engagements are invisible, and updates naming them
 * change nothing. A store without a tenant serves every tenant (an engine shared by all of a host's
 * clients). Suppressions a tenant's store adds apply to that tenant; those a store for every tenant
 * adds apply to all of them.
 *
 * <p>Thread-safe. Every method validates its arguments ({@link InvalidArgumentException} naming the
 * argument); database failures are {@link JdbcStoreException}s.
 */
public final class JdbcCampaignStore implements CampaignStore, AutoCloseable {

    /** Default of {@link Builder#migrate(boolean)}: apply the migrations when the store is built. */
    public static final boolean DEFAULT_MIGRATE = true;

    private final Sql sql;
    private final Dialect dialect;
    private final Scope scope;
    private final AutoCloseable owned;
    private final CampaignRows campaigns;
    private final RecipientRows recipients;
    private final EngagementRows engagements;
    private final SuppressionRows suppressions;
    private final ConversationRows conversations;
    private final InboundQueueRows inbound;
    private final TrackingRows tracking;

    private JdbcCampaignStore(Sql sql, Dialect dialect, Scope scope, AutoCloseable owned) {
        this.sql = sql;
        this.dialect = dialect;
        this.scope = scope;
        this.owned = owned;
        boolean postgres = dialect == Dialect.POSTGRESQL;
        this.campaigns = new CampaignRows(sql, scope);
        this.recipients = new RecipientRows(sql, scope, campaigns, postgres);
        this.engagements = new EngagementRows(sql, scope, campaigns, postgres);
        this.suppressions = new SuppressionRows(sql, scope, postgres);
        this.conversations = new ConversationRows(sql, scope, campaigns);
        this.inbound = new InboundQueueRows(sql, scope, campaigns);
        this.tracking = new TrackingRows(sql, scope, campaigns, postgres);
    }

    /** A builder; {@link Builder#dataSource} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The database this store runs on. */
    public Dialect dialect() {
        return dialect;
    }

    /** The tenant this store serves, or empty when it serves every tenant. */
    public Optional<String> tenantId() {
        return scope.tenantId();
    }

    /** The data source the store borrows connections from. */
    public DataSource dataSource() {
        return sql.dataSource();
    }

    /**
     * A store on the same database that serves {@code tenantId} only; closing it closes nothing.
     *
     * @throws InvalidArgumentException if {@code tenantId} is blank, or this store serves another tenant
     */
    public JdbcCampaignStore forTenant(String tenantId) {
        String tenant = Arguments.requireNonBlank(tenantId, "tenantId").strip();
        Arguments.require(scope.tenantId().isEmpty() || scope.tenantId().get().equals(tenant), "tenantId",
                "this store serves tenant " + scope.tenantId().orElse("") + " only, not " + tenant);
        return new JdbcCampaignStore(sql, dialect, Scope.tenant(tenant), () -> { });
    }

    /** Closes what the store opened itself (the connection pool of {@link JdbcCampaignStores#h2File}); nothing else. */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception failure) {
            throw new JdbcStoreException("closing the store failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public String toString() {
        return "JdbcCampaignStore[" + dialect + ", tenant=" + scope.tenantId().orElse("*") + "]";
    }

    // ================================================================ CampaignStore

    @Override
    public void insert(Campaign campaign) {
        campaigns.insert(Arguments.requireNonNull(campaign, "campaign"));
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        campaigns.update(Arguments.requireNonNull(campaign, "campaign"), expectedVersion);
    }

    @Override
    public Optional<Campaign> find(CampaignId id) {
        return campaigns.find(Arguments.requireNonNull(id, "id"));
    }

    @Override
    public List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        Arguments.requireNonNull(state, "state");
        Arguments.requireNonNull(after, "after");
        return campaigns.findByState(state, after, StoreArguments.requireLimit(limit));
    }

    @Override
    public List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        Arguments.requireNonBlank(tenantId, "tenantId");
        Arguments.requireNonBlank(projectId, "projectId");
        Arguments.requireNonNull(after, "after");
        return campaigns.findByProject(tenantId.strip(), projectId.strip(), after, StoreArguments.requireLimit(limit));
    }

    @Override
    public void delete(Campaign campaign) {
        campaigns.delete(Arguments.requireNonNull(campaign, "campaign"));
    }

    // ================================================================ RecipientStore

    @Override
    public List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(recipients, "recipients");
        Arguments.requireNonNull(now, "now");
        return this.recipients.insert(campaignId, recipients, now);
    }

    @Override
    public List<Recipient> claimForSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireLiveLease(lease, now);
        return recipients.claimForSending(campaignId, lease, StoreArguments.requireLimit(limit), now);
    }

    @Override
    public List<Recipient> claimExpiredSending(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireLiveLease(lease, now);
        return recipients.claimExpiredSending(campaignId, lease, StoreArguments.requireLimit(limit), now);
    }

    @Override
    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return recipients.apply(StoreArguments.requireBatch(updates, "updates"));
    }

    @Override
    public List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(now, "now");
        return recipients.skipPending(campaignId, reason, StoreArguments.requireLimit(limit), now);
    }

    @Override
    public Optional<Recipient> findRecipient(RecipientKey key) {
        return recipients.find(Arguments.requireNonNull(key, "key"));
    }

    @Override
    public Optional<Recipient> findByProviderMessageId(String providerMessageId) {
        return recipients.findByProviderMessageId(Arguments.requireNonBlank(providerMessageId, "providerMessageId"));
    }

    @Override
    public Optional<Recipient> findByCorrelationId(String correlationId) {
        return recipients.findByCorrelationId(Arguments.requireNonBlank(correlationId, "correlationId"));
    }

    @Override
    public List<Recipient> findRecipients(CampaignId campaignId, long afterSequence, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.require(afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
        return recipients.page(campaignId, afterSequence, StoreArguments.requireLimit(limit));
    }

    @Override
    public Optional<Instant> nextDueAt(CampaignId campaignId, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(now, "now");
        return recipients.nextDueAt(campaignId);
    }

    @Override
    public Optional<Instant> nextLeaseExpiry(CampaignId campaignId) {
        return recipients.nextLeaseExpiry(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public RecipientCounts counts(CampaignId campaignId) {
        return recipients.counts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ EngagementStore

    @Override
    public Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireBatch(phones, "phones");
        return engagements.engage(sender, campaignId, phones);
    }

    @Override
    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return engagements.engagedCampaign(sender, phone);
    }

    @Override
    public int releaseEngagements(CampaignId campaignId, int limit) {
        Arguments.requireNonNull(campaignId, "campaignId");
        return engagements.release(campaignId, StoreArguments.requireLimit(limit));
    }

    // ================================================================ SuppressionList

    @Override
    public void suppress(Suppression suppression) {
        suppressions.suppress(Arguments.requireNonNull(suppression, "suppression"));
    }

    @Override
    public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(phone, "phone");
        return suppressions.lift(sender, phone);
    }

    @Override
    public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        Arguments.requireNonNull(sender, "sender");
        StoreArguments.requireUpToBatch(phones, "phones");
        return suppressions.suppressedAmong(sender, phones);
    }

    // ================================================================ ConversationStore

    @Override
    public Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(at, "at");
        return conversations.openOrContinue(campaignId, phone, at);
    }

    @Override
    public Optional<Conversation> findOpenConversation(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return conversations.findOpen(campaignId, phone);
    }

    @Override
    public Optional<Conversation> findConversation(String conversationId) {
        return conversations.find(Arguments.requireNonBlank(conversationId, "conversationId"));
    }

    @Override
    public void touchConversation(String conversationId, Instant at) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        conversations.touch(conversationId, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public boolean tryMarkAutoReply(String conversationId, Instant periodStart, Instant now) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(periodStart, "periodStart");
        Arguments.requireNonNull(now, "now");
        return conversations.tryMarkAutoReply(conversationId, periodStart, now);
    }

    @Override
    public Optional<Conversation> closeConversation(String conversationId, String reason, Instant at) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonBlank(reason, "reason");
        Arguments.requireNonNull(at, "at");
        return conversations.close(conversationId, reason, at);
    }

    @Override
    public List<Conversation> closeConversations(CampaignId campaignId, Optional<Instant> idleSince, String reason,
            int limit, Instant at) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(idleSince, "idleSince");
        Arguments.requireNonBlank(reason, "reason");
        Arguments.requireNonNull(at, "at");
        return conversations.closeAll(campaignId, idleSince, reason, StoreArguments.requireLimit(limit), at);
    }

    @Override
    public Optional<Instant> oldestActivity(CampaignId campaignId) {
        return conversations.oldestActivity(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    @Override
    public boolean enqueueInbound(String conversationId, CampaignId campaignId, PhoneNumber phone, InboundMessage message) {
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(message, "message");
        return inbound.enqueue(conversationId, campaignId, phone, message);
    }

    @Override
    public List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        Arguments.requireNonNull(campaignId, "campaignId");
        StoreArguments.requireLiveLease(lease, now);
        return inbound.claim(campaignId, lease, StoreArguments.requireLimit(limit), now);
    }

    @Override
    public void acknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        Arguments.requireNonNull(campaignId, "campaignId");
        inbound.acknowledge(campaignId, StoreArguments.requireUpToBatch(sequences, "sequences"));
    }

    @Override
    public long countQueued(CampaignId campaignId) {
        return inbound.count(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    // ================================================================ TrackingStore

    @Override
    public boolean markEventHandled(String eventKey, Instant at) {
        Arguments.requireNonBlank(eventKey, "eventKey");
        return tracking.markEventHandled(eventKey, Arguments.requireNonNull(at, "at"));
    }

    @Override
    public boolean wasEventHandled(String eventKey) {
        return tracking.wasEventHandled(Arguments.requireNonBlank(eventKey, "eventKey"));
    }

    @Override
    public void keepUnmatchedStatus(UnmatchedStatus status) {
        tracking.keepUnmatched(Arguments.requireNonNull(status, "status"));
    }

    @Override
    public List<UnmatchedStatus> takeUnmatchedStatuses(String providerMessageId) {
        return tracking.takeUnmatched(Arguments.requireNonBlank(providerMessageId, "providerMessageId"));
    }

    @Override
    public Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        StoreArguments.requireUpToBatch(providerMessageIds, "providerMessageIds");
        providerMessageIds.forEach(id -> Arguments.requireNonBlank(id, "providerMessageIds"));
        return tracking.takeUnmatched(providerMessageIds);
    }

    @Override
    public long countUnmatchedStatuses() {
        return tracking.countUnmatched();
    }

    @Override
    public void recordFunnelStep(FunnelStep step) {
        tracking.recordFunnelStep(Arguments.requireNonNull(step, "step"));
    }

    @Override
    public List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        return tracking.funnelSteps(campaignId, phone);
    }

    @Override
    public Map<String, Long> funnelCounts(CampaignId campaignId) {
        return tracking.funnelCounts(Arguments.requireNonNull(campaignId, "campaignId"));
    }

    /** Builds a {@link JdbcCampaignStore}. */
    public static final class Builder {
        private DataSource dataSource;
        private Dialect dialect;
        private boolean migrate = DEFAULT_MIGRATE;
        private String tenantId;
        private AutoCloseable owned = () -> { };

        private Builder() {}

        /** The database; required. The store borrows one connection per operation: give it a pool. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Arguments.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The database's dialect; detected from the database when not set. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Arguments.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Whether {@link #build()} applies the schema migrations ({@link #DEFAULT_MIGRATE}); with
         * false it only checks that they were applied (a host that runs migrations in its own
         * deployment step).
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /** Serve this tenant only; by default the store serves every tenant. */
        public Builder tenant(String tenantId) {
            this.tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
            return this;
        }

        /** Something the store closes with itself (the pool it made). */
        Builder owning(AutoCloseable resource) {
            this.owned = resource;
            return this;
        }

        /**
         * The store, with its schema migrated (or checked).
         *
         * @throws InvalidArgumentException if no data source was given
         * @throws JdbcStoreException if the database is unreachable or its schema cannot be migrated
         */
        public JdbcCampaignStore build() {
            Arguments.require(dataSource != null, "dataSource", "dataSource is required");
            Dialect resolved = dialect != null ? dialect : Dialect.detect(dataSource);
            if (migrate) {
                Migrations.migrate(dataSource, resolved.migrationFolder());
            } else {
                Migrations.validate(dataSource, resolved.migrationFolder());
            }
            return new JdbcCampaignStore(new Sql(dataSource), resolved,
                    tenantId == null ? Scope.allTenants() : Scope.tenant(tenantId), owned);
        }
    }
}
