package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.DuplicateCampaignException;
import io.campaignkit.core.port.VersionConflictException;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The campaigns table: inserts, optimistic updates, lookups and pages, all scoped by tenant. */
public final class CampaignRows {

    private static final String COLUMNS = "campaign_id, tenant_id, project_id, kind, state, version, created_at,"
            + " updated_at, launched_at, finished_at, finish_reason, dispatch, configuration, schedule_start,"
            + " schedule_latest_start";
    /** The listing's filter columns (V25), written with every campaign: its bot flow and sender. */
    private static final String FILTER_COLUMNS = "bot_flow_id, sender_channel, sender_id";

    /** The tables whose rows go with a deleted campaign, besides its recipients (deleted after its row). */
    private static final List<String> DEPENDENT_TABLES =
            List.of("ck_engagement", "ck_conversation", "ck_inbound_queue", "ck_funnel_step", "ck_busy_wait");

    private final Sql sql;
    private final Scope scope;
    private final JdbcDialect dialect;

    public CampaignRows(Sql sql, Scope scope, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.dialect = dialect;
    }

    /** Inserts a new campaign (no expected version) or updates the stored one if it still has that version. */
    public void save(Campaign campaign, OptionalLong expectedVersion) {
        if (expectedVersion.isEmpty()) {
            insert(campaign);
        } else {
            update(campaign, expectedVersion.getAsLong());
        }
    }

    public void insert(Campaign campaign) {
        if (!scope.sees(campaign.tenantId())) {
            throw new InvalidArgumentException(
                    "campaign",
                    "campaign " + campaign.id() + " belongs to tenant " + campaign.tenantId()
                            + ", not to this store's tenant " + scope.tenantId().orElseThrow());
        }
        sql.inTransaction("inserting campaign " + campaign.id(), connection -> {
            insertIn(connection, campaign);
            return null;
        });
    }

