package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.RecordedSend;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.ContactCondition;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.ChannelMetrics;
import io.campaignkit.core.engine.RecipientReport;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Several channels per campaign: each contact on the first binding that can reach it; a "not on this
 * channel" answer or no delivery in time falls back to the next binding once; opt-outs and replies
 * across the campaign's channels.
 */
class MultiChannelScenarioTest {

    static final String SMS = "sim-sms";
    static final SenderKey SMS_SENDER = SenderKey.of(SMS, "+15550001111");
    static final SenderKey WHATSAPP_SENDER = SenderKey.of(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID);
    static final TemplateMessage SMS_TEXT =
            TemplateMessage.of(InlineTemplate.of("Hola {{1}}, te escribimos por SMS"), Binding.contactName("cliente"));
    static final SendFailure NOT_ON_WHATSAPP = SendFailure.notOnChannel("131026", "Message undeliverable");

    private final RecordingBot bot = new RecordingBot();
    private CampaignScenario scenario = scenario(b -> {});

    private CampaignScenario scenario(Consumer<CampaignScenario.Builder> more) {
        CampaignScenario.Builder builder =
                CampaignScenario.custom().bot(Fixtures.BOT, bot).moreChannel(SMS);
        more.accept(builder);
        return builder.build();
    }

    /** The basic campaign on the scenario's channel, then SMS. */
    private static Consumer<CampaignConfiguration.Builder> whatsAppThenSms() {
        return Fixtures.basic().andThen(config -> config.addChannel(ChannelBinding.of(SMS_SENDER, SMS_TEXT)));
    }

