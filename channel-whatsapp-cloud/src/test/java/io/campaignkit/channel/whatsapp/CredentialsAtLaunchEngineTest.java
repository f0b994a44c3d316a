package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi.Response;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.PreflightException;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.RecordingBot;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3 end to end: with the check turned on in the adapter's configuration, a launch whose
 * phone-number id Meta does not know is refused before anyone is engaged, with the reason, instead of the
 * campaign pausing at its first send; when Graph cannot be reached the launch goes on.
 */
class CredentialsAtLaunchEngineTest {

    private static final String PNID = "106540352242922";
    private static final String TOKEN = "EAAG-very-secret-token";

    private final FakeGraphApi graph = FakeGraphApi.start();
    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PNID)
            .accessToken(Secret.of(TOKEN))
            .appSecret(Secret.of("app-secret"))
            .verifyToken(Secret.of("verify"))
            .baseUrl(graph.baseUrl())
            .checkCredentialsAtLaunch(true)
            .build());
    private final CampaignEngine engine = CampaignEngine.builder()
            .store(new InMemoryCampaignStore())
            .channel(adapter)
            .botFlows(BotFlowRegistry.of(Map.of("bot", new RecordingBot())))
            .callbackExecutor(Runnable::run)
            .build();

    @AfterEach
    void stop() {
        adapter.close();
        graph.close();
    }

    private CampaignId ready(String id) {
        CampaignId campaign = CampaignId.of(id);
        engine.create(
                campaign,
                "acme",
                "cobranza",
                CampaignKind.LIVE,
                CampaignConfiguration.custom()
                        .name(id)
                        .botFlowId("bot")
                        .channel(WhatsAppCloudAdapter.CHANNEL_ID, PNID)
                        .audience(AudienceReference.importedList("lista"))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("pago_pendiente", "es_MX", "Hola {{1}}"),
                                Binding.contactName("cliente")))
                        .build());
        return campaign;
    }

    @Test
    void aPhoneNumberIdMetaDoesNotKnowRefusesTheLaunchNamingTheSetting() {
        CampaignId id = ready("c-1");
        graph.enqueue(Response.json(400, WhatsAppCredentialsCheckTest.NO_SUCH_ID));

        assertThatThrownBy(() -> engine.launch(
                        id, LaunchRequest.importedContacts(List.of(Contact.of(PhoneNumber.parse("+525512345678"))))))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.problems())
                            .extracting(PreflightProblem::subject)
                            .containsExactly(PreflightProblem.SENDER);
                    assertThat(refused.getMessage()).contains("phone-number-id").doesNotContain(TOKEN);
                });
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
        assertThat(graph.takeRequest().method()).isEqualTo("GET");
        assertThat(graph.requestCount()).as("nothing was sent").isZero();
    }

    @Test
    void aGraphThatCannotAnswerDoesNotKeepTheCampaignFromLaunching() {
        CampaignId id = ready("c-2");
        graph.enqueue(Response.json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"));

        engine.launch(id, LaunchRequest.importedContacts(List.of(Contact.of(PhoneNumber.parse("+525512345678")))));

        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
    }
}
