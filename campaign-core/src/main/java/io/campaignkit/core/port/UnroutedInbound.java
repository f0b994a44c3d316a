package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * An inbound message for the host's unrouted-message handler, as an {@link UnroutedInbox} keeps it.
 *
 * @param channelId the channel it came in on
 * @param reason why no campaign's bot takes it
 * @param campaignId the campaign it was about, when there was one
 * @param from the sender as the channel gave it (not always a phone number)
 * @param to the channel's sender id it was written to
 * @param message what the contact sent
 */
public record UnroutedInbound(
        String channelId,
        UnroutedMessage.Reason reason,
        Optional<CampaignId> campaignId,
        String from,
        String to,
        ReceivedMessage message) {

    public UnroutedInbound {
        Arguments.requireNonBlank(channelId, "channelId");
        Arguments.requireNonNull(reason, "reason");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(from, "from");
        Arguments.requireNonNull(to, "to");
        Arguments.requireNonNull(message, "message");
    }
}
