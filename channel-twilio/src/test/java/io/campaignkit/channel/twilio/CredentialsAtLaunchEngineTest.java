package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.PreflightProblem;
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
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.RecordingBot;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3 on Twilio, with the engine's defaults: a sender the account does not have is refused at
 * launch, with the setting to fix, before anyone is engaged; a number the account has launches; the host's
 * off switch launches without asking Twilio.
 */
class CredentialsAtLaunchEngineTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "0123456789abcdef-secret-token";
    private static final String NUMBER = "+15005550006";
    private static final String NUMBERS_PATH = "/2010-04-01/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers.json";
    private static final List<Contact> CONTACTS = List.of(Contact.of(PhoneNumber.parse("+525512345678")));

    private final FakeTwilioApi api = FakeTwilioApi.start();
    private final TwilioChannelAdapter adapter = TwilioChannelAdapter.create(TwilioConfig.custom()
            .accountSid(ACCOUNT)
            .authToken(TOKEN)
            .sender(NUMBER)
            .statusCallbackUrl(URI.create("https://hooks.example.com/twilio/status"))
            .apiBaseUrl(api.baseUrl())
            .requestTimeout(Duration.ofSeconds(2))
            .build());

    @AfterEach
    void stop() {
        adapter.close();
        api.close();
    }

    private CampaignEngine engine(boolean checkAtLaunch) {
        CampaignEngineBuilder builder = CampaignEngine.builder()
                .store(new InMemoryCampaignStore())
                .channel(adapter)
                .botFlows(BotFlowRegistry.of(Map.of("bot", new RecordingBot())))
                .callbackExecutor(Runnable::run);
        return (checkAtLaunch ? builder : builder.checkCredentialsAtLaunch(false)).build();
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
                        .channel(TwilioChannelAdapter.ID, NUMBER)
                        .audience(AudienceReference.importedList("lista"))
                        .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                        .message(TemplateMessage.of(
                                InlineTemplate.of("Hola {{1}}, tu saldo vence hoy"), Binding.contactName("cliente")))
                        .build());
        return campaign;
    }

    private static String numbersPage(String... numbers) {
        StringBuilder records = new StringBuilder();
        for (String number : numbers) {
            records.append(
                    "{\"account_sid\":\"" + ACCOUNT + "\",\"friendly_name\":\"(500) 555-0006\",\"phone_number\":\""
                            + number + "\",\"sid\":\"PN0123456789abcdef0123456789abcdef\",\"status\":\"in-use\"}");
        }
        return "{\"end\":0,\"first_page_uri\":\"" + NUMBERS_PATH + "\",\"incoming_phone_numbers\":[" + records
                + "],\"next_page_uri\":null,\"page\":0,\"page_size\":1,\"previous_page_uri\":null,\"start\":0,\"uri\":\""
                + NUMBERS_PATH + "\"}";
    }

    @Test
    void aSenderTheAccountDoesNotHaveRefusesTheLaunchByDefaultNamingTheSetting() {
        CampaignEngine engine = engine(true);
        CampaignId id = ready(engine, "c-1");
        api.thenReply(new FakeTwilioApi.Json(200, numbersPage()));

        assertThatThrownBy(() -> engine.launch(id, LaunchRequest.importedContacts(CONTACTS)))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(PreflightException.PREFLIGHT_FAILED);
                    assertThat(refused.problems())
                            .extracting(PreflightProblem::subject)
                            .containsExactly(PreflightProblem.SENDER);
                    assertThat(refused.getMessage())
                            .contains(PreflightProblem.SENDER + ": ", "has no phone number " + NUMBER, "setting sender")
                            .doesNotContain(TOKEN);
                });
        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.READY);
        assertThat(engine.find(id).orElseThrow().dispatch())
                .as("no launch began")
                .isEmpty();
        assertThat(api.requests())
                .as("one lookup, no send")
                .singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo(NUMBERS_PATH));
    }

    @Test
    void aNumberOfTheAccountLaunches() {
        CampaignEngine engine = engine(true);
        CampaignId id = ready(engine, "c-2");

        engine.launch(id, LaunchRequest.importedContacts(CONTACTS));

        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(api.requests().get(0).method()).isEqualTo("GET");
    }

    @Test
    void theHostsOffSwitchLaunchesWithoutAskingTwilio() {
        CampaignEngine engine = engine(false);
        CampaignId id = ready(engine, "c-3");
        api.thenReply(new FakeTwilioApi.Json(200, numbersPage()));

        engine.launch(id, LaunchRequest.importedContacts(CONTACTS));

        assertThat(engine.find(id).orElseThrow().state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(api.requests()).isEmpty();
    }
}
