package io.campaignkit.channel.whatsapp;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.WhatsAppScriptedProvider;
import io.campaignkit.testkit.channel.ChannelAdapterContractKit;
import io.campaignkit.testkit.channel.ScriptedProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

class WhatsAppCloudContractTest extends ChannelAdapterContractKit {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String APP_SECRET = "contract-app-secret";

    private final FakeGraphApi graph = FakeGraphApi.start();
    private final WhatsAppScriptedProvider provider = new WhatsAppScriptedProvider(graph, APP_SECRET, PHONE_NUMBER_ID);
    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PHONE_NUMBER_ID)
            .accessToken(Secret.of("contract-access-token"))
            .appSecret(Secret.of(APP_SECRET))
            .verifyToken(Secret.of("contract-verify-token"))
            .baseUrl(graph.baseUrl())
            .requestTimeout(Duration.ofSeconds(3))
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
    void stopGraph() {
        graph.close();
    }
}
