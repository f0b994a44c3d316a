package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;

/**
 * The sender a conversation's messages go out from: the one of the channel binding that reached the
 * contact (a contact reached by SMS is answered by SMS), the campaign's only one for most campaigns.
 */
final class ConversationChannels {

    private final RecipientStore recipients;

    ConversationChannels(RecipientStore recipients) {
        this.recipients = recipients;
    }

    SenderKey senderOf(Campaign campaign, RecipientKey recipient) {
        if (ChannelRoutes.bindings(campaign).size() < 2) {
            return ChannelAdapters.senderKey(campaign);
        }
        return senderOf(campaign, recipients.findRecipient(recipient));
    }

    /** The sender of {@code recipient}'s binding; the campaign's first when it is not known. */
    static SenderKey senderOf(Campaign campaign, java.util.Optional<io.campaignkit.core.port.Recipient> recipient) {
        return recipient
                .filter(r -> r.binding() > 0)
                .map(r -> ChannelRoutes.binding(campaign, r.binding()).sender())
                .orElseGet(() -> ChannelAdapters.senderKey(campaign));
    }
}
