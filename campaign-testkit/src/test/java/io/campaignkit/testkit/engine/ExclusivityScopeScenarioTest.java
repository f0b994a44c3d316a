package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The exclusivity scope, a tenant policy (issue 15, item 5): one active campaign per contact and
 * sender (the default), per contact across the tenant's senders, or none (replies then go to the
 * campaign that most recently messaged the contact).
 */
class ExclusivityScopeScenarioTest {

    private static final String SENDER_2 = "sender-2";
    private static final String OTHER_TENANT = "tenant-2";

    private final RecordingBot bot = new RecordingBot();

    private CampaignScenario scenario(ExclusivityPolicy policy) {
        return CampaignScenario.custom()
                .bot(Fixtures.BOT, bot)
                .engine(engine -> engine.exclusivity(policy))
                .build();
    }

    private static CampaignId onSender(CampaignScenario scenario, String senderId) {
        return scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, senderId)));
    }

    private static SenderKey sender(String senderId) {
        return SenderKey.of(CampaignScenario.CHANNEL_ID, senderId);
    }

    private static String reason(CampaignScenario scenario, CampaignId id, int contact) {
        return scenario.recipient(id, Fixtures.phone(contact))
                .outcome()
                .map(o -> o.code())
                .orElse("none");
    }

    @Nested
    class PerSender {

        @Test
        void isTheDefaultAndLetsOneContactBeInOneCampaignPerSender() {
            CampaignScenario scenario = Fixtures.scenario().build(); // no policy given
            CampaignId first = onSender(scenario, CampaignScenario.SENDER_ID);
            CampaignId sameSender = onSender(scenario, CampaignScenario.SENDER_ID);
            CampaignId otherSender = onSender(scenario, SENDER_2);
            scenario.launch(first, Fixtures.contacts(0, 2));
            scenario.launch(sameSender, Fixtures.contacts(1, 2));
            scenario.launch(otherSender, Fixtures.contacts(1, 2));
            scenario.runFor(Duration.ofSeconds(5));

            assertThat(reason(scenario, sameSender, 1)).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(scenario.recipient(otherSender, Fixtures.phone(1)).state())
                    .isEqualTo(DeliveryState.DELIVERED);
            assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).hasSize(2);
        }
    }

    @Nested
    class PerContact {

        private final CampaignScenario scenario = scenario(ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT));

        @Test
        void aContactIsInOneActiveCampaignAcrossTheTenantsSenders() {
            CampaignId first = onSender(scenario, CampaignScenario.SENDER_ID);
            CampaignId second = onSender(scenario, SENDER_2);
            scenario.launch(first, Fixtures.contacts(0, 3));
            scenario.launch(second, Fixtures.contacts(1, 3));
            scenario.runFor(Duration.ofSeconds(5));

            assertThat(reason(scenario, second, 1)).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(reason(scenario, second, 2)).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(scenario.recipient(second, Fixtures.phone(1))
                            .outcome()
                            .orElseThrow()
                            .message())
                    .isEqualTo(Fixtures.phone(1) + " is engaged in active campaign " + first.value() + " of tenant "
                            + CampaignScenario.TENANT + " (one active campaign per contact)");
            assertThat(scenario.recipient(second, Fixtures.phone(3)).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).hasSize(1);
        }

        @Test
        void repliesGoToTheCampaignHoldingTheContactAndFinishingFreesItEverywhere() {
            CampaignId first = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(first, Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofSeconds(5));
            scenario.inbound(Fixtures.phone(0), CampaignScenario.SENDER_ID, "hola");
            assertThat(scenario.recipient(first, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(scenario.engine()
                            .tenant(CampaignScenario.TENANT)
                            .replyCampaign(sender(CampaignScenario.SENDER_ID), PhoneNumber.parse(Fixtures.phone(0))))
                    .contains(first);

            scenario.engine().finish(first);
            CampaignId next = onSender(scenario, SENDER_2);
            scenario.launch(next, Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofSeconds(5));
            assertThat(scenario.recipient(next, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
        }

        @Test
        void theDryRunCountsContactsHeldOnAnotherSender() {
            CampaignId first = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(first, Fixtures.contacts(0, 2));
            CampaignId second = onSender(scenario, SENDER_2);
            CampaignPlan plan = scenario.engine().plan(second, LaunchRequest.importedContacts(Fixtures.contacts(0, 4)));
            assertThat(plan.skipped()).isEqualTo(Map.of(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN, 2L));
            assertThat(plan.wouldSend()).isEqualTo(2);
        }

        @Test
        void theScopeIsPerTenant() {
            CampaignScenario mixed = scenario(tenant -> tenant.equals(CampaignScenario.TENANT)
                    ? ExclusivityScope.PER_CONTACT
                    : ExclusivityScope.PER_SENDER);
            CampaignId first = onSender(mixed, CampaignScenario.SENDER_ID);
            CampaignId second = onSender(mixed, SENDER_2);
            CampaignId otherTenantsFirst = otherTenant(mixed, "o-1", "sender-3");
            CampaignId otherTenantsSecond = otherTenant(mixed, "o-2", "sender-4");
            mixed.launch(first, Fixtures.contacts(0, 1));
            mixed.launch(second, Fixtures.contacts(0, 1));
            mixed.launch(otherTenantsFirst, Fixtures.contacts(0, 1));
            mixed.launch(otherTenantsSecond, Fixtures.contacts(0, 1));
            mixed.runFor(Duration.ofSeconds(5));

            assertThat(reason(mixed, second, 0))
                    .as("PER_CONTACT tenant")
                    .isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(mixed.recipient(otherTenantsFirst, Fixtures.phone(0)).state())
                    .as("another tenant's campaigns")
                    .isEqualTo(DeliveryState.DELIVERED);
            assertThat(mixed.recipient(otherTenantsSecond, Fixtures.phone(0)).state())
                    .as("PER_SENDER tenant, another sender")
                    .isEqualTo(DeliveryState.DELIVERED);
        }

        private CampaignId otherTenant(CampaignScenario on, String id, String senderId) {
            CampaignConfiguration.Builder config =
                    CampaignConfiguration.custom().channel(CampaignScenario.CHANNEL_ID, senderId);
            Fixtures.basic().accept(config);
            on.engine().create(CampaignId.of(id), OTHER_TENANT, "p", CampaignKind.LIVE, config.build());
            return CampaignId.of(id);
        }
    }

    /** A tenant that changes its scope while campaigns launched under the other one are active. */
    @Nested
    class AcrossScopes {

        private volatile ExclusivityScope now = ExclusivityScope.PER_SENDER;
        private final CampaignScenario scenario = scenario(tenant -> now);

        @Test
        void aPerContactCampaignLeavesAContactThatACampaignOnAnotherSenderHolds() {
            CampaignId perSender = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(perSender, Fixtures.contacts(0, 2));
            now = ExclusivityScope.PER_CONTACT;
            CampaignId perContact = onSender(scenario, SENDER_2);
            scenario.launch(perContact, Fixtures.contacts(1, 2));
            scenario.runFor(Duration.ofSeconds(5));

            assertThat(reason(scenario, perContact, 1)).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(scenario.recipient(perContact, Fixtures.phone(1))
                            .outcome()
                            .orElseThrow()
                            .message())
                    .isEqualTo(Fixtures.phone(1) + " is engaged in active campaign " + perSender.value() + " on "
                            + CampaignScenario.SENDER_ID + " of tenant " + CampaignScenario.TENANT
                            + " (one active campaign per contact)");
            assertThat(scenario.recipient(perContact, Fixtures.phone(2)).state())
                    .isEqualTo(DeliveryState.DELIVERED);
            assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).hasSize(1);
        }

        @Test
        void aPerSenderCampaignLeavesAContactThatAPerContactCampaignHolds() {
            now = ExclusivityScope.PER_CONTACT;
            CampaignId perContact = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(perContact, Fixtures.contacts(0, 2));
            now = ExclusivityScope.PER_SENDER;
            CampaignId perSender = onSender(scenario, SENDER_2);
            scenario.launch(perSender, Fixtures.contacts(1, 2));
            scenario.runFor(Duration.ofSeconds(5));

            assertThat(reason(scenario, perSender, 1)).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
            assertThat(scenario.recipient(perSender, Fixtures.phone(1))
                            .outcome()
                            .orElseThrow()
                            .message())
                    .isEqualTo(Fixtures.phone(1) + " is engaged in active campaign " + perContact.value()
                            + " of tenant " + CampaignScenario.TENANT + " (one active campaign per contact)");
            assertThat(scenario.recipient(perSender, Fixtures.phone(2)).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).hasSize(1);
        }

        @Test
        void theDryRunOfAPerContactCampaignCountsTheContactsACampaignOnAnotherSenderHoldsAsTheLaunchSkipsThem() {
            CampaignId perSender = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(perSender, Fixtures.contacts(0, 2));
            now = ExclusivityScope.PER_CONTACT;
            CampaignId perContact = onSender(scenario, SENDER_2);

            CampaignPlan plan =
                    scenario.engine().plan(perContact, LaunchRequest.importedContacts(Fixtures.contacts(1, 3)));
            scenario.launch(perContact, Fixtures.contacts(1, 3));

            assertThat(plan.skipped()).isEqualTo(Map.of(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN, 1L));
            assertThat(plan.skipped()).isEqualTo(skippedAtLaunch(perContact, 1, 3));
            assertThat(plan.wouldSend()).isEqualTo(2);
        }

        @Test
        void theDryRunOfAPerSenderCampaignCountsTheContactsAPerContactCampaignHoldsAsTheLaunchSkipsThem() {
            now = ExclusivityScope.PER_CONTACT;
            CampaignId perContact = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(perContact, Fixtures.contacts(0, 2));
            now = ExclusivityScope.PER_SENDER;
            CampaignId perSender = onSender(scenario, SENDER_2);

            CampaignPlan plan =
                    scenario.engine().plan(perSender, LaunchRequest.importedContacts(Fixtures.contacts(1, 3)));
            scenario.launch(perSender, Fixtures.contacts(1, 3));

            assertThat(plan.skipped()).isEqualTo(Map.of(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN, 1L));
            assertThat(plan.skipped()).isEqualTo(skippedAtLaunch(perSender, 1, 3));
            assertThat(plan.wouldSend()).isEqualTo(2);
        }

        /** The launch's skips among contacts {@code from} to {@code from + count - 1}, by reason code. */
        private Map<String, Long> skippedAtLaunch(CampaignId id, int from, int count) {
            Map<String, Long> skipped = new java.util.TreeMap<>();
            for (int i = from; i < from + count; i++) {
                if (scenario.recipient(id, Fixtures.phone(i)).state() == DeliveryState.SKIPPED) {
                    skipped.merge(reason(scenario, id, i), 1L, Long::sum);
                }
            }
            return skipped;
        }

        @Test
        void perSenderCampaignsOnTwoSendersStillShareAContactAndFinishingFreesIt() {
            CampaignId first = onSender(scenario, CampaignScenario.SENDER_ID);
            CampaignId second = onSender(scenario, SENDER_2);
            scenario.launch(first, Fixtures.contacts(0, 1));
            scenario.launch(second, Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofSeconds(5));
            assertThat(scenario.channel().sendsTo(Fixtures.phone(0))).hasSize(2);

            scenario.engine().finish(first);
            scenario.engine().finish(second);
            scenario.runFor(Duration.ofSeconds(5));
            now = ExclusivityScope.PER_CONTACT;
            CampaignId next = onSender(scenario, "sender-3");
            scenario.launch(next, Fixtures.contacts(0, 1));
            scenario.runFor(Duration.ofSeconds(5));
            assertThat(scenario.recipient(next, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
        }
    }

    @Nested
    class NoExclusivity {

        private final CampaignScenario scenario = scenario(ExclusivityPolicy.everyTenant(ExclusivityScope.NONE));
        private final PhoneNumber contact = PhoneNumber.parse(Fixtures.phone(1));

        private Optional<CampaignId> replyCampaign() {
            return scenario.engine()
                    .tenant(CampaignScenario.TENANT)
                    .replyCampaign(sender(CampaignScenario.SENDER_ID), contact);
        }

        @Test
        void aContactMayBeInSeveralCampaignsOnOneSenderAndRepliesGoToTheLastThatMessagedIt() {
            CampaignId older = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(older, Fixtures.contacts(0, 2));
            scenario.runFor(Duration.ofHours(1));
            CampaignId newer = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(newer, Fixtures.contacts(1, 2));
            scenario.runFor(Duration.ofSeconds(5));
            assertThat(scenario.channel().sendsTo(contact.e164()))
                    .as("both campaigns messaged it")
                    .hasSize(2);
            assertThat(scenario.metrics(newer).skipped()).isZero();

            scenario.inbound(contact.e164(), "hola");

            assertThat(scenario.recipient(newer, contact.e164()).state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(scenario.recipient(older, contact.e164()).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(bot.received())
                    .extracting(received -> received.context().campaignId())
                    .containsExactly(newer);
        }

        @Test
        void aReplyQuotingAnOlderCampaignsMessageGoesToThatCampaign() {
            CampaignId older = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(older, Fixtures.contacts(1, 1));
            scenario.runFor(Duration.ofMinutes(10));
            CampaignId newer = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(newer, Fixtures.contacts(1, 1));
            scenario.runFor(Duration.ofMinutes(1));
            String olderMessage = scenario.recipient(older, contact.e164())
                    .providerMessageId()
                    .orElseThrow();

            // the contact taps a button of the older campaign's template: the channel names that message
            scenario.deliver(io.campaignkit.channel.event.InboundMessage.builder(
                            "wamid.quoted-1",
                            contact.e164(),
                            CampaignScenario.SENDER_ID,
                            scenario.clock().instant())
                    .text("Sí, pagar")
                    .replyToProviderMessageId(olderMessage)
                    .build());

            assertThat(scenario.recipient(older, contact.e164()).state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(scenario.recipient(newer, contact.e164()).state()).isNotEqualTo(DeliveryState.REPLIED);
            assertThat(bot.received())
                    .extracting(received -> received.context().campaignId())
                    .containsExactly(older);
        }

        @Test
        void aCampaignThatHasNotMessagedTheContactYetDoesNotTakeItsReplies() {
            CampaignId sent = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(sent, Fixtures.contacts(1, 1));
            scenario.runFor(Duration.ofMinutes(1));
            CampaignId startsTomorrow = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.engine()
                    .launch(
                            startsTomorrow,
                            LaunchRequest.importedContacts(Fixtures.contacts(1, 1))
                                    .startAt(scenario.clock().instant().plus(Duration.ofDays(1))));
            scenario.runFor(Duration.ofMinutes(1));

            assertThat(replyCampaign()).contains(sent);
            scenario.inbound(contact.e164(), "hola");
            assertThat(bot.received())
                    .extracting(received -> received.context().campaignId())
                    .containsExactly(sent);
        }

        @Test
        void whenTheLastCampaignFinishesRepliesGoToTheOneBefore() {
            CampaignId older = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(older, Fixtures.contacts(1, 1));
            scenario.runFor(Duration.ofMinutes(10));
            CampaignId newer = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(newer, Fixtures.contacts(1, 1));
            scenario.runFor(Duration.ofMinutes(1));
            assertThat(replyCampaign()).contains(newer);

            scenario.engine().finish(newer);

            assertThat(replyCampaign()).contains(older);
            scenario.inbound(contact.e164(), "hola");
            assertThat(scenario.recipient(older, contact.e164()).state()).isEqualTo(DeliveryState.REPLIED);
        }

        @Test
        void aContactOnlyPendingInACampaignStillRepliesToIt() {
            CampaignId waiting = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.engine()
                    .launch(
                            waiting,
                            LaunchRequest.importedContacts(Fixtures.contacts(1, 1))
                                    .startAt(scenario.clock().instant().plus(Duration.ofDays(1))));
            assertThat(replyCampaign()).contains(waiting);
        }

        @Test
        void aReplyToAnotherSenderIsNotRoutedToThisSendersCampaigns() {
            CampaignId id = onSender(scenario, CampaignScenario.SENDER_ID);
            scenario.launch(id, Fixtures.contacts(1, 1));
            scenario.runFor(Duration.ofMinutes(1));
            scenario.inbound(contact.e164(), SENDER_2, "hola");
            assertThat(scenario.unroutedMessages()).hasSize(1);
            assertThat(bot.received()).isEmpty();
        }
    }
}