    /** {@link #insert} inside the caller's transaction (whose tenant check the caller made). */
    void insertIn(Connection connection, Campaign campaign) throws SQLException {
        if (exists(connection, campaign.id())) {
            throw new DuplicateCampaignException(campaign.id());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ck_campaign (" + COLUMNS + ", "
                + FILTER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Campaign.Snapshot s = campaign.snapshot();
            insert.setString(1, s.id().value());
            insert.setString(2, s.tenantId());
            insert.setString(3, s.projectId());
            insert.setString(4, s.kind().name());
            insert.setString(5, s.state().name());
            insert.setLong(6, s.version());
            Sql.setNanos(insert, 7, s.createdAt());
            Sql.setNanos(insert, 8, s.updatedAt());
            Sql.setNanos(insert, 9, s.launchedAt());
            Sql.setNanos(insert, 10, s.finishedAt());
            Sql.setString(insert, 11, s.finishReason().map(Enum::name).orElse(null));
            Sql.setString(insert, 12, CampaignCodec.encodeDispatch(s.dispatch()));
            insert.setString(13, CampaignCodec.encodeConfiguration(s.configuration()));
            Sql.setNanos(insert, 14, s.schedule().map(Schedule::startAt));
            Sql.setNanos(insert, 15, s.schedule().flatMap(Schedule::latestStart));
            setFilters(insert, 16, s.configuration());
            insert.executeUpdate();
        } catch (SQLException failure) {
            if (dialect.isUniqueViolation(failure)) {
                throw new DuplicateCampaignException(campaign.id());
            }
            throw failure;
        }
    }

    /** Whether a campaign has the id in any tenant: ids are unique across tenants. */
    private static boolean exists(Connection connection, CampaignId id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT 1 FROM ck_campaign WHERE campaign_id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Stores {@code campaign} if the stored one is at {@code expectedVersion}, which the caller checked is below it. */
    public void update(Campaign campaign, long expectedVersion) {
        sql.inTransaction("updating campaign " + campaign.id(), connection -> {
            Campaign.Snapshot s = campaign.snapshot();
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE ck_campaign SET project_id = ?, kind = ?,"
                            + " state = ?, version = ?, updated_at = ?, launched_at = ?, finished_at = ?, finish_reason = ?,"
                            + " dispatch = ?, configuration = ?, schedule_start = ?, schedule_latest_start = ?,"
                            + " bot_flow_id = ?, sender_channel = ?, sender_id = ?"
                            + " WHERE campaign_id = ? AND version = ? AND tenant_id = ? AND "
                            + Scope.TENANT)) {
                update.setString(1, s.projectId());
                update.setString(2, s.kind().name());
                update.setString(3, s.state().name());
                update.setLong(4, s.version());
                Sql.setNanos(update, 5, s.updatedAt());
                Sql.setNanos(update, 6, s.launchedAt());
                Sql.setNanos(update, 7, s.finishedAt());
                Sql.setString(update, 8, s.finishReason().map(Enum::name).orElse(null));
                Sql.setString(update, 9, CampaignCodec.encodeDispatch(s.dispatch()));
                update.setString(10, CampaignCodec.encodeConfiguration(s.configuration()));
                Sql.setNanos(update, 11, s.schedule().map(Schedule::startAt));
                Sql.setNanos(update, 12, s.schedule().flatMap(Schedule::latestStart));
                setFilters(update, 13, s.configuration());
                update.setString(16, s.id().value());
                update.setLong(17, expectedVersion);
                update.setString(18, s.tenantId());
                scope.bind(update, 19);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            long actual = storedVersion(connection, campaign.id())
                    .orElseThrow(() -> new CampaignNotFoundException(campaign.id()));
            throw new VersionConflictException(campaign.id(), expectedVersion, actual);
        });
    }

    /** The version of the campaign visible to this store, if there is one. */
    private Optional<Long> storedVersion(Connection connection, CampaignId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM ck_campaign WHERE campaign_id = ? AND " + Scope.TENANT)) {
            select.setString(1, id.value());
            scope.bind(select, 2);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The campaigns a query names: one by id, or a page by state or by project. */
    public List<Campaign> find(CampaignQuery query) {
        if (query instanceof CampaignQuery.ById byId) {
            return find(byId.id()).stream().toList();
        }
        if (query instanceof CampaignQuery.ByState byState) {
            return findByState(byState.state(), byState.after(), byState.limit());
        }
        if (query instanceof CampaignQuery.Listing listing) {
            return findListing(listing);
        }
        CampaignQuery.ByProject byProject = (CampaignQuery.ByProject) query;
        return findByProject(byProject.tenantId(), byProject.projectId(), byProject.after(), byProject.limit());
    }

    public Optional<Campaign> find(CampaignId id) {
        return sql.inTransaction("finding campaign " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM ck_campaign WHERE campaign_id = ? AND " + Scope.TENANT)) {
                select.setString(1, id.value());
                scope.bind(select, 2);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    /** The tenant of the campaign, if this store sees it; locks the campaign row when {@code lock}. */
    Optional<String> tenantOf(Connection connection, CampaignId id, boolean lock) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT tenant_id FROM ck_campaign WHERE campaign_id = ? AND "
                        + Scope.TENANT + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, id.value());
            scope.bind(select, 2);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The tenant to write rows of the campaign under: the campaign's own, or, for a campaign not (yet)
     * stored, this store's. A campaign of another tenant is not found.
     */
    String tenantForWriting(Connection connection, CampaignId id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT tenant_id FROM ck_campaign WHERE campaign_id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return scope.writeScope();
                }
                String tenant = rows.getString(1);
                if (!scope.sees(tenant)) {
                    throw new CampaignNotFoundException(id);
                }
                return tenant;
            }
        }
    }

    public List<Campaign> findByState(CampaignState state, Optional<CampaignId> after, int limit) {
        return page("state = ?", List.of(state.name()), after, limit);
    }

