package io.campaignkit.store.jdbc;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.BusyWaits;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationChange;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.ConversationSweep;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWakeUps;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.SuppressionRecords;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnmatchedStatus;
import io.campaignkit.core.port.UnroutedInbox;
import io.campaignkit.store.jdbc.internal.BusyWaitRows;
import io.campaignkit.store.jdbc.internal.Migrations;
import io.campaignkit.store.jdbc.internal.RecipientZoneClaims;
import io.campaignkit.store.jdbc.internal.Scope;
import io.campaignkit.store.jdbc.internal.Sql;
import io.campaignkit.store.jdbc.internal.StoreTables;
import io.campaignkit.store.jdbc.internal.UnroutedInboxRows;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The whole storage port on a relational database (campaigns, recipients, engagements, suppressions and their records,
 * conversations, tracking) on H2 (embedded, one application instance) or PostgreSQL (several instances sharing work).
 *
 * <pre>{@code
 * JdbcCampaignStore store = JdbcCampaignStore.builder()
 *         .dataSource(pooledDataSource)   // the host's pool; the store borrows a connection per operation
 *         .migrate(true)                  // apply the schema migrations now (the default)
 *         .build();                       // dialect detected from the database (or .dialect(JdbcDialect.POSTGRESQL))
 * CampaignEngine engine = CampaignEngine.builder().storage(store.storage())...;
 * }</pre>
 *
 * <p>How the store behaves with several nodes, counts and tenants is the {@linkplain io.campaignkit.store.jdbc
 * package's documentation}. A store built with {@link Builder#tenant(String)} (or made with {@link #forTenant(String)})
 * sees and changes one tenant's data only. Projects: {@link JdbcProjectStore#on}.
 * <p>Thread-safe. The engine checks arguments before they reach the store; what an update does to a recipient is
 * core's {@code RecipientRules}. Database failures are {@link JdbcStoreException}s.
 * <p><b>Databases.</b> What differs between them is one {@link JdbcDialect} per database.
 */
public final class JdbcCampaignStore
        implements CampaignStore,
                RecipientStore,
                ConversationStore,
                InboundQueue,
                EngagementStore,
                SuppressionList,
                SuppressionRecords,
                TrackingStore,
                AutoCloseable {

    /** Default of {@link Builder#migrate(boolean)}: apply the migrations when the store is built. */
    public static final boolean DEFAULT_MIGRATE = true;

    private final Sql sql;
    private final JdbcDialect dialect;
    private final Scope scope;
    private final AutoCloseable owned;
    private final StoreTables tables;

    private JdbcCampaignStore(Sql sql, JdbcDialect dialect, Scope scope, AutoCloseable owned) {
        this.sql = sql;
        this.dialect = dialect;
        this.scope = scope;
        this.owned = owned;
        this.tables = StoreTables.on(sql, scope, dialect);
    }

    /** A builder; {@link Builder#dataSource} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** What this store does differently on its database. */
    public JdbcDialect dialect() {
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
     * @throws InvalidArgumentException if {@code tenantId} is blank, or this store serves another tenant
     */
    public JdbcCampaignStore forTenant(String tenantId) {
        return new JdbcCampaignStore(sql, dialect, scope.narrowedTo(tenantId), () -> {});
    }

    /** Closes the pool of {@link JdbcCampaignStores#h2File} it opened, after a statistics refresh (up to 10 s). */
    @Override
    public void close() {
        tables.recipients().awaitStatistics();
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

    /** This store as the engine's storage, with its pacing on the same database ({@link JdbcPacingStore}). */
    public CampaignStorage storage() {
        return CampaignStorage.of(this, JdbcPacingStore.on(this));
    }

    /** The open conversation of the phone in the campaign, if any (not part of a port: for tests and operators). */
    public Optional<Conversation> findOpenConversation(CampaignId campaignId, PhoneNumber phone) {
        return tables.conversations().findOpen(campaignId, phone);
    }
    /** How many unmatched status reports were ever kept, taken ones included: a health metric, not part of a port. */
    public long countUnmatchedStatuses() {
        return tables.tracking().countUnmatched();
    }

    // ================================================================ CampaignStore (the engine checks arguments)

    @Override
    public void save(Campaign campaign, OptionalLong expectedVersion) {
        tables.saveCampaign(campaign, expectedVersion);
    }

    @Override
    public List<Campaign> findCampaigns(CampaignQuery query) {
        return tables.campaigns().find(query);
    }

    @Override
    public void delete(Campaign campaign) {
        tables.campaigns().delete(campaign);
    }

    // ================================================================ RecipientStore

    @Override
    public List<Recipient> insertRecipients(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        return tables.recipients().insert(campaignId, recipients, now);
    }

    @Override
    public List<Recipient> claim(ClaimKind kind, CampaignId campaignId, Lease lease, int limit, Instant now) {
        return tables.claims().claim(kind, campaignId, lease, limit, now);
    }

    @Override
    public int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        return tables.claims().renewLease(campaignId, held, renewed);
    }

    @Override
    public List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        return tables.changes().apply(updates);
    }

    @Override
    public List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        return tables.changes().skipPending(campaignId, reason, limit, now);
    }

    @Override
    public List<Recipient> findRecipients(RecipientQuery query) {
        return tables.recipients().find(query);
    }

    @Override
    public RecipientWakeUps wakeUps(CampaignId campaignId, Instant now) {
        return tables.recipients().wakeUps(campaignId); // one statement
    }

    @Override
    public Optional<Instant> nextLeaseExpiry(CampaignId campaignId, Instant now) {
        return tables.recipients().nextLeaseExpiry(campaignId); // the first entry of one range, on H2 too
    }

    @Override
    public RecipientCounts counts(CampaignId campaignId) {
        return tables.recipients().counts(campaignId);
    }

    @Override // V37's table
    public Optional<UnroutedInbox> unroutedInbox() {
        return Optional.of(new UnroutedInboxRows(sql, scope, dialect));
    }

    @Override // V38's table
    public Optional<BusyWaits> busyWaits() {
        return Optional.of(new BusyWaitRows(sql, scope, tables.campaigns(), dialect));
    }

    @Override // claims by local zone: V34's column and V35's index
    public Optional<RecipientWindows> windows() {
        return Optional.of(new RecipientZoneClaims(sql, scope, dialect, tables.claims()));
    }

    // ================================================================ EngagementStore

    @Override
    public Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        return tables.engagements().engage(sender, campaignId, phones);
    }

    @Override
    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        return tables.engagements().engagedCampaign(sender, phone);
    }

    @Override // one query
    public Map<PhoneNumber, CampaignId> engagedCampaigns(SenderKey sender, List<PhoneNumber> phones) {
        return tables.engagements().engagedCampaigns(sender, phones);
    }

    @Override
    public int releaseEngagements(CampaignId campaignId, int limit) {
        return tables.engagements().release(campaignId, limit);
    }

    // ================================================================ SuppressionList

    @Override
    public void suppress(Suppression suppression) {
        tables.suppressions().suppress(suppression);
    }

    @Override
    public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        return tables.suppressions().lift(sender, phone);
    }

    @Override
    public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        return tables.suppressions().suppressedAmong(sender, phones);
    }

    /** One statement on the phone's index. */
    @Override
    public List<Suppression> suppressionsOf(PhoneNumber phone, Collection<SenderKey> senders) {
        return tables.suppressions().suppressionsOf(phone, senders);
    }

    // ================================================================ ConversationStore

    @Override
    public Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at) {
        return tables.conversations().openOrContinue(campaignId, phone, inboundAt, at);
    }

    @Override
    public Optional<Conversation> findConversation(String conversationId) {
        return tables.conversations().find(conversationId);
    }

    @Override
    public Optional<Conversation> changeConversation(String conversationId, ConversationChange change) {
        return tables.conversations().change(conversationId, change);
    }

    /** The oldest activity first (one statement: usually nothing is idle); only if something is, the closing. */
    @Override
    public ConversationSweep closeConversations(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at) {
        return tables.conversations().closeIdle(campaignId, idleSince, reason, limit, at);
    }

    // ================================================================ InboundQueue

    @Override
    public boolean enqueueInbound(
            String conversationId, CampaignId campaignId, PhoneNumber phone, ReceivedMessage message) {
        return tables.inbound().enqueue(conversationId, campaignId, phone, message);
    }

    @Override
    public List<QueuedInbound> claimQueued(CampaignId campaignId, Lease lease, int limit, Instant now) {
        return tables.inbound().claim(campaignId, lease, limit, now);
    }

    @Override
    public void acknowledgeQueued(CampaignId campaignId, List<Long> sequences) {
        tables.inbound().acknowledge(campaignId, sequences);
    }

    @Override
    public long countQueued(CampaignId campaignId) {
        return tables.inbound().count(campaignId);
    }

    @Override
    public List<QueuedInbound> queuedInbound(CampaignId campaignId, long afterSequence, int limit) {
        return tables.inbound().page(campaignId, afterSequence, limit);
    }

    // ================================================================ TrackingStore

    @Override
    public boolean eventHandledBefore(String eventKey, Optional<Instant> markAt) {
        return tables.tracking().eventHandledBefore(eventKey, markAt);
    }

    @Override
    public void keepUnmatchedStatus(UnmatchedStatus status) {
        tables.tracking().keepUnmatched(status);
    }

    /** One statement for the whole batch. */
    @Override
    public Map<String, List<UnmatchedStatus>> takeUnmatchedStatuses(Collection<String> providerMessageIds) {
        return tables.tracking().takeUnmatched(providerMessageIds);
    }

    @Override
    public void recordFunnelStep(FunnelStep step) {
        tables.tracking().recordFunnelStep(step);
    }

    @Override
    public List<FunnelStep> funnelSteps(CampaignId campaignId, PhoneNumber phone) {
        return tables.tracking().funnelSteps(campaignId, phone);
    }

    /**
     * Every recipient of a campaign, in sequence order, with its funnel steps (in the order
     * {@link #funnelSteps} gives them): two queries (the recipients, the funnel steps) whose rows are fetched
     * five thousand at a time and merged, so a report over a campaign of millions costs two queries and a
     * bounded heap, not a query per recipient.
     * The whole read is one transaction; {@code action} runs on the calling thread while it is open. A failure
     * midway is thrown and not retried, since {@code action} has had some rows already: run the export again.
     *
     * @throws InvalidArgumentException naming the argument that is null
     * @throws JdbcStoreException when the read fails
     */
    public void exportRecipients(CampaignId campaignId, BiConsumer<Recipient, List<FunnelStep>> action) {
        tables.tracking()
                .exportRecipients(campaignId, action); // checks its arguments: a public entry point, not a port's
    }

    @Override
    public Map<String, Long> funnelCounts(CampaignId campaignId) {
        return tables.tracking().funnelCounts(campaignId);
    }

    /** Builds a {@link JdbcCampaignStore}. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable JdbcDialect dialect;
        private boolean migrate = DEFAULT_MIGRATE;
        private @Nullable String tenantId;
        private AutoCloseable owned = () -> {};

        private Builder() {}

        /** The database; required. The store borrows one connection per operation: give it a pool. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Arguments.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * What differs on the database: {@link JdbcDialect#H2}, {@link JdbcDialect#POSTGRESQL} or one of
         * the host's own; by default {@linkplain JdbcDialect#detect detected} from the database.
         */
        public Builder dialect(JdbcDialect dialect) {
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
            DataSource dataSource = Objects.requireNonNull(this.dataSource); // checked just above
            JdbcDialect resolved = dialect != null ? dialect : JdbcDialect.detect(dataSource);
            Migrations.prepare(dataSource, resolved.migrationFolder(), migrate);
            return new JdbcCampaignStore(
                    new Sql(dataSource, resolved), resolved, new Scope(Optional.ofNullable(tenantId)), owned);
        }
    }
}
