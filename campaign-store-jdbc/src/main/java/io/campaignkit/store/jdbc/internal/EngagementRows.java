package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exclusivity, enforced by the primary key of {@code ck_engagement} (sender, phone): of two nodes
 * that engage one contact at once, the database lets exactly one row in.
 */
public final class EngagementRows {

    private static final List<JdbcDialect.Input> ENGAGEMENT_COLUMNS = List.of(
            new JdbcDialect.Input("sender_channel", java.sql.Types.VARCHAR),
            new JdbcDialect.Input("sender_id", java.sql.Types.VARCHAR),
            new JdbcDialect.Input("phone", java.sql.Types.VARCHAR),
            new JdbcDialect.Input("campaign_id", java.sql.Types.VARCHAR),
            new JdbcDialect.Input("tenant_id", java.sql.Types.VARCHAR));

    /** H2's index for a batch of phones (V42); other databases find them through the primary key. */
    private static final String BY_PHONE = "ck_engagement_by_phone";

    private final Sql sql;
    private final Scope scope;
    private final CampaignRows campaigns;
    private final JdbcDialect dialect;
    private final NewRowLoads loads = new NewRowLoads();

    public EngagementRows(Sql sql, Scope scope, CampaignRows campaigns, JdbcDialect dialect) {
        this.sql = sql;
        this.scope = scope;
        this.campaigns = campaigns;
        this.dialect = dialect;
    }