    private CampaignId launch(Consumer<CampaignConfiguration.Builder> configuration, List<Contact> contacts) {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, configuration);
        scenario.launch(id, contacts);
        return id;
    }

    private Recipient recipient(CampaignId id, int i) {
        return scenario.recipient(id, Fixtures.phone(i));
    }

    private List<RecordedSend> whatsAppSends(int i) {
        return scenario.channel().sendsTo(Fixtures.phone(i));
    }

    private List<RecordedSend> smsSends(int i) {
        return scenario.channel(SMS).sendsTo(Fixtures.phone(i));
    }

    @Nested
    class FirstBindingThatReaches {

        @Test
        void aContactIsSentOnTheFirstBindingWhoseConditionItMeets() {
            Contact bySms = Contact.builder(PhoneNumber.parse(Fixtures.phone(0)))
                    .name("Ana")
                    .valuedTag("CANAL", "sms")
                    .build();
            CampaignId id = launch(
                    Fixtures.basic()
                            .andThen(config -> config.channels(List.of(
                                    ChannelBinding.of(SMS_SENDER, SMS_TEXT)
                                            .onlyFor(ContactCondition.parse("CANAL=SMS")),
                                    ChannelBinding.of(
                                            SenderKey.of(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID),
                                            Fixtures.HELLO)))),
                    List.of(bySms, Fixtures.contact(1)));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).binding()).isZero();
            assertThat(smsSends(0)).hasSize(1);
            assertThat(smsSends(0).get(0).message().senderId()).isEqualTo(SMS_SENDER.senderId());
            assertThat(whatsAppSends(0)).isEmpty();
            assertThat(recipient(id, 1).binding()).isEqualTo(1);
            assertThat(whatsAppSends(1)).hasSize(1);
            assertThat(smsSends(1)).isEmpty();
            assertThat(scenario.metrics(id).delivered()).isEqualTo(2);
        }

        @Test
        void aContactNoBindingMayReachIsSkippedWithNoChannel() {
            CampaignId id = launch(
                    Fixtures.basic()
                            .andThen(config -> config.channelCondition(ContactCondition.hasFlag("whatsapp"))
                                    .addChannel(ChannelBinding.of(SMS_SENDER, SMS_TEXT)
                                            .onlyFor(ContactCondition.hasFlag("sms")))),
                    Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(recipient(id, 0).outcome().orElseThrow().code()).isEqualTo(SkipReasons.NO_CHANNEL);
            assertThat(scenario.channel().sends()).isEmpty();
            assertThat(scenario.channel(SMS).sends()).isEmpty();
        }

        @Test
        void theDryRunCountsTheContactsEachChannelWouldReach() {
            Contact bySms = Contact.builder(PhoneNumber.parse(Fixtures.phone(0)))
                    .name("Ana")
                    .tag("sms")
                    .build();
            CampaignId id = scenario.createCampaign(
                    CampaignKind.LIVE,
                    Fixtures.basic()
                            .andThen(config -> config.channels(List.of(
                                    ChannelBinding.of(SMS_SENDER, SMS_TEXT).onlyFor(ContactCondition.hasFlag("sms")),
                                    ChannelBinding.of(WHATSAPP_SENDER, Fixtures.HELLO)
                                            .onlyFor(ContactCondition.hasFlag("all"))))));
            Contact untagged = Contact.builder(PhoneNumber.parse(Fixtures.phone(9)))
                    .name("Sin canal")
                    .build();

            io.campaignkit.core.engine.CampaignPlan plan = scenario.engine()
                    .plan(
                            id,
                            io.campaignkit.core.engine.LaunchRequest.importedContacts(
                                    List.of(bySms, Fixtures.contact(1), Fixtures.contact(2), untagged)));

            assertThat(plan.perChannel())
                    .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(SMS, 1L, CampaignScenario.CHANNEL_ID, 2L));
            assertThat(plan.skipped()).containsEntry(SkipReasons.NO_CHANNEL, 1L);
            assertThat(scenario.channel().sends()).isEmpty();
        }

        @Test
        void aSingleChannelCampaignListsItsOneBinding() {
            CampaignId id = launch(Fixtures.basic(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(scenario.campaign(id).configuration().channels()).hasSize(1);
            assertThat(recipient(id, 0).binding()).isZero();
            assertThat(recipient(id, 0).earlierAttempts()).isEmpty();
        }
    }

    @Nested
    class FallbackOnNotOnChannel {

        @Test
        void theSendAnsweredNotOnChannelFallsBackToSmsOnce() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 2));
            scenario.runFor(Duration.ofMinutes(1));

            Recipient fellBack = recipient(id, 0);
            assertThat(whatsAppSends(0)).hasSize(1);
            assertThat(smsSends(0)).hasSize(1);
            assertThat(smsSends(0).get(0).message().senderId()).isEqualTo(SMS_SENDER.senderId());
            assertThat(fellBack.binding()).isEqualTo(1);
            assertThat(fellBack.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(fellBack.earlierAttempts()).singleElement().satisfies(attempt -> {
                assertThat(attempt.binding()).isZero();
                assertThat(attempt.outcome().providerCode()).contains("131026");
                assertThat(attempt.providerMessageId()).isEmpty();
            });
            assertThat(whatsAppSends(1)).hasSize(1);
            assertThat(smsSends(1)).isEmpty();
            // one contact, counted once however many channels it took
            assertThat(scenario.metrics(id).sent()).isEqualTo(2);
            assertThat(scenario.metrics(id).delivered()).isEqualTo(2);
            assertThat(scenario.metrics(id).audience()).isEqualTo(2);
        }

        @Test
        void aFailedStatusSayingNotOnChannelFallsBackToo() {
            scenario.channel()
                    .scriptNumber(
                            Fixtures.phone(0), Outcome.accepted().failsAfter(Duration.ofSeconds(5), NOT_ON_WHATSAPP));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            Recipient fellBack = recipient(id, 0);
            assertThat(smsSends(0)).hasSize(1);
            assertThat(fellBack.binding()).isEqualTo(1);
            assertThat(fellBack.state()).isEqualTo(DeliveryState.DELIVERED);
            ChannelAttempt first = fellBack.earlierAttempts().get(0);
            assertThat(first.providerMessageId())
                    .isEqualTo(whatsAppSends(0).get(0).providerMessageId());
            assertThat(first.sentAt()).isPresent();
            assertThat(fellBack.providerMessageId())
                    .isEqualTo(smsSends(0).get(0).providerMessageId());
        }

        @Test
        void aNotOnChannelStatusAfterTheCampaignIsDoneSendingFailsTheRecipient() {
            scenario.channel()
                    .scriptNumber(
                            Fixtures.phone(0), Outcome.accepted().failsAfter(Duration.ofMinutes(20), NOT_ON_WHATSAPP));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofHours(1));

            assertThat(scenario.campaign(id).dispatch().orElseThrow().getClass().getSimpleName())
                    .isEqualTo("Done");
            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.FAILED);
            assertThat(smsSends(0)).isEmpty();
        }

        @Test
        void aCrashBetweenTheFallbackDecisionAndItsSendNeitherLosesNorRepeatsIt() {
            scenario.channel()
                    .scriptNumber(
                            Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP).answeredAfter(Duration.ofSeconds(10)));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofSeconds(1));
            // the answer comes and the fallback is decided; the engine that decided it runs no more
            scenario.clock().advance(Duration.ofSeconds(10));
            scenario.channel().deliverDueEvents();
            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.PENDING);
            assertThat(recipient(id, 0).binding()).isEqualTo(1);
            assertThat(smsSends(0)).isEmpty();

            io.campaignkit.core.engine.CampaignEngine survivor = io.campaignkit.core.engine.CampaignEngine.builder()
                    .store(scenario.store())
                    .channel(scenario.channel())
                    .channel(scenario.channel(SMS))
                    .botFlows(Fixtures.bots())
                    .clock(scenario.clock())
                    .ownerId("survivor")
                    .callbackExecutor(Runnable::run)
                    .build();
            survivor.runDue();
            assertThat(smsSends(0)).hasSize(1);

            scenario.runFor(Duration.ofMinutes(1));
            survivor.runDue();
            assertThat(smsSends(0)).as("sent once, by the survivor").hasSize(1);
            assertThat(whatsAppSends(0)).hasSize(1);
            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.DELIVERED);
        }

        @Test
        void anotherPermanentFailureDoesNotFallBack() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.FAILED);
            assertThat(smsSends(0)).isEmpty();
        }

        @Test
        void notOnTheLastChannelFails() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
            scenario.channel(SMS)
                    .scriptNumber(
                            Fixtures.phone(0),
                            Outcome.failing(SendFailure.notOnChannel("63024", "not a valid WhatsApp user")));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            Recipient failed = recipient(id, 0);
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.binding()).isEqualTo(1);
            assertThat(failed.outcome().orElseThrow().providerCode()).contains("63024");
            assertThat(whatsAppSends(0)).hasSize(1);
            assertThat(smsSends(0)).hasSize(1);
            assertThat(scenario.metrics(id).failed()).isEqualTo(1);
        }

        @Test
        void metricsPerChannelCountEachOutcomeOnTheChannelThatReachedTheContact() {
            // 0: not on WhatsApp, and its SMS fails; 1: delivered on WhatsApp, then replies; 2: accepted only
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
            scenario.channel(SMS)
                    .scriptNumber(
                            Fixtures.phone(0),
                            Outcome.failing(SendFailure.notOnChannel("63024", "not a valid WhatsApp user")));
            scenario.channel().scriptNumber(Fixtures.phone(2), Outcome.accepted());
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 3));
            scenario.runFor(Duration.ofMinutes(1));
            scenario.inbound(Fixtures.phone(1), "hola");

            assertThat(recipient(id, 1).state()).isEqualTo(DeliveryState.REPLIED);
            List<ChannelMetrics> byChannel = scenario.engine().metricsByChannel(id);
            // a reply counts as read too: the contact saw the message
            assertThat(byChannel.get(0)).isEqualTo(new ChannelMetrics(0, WHATSAPP_SENDER, 2, 2, 1, 1, 1, 0, 1));
            assertThat(byChannel.get(1)).isEqualTo(new ChannelMetrics(1, SMS_SENDER, 1, 0, 0, 0, 0, 1, 0));
        }

        @Test
        void metricsPerChannelAddUpToTheTotalsAndTheExportNamesTheChannelThatReachedEachContact() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 3));
            scenario.runFor(Duration.ofMinutes(1));

            List<ChannelMetrics> byChannel = scenario.engine().metricsByChannel(id);
            assertThat(byChannel).extracting(ChannelMetrics::sender).containsExactly(WHATSAPP_SENDER, SMS_SENDER);
            assertThat(byChannel).extracting(ChannelMetrics::recipients).containsExactly(2L, 1L);
            assertThat(byChannel).extracting(ChannelMetrics::delivered).containsExactly(2L, 1L);
            assertThat(byChannel).extracting(ChannelMetrics::fellBack).containsExactly(1L, 0L);
            assertThat(byChannel.stream().mapToLong(ChannelMetrics::delivered).sum())
                    .isEqualTo(scenario.metrics(id).delivered());
            RecipientReport line = scenario.engine().export(id, -1, 10).get(0);
            assertThat(line.channel()).contains(SMS_SENDER);
            assertThat(line.earlierChannels()).containsExactly(WHATSAPP_SENDER);
            assertThat(scenario.engine().export(id, -1, 10).get(1).channel()).contains(WHATSAPP_SENDER);
        }

        @Test
        void aFallbackSkipsABindingLimitedToOtherContacts() {
            SenderKey third = SenderKey.of(SMS, "+15550002222");
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
            CampaignId id = launch(
                    Fixtures.basic()
                            .andThen(config -> config.addChannel(ChannelBinding.of(SMS_SENDER, SMS_TEXT)
                                            .onlyFor(ContactCondition.hasFlag("vip")))
                                    .addChannel(ChannelBinding.of(third, SMS_TEXT))),
                    Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).binding()).isEqualTo(2);
            assertThat(smsSends(0))
                    .singleElement()
                    .satisfies(send -> assertThat(send.message().senderId()).isEqualTo(third.senderId()));
        }
    }

    @Nested
    class TimedFallback {

        @Test
        void aMessageNotDeliveredInTimeIsFollowedByTheNextChannelsOnce() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.accepted()); // sent, never delivered
            CampaignId id = launch(
                    whatsAppThenSms().andThen(config -> config.fallbackAfter(Duration.ofMinutes(10))),
                    Fixtures.contacts(0, 2));
            scenario.runFor(Duration.ofMinutes(9));
            assertThat(smsSends(0)).isEmpty();

            scenario.runFor(Duration.ofMinutes(2));
            assertThat(smsSends(0)).hasSize(1);
            assertThat(recipient(id, 0).binding()).isEqualTo(1);
            assertThat(recipient(id, 0).earlierAttempts().get(0).outcome().code())
                    .isEqualTo(SkipReasons.NOT_DELIVERED_IN_TIME);
            assertThat(smsSends(1)).isEmpty(); // delivered on WhatsApp in time

            scenario.runFor(Duration.ofHours(1));
            assertThat(smsSends(0)).hasSize(1);
            assertThat(scenario.metrics(id).sent()).isEqualTo(2);
        }

        @Test
        void withoutFallbackAfterAnUndeliveredMessageStaysOnItsChannel() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.accepted());
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofHours(2));

            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.SENT);
            assertThat(smsSends(0)).isEmpty();
        }

        @Test
        void theCampaignIsDoneSendingOnlyAfterItsLastFallbackWindow() {
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.accepted());
            CampaignId id = launch(
                    whatsAppThenSms().andThen(config -> config.fallbackAfter(Duration.ofMinutes(10))),
                    Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(5));
            assertThat(scenario.campaign(id).dispatch().orElseThrow().getClass().getSimpleName())
                    .isEqualTo("Sending");

            scenario.runFor(Duration.ofMinutes(10));
            assertThat(smsSends(0)).hasSize(1);
            assertThat(scenario.campaign(id).dispatch().orElseThrow().getClass().getSimpleName())
                    .isEqualTo("Done");
        }
    }

    @Nested
    class AcrossChannels {

        @Test
        void anOptOutOnSmsKeepsWhatsAppFromTheContactWhenTheTenantSaysSo() {
            scenario = scenario(b -> b.engine(engine -> engine.optOutsAcrossChannels(tenant -> true)));
            scenario.store()
                    .suppress(new Suppression(
                            Optional.of(SMS_SENDER),
                            PhoneNumber.parse(Fixtures.phone(0)),
                            Suppression.CHANNEL_OPT_OUT,
                            scenario.clock().instant()));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 2));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(recipient(id, 0).outcome().orElseThrow().code()).isEqualTo(SkipReasons.OPTED_OUT);
            assertThat(whatsAppSends(0)).isEmpty();
            assertThat(whatsAppSends(1)).hasSize(1);
        }

        @Test
        void byDefaultAnOptOutHoldsOnItsOwnSender() {
            scenario.store()
                    .suppress(new Suppression(
                            Optional.of(SMS_SENDER),
                            PhoneNumber.parse(Fixtures.phone(0)),
                            Suppression.CHANNEL_OPT_OUT,
                            scenario.clock().instant()));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(whatsAppSends(0)).hasSize(1);
        }

        @Test
        void anOptOutOnWhatsAppSinceLaunchKeepsTheSmsFallbackFromBeingSentWhenTheTenantSaysSo() {
            scenario = scenario(b -> b.engine(engine -> engine.optOutsAcrossChannels(tenant -> true)));
            scenario.channel()
                    .scriptNumber(
                            Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP).answeredAfter(Duration.ofSeconds(30)));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofSeconds(1));
            scenario.store()
                    .suppress(new Suppression(
                            Optional.of(SenderKey.of(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID)),
                            PhoneNumber.parse(Fixtures.phone(0)),
                            Suppression.CHANNEL_OPT_OUT,
                            scenario.clock().instant()));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(smsSends(0)).isEmpty();
        }

        @Test
        void aContactEngagedElsewhereOnTheFallbackSenderIsSkipped() {
            CampaignId other = scenario.createCampaign(
                    CampaignKind.LIVE,
                    Fixtures.basic()
                            .andThen(config -> config.channel(SMS_SENDER).message(SMS_TEXT)));
            scenario.launch(other, Fixtures.contacts(0, 1));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 2));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(recipient(id, 0).outcome().orElseThrow().code())
                    .isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(recipient(id, 1).state()).isEqualTo(DeliveryState.DELIVERED);
        }

        @Test
        void aReplyOnTheFallbackChannelReachesTheCampaignsConversationAndIsAnsweredThere() {
            bot.answering((received, reply) -> reply.sendText("gracias"));
            scenario.channel().scriptNumber(Fixtures.phone(0), Outcome.failing(NOT_ON_WHATSAPP));
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));
            scenario.channel(SMS).scheduleInbound(Fixtures.phone(0), SMS_SENDER.senderId(), "hola", Duration.ZERO);
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(scenario.unroutedMessages()).isEmpty();
            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(bot.received()).singleElement().satisfies(received -> {
                assertThat(received.context().campaignId()).isEqualTo(id);
                assertThat(received.context().channel()).isEqualTo(SMS_SENDER);
            });
            assertThat(smsSends(0)).hasSize(2); // the campaign's message, then the bot's answer, both by SMS
            assertThat(whatsAppSends(0)).hasSize(1);
        }

        @Test
        void aReplyOnTheOtherChannelReachesTheSameCampaign() {
            CampaignId id = launch(whatsAppThenSms(), Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofMinutes(1));
            scenario.channel(SMS).scheduleInbound(Fixtures.phone(0), SMS_SENDER.senderId(), "hola", Duration.ZERO);
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(scenario.unroutedMessages()).isEmpty();
            assertThat(recipient(id, 0).state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(bot.received()).hasSize(1);
        }
    }
}
