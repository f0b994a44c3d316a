package io.campaignkit.channel.twilio;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.testkit.channel.ChannelAdapterContractKit;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The SPI contract, for SMS from a long code.
 *
 * <p>No check depends on how fast this machine is: the fake answers every request, so sends use a
 * request timeout (and the kit a send timeout) that only a hang reaches. The one answer that is a
 * timeout, a request the fake holds, is sent by an adapter with a 1-second request timeout, chosen
 * while that hold is the fake's next reply; a loaded machine only makes that timeout fire later.
 */
class TwilioChannelAdapterContractTest extends ChannelAdapterContractKit {

    /** Reached only by a request the fake never answers: far above any answer on a loaded machine. */
    private static final Duration ANSWERED_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final FakeTwilioApi api = FakeTwilioApi.start();
    private final TwilioScriptedProvider provider = new TwilioScriptedProvider(api, "+15005550006");
    private final TwilioChannelAdapter adapter = adapter(ANSWERED_REQUEST_TIMEOUT);
    private final TwilioChannelAdapter timingOut = adapter(Duration.ofSeconds(1));

    private TwilioChannelAdapter adapter(Duration requestTimeout) {
        return TwilioChannelAdapter.create(TwilioConfig.custom()
                .accountSid(TwilioScriptedProvider.ACCOUNT_SID)
                .authToken(TwilioScriptedProvider.AUTH_TOKEN)
                .sender("+15005550006")
                .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
                .apiBaseUrl(api.baseUrl())
                .requestTimeout(requestTimeout)
                .contentTemplate("contract_kit", null, "HX0123456789abcdef0123456789abcdef")
                .build());
    }

    /** The same configuration but its request timeout: the short one only for the request the fake holds. */
    @Override
    protected ChannelAdapter adapter() {
        return api.nextReplyHolds() ? timingOut : adapter;
    }

    @Override
    protected Duration sendTimeout() {
        return ANSWERED_REQUEST_TIMEOUT.plusMinutes(1);
    }

    @Override
    protected ScriptedProvider provider() {
        return provider;
    }

    @AfterEach
    void stopFake() {
        provider.release();
        adapter.close();
        timingOut.close();
        api.close();
    }
}
