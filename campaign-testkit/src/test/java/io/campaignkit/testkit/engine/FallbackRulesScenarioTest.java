package io.campaignkit.testkit.engine;

import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.NOT_ON_WHATSAPP;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.SMS;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.SMS_SENDER;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.SMS_TEXT;
import static io.campaignkit.testkit.engine.MultiChannelScenarioTest.WHATSAPP_SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.ContactCondition;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.engine.CampaignEngineBuilder;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.PreflightException;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.time.ManualClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A fallback's send keeps every rule a first send keeps: the host's contact availability (asked for
 * the fallback's sender), the tenant's exclusivity scope (the campaign holds the contact on each of
 * its senders; replies on the fallback's sender find it), the preflight of every channel, the active
 * hours; and a contact counts once in the not-sent figures and in a retargeted audience.
 */
class FallbackRulesScenarioTest {

    private final RecordingBot bot = new RecordingBot();

    private CampaignScenario scenario(Consumer<CampaignEngineBuilder> engine) {
        return CampaignScenario.custom()
                .bot(Fixtures.BOT, bot)
                .moreChannel(SMS)
                .engine(engine)
                .build();
    }

    private static Consumer<CampaignConfiguration.Builder> whatsAppThenSms() {
        return Fixtures.basic().andThen(config -> config.addChannel(ChannelBinding.of(SMS_SENDER, SMS_TEXT)));
    }

    private static CampaignId launch(
            CampaignScenario scenario, Consumer<CampaignConfiguration.Builder> configuration, List<Contact> contacts) {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, configuration);
        scenario.launch(id, contacts);
        return id;
    }

    private static PhoneNumber phone(int i) {
        return PhoneNumber.parse(Fixtures.phone(i));
    }

    @Test
    void theFallbacksSendAsksTheHostAboutTheContactOnTheFallbackSenderAndSkipsItWhenBusy() {
        List<SenderKey> asked = Collections.synchronizedList(new ArrayList<>());
        ContactAvailability busyOnSms = (tenant, sender, phones) -> {
            asked.add(sender);
            return sender.equals(SMS_SENDER) ? Set.copyOf(phones) : Set.of();
        };
        CampaignScenario scenario = scenario(engine -> engine.contactAvailability(busyOnSms));
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
        CampaignId id = launch(scenario, whatsAppThenSms(), Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofMinutes(1));

        Recipient fellBack = scenario.recipient(id, Fixtures.phone(0));
        assertThat(fellBack.binding()).isEqualTo(1);
        assertThat(fellBack.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(fellBack.outcome().orElseThrow().code()).isEqualTo(SkipReasons.CONTACT_BUSY);
        assertThat(scenario.channel(SMS).sendsTo(Fixtures.phone(0))).isEmpty();
        assertThat(scenario.recipient(id, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(asked).contains(WHATSAPP_SENDER, SMS_SENDER);
        // counted once: skipped, not also failed on its first channel
        CampaignMetrics metrics = scenario.metrics(id);
        assertThat(metrics.notSent()).isEqualTo(1);
        assertThat(metrics.failed()).isZero();
    }

    @Test
    void underOneCampaignPerContactTheCampaignHoldsTheContactOnEachOfItsSenders() {
        CampaignScenario scenario =
                scenario(engine -> engine.exclusivity(ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT)));
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
        CampaignId id = launch(scenario, whatsAppThenSms(), Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(scenario.store().engagedCampaign(WHATSAPP_SENDER, phone(0))).contains(id);
        assertThat(scenario.store().engagedCampaign(SMS_SENDER, phone(0))).contains(id);
        CampaignId other = launch(
                scenario,
                Fixtures.basic().andThen(config -> config.channel(SMS_SENDER).message(SMS_TEXT)),
                Fixtures.contacts(0, 1));
        assertThat(scenario.recipient(other, Fixtures.phone(0))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
    }

    @Test
    void withoutExclusivityAReplyOnTheFallbackSenderFindsTheCampaignThatReachedTheContactThere() {
        CampaignScenario scenario =
                scenario(engine -> engine.exclusivity(ExclusivityPolicy.everyTenant(ExclusivityScope.NONE)));
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
        CampaignId id = launch(scenario, whatsAppThenSms(), Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofMinutes(1));
        assertThat(scenario.store().engagedCampaign(SMS_SENDER, phone(0))).isEmpty();

        assertThat(scenario.engine().tenant(CampaignScenario.TENANT).replyCampaign(SMS_SENDER, phone(0)))
                .contains(id);
        scenario.channel(SMS).scheduleInbound(Fixtures.phone(0), SMS_SENDER.senderId(), "hola", Duration.ZERO);
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.unroutedMessages()).isEmpty();
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(bot.received())
                .singleElement()
                .satisfies(received -> assertThat(received.context().channel()).isEqualTo(SMS_SENDER));
    }

    @Test
    void theLaunchIsRefusedWhenALaterChannelWouldRefuseItsMessageAndTheDryRunSaysWhichChannel() {
        PreflightScenarioTest.PickyChannel picky = new PreflightScenarioTest.PickyChannel();
        CampaignScenario scenario = scenario(engine -> engine.channel(picky));
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(config -> config.addChannel(ChannelBinding.of(
                                SenderKey.of("picky", "bad-sender"),
                                TemplateMessage.of(
                                        io.campaignkit.core.template.InlineTemplate.of("Hola, le escribimos."))))));

        CampaignPlan plan = scenario.engine().plan(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 2)));
        assertThatThrownBy(() -> scenario.launch(id, Fixtures.contacts(0, 2)))
                .isInstanceOfSatisfying(PreflightException.class, refused -> {
                    assertThat(refused.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.subject()).isEqualTo(PreflightProblem.SENDER);
                        assertThat(problem.problem()).startsWith("channel 2 (picky bad-sender): ");
                    });
                    assertThat(refused.getMessage()).contains("picky");
                    assertThat(plan.preflight()).isEqualTo(refused.problems());
                });
        assertThat(scenario.campaign(id).state()).isEqualTo(CampaignState.READY);
        assertThat(scenario.store().engagedCampaign(WHATSAPP_SENDER, phone(0))).isEmpty();
        assertThat(scenario.channel().sends()).isEmpty();
    }

    @Test
    void aTimedFallbackDueOutsideTheActiveHoursIsSentWhenTheyOpen() {
        CampaignScenario scenario = scenario(engine -> {});
        ActiveHours nineToTen = ActiveHours.builder(ZoneOffset.UTC)
                .on(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(10, 0))
                .build();
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.accepted()); // never delivered
        CampaignId id = launch(
                scenario,
                whatsAppThenSms()
                        .andThen(config -> config.activeHours(nineToTen).fallbackAfter(Duration.ofMinutes(90))),
                Fixtures.contacts(0, 1));

        Instant nextOpening = ManualClock.DEFAULT_START.plus(Duration.ofDays(1));
        scenario.runUntil(nextOpening.minusSeconds(60));
        assertThat(scenario.channel(SMS).sendsTo(Fixtures.phone(0)))
                .as("due at 10:30, after the hours closed")
                .isEmpty();
        scenario.runUntil(nextOpening.plusSeconds(60));

        assertThat(scenario.channel(SMS).sendsTo(Fixtures.phone(0)))
                .singleElement()
                .satisfies(send -> assertThat(send.requestedAt()).isAfterOrEqualTo(nextOpening));
        assertThat(scenario.recipient(id, Fixtures.phone(0)).binding()).isEqualTo(1);
    }

    @Test
    void aRetargetedAudienceTakesAContactByTheOutcomeOfTheLastChannelItWasTriedOn() {
        CampaignScenario scenario = scenario(engine -> {});
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
        scenario.channel().scriptNumber(Fixtures.phone(1), Outcome.failing(NOT_ON_WHATSAPP));
        scenario.channel(SMS)
                .scriptNumber(
                        Fixtures.phone(1),
                        Outcome.failing(SendFailure.of(
                                SendErrorClass.RECIPIENT_PERMANENT, "30003", "Unreachable destination handset")));
        CampaignId source = launch(scenario, whatsAppThenSms(), Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofMinutes(1));
        CampaignMetrics metrics = scenario.metrics(source);
        assertThat(metrics.notSent())
                .as("the contact SMS reached is sent; the one it failed counts once")
                .isEqualTo(1);
        assertThat(metrics.failed()).isEqualTo(1);
        assertThat(metrics.delivered()).isEqualTo(2);
        scenario.engine().finish(source);

        CampaignId notWhatsApp = scenario.createCampaign(
                CampaignKind.LIVE,
                whatsAppThenSms()
                        .andThen(config -> config.audience(AudienceReference.recipientsOf(
                                source,
                                OutcomeFilter.custom().failed().notDelivered().build()))));
        scenario.engine().launch(notWhatsApp, LaunchRequest.fromDirectory());

        assertThat(scenario.engine().export(notWhatsApp, -1, 10))
                .extracting(line -> line.recipient().phone())
                .containsExactly(phone(1));
    }

    @Test
    void theDryRunAsksAboutBusyContactsForTheirOwnChannelAndCountsThoseHeldOnAnyOfTheCampaignsSenders() {
        AtomicBoolean smsBusy = new AtomicBoolean();
        ContactAvailability busyOnSms =
                (tenant, sender, phones) -> smsBusy.get() && sender.equals(SMS_SENDER) ? Set.copyOf(phones) : Set.of();
        CampaignScenario scenario = scenario(engine -> engine.contactAvailability(busyOnSms));
        CampaignId holder = launch(
                scenario,
                Fixtures.basic().andThen(config -> config.channel(SMS_SENDER).message(SMS_TEXT)),
                Fixtures.contacts(2, 1));
        assertThat(scenario.store().engagedCampaign(SMS_SENDER, phone(2))).contains(holder);
        smsBusy.set(true);
        Contact bySms = Contact.builder(phone(0)).name("Ana").tag("sms").build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE,
                Fixtures.basic()
                        .andThen(config -> config.channels(List.of(
                                ChannelBinding.of(SMS_SENDER, SMS_TEXT).onlyFor(ContactCondition.hasFlag("sms")),
                                ChannelBinding.of(WHATSAPP_SENDER, Fixtures.HELLO)))));

        CampaignPlan plan = scenario.engine()
                .plan(id, LaunchRequest.importedContacts(List.of(bySms, Fixtures.contact(1), Fixtures.contact(2))));

        assertThat(plan.skipped())
                .containsEntry(SkipReasons.CONTACT_BUSY, 1L)
                .containsEntry(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN, 1L);
        assertThat(plan.wouldSend()).isEqualTo(1);
        assertThat(plan.perChannel()).containsExactly(java.util.Map.entry(CampaignScenario.CHANNEL_ID, 1L));
    }

    @Test
    void aReplyInAConversationAFallbackOpenedTakesItsPermitFromTheFallbacksSender() {
        List<SenderKey> replyPermits = Collections.synchronizedList(new ArrayList<>());
        PacingStore inProcess = PacingStore.inProcess();
        PacingStore recording = new PacingStore() {
            @Override
            public int tryAcquire(SendLimits limits, int permits, Instant now) {
                if (limits.isSenderOnly()) {
                    replyPermits.add(limits.sender());
                }
                return inProcess.tryAcquire(limits, permits, now);
            }

            @Override
            public int availablePermits(SendLimits limits, Instant now) {
                return inProcess.availablePermits(limits, now);
            }

            @Override
            public Instant nextPermitAt(SendLimits limits, Instant now) {
                return inProcess.nextPermitAt(limits, now);
            }

            @Override
            public void holdSender(SendLimits limits, Instant until) {
                inProcess.holdSender(limits, until);
            }
        };
        CampaignScenario scenario = scenario(engine -> engine.pacingStore(recording));
        bot.answering((received, reply) -> reply.sendText("gracias"));
        scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
        launch(scenario, whatsAppThenSms(), Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofMinutes(1));
        scenario.channel(SMS).scheduleInbound(Fixtures.phone(0), SMS_SENDER.senderId(), "hola", Duration.ZERO);
        scenario.inbound(Fixtures.phone(1), "hola");
        scenario.runFor(Duration.ofMinutes(1));

        assertThat(scenario.unroutedMessages()).isEmpty();
        assertThat(bot.received()).hasSize(2);
        assertThat(scenario.channel(SMS).sendsTo(Fixtures.phone(0))).hasSize(2);
        assertThat(replyPermits).containsExactlyInAnyOrder(SMS_SENDER, WHATSAPP_SENDER);
    }
}
