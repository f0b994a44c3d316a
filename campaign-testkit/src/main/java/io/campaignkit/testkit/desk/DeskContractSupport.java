package io.campaignkit.testkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.DeskConversation;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Fixtures the desk's contract kits share: extend a kit, not this class. */
public abstract class DeskContractSupport {

    /** When the kits' conversations start. */
    public static final Instant START = Instant.parse("2026-06-01T15:00:00Z");

    /** For the kits. */
    protected DeskContractSupport() {}

    /** {@link #START} plus {@code seconds}. */
    protected static Instant at(long seconds) {
        return START.plusSeconds(seconds);
    }

    /** A Mexican mobile number, distinct per index. */
    protected static PhoneNumber phone(int index) {
        return PhoneNumber.parse(String.format("+52155%08d", 12_340_000 + index));
    }

    /** A new conversation of campaign {@code campaign}, waiting in {@code queue} at {@code position}. */
    protected static DeskConversation waiting(String id, String campaign, String queue, int phone, long position) {
        return DeskConversation.handedOff(
                id,
                CampaignId.of(campaign),
                phone(phone),
                queue,
                Optional.empty(),
                position,
                "note of " + id,
                Map.of("MONTO", "1500"),
                at(position));
    }
}
