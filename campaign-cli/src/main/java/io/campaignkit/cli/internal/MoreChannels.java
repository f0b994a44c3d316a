package io.campaignkit.cli.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.template.TemplateMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run's channels after the first ({@code --channel} repeated), the message they send, and the timed
 * fallback ({@code --fallback-after}).
 *
 * @param channels the further channels, in order
 * @param message what each of them sends (the run's {@code --text}, or its {@code --template})
 * @param fallbackAfter how long a message may stay undelivered before the next channel's is sent
 */
record MoreChannels(List<ChannelSetup> channels, Optional<TemplateMessage> message, Optional<Duration> fallbackAfter) {

    /** A run on one channel. */
    static final MoreChannels NONE = new MoreChannels(List.of(), Optional.empty(), Optional.empty());

    MoreChannels {
        channels = List.copyOf(channels);
    }

    /** Adds the further channel bindings and the timed fallback to the campaign's configuration. */
    CampaignConfiguration.Builder configure(CampaignConfiguration.Builder configuration) {
        channels.forEach(
                channel -> configuration.addChannel(ChannelBinding.of(channel.sender(), message.orElseThrow())));
        fallbackAfter.ifPresent(configuration::fallbackAfter);
        return configuration;
    }

    /** The further channels' adapters, each given the webhook URL of its route. */
    List<ChannelAdapter> create(Function<String, Optional<URI>> webhookUrlOf) {
        List<ChannelAdapter> adapters = new ArrayList<>();
        for (ChannelSetup channel : channels) {
            adapters.add(
                    channel.create().apply(webhookUrlOf.apply(channel.sender().channelType())));
        }
        return adapters;
    }

    static void closeAll(List<ChannelAdapter> adapters) {
        adapters.forEach(ChannelAdapter::close);
    }
}
