package io.campaignkit.examples.parrot;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSettings;
import io.campaignkit.channel.Secret;
import io.campaignkit.testkit.channel.ChannelAdapterContractKit;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The second example adapter passes the kit with a fake built on {@code LoopbackProvider}. The secret
 * the adapter verifies webhooks with is the one the fake signs them with.
 */
class ParrotSmsContractTest extends ChannelAdapterContractKit {

    private static final String WEBHOOK_SECRET = "parrot-webhook-secret";

    private final FakeParrotSms provider = new FakeParrotSms(Secret.of(WEBHOOK_SECRET));
    private final ChannelAdapter adapter = ChannelRegistry.withDiscoveredProviders().resolve("parrot-sms",
            ChannelSettings.of(Map.of("base-url", provider.baseUrl().toString(), "api-key", "parrot-key",
                    "webhook-secret", WEBHOOK_SECRET, "request-timeout", "PT2S")));

    @Override
    protected ChannelAdapter adapter() {
        return adapter;
    }

    @Override
    protected ScriptedProvider provider() {
        return provider;
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }
}
