package io.campaignkit.channel.twilio;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.testkit.channel.ChannelAdapterContractKit;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The SPI contract, for SMS from a long code. */
class TwilioChannelAdapterContractTest extends ChannelAdapterContractKit {

    private final FakeTwilioApi api = FakeTwilioApi.start();
    private final TwilioScriptedProvider provider = new TwilioScriptedProvider(api, "+15005550006");
    private final TwilioChannelAdapter adapter = TwilioChannelAdapter.create(TwilioConfig.custom()
            .accountSid(TwilioScriptedProvider.ACCOUNT_SID)
            .authToken(TwilioScriptedProvider.AUTH_TOKEN)
            .sender("+15005550006")
            .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
            .apiBaseUrl(api.baseUrl())
            .requestTimeout(Duration.ofSeconds(1))
            .contentTemplate("contract_kit", null, "HX0123456789abcdef0123456789abcdef")
            .build());

    @Override
    protected ChannelAdapter adapter() {
        return adapter;
    }

    @Override
    protected ScriptedProvider provider() {
        return provider;
    }

    @AfterEach
    void stopFake() {
        provider.release();
        api.close();
    }
}