    public Set<PhoneNumber> engage(SenderKey sender, CampaignId campaignId, List<PhoneNumber> phones) {
        // a database that cannot skip duplicates (H2): another thread may engage one of the phones meanwhile; look
        // again
        return sql.inTransactionLookingAgain("engaging contacts with " + campaignId, connection -> {
            String tenant = campaigns.tenantForWriting(connection, campaignId);
            // in phone order, so two transactions engaging overlapping phones cannot deadlock
            Map<String, PhoneNumber> sorted = new TreeMap<>();
            phones.forEach(phone -> sorted.put(phone.e164(), phone));
            Collection<String> maybeTaken = insertAbsent(connection, sender, campaignId, tenant, sorted.keySet());
            Set<PhoneNumber> taken = new HashSet<>();
            if (maybeTaken.isEmpty()) {
                return taken; // every phone engaged by this statement: none is held elsewhere
            }
            try (PreparedStatement select =
                    connection.prepareStatement(heldElsewhereStatement(dialect, maybeTaken.size()))) {
                select.setString(1, sender.channelType());
                select.setString(2, sender.senderId());
                select.setString(3, campaignId.value());
                dialect.bindAnyOf(connection, select, 4, maybeTaken);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        taken.add(sorted.get(rows.getString(1)));
                    }
                }
            }
            return taken;
        });
    }

    /**
     * Inserts the engagements that are not there, in one JDBC batch, and answers the phones that may be engaged
     * elsewhere: those the statement did not insert where the database says which it did (PostgreSQL's
     * {@code RETURNING}: in a launch, usually none, and nothing more is read), else all of them. A database that
     * cannot skip duplicates in the statement (H2) inserts the phones not engaged yet; one engaged by another
     * thread meanwhile meets the primary key, and the whole engagement is tried again; it answers the phones it
     * found engaged by the sender.
     */
    private Collection<String> insertAbsent(
            Connection connection, SenderKey sender, CampaignId campaignId, String tenant, Set<String> phones)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(phones.size());
        for (String phone : phones) {
            rows.add(new Object[] {sender.channelType(), sender.senderId(), phone, campaignId.value(), tenant});
        }
        if (loadedAsNew(connection, rows)) {
            return List.of(); // every phone engaged by this load: none was held
        }
        Optional<List<String>> inserted =
                dialect.insertManyAnswering(connection, "ck_engagement", ENGAGEMENT_COLUMNS, rows, "phone");
        if (inserted.isPresent()) {
            loads.carefulFound(inserted.get().size() < rows.size());
            Set<String> notInserted = new TreeSet<>(phones);
            inserted.get().forEach(notInserted::remove);
            return notInserted; // one statement, duplicates skipped: already ours, or another campaign's
        }
        if (dialect.insertMany(connection, "ck_engagement", ENGAGEMENT_COLUMNS, rows)) {
            return phones; // one statement, duplicates skipped
        }
        // the phones this sender already engages (with this campaign or another); should the dialect not ask, all
        Set<String> held = new TreeSet<>(phones);
        dialect.insertAllIfAbsent(
                connection,
                "INSERT INTO ck_engagement (sender_channel, sender_id, phone, campaign_id,"
                        + " tenant_id) VALUES (?, ?, ?, ?, ?)",
                phones,
                (among, candidates) -> {
                    Collection<String> free = notEngaged(among, sender, candidates);
                    held.removeAll(free);
                    return free;
                },
                (statement, phone) -> bind(statement, sender, phone, campaignId, tenant));
        return held;
    }

    /**
     * Loads the engagements in bulk ({@link JdbcDialect#loadNew}, PostgreSQL's {@code COPY}, a fifth cheaper than
     * the insert that skips duplicates) under a savepoint when {@link NewRowLoads} says so, and answers whether it
     * did: a phone already engaged fails the load on the primary key, and the savepoint takes it back.
     */
    private boolean loadedAsNew(Connection connection, List<Object[]> rows) throws SQLException {
        return loads.attempt(
                        sql,
                        connection,
                        rows.size(),
                        loading -> dialect.loadNew(loading, "ck_engagement", ENGAGEMENT_COLUMNS, rows)
                                ? Optional.of(true)
                                : Optional.empty())
                .isPresent();
    }

    /** Of {@code count} phones, those the sender engages with a campaign other than the one bound third. */
    static String heldElsewhereStatement(JdbcDialect dialect, int count) {
        return "SELECT phone FROM ck_engagement" + dialect.useIndex(BY_PHONE)
                + " WHERE sender_channel = ? AND sender_id = ? AND campaign_id <> ? AND "
                + dialect.anyOf("phone", count);
    }

    /** Of {@code count} phones, those the sender engages, whatever the campaign. */
    static String engagedStatement(JdbcDialect dialect, int count) {
        return "SELECT phone FROM ck_engagement" + dialect.useIndex(BY_PHONE) + " WHERE "
                + dialect.anyOf("phone", count) + " AND sender_channel = ? AND sender_id = ?";
    }

    /** The campaigns the sender engages {@code count} phones with, within the store's tenant. */
    static String engagedCampaignsStatement(JdbcDialect dialect, int count) {
        return "SELECT phone, campaign_id FROM ck_engagement" + dialect.useIndex(BY_PHONE)
                + " WHERE sender_channel = ? AND sender_id = ? AND " + dialect.anyOf("phone", count) + " AND "
                + Scope.TENANT;
    }

    private Collection<String> notEngaged(Connection connection, SenderKey sender, Collection<String> phones)
            throws SQLException {
        Set<String> free = new TreeSet<>(phones);
        try (PreparedStatement select = connection.prepareStatement(engagedStatement(dialect, phones.size()))) {
            int index = dialect.bindAnyOf(connection, select, 1, phones);
            select.setString(index++, sender.channelType());
            select.setString(index, sender.senderId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    free.remove(rows.getString(1));
                }
            }
        }
        return free;
    }

    private static void bind(
            PreparedStatement statement, SenderKey sender, String phone, CampaignId campaignId, String tenant)
            throws SQLException {
        statement.setString(1, sender.channelType());
        statement.setString(2, sender.senderId());
        statement.setString(3, phone);
        statement.setString(4, campaignId.value());
        statement.setString(5, tenant);
    }

    public Optional<CampaignId> engagedCampaign(SenderKey sender, PhoneNumber phone) {
        return sql.inTransaction("reading an engagement", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT campaign_id FROM ck_engagement"
                    + " WHERE sender_channel = ? AND sender_id = ? AND phone = ? AND " + Scope.TENANT)) {
                select.setString(1, sender.channelType());
                select.setString(2, sender.senderId());
                select.setString(3, phone.e164());
                scope.bind(select, 4);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(CampaignId.of(rows.getString(1))) : Optional.empty();
                }
            }
        });
    }

    public Map<PhoneNumber, CampaignId> engagedCampaigns(SenderKey sender, List<PhoneNumber> phones) {
        Map<String, PhoneNumber> byNumber = new TreeMap<>();
        phones.forEach(phone -> byNumber.put(phone.e164(), phone));
        return sql.inTransaction("reading engagements", connection -> {
            Map<PhoneNumber, CampaignId> engaged = new java.util.HashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement(engagedCampaignsStatement(dialect, byNumber.size()))) {
                select.setString(1, sender.channelType());
                select.setString(2, sender.senderId());
                scope.bind(select, dialect.bindAnyOf(connection, select, 3, byNumber.keySet()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        engaged.put(byNumber.get(rows.getString(1)), CampaignId.of(rows.getString(2)));
                    }
                }
            }
            return engaged;
        });
    }

    public int release(CampaignId campaignId, int limit) {
        return sql.inTransaction("releasing engagements of " + campaignId, connection -> {
            List<String[]> keys = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT sender_channel, sender_id, phone FROM ck_engagement"
                            + " WHERE campaign_id = ? AND " + Scope.TENANT + " LIMIT ?")) {
                select.setString(1, campaignId.value());
                scope.bind(select, 2);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
            }
            return delete(connection, campaignId, keys);
        });
    }

    private static int delete(Connection connection, CampaignId campaignId, List<String[]> keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        int released = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ck_engagement WHERE sender_channel = ?"
                + " AND sender_id = ? AND phone = ? AND campaign_id = ?")) {
            for (String[] key : keys) {
                delete.setString(1, key[0]);
                delete.setString(2, key[1]);
                delete.setString(3, key[2]);
                delete.setString(4, campaignId.value());
                delete.addBatch();
            }
            for (int count : delete.executeBatch()) {
                released += Math.max(0, count);
            }
        }
        return released;
    }
}
