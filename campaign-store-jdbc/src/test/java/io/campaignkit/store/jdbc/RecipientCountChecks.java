package io.campaignkit.store.jdbc;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the counter rows must always equal: the counts computed from the recipients themselves, with
 * the {@code GROUP BY} the store ran before it kept counters. Also campaigns and contacts for the
 * counter tests.
 */
public final class RecipientCountChecks {

    public static final Instant START = Instant.parse("2026-06-01T15:00:00Z");

    private RecipientCountChecks() {}

    /** The campaign's counts by a {@code GROUP BY} over its {@code ck_recipient} rows. */
    public static RecipientCounts groupBy(DataSource dataSource, CampaignId campaignId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT state, outcome_code, COUNT(*),"
                        + " COUNT(sent_at), COUNT(delivered_at), COUNT(read_at) FROM ck_recipient WHERE campaign_id = ?"
                        + " GROUP BY state, outcome_code")) {
            select.setString(1, campaignId.value());
            Map<DeliveryState, Long> byState = new EnumMap<>(DeliveryState.class);
            Map<String, Long> skipped = new TreeMap<>();
            Map<String, Long> failed = new TreeMap<>();
            long accepted = 0;
            long delivered = 0;
            long read = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    DeliveryState state = DeliveryState.valueOf(rows.getString(1));
                    String code = rows.getString(2);
                    long count = rows.getLong(3);
                    byState.merge(state, count, Long::sum);
                    accepted += rows.getLong(4);
                    delivered += rows.getLong(5);
                    read += rows.getLong(6);
                    if (code != null && state == DeliveryState.SKIPPED) {
                        skipped.merge(code, count, Long::sum);
                    } else if (code != null && state == DeliveryState.FAILED) {
                        failed.merge(code, count, Long::sum);
                    }
                }
            }
            return new RecipientCounts(byState, accepted, delivered, read, skipped, failed);
        }
    }

    /** How many counter rows the campaign has. */
    public static long counterRows(DataSource dataSource, CampaignId campaignId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT COUNT(*) FROM ck_recipient_count WHERE campaign_id = ?")) {
            select.setString(1, campaignId.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A READY campaign of {@code tenant}, created at {@link #START}. */
    public static Campaign readyCampaign(String id, String tenant) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Counters " + id)
                .botFlowId("counters-flow")
                .channel(SenderKey.of("whatsapp-cloud", "109876543210"))
                .message(TemplateMessage.of(
                        ChannelTemplate.of("counters", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("counters.csv"))
                .build();
        return Campaign.create(CampaignId.of(id), tenant, "counters", CampaignKind.LIVE, configuration, START);
    }

    /** The {@code index}-th contact: a distinct valid phone for each index. */
    public static Contact contact(int index) {
        return Contact.builder(PhoneNumber.parse(String.format("+5255%08d", index)))
                .name("Contact " + index)
                .build();
    }
}
