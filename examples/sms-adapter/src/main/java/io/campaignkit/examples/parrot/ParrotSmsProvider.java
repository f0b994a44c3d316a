package io.campaignkit.examples.parrot;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Makes {@link ParrotSmsAdapter} discoverable. Settings: {@code base-url}, {@code api-key},
 * {@code webhook-secret}, {@code request-timeout} (optional, default 10 s).
 */
public final class ParrotSmsProvider implements ChannelAdapterProvider<ChannelSettings> {

    /** The channel id. */
    public static final String ID = "parrot-sms";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<ChannelSettings> configurationType() {
        return ChannelSettings.class;
    }

    @Override
    public ChannelSettings configurationFrom(ChannelSettings settings) {
        return settings;
    }

    @Override
    public ChannelAdapter create(ChannelSettings settings) {
        return new ParrotSmsAdapter(URI.create(settings.require("base-url")), settings.requireSecret("api-key"),
                settings.requireSecret("webhook-secret"), settings.duration("request-timeout").orElse(Duration.ofSeconds(10)));
    }
}
