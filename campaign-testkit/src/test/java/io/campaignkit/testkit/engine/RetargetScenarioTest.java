package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 3: a campaign whose audience is another campaign's recipients filtered by outcome,
 * resolved at its launch, from a source that is still ACTIVE or already FINISHED.
 */
class RetargetScenarioTest {

    private static final String BLOCKED = "131026";
    private static final String NOT_ON_WHATSAPP = "131009";
    private static final TemplateMessage AMOUNT_DUE = TemplateMessage.of(
            ChannelTemplate.of("cobro", "es_MX", "Hola {{1}}, debes {{2}}"),
            Binding.contactName("cliente"),
            Binding.customField("MONTO"));

    private final CampaignScenario scenario =
            Fixtures.scenario().defaultOutcome(Outcome.accepted()).build();

    /**
     * The source: contacts 1 to 5 owing 100 to 500; 3 fails with {@value #BLOCKED}, 4 with
     * {@value #NOT_ON_WHATSAPP}, 5 gets no answer (UNKNOWN); 1 and 2 are accepted.
     */
    private CampaignId sourceSent() {
        scenario.channel()
                .scriptNumber(
                        Fixtures.phone(3),
                        Outcome.failing(SendFailure.of(SendErrorClass.RECIPIENT_PERMANENT, BLOCKED, "blocked")));
        scenario.channel()
                .scriptNumber(
                        Fixtures.phone(4),
                        Outcome.failing(SendFailure.of(
                                SendErrorClass.RECIPIENT_PERMANENT, NOT_ON_WHATSAPP, "not a WhatsApp number")));
        scenario.channel().scriptNumber(Fixtures.phone(5), Outcome.failing(SendErrorClass.UNKNOWN_OUTCOME));
        CampaignId source =
                scenario.createCampaign(CampaignKind.LIVE, amountDue(AudienceReference.importedList("julio")));
        scenario.launch(
                source, List.of(owing(1, "100"), owing(2, "200"), owing(3, "300"), owing(4, "400"), owing(5, "500")));
        scenario.runFor(Duration.ofSeconds(5));
        return source;
    }

