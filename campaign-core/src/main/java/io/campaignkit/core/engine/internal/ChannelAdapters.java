package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.SenderKey;

/** The registered channel adapters, and the channel and sender a campaign sends through. */
final class ChannelAdapters {

    /** Code of the error raised when a campaign names a channel the engine has no adapter for. */
    static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";

    private final ChannelRegistry channels;

    ChannelAdapters(ChannelRegistry channels) {
        this.channels = channels;
    }

    static SenderKey senderKey(Campaign campaign) {
        return campaign.configuration()
                .channel()
                .orElseThrow(() ->
                        new CampaignKitException(UNKNOWN_CHANNEL, "campaign " + campaign.id() + " has no channel"));
    }

    ChannelAdapter adapter(String channelId) {
        return channels.registeredAdapter(channelId)
                .orElseThrow(() -> new CampaignKitException(
                        UNKNOWN_CHANNEL,
                        "no channel adapter is registered for '" + channelId + "'; known: " + channels.channelIds()));
    }

    ChannelAdapter adapter(Campaign campaign) {
        return adapter(senderKey(campaign).channelType());
    }
}
