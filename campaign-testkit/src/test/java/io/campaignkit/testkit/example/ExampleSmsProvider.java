package io.campaignkit.testkit.example;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelSettings;
import java.net.URI;

/**
 * Makes {@link ExampleSmsAdapter} discoverable: listed in
 * {@code META-INF/services/io.campaignkit.channel.ChannelAdapterProvider}.
 *
 * <p>Settings: {@code base-url}, {@code account-id}, {@code api-key}, {@code webhook-secret} (required),
 * {@code request-timeout} (optional, {@code PT10S} or milliseconds).
 */
public final class ExampleSmsProvider implements ChannelAdapterProvider<ExampleSmsConfiguration> {

    /** The channel id. */
    public static final String ID = "example-sms";

    /** Called by {@link java.util.ServiceLoader}. */
    public ExampleSmsProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<ExampleSmsConfiguration> configurationType() {
        return ExampleSmsConfiguration.class;
    }

    @Override
    public ExampleSmsConfiguration configurationFrom(ChannelSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        ExampleSmsConfiguration.Builder builder = ExampleSmsConfiguration.custom()
                .baseUrl(URI.create(settings.require("base-url")))
                .accountId(settings.require("account-id"))
                .apiKey(settings.requireSecret("api-key"))
                .webhookSecret(settings.requireSecret("webhook-secret"));
        settings.duration("request-timeout").ifPresent(builder::requestTimeout);
        return builder.build();
    }

    @Override
    public ChannelAdapter create(ExampleSmsConfiguration configuration) {
        return new ExampleSmsAdapter(configuration);
    }
}
