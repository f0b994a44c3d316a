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
import io.campaignkit.core.engine.CampaignEngineBuilder;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3 end to end, with the engine's defaults: a launch first asks Graph for the phone-number id
 * and token, outside the engine's lock; a phone-number id Meta does not know is refused before anyone is
 * engaged, with the reason, instead of the campaign pausing at its first send; a Graph that does not answer
 * refuses the launch as retryable; the host's off switch launches without asking.
 */
class CredentialsAtLaunchEngineTest {

    private static final String PNID = "106540352242922";
    private static final String TOKEN = "EAAG-very-secret-token";
    private static final List<Contact> CONTACTS = List.of(Contact.of(PhoneNumber.parse("+525512345678")));

    private final FakeGraphApi graph = FakeGraphApi.start();
    private final WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId(PNID)
            .accessToken(Secret.of(TOKEN))
            .appSecret(Secret.of("app-secret"))
            .verifyToken(Secret.of("verify"))
            .baseUrl(graph.baseUrl())
            .build());
    private final CampaignEngine engine = engine(true);

    private CampaignEngine engine(boolean checkAtLaunch) {
        CampaignEngineBuilder builder = CampaignEngine.builder()
                .store(new InMemoryCampaignStore())
                .channel(adapter)
                .botFlows(BotFlowRegistry.of(Map.of("bot", new RecordingBot())))
                .callbackExecutor(Runnable::run);
        return (checkAtLaunch ? builder : builder.checkCredentialsAtLaunch(false)).build();
    }

    @AfterEach
    void stop() {
        adapter.close();
        graph.close();
    }

    private static CampaignId ready(CampaignEngine engine, String id) {
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
    void aPhoneNumberIdMetaDoesNotKnowRefusesTheLaunchByDefaultNamingTheSetting() {
        CampaignId id = ready(engine, "c-1");
        graph.enqueueLookup(Response.json(400, WhatsAppCredentialsCheckTest.NO_SUCH_ID));

        assertThatThrownBy(() -> engine.launch(id, LaunchRequest.importedContacts(CONTACTS)))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(PreflightException.PREFLIGHT_FAILED);
                    assertThat(refused.retryable()).isFalse();
                    assertThat(refused.problems())
                            .extracting(PreflightProblem::subject)
                            .containsExactly(PreflightProblem.SENDER);
                    assertThat(refused.getMessage())
                            .contains(PreflightProblem.SENDER + ": ", "phone-number-id", PNID)
                            .doesNotContain(TOKEN);
                });
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
        assertThat(engine.find(id).orElseThrow().dispatch())
                .as("no launch began")
                .isEmpty();
        assertThat(graph.takeLookup().method()).isEqualTo("GET");
        assertThat(graph.requestCount()).as("nothing was sent").isZero();
    }

    @Test
    void aKnownPhoneNumberIdLaunches() {
        CampaignId id = ready(engine, "c-ok");

        engine.launch(id, LaunchRequest.importedContacts(CONTACTS));

        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(graph.takeLookup().path()).startsWith("/v").contains(PNID + "?fields=");
    }

    @Test
    void aGraphOutageRefusesTheLaunchAsRetryableAndTheNextLaunchGoesThrough() {
        CampaignId id = ready(engine, "c-2");
        graph.enqueueLookup(
                Response.json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"));

        assertThatThrownBy(() -> engine.launch(id, LaunchRequest.importedContacts(CONTACTS)))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(PreflightException.CREDENTIALS_NOT_CHECKED);
                    assertThat(refused.retryable()).isTrue();
                    assertThat(refused.getMessage())
                            .contains(PreflightProblem.CREDENTIALS + ": ", "checkCredentialsAtLaunch(false)")
                            .doesNotContain(TOKEN);
                });
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
        assertThat(graph.requestCount()).as("nothing was sent").isZero();

        engine.launch(id, LaunchRequest.importedContacts(CONTACTS));
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
    }

    @Test
    void theHostsOffSwitchLaunchesWithoutAsking() {
        CampaignEngine unchecked = engine(false);
        CampaignId id = ready(unchecked, "c-3");
        graph.enqueueLookup(Response.json(400, WhatsAppCredentialsCheckTest.NO_SUCH_ID));

        unchecked.launch(id, LaunchRequest.importedContacts(CONTACTS));

        assertThat(unchecked.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(graph.lookupCount()).isZero();
    }

    @Test
    void theCheckRunsOutsideTheEnginesLock() throws Exception {
        CampaignId id = ready(engine, "c-4");
        graph.enqueueLookup(Response.hang());

        CompletableFuture<Void> launching =
                CompletableFuture.runAsync(() -> engine.launch(id, LaunchRequest.importedContacts(CONTACTS)));
        graph.takeLookup(); // the check is waiting for Graph now

        // a run takes the engine's lock: it would wait for the launch if the check held it
        CompletableFuture.runAsync(engine::runDue).get(10, TimeUnit.SECONDS);
        assertThat(launching).isNotDone();

        graph.releaseHanging(); // an answer without a phone number: nothing learned, so refused as retryable
        assertThatThrownBy(() -> launching.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(PreflightException.class)
                .cause()
                .hasMessageContaining("could not check its sender");
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
    }
}
