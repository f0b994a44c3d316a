package io.campaignkit.channel.simulated;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelSettings;
import java.net.URI;

/**
 * Discovers {@link SimulatedChannel} with {@link java.util.ServiceLoader} under the id
 * {@code simulated}, so a command line or a properties file can pick it (for a dry run). From settings
 * it runs on the system clock; call {@link SimulatedChannel#deliverDueEvents()} to release events.
 *
 * <p>Settings: {@code id}, {@code webhook-url}, {@code webhook-secret}, {@code delivered-after} (a
 * duration such as {@code PT2S}), all optional.
 */
public final class SimulatedChannelProvider implements ChannelAdapterProvider<SimulatedChannelConfiguration> {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SimulatedChannelProvider() {}

    @Override
    public String id() {
        return SimulatedChannelConfiguration.DEFAULT_ID;
    }

    @Override
    public Class<SimulatedChannelConfiguration> configurationType() {
        return SimulatedChannelConfiguration.class;
    }

    @Override
    public SimulatedChannelConfiguration configurationFrom(ChannelSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        SimulatedChannelConfiguration.Builder builder = SimulatedChannelConfiguration.custom();
        settings.get("id").ifPresent(builder::id);
        settings.get("webhook-url").ifPresent(url -> builder.webhookUrl(URI.create(url)));
        if (settings.get("webhook-secret").isPresent()) {
            builder.webhookSecret(settings.requireSecret("webhook-secret"));
        }
        settings.duration("delivered-after").ifPresent(delay -> builder.defaultOutcome(Outcome.delivered(delay)));
        return builder.build();
    }

    @Override
    public ChannelAdapter create(SimulatedChannelConfiguration configuration) {
        return SimulatedChannel.create(configuration);
    }
}
