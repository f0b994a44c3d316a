package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.PreflightException;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: before a launch engages anyone, the campaign's message is checked against its channel's
 * forms (the adapter's {@code preflight}, and the engine's rule on the length an inline text needs); the
 * launch is refused with every problem listed, and the dry run lists the same problems.
 */
class PreflightScenarioTest {

    private final PickyChannel picky = new PickyChannel();
    private final CampaignScenario scenario = CampaignScenario.custom()
            .bot(Fixtures.BOT, new RecordingBot())
            .engine(engine -> engine.channel(picky))
            .build();

    @Test
    void aLaunchTheChannelWouldRefuseIsRefusedWithEveryProblemBeforeAnyoneIsEngaged() {
        CampaignId id = campaign(
                "bad-sender",
                TemplateMessage.of(ChannelTemplate.of("Promo", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")));

        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 3)))
                .isInstanceOfSatisfying(PreflightException.class, e -> {
                    assertThat(e.code()).isEqualTo(PreflightException.PREFLIGHT_FAILED);
                    assertThat(e.problems())
                            .extracting(PreflightProblem::subject)
                            .containsExactly(PreflightProblem.SENDER, PreflightProblem.TEMPLATE_NAME);
                    assertThat(e.getMessage()).contains("picky", "2 problems", "bad-sender", "Promo");
                });
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
        assertThat(scenario.store()
                        .engagedCampaign(
                                new SenderKey("picky", "bad-sender"),
                                Fixtures.contact(0).phone()))
                .isEmpty();
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(picky.sent).isEmpty();
    }

    @Test
    void theChannelSeesTheSenderAndAPlaceholderForEachContactsValue() {
        CampaignId id = campaign(
                "good",
                TemplateMessage.of(
                        ChannelTemplate.of("promo", "es_MX", "Hola {{1}}, debes {{2}}"),
                        Binding.contactName("cliente"),
                        Binding.literal("100")));
        scenario.launch(id, Fixtures.contacts(0, 1));

        assertThat(picky.plans)
                .singleElement()
                .isEqualTo(new MessagePlan("good", TemplateContent.of("promo", "es_MX", List.of("{{1}}", "{{2}}"))));
        scenario.runFor(Duration.ofSeconds(1));
        assertThat(picky.sent).hasSize(1);
    }

    @Test
    void theDryRunListsTheSameProblemsAndWarnsThatTheLaunchWouldBeRefused() {
        CampaignId id = campaign(
                "bad-sender",
                TemplateMessage.of(ChannelTemplate.of("Promo", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")));
        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 3)));
        List<PreflightProblem> refused = new ArrayList<>();
        try {
            scenario.launch(id, Fixtures.contacts(0, 3));
        } catch (PreflightException e) {
            refused.addAll(e.problems());
        }

        assertThat(plan.preflight()).isNotEmpty().isEqualTo(refused);
        assertThat(plan.warnings())
                .anySatisfy(warning -> assertThat(warning)
                        .contains(PreflightException.PREFLIGHT_FAILED, "sender: ", "template-name: "));
        CampaignId good = campaign(
                "good",
                TemplateMessage.of(ChannelTemplate.of("promo", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")));
        assertThat(scenario.engine()
                        .plan(good, LaunchRequest.importedContacts(Fixtures.contacts(0, 3)))
                        .preflight())
                .isEmpty();
    }

    @Test
    void anInlineTextLongerThanTheChannelCarriesBeforeAnyValueIsRefusedByTheEngine() {
        // the channel carries 30 characters: 31 without the contact's value can fit no one
        CampaignId tooLong = campaign(
                "good",
                TemplateMessage.of(
                        InlineTemplate.of("Hola {{1}}, su pago vence el lunes!!"), Binding.contactName("cliente")));
        assertThatThrownBy(() -> scenario.launch(tooLong, Fixtures.contacts(0, 1)))
                .isInstanceOfSatisfying(
                        PreflightException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.subject()).isEqualTo(PreflightProblem.MESSAGE);
                            assertThat(problem.problem()).contains("31 characters", "at most 30");
                        }));
        assertThat(picky.plans)
                .singleElement()
                .extracting(MessagePlan::message)
                .isEqualTo(TextContent.of("Hola {{1}}, su pago vence el lunes!!"));

        CampaignId fits = campaign(
                "good", TemplateMessage.of(InlineTemplate.of("Hola {{1}}, pague hoy."), Binding.contactName("c")));
        assertThat(scenario.launch(fits, Fixtures.contacts(0, 1)).state()).isEqualTo(CampaignState.ACTIVE);
    }

    private CampaignId campaign(String sender, TemplateMessage message) {
        return scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(config -> config.channel("picky", sender).message(message)));
    }

    /** A channel that takes only sender {@code good}, lower-case template names, and 30 characters a message. */
    static final class PickyChannel implements ChannelAdapter {
        final List<MessagePlan> plans = new ArrayList<>();
        final List<OutboundMessage> sent = new ArrayList<>();

        @Override
        public String id() {
            return "picky";
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.custom()
                    .templates(true)
                    .freeFormText(true)
                    .maxMessagesPerSecond(10)
                    .maxBodyLength(30)
                    .build();
        }

        @Override
        public List<PreflightProblem> preflight(MessagePlan plan) {
            plans.add(plan);
            List<PreflightProblem> problems = new ArrayList<>();
            if (!plan.senderId().equals("good")) {
                problems.add(new PreflightProblem(
                        PreflightProblem.SENDER, "sender '" + plan.senderId() + "' is not 'good'"));
            }
            if (plan.message() instanceof TemplateContent template
                    && !template.name().equals(template.name().toLowerCase())) {
                problems.add(
                        new PreflightProblem(PreflightProblem.TEMPLATE_NAME, "'" + template.name() + "' has capitals"));
            }
            return problems;
        }

        @Override
        public synchronized CompletionStage<SendReceipt> send(OutboundMessage message) {
            sent.add(message);
            return CompletableFuture.completedFuture(new SendReceipt("picky-" + sent.size(), java.time.Instant.EPOCH));
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return WebhookResult.badRequest("no webhooks here");
        }
    }
}
