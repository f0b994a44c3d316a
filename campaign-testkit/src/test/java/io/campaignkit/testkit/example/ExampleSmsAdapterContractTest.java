package io.campaignkit.testkit.example;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSettings;
import io.campaignkit.channel.Secret;
import io.campaignkit.testkit.channel.ChannelAdapterContractKit;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The example adapter passes the contract kit: this class is all a vendor writes to run it. The
 * adapter is created through {@link java.util.ServiceLoader} discovery, as a host would create it.
 */
class ExampleSmsAdapterContractTest extends ChannelAdapterContractKit {

    private static final ExampleSmsConfiguration SIGNING = ExampleSmsConfiguration.custom()
            .baseUrl(URI.create("http://unused.test"))
            .accountId("AC1")
            .apiKey(Secret.of("test-api-key"))
            .webhookSecret(Secret.of("test-webhook-secret"))
            .build();

    private final FakeExampleSmsServer server = FakeExampleSmsServer.start(SIGNING);
    private final ChannelAdapter adapter = ChannelRegistry.withDiscoveredProviders()
            .resolve(
                    "example-sms",
                    ChannelSettings.of(Map.of(
                            "base-url", server.baseUrl().toString(),
                            "account-id", "AC1",
                            "api-key", "test-api-key",
                            "webhook-secret", "test-webhook-secret",
                            // short, so that the UNKNOWN_OUTCOME check (a provider that never answers) is quick, yet
                            // far
                            // above a loopback round trip on a busy machine
                            "request-timeout", Duration.ofSeconds(2).toString())));

    @Override
    protected ChannelAdapter adapter() {
        return adapter;
    }

    @Override
    protected ScriptedProvider provider() {
        return server;
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
