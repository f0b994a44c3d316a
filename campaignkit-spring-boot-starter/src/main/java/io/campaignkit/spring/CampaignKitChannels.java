package io.campaignkit.spring;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSettings;
import io.campaignkit.channel.simulated.SimulatedChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels of the application: the {@link ChannelAdapter} beans it declares and those configured under
 * {@code campaignkit.channels.*}, each watched for its last error. The engine is given {@link #registry()}.
 */
public final class CampaignKitChannels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignKitChannels.class);
    static final String PREFIX = "campaignkit.channels.";

    private final Map<String, ChannelStatus> statuses = new LinkedHashMap<>();
    private final ChannelRegistry registry = ChannelRegistry.empty();
    private final List<ChannelAdapter> owned = new ArrayList<>();

    CampaignKitChannels(
            ChannelProperties properties,
            List<ChannelAdapter> declared,
            Clock clock,
            UnaryOperator<ChannelAdapter> metering) {
        Map<String, ChannelAdapter> adapters = new LinkedHashMap<>();
        declared.forEach(adapter -> adapters.put(adapter.id(), adapter));
        configure(adapters, "whatsapp-cloud", properties.getWhatsappCloud());
        configure(adapters, "twilio", properties.getTwilio());
        configure(adapters, "simulated", properties.getSimulated());
        if (adapters.isEmpty()) {
            LOG.warn(
                    "No channel is configured (campaignkit.channels.whatsapp-cloud.*, campaignkit.channels.twilio.* or a "
                            + "ChannelAdapter bean): using the simulated channel, which sends nothing to anyone");
            adapters.put("simulated", create("simulated", properties.getSimulated()));
        }
        adapters.forEach((id, adapter) -> {
            ChannelStatus status = new ChannelStatus(adapter, clock);
            statuses.put(id, status);
            registry.register(metering.apply(status));
        });
    }

    private void configure(Map<String, ChannelAdapter> adapters, String id, ChannelProperties.Channel channel) {
        if (!channel.configured()) {
            return;
        }
        if (adapters.containsKey(id)) {
            throw new IllegalStateException(PREFIX + id + " is configured and a ChannelAdapter bean has the same id '"
                    + id + "': keep one of them");
        }
        adapters.put(id, create(id, channel));
    }

    private ChannelAdapter create(String id, ChannelProperties.Channel channel) {
        ChannelAdapterProvider<?> provider = ChannelRegistry.withDiscoveredProviders()
                .provider(id)
                .orElseThrow(() -> new IllegalStateException(
                        PREFIX + id + " is configured but the channel's module is " + "not on the class path"));
        ChannelAdapter adapter;
        try {
            adapter = provider.create(ChannelSettings.of(channel.providerSettings()));
        } catch (IllegalArgumentException e) {
            // the provider names the key, never a secret's value
            throw new IllegalStateException("Invalid channel settings under " + PREFIX + id + ": " + e.getMessage(), e);
        }
        owned.add(adapter);
        return adapter;
    }

    /** The registry of every channel, as the engine is given it. */
    public ChannelRegistry registry() {
        return registry;
    }

    /** Each channel's status, by channel id. */
    public Map<String, ChannelStatus> statuses() {
        return Map.copyOf(statuses);
    }

    /** The simulated channel, when it is one of them. */
    public Optional<SimulatedChannel> simulated() {
        return owned.stream()
                .filter(SimulatedChannel.class::isInstance)
                .map(SimulatedChannel.class::cast)
                .findFirst();
    }

    /** Closes the adapters configured by properties (the application's beans are closed by Spring). */
    @Override
    public void close() {
        owned.forEach(ChannelAdapter::close);
    }
}
