package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/**
 * An inbound message kept until the campaign's bot got it: at once inside the campaign's active hours,
 * when they open outside them (out-of-hours policy QUEUE).
 *
 * @param sequence the store's order of arrival, per campaign, from 0; set by the store
 * @param conversationId the conversation it belongs to
 * @param campaignId the campaign
 * @param phone the contact
 * @param message the message as the bot will receive it ({@code queued} true when it arrived out of hours)
 * @param lease who is handing it to the bot, and until when; empty while waiting
 */
public record QueuedInbound(
        long sequence,
        String conversationId,
        CampaignId campaignId,
        PhoneNumber phone,
        ReceivedMessage message,
        Optional<Lease> lease) {

    public QueuedInbound {
        Arguments.require(sequence >= 0, "sequence", "sequence must not be negative, was " + sequence);
        Arguments.requireNonBlank(conversationId, "conversationId");
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(message, "message");
        Arguments.requireNonNull(lease, "lease");
    }
}
