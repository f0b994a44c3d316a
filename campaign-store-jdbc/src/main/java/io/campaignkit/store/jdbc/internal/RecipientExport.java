package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Recipient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A campaign's recipients in sequence order, each with its funnel steps, read as two ordered streams merged
 * on the recipient's sequence: the recipients walk their primary key (campaign, seq) with no sort, and only
 * the funnel steps (far fewer, three narrow columns) are sorted by the sequence of the recipient they belong to.
 * One query joining both and sorted by sequence would sort every recipient's whole row, a million rows spilling
 * to disk. Both cursors are open at once in the caller's transaction, each fetched {@link #FETCH_SIZE} rows at a
 * time, so the heap holds a fetch of each, never the campaign (a few megabytes: five thousand rows a round trip
 * rather than one thousand, as a million-recipient export otherwise waits on 1,200 round trips).
 */
final class RecipientExport {

    static final int FETCH_SIZE = 5_000;

    // The tenant is written into the text rather than as Scope.TENANT's COALESCE: PostgreSQL estimates that
    // predicate at a fraction of a percent of the rows, and for a few hundred rows a sort looks cheaper than
    // walking the primary key, so it sorted every recipient row of the campaign again.
    private static final String RECIPIENTS =
            "SELECT " + RecipientColumns.COLUMNS + " FROM ck_recipient r WHERE r.campaign_id = ?%s ORDER BY r.seq";

    // the order of TrackingRows.funnelSteps within a recipient: reached_at, then step
    private static final String STEPS = "SELECT r.seq, f.step, f.reached_at FROM ck_funnel_step f"
            + " JOIN ck_recipient r ON r.campaign_id = f.campaign_id AND r.phone = f.phone"
            + " WHERE f.campaign_id = ?%s ORDER BY r.seq, f.reached_at, f.step";

    private RecipientExport() {}

    static void run(
            Connection connection, Scope scope, CampaignId campaignId, BiConsumer<Recipient, List<FunnelStep>> action)
            throws SQLException {
        try (PreparedStatement recipientQuery = prepare(connection, RECIPIENTS, scope, campaignId);
                PreparedStatement stepQuery = prepare(connection, STEPS, scope, campaignId);
                ResultSet recipients = recipientQuery.executeQuery();
                ResultSet steps = stepQuery.executeQuery()) {
            boolean stepAhead = steps.next(); // the steps cursor stands on the first step not yet handed out
            List<FunnelStep> itsSteps = new ArrayList<>();
            while (recipients.next()) {
                Recipient recipient = RecipientColumns.read(recipients);
                long sequence = recipient.sequence();
                // a step's recipient is always one of the campaign's: none is ever behind the recipient read
                while (stepAhead && steps.getLong(1) <= sequence) {
                    if (steps.getLong(1) == sequence) {
                        itsSteps.add(new FunnelStep(
                                campaignId, recipient.phone(), steps.getString(2), Sql.instant(steps.getLong(3))));
                    }
                    stepAhead = steps.next();
                }
                action.accept(recipient, itsSteps.isEmpty() ? List.of() : List.copyOf(itsSteps));
                itsSteps.clear();
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String query, Scope scope, CampaignId campaignId)
            throws SQLException {
        Optional<String> tenant = scope.tenantId();
        PreparedStatement statement =
                connection.prepareStatement(String.format(query, tenant.isPresent() ? " AND r.tenant_id = ?" : ""));
        try {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, campaignId.value());
            if (tenant.isPresent()) {
                statement.setString(2, tenant.get());
            }
            return statement;
        } catch (SQLException | RuntimeException failure) {
            statement.close();
            throw failure;
        }
    }
}