    @Test
    void resumingOnlyTheFailedSendsTheSameMessageToThemWithTheirDataOnceTheSourceFinished() {
        CampaignId source = sourceSent();
        CampaignId retry = scenario.createCampaign(
                CampaignKind.LIVE, amountDue(AudienceReference.recipientsOf(source, OutcomeFilter.failed())));
        scenario.engine().finish(source);
        everyNumberNowAccepted();

        scenario.engine().launch(retry, LaunchRequest.fromDirectory());
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(sentTo(retry)).containsExactly(Fixtures.phone(3), Fixtures.phone(4));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(3)))
                .hasSize(2)
                .last()
                .satisfies(send -> assertThat(((TemplateContent) send.message().content()).bodyParameters())
                        .as("the custom data the source stored")
                        .containsExactly("Contact 3", "300"));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(1)))
                .as("accepted in the source")
                .hasSize(1);
    }

    @Test
    void theAudienceIsReadAtLaunchSoOutcomesAfterCreationCount() {
        CampaignId source =
                scenario.createCampaign(CampaignKind.LIVE, amountDue(AudienceReference.importedList("julio")));
        CampaignId retry = scenario.createCampaign(
                CampaignKind.LIVE,
                amountDue(AudienceReference.recipientsOf(
                        source, OutcomeFilter.custom().failed().unknown().build())));
        scenario.channel().scriptNumber(Fixtures.phone(2), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
        scenario.launch(source, List.of(owing(1, "100"), owing(2, "200")));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.engine().finish(source);
        everyNumberNowAccepted();

        CampaignPlan plan = scenario.engine().plan(retry, LaunchRequest.fromDirectory());
        scenario.engine().launch(retry, LaunchRequest.fromDirectory());

        assertThat(plan.wouldSend()).as("the dry run reads the same audience").isEqualTo(1);
        assertThat(scenario.metrics(retry).audience()).isEqualTo(1);
        assertThat(scenario.recipient(retry, Fixtures.phone(2)).state()).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void aProviderErrorCodeNarrowsTheFailedAndOtherOutcomesCombine() {
        CampaignId source = sourceSent();
        scenario.engine().finish(source);
        everyNumberNowAccepted();
        CampaignId blocked = scenario.createCampaign(
                CampaignKind.LIVE,
                amountDue(AudienceReference.recipientsOf(
                        source,
                        OutcomeFilter.custom().failedWith(BLOCKED).unknown().build())));

        scenario.engine().launch(blocked, LaunchRequest.fromDirectory());

        assertThat(recipientsOf(blocked))
                .extracting(r -> r.phone().e164())
                .containsExactly(Fixtures.phone(3), Fixtures.phone(5));
    }

    @Test
    void whileTheSourceIsActiveItsContactsAreSkippedAsEngagedThereOnItsSenderAndSentOnAnother() {
        CampaignId source = sourceSent();
        everyNumberNowAccepted();
        CampaignId sameSender = scenario.createCampaign(
                CampaignKind.LIVE, amountDue(AudienceReference.recipientsOf(source, OutcomeFilter.failed())));
        CampaignId otherSender = scenario.createCampaign(
                CampaignKind.LIVE,
                amountDue(AudienceReference.recipientsOf(source, OutcomeFilter.failed()))
                        .andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, "sender-2")));

        scenario.engine().launch(sameSender, LaunchRequest.fromDirectory());
        scenario.engine().launch(otherSender, LaunchRequest.fromDirectory());
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(recipientsOf(sameSender)).hasSize(2).allSatisfy(recipient -> {
            assertThat(recipient.state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(recipient.outcome().orElseThrow().code()).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(recipient.outcome().orElseThrow().message()).contains(source.value());
        });
        assertThat(sentTo(otherSender)).containsExactly(Fixtures.phone(3), Fixtures.phone(4));
        assertThat(scenario.campaign(source).state()).isEqualTo(CampaignState.ACTIVE);
    }

    @Test
    void contactsSkippedForAReasonAreRetargetedWhileTheSourceIsStillActive() {
        CampaignId holder = scenario.createCampaign(CampaignKind.LIVE, amountDue(AudienceReference.importedList("h")));
        scenario.launch(holder, List.of(owing(7, "700")));
        CampaignId source =
                scenario.createCampaign(CampaignKind.LIVE, amountDue(AudienceReference.importedList("julio")));
        scenario.launch(source, List.of(owing(6, "600"), owing(7, "700")));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.engine().finish(holder); // contact 7 is free again; the source goes on
        CampaignId missed = scenario.createCampaign(
                CampaignKind.LIVE,
                amountDue(AudienceReference.recipientsOf(
                        source,
                        OutcomeFilter.custom()
                                .skippedFor(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN)
                                .build())));

        scenario.engine().launch(missed, LaunchRequest.fromDirectory());
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.campaign(source).state()).isEqualTo(CampaignState.ACTIVE);
        assertThat(sentTo(missed)).containsExactly(Fixtures.phone(7));
    }

    @Test
    void aSourceThatWasNotLaunchedIsUnknownOrIsTheCampaignItselfRefusesTheLaunch() {
        CampaignId ready =
                scenario.createCampaign(CampaignKind.LIVE, amountDue(AudienceReference.importedList("julio")));
        CampaignId ofReady = scenario.createCampaign(
                CampaignKind.LIVE, amountDue(AudienceReference.recipientsOf(ready, OutcomeFilter.failed())));
        CampaignId ofNothing = scenario.createCampaign(
                CampaignKind.LIVE,
                amountDue(AudienceReference.recipientsOf(CampaignId.of("nowhere"), OutcomeFilter.failed())));
        CampaignId ofItself = scenario.createCampaign(
                CampaignKind.LIVE,
                amountDue(AudienceReference.recipientsOf(CampaignId.of("campaign-4"), OutcomeFilter.failed())));
        assertThat(ofItself.value()).isEqualTo("campaign-4");

        assertRefused(ofReady, "is READY");
        assertRefused(ofNothing, "does not exist");
        assertRefused(ofItself, "its own recipients");
    }

    private void assertRefused(CampaignId id, String why) {
        assertThatThrownBy(() -> scenario.engine().launch(id, LaunchRequest.fromDirectory()))
                .isInstanceOfSatisfying(IncompleteAudienceException.class, e -> {
                    assertThat(e.code()).isEqualTo(IncompleteAudienceException.NO_AUDIENCE);
                    assertThat(e.getMessage()).contains(why);
                });
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
    }

    private void everyNumberNowAccepted() {
        for (int i = 1; i <= 9; i++) {
            scenario.channel().scriptNumber(Fixtures.phone(i), Outcome.accepted());
        }
    }

    private List<String> sentTo(CampaignId id) {
        return recipientsOf(id).stream()
                .filter(r -> r.state() == DeliveryState.SENT)
                .map(r -> r.phone().e164())
                .toList();
    }

    private List<Recipient> recipientsOf(CampaignId id) {
        return scenario.engine().recipients(id, -1, 100);
    }

    private static Contact owing(int i, String amount) {
        return Fixtures.contact(i).withCustomData(Fixtures.amountSchema().parse(java.util.Map.of("MONTO", amount)));
    }

    private static Consumer<CampaignConfiguration.Builder> amountDue(AudienceReference audience) {
        return config -> config.name("Cobranza")
                .botFlowId(Fixtures.BOT)
                .message(AMOUNT_DUE)
                .schema(Fixtures.amountSchema())
                .audience(audience)
                .activeHours(Fixtures.ALWAYS);
    }
}
