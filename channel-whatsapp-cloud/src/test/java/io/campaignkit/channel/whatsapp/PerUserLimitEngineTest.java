package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.whatsapp.fake.FakeGraphApi;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.engine.CampaignScenario;
import io.campaignkit.testkit.engine.RecordingBot;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4, end to end through the engine: the failure the real adapter makes of Meta's 131049
 * (one user's marketing limit) is fed to an engine running two campaigns on one sender. Neither the
 * sender nor the other campaign may wait for that one user.
 */
class PerUserLimitEngineTest {

    private static final String PNID = "106540352242922";
    private static final String MARKETING_LIMIT = """
            {"error":{"message":"(#131049) This message was not delivered to maintain healthy ecosystem engagement.",
             "type":"OAuthException","code":131049,"error_data":{"messaging_product":"whatsapp",
             "details":"In order to maintain a healthy ecosystem engagement, the message failed to be delivered."},
             "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""";
    private static final String LIMITED_USER = phone(0);

    private final FakeGraphApi graph = FakeGraphApi.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void byDefaultTheUserIsFailedWithMetasCodeAndASecondCampaignOnTheSenderKeepsSending() throws Exception {
        CampaignScenario scenario = twoCampaignsAfterOneMarketingLimit(PerUserLimitAction.FAIL);

        Recipient limited = scenario.recipient(CampaignId.of("campaign-1"), LIMITED_USER);
        assertThat(limited.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(limited.outcome().orElseThrow().providerCode()).contains("131049");
        assertThat(limited.outcome().orElseThrow().message()).contains("healthy ecosystem");
        assertThat(scenario.channel().sendsTo(LIMITED_USER)).hasSize(1);
    }

    @Test
    void whenRetriesAreAskedOnlyThatUserWaitsADayAndTheSenderKeepsSending() throws Exception {
        CampaignScenario scenario = twoCampaignsAfterOneMarketingLimit(PerUserLimitAction.RETRY_LATER);

        Recipient limited = scenario.recipient(CampaignId.of("campaign-1"), LIMITED_USER);
        assertThat(limited.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(limited.dueAt())
                .isAfterOrEqualTo(scenario.channel()
                        .sendsTo(LIMITED_USER)
                        .get(0)
                        .requestedAt()
                        .plus(Duration.ofHours(24)));
    }

    /** Runs two campaigns on one sender for a minute after the first send of the first hit 131049. */
    private CampaignScenario twoCampaignsAfterOneMarketingLimit(PerUserLimitAction action) throws Exception {
        CampaignScenario scenario =
                CampaignScenario.custom().bot("bot", new RecordingBot()).build();
        scenario.channel().scriptNextSend(Outcome.failing(failureFromTheAdapter(action)));
        CampaignId first = scenario.createCampaign(CampaignKind.LIVE, configuration());
        CampaignId second = scenario.createCampaign(CampaignKind.LIVE, configuration());
        scenario.launch(first, contacts(0, 3));
        scenario.runFor(Duration.ofSeconds(1));
        scenario.launch(second, contacts(100, 3));
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.metrics(first).delivered()).isEqualTo(2);
        assertThat(scenario.metrics(second).delivered())
                .as("the second campaign on the same sender")
                .isEqualTo(3);
        return scenario;
    }

    /** What the adapter answers when Meta refuses a send with 131049. */
    private SendFailure failureFromTheAdapter(PerUserLimitAction action) throws Exception {
        WhatsAppCloudAdapter adapter = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
                .phoneNumberId(PNID)
                .accessToken(Secret.of("token"))
                .appSecret(Secret.of("app-secret"))
                .verifyToken(Secret.of("verify"))
                .baseUrl(graph.baseUrl())
                .perUserLimitAction(action)
                .build());
        graph.enqueue(FakeGraphApi.Response.json(400, MARKETING_LIMIT));
        try {
            adapter.send(new OutboundMessage(
                            LIMITED_USER, PNID, "c1:r1", TemplateContent.of("promo", "es_MX", List.of())))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            throw new AssertionError("Meta's refusal was taken for an acceptance");
        } catch (ExecutionException refused) {
            return ChannelSendException.find(refused).orElseThrow().failure();
        } finally {
            adapter.close();
        }
    }

    private static Consumer<CampaignConfiguration.Builder> configuration() {
        return config -> config.name("Promo")
                .botFlowId("bot")
                .message(TemplateMessage.of(
                        ChannelTemplate.of("promo", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("list-1"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .deliveryPlan(DeliveryPlan.custom().pace(Pace.perSecond(1)).build());
    }

    private static String phone(int i) {
        return String.format("+5255%08d", 10_000_000 + i);
    }

    private static List<Contact> contacts(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> Contact.builder(PhoneNumber.parse(phone(i)))
                        .name("Contact " + i)
                        .build())
                .toList();
    }
}