    public List<Campaign> findByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) {
        return page("tenant_id = ? AND project_id = ?", List.of(tenantId, projectId), after, limit);
    }

    /**
     * A page of one tenant's campaigns, each present filter a predicate of the statement: the indexes of
     * V25 (and V1's by project) start with the tenant and the filtered column and end with the id.
     */
    public List<Campaign> findListing(CampaignQuery.Listing listing) {
        List<String> values = new ArrayList<>();
        String condition = listingCondition(listing, values);
        return page(condition, values, listing.after(), listing.limit());
    }

    /** The predicates of {@code listing}, whose values are added to {@code values} in their order. */
    static String listingCondition(CampaignQuery.Listing listing, List<String> values) {
        StringBuilder condition = new StringBuilder("tenant_id = ?");
        values.add(listing.tenantId());
        listing.projectId().ifPresent(project -> filter(condition, values, "project_id", project));
        listing.state().ifPresent(state -> filter(condition, values, "state", state.name()));
        listing.botFlowId().ifPresent(bot -> filter(condition, values, "bot_flow_id", bot));
        listing.channelType().ifPresent(type -> filter(condition, values, "sender_channel", type));
        listing.channel().ifPresent(sender -> {
            if (listing.channelType().isEmpty()) {
                filter(condition, values, "sender_channel", sender.channelType());
            }
            filter(condition, values, "sender_id", sender.senderId());
        });
        return condition.toString();
    }

    private static void filter(StringBuilder condition, List<String> values, String column, String value) {
        condition.append(" AND ").append(column).append(" = ?");
        values.add(value);
    }

    private static void setFilters(PreparedStatement statement, int first, CampaignConfiguration configuration)
            throws SQLException {
        Sql.setString(statement, first, configuration.botFlowId().orElse(null));
        Sql.setString(
                statement,
                first + 1,
                configuration.channel().map(SenderKey::channelType).orElse(null));
        Sql.setString(
                statement,
                first + 2,
                configuration.channel().map(SenderKey::senderId).orElse(null));
    }

    private List<Campaign> page(String condition, List<String> values, Optional<CampaignId> after, int limit) {
        return sql.inTransaction("reading campaigns", connection -> {
            try (PreparedStatement select = connection.prepareStatement(pageStatement(condition))) {
                int index = 1;
                for (String value : values) {
                    select.setString(index++, value);
                }
                select.setString(index++, after.map(CampaignId::value).orElse(""));
                scope.bind(select, index++);
                select.setInt(index, limit);
                List<Campaign> campaigns = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        campaigns.add(read(rows));
                    }
                }
                return campaigns;
            }
        });
    }

    /** A page of campaigns under {@code condition}: then the id cursor, the scope, the order by id and the limit. */
    static String pageStatement(String condition) {
        return "SELECT " + COLUMNS + " FROM ck_campaign WHERE " + condition + " AND campaign_id > ? AND " + Scope.TENANT
                + " ORDER BY campaign_id LIMIT ?";
    }

    /**
     * Deletes the campaign if it is stored at its version; its recipients, recipient counters, conversations,
     * queued messages and funnel steps go with it, its engagements are released here. The recipients are deleted
     * here, after the campaign's row: no foreign key from them to it cascades (PostgreSQL's V41: a launch loads them
     * without a per-row check; H2's V43: every index of a recipient is rewritten at each of its updates).
     */
    public void delete(Campaign campaign) {
        campaign.checkDeletable();
        sql.inTransaction("deleting campaign " + campaign.id(), connection -> {
            long actual = storedVersion(connection, campaign.id())
                    .orElseThrow(() -> new CampaignNotFoundException(campaign.id()));
            if (actual != campaign.version()) {
                throw new VersionConflictException(campaign.id(), campaign.version(), actual);
            }
            for (String table : DEPENDENT_TABLES) {
                try (PreparedStatement dependents =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE campaign_id = ?")) {
                    dependents.setString(1, campaign.id().value());
                    dependents.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ck_campaign WHERE campaign_id = ? AND version = ? AND " + Scope.TENANT)) {
                delete.setString(1, campaign.id().value());
                delete.setLong(2, campaign.version());
                scope.bind(delete, 3);
                if (delete.executeUpdate() != 1) {
                    throw new VersionConflictException(
                            campaign.id(),
                            campaign.version(),
                            storedVersion(connection, campaign.id()).orElse(-1L));
                }
            }
            // after the campaign's row, which a launch locks before adding recipients: none is added meanwhile
            try (PreparedStatement recipients =
                    connection.prepareStatement("DELETE FROM ck_recipient WHERE campaign_id = ?")) {
                recipients.setString(1, campaign.id().value());
                recipients.executeUpdate();
            }
            // after the recipients: the lock order of RecipientCounters
            try (PreparedStatement counters =
                    connection.prepareStatement("DELETE FROM ck_recipient_count WHERE campaign_id = ?")) {
                counters.setString(1, campaign.id().value());
                counters.executeUpdate();
            }
            return null;
        });
    }

    private static Campaign read(ResultSet rows) throws SQLException {
        Optional<Instant> latestStart = Sql.optInstant(rows, "schedule_latest_start");
        return Campaign.restore(new Campaign.Snapshot(
                CampaignId.of(rows.getString("campaign_id")),
                rows.getString("tenant_id"),
                rows.getString("project_id"),
                CampaignKind.valueOf(rows.getString("kind")),
                CampaignCodec.decodeConfiguration(rows.getString("configuration")),
                CampaignState.valueOf(rows.getString("state")),
                CampaignCodec.decodeDispatch(rows.getString("dispatch")),
                Sql.requiredInstant(rows, "created_at"),
                Sql.requiredInstant(rows, "updated_at"),
                Sql.optInstant(rows, "launched_at"),
                Sql.optInstant(rows, "finished_at"),
                Optional.ofNullable(rows.getString("finish_reason")).map(FinishReason::valueOf),
                rows.getLong("version"),
                Sql.optInstant(rows, "schedule_start").map(start -> new Schedule(start, latestStart))));
    }
}
