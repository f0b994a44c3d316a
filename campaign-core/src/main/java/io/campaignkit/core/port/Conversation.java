package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * A contact's conversation with a campaign's bot, opened by the contact's first reply.
 *
 * @param id the store's id for it, unique in the store ({@code <campaignId>:<digits>:<n>})
 * @param campaignId the campaign
 * @param phone the contact
 * @param openedAt when the first reply came
 * @param lastInboundAt when the contact last wrote (the customer-service window runs from here)
 * @param lastActivityAt when the contact or the bot last wrote (inactivity runs from here)
 * @param lastAutoReplyAt when the out-of-hours automatic reply was last sent, if ever
 * @param closedAt when it was closed, if it is
 * @param closeReason why, if closed: {@code INACTIVITY}, {@code CAMPAIGN_FINISHED}, {@code OUT_OF_HOURS}, {@code BY_BOT}
 */
public record Conversation(
        String id,
        CampaignId campaignId,
        PhoneNumber phone,
        Instant openedAt,
        Instant lastInboundAt,
        Instant lastActivityAt,
        Optional<Instant> lastAutoReplyAt,
        Optional<Instant> closedAt,
        Optional<String> closeReason) {

    /** Closed after no message in either direction for the engine's idle timeout. */
    public static final String INACTIVITY = "INACTIVITY";
    /** Closed because its campaign finished. */
    public static final String CAMPAIGN_FINISHED = "CAMPAIGN_FINISHED";
    /** Closed by a reply outside active hours under the CLOSE policy. */
    public static final String OUT_OF_HOURS = "OUT_OF_HOURS";
    /** Closed by its bot flow. */
    public static final String BY_BOT = "BY_BOT";

    public Conversation {
        Arguments.requireNonBlank(id, "id");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(openedAt, "openedAt");
        Arguments.requireNonNull(lastInboundAt, "lastInboundAt");
        Arguments.requireNonNull(lastActivityAt, "lastActivityAt");
        Arguments.requireNonNull(lastAutoReplyAt, "lastAutoReplyAt");
        Arguments.requireNonNull(closedAt, "closedAt");
        Arguments.requireNonNull(closeReason, "closeReason");
        Arguments.require(
                closedAt.isPresent() == closeReason.isPresent(),
                "closeReason",
                "a conversation has a close reason exactly when it is closed");
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    public RecipientKey recipientKey() {
        return new RecipientKey(campaignId, phone);
    }
}
