package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Capability 2: one active campaign per contact and sender, decided atomically; the suppression list. */
class ExclusivityAndSuppressionScenarioTest {

    private final CampaignScenario scenario =
            CampaignScenario.custom().bot(Fixtures.BOT, new RecordingBot()).build();

    @Test
    void aContactEngagedInAnotherActiveCampaignOnTheSameSenderIsSkipped() {
        CampaignId first = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        CampaignId second = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        CampaignId otherSender = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, "sender-2")));

        scenario.launch(first, Fixtures.contacts(0, 3));
        scenario.launch(second, Fixtures.contacts(2, 3));
        scenario.launch(otherSender, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(second, Fixtures.phone(2)).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(scenario.recipient(second, Fixtures.phone(2))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
        // the reason names the campaign holding the contact, so an operator can finish it (after a crash, say)
        assertThat(scenario.recipient(second, Fixtures.phone(2))
                        .outcome()
                        .orElseThrow()
                        .message())
                .isEqualTo(Fixtures.phone(2) + " is engaged in active campaign " + first.value() + " on sender-1");
        assertThat(scenario.recipient(second, Fixtures.phone(3)).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(scenario.metrics(otherSender).delivered()).isEqualTo(3);
        assertThat(scenario.channel().sendsTo(Fixtures.phone(2))).hasSize(2); // first campaign and other sender
    }

    @Test
    void finishingACampaignReleasesItsContacts() {
        CampaignId first = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(first, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofSeconds(5));
        scenario.engine().finish(first);

        CampaignId next = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(next, Fixtures.contacts(0, 2));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.metrics(next).skipped()).isZero();
        assertThat(scenario.metrics(next).delivered()).isEqualTo(2);
    }

    @RepeatedTest(5)
    void twoCampaignsLaunchedAtTheSameMomentNeverBothEngageAContact() throws Exception {
        // two engines (two processes) share one store: only the store can decide
        ManualClock clock = ManualClock.ofDefaults();
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine one = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("one")
                .build();
        CampaignEngine two = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("two")
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel(CampaignScenario.CHANNEL_ID, "s");
        Fixtures.basic().accept(config);
        one.create(CampaignId.of("a"), "t", "p", CampaignKind.LIVE, config.build());
        two.create(CampaignId.of("b"), "t", "p", CampaignKind.LIVE, config.build());
        CountDownLatch go = new CountDownLatch(1);
        var contacts = Fixtures.contacts(0, 300);
        CompletableFuture<Campaign> a = CompletableFuture.supplyAsync(
                () -> await(go, () -> one.launch(CampaignId.of("a"), LaunchRequest.importedContacts(contacts))));
        CompletableFuture<Campaign> b = CompletableFuture.supplyAsync(() ->
                await(go, () -> two.launch(CampaignId.of("b"), LaunchRequest.importedContacts(reversed(contacts)))));
        go.countDown();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);

        for (var contact : contacts) {
            DeliveryState inA = store.findRecipient(
                            new io.campaignkit.core.port.RecipientKey(CampaignId.of("a"), contact.phone()))
                    .orElseThrow()
                    .state();
            DeliveryState inB = store.findRecipient(
                            new io.campaignkit.core.port.RecipientKey(CampaignId.of("b"), contact.phone()))
                    .orElseThrow()
                    .state();
            assertThat(List.of(inA, inB))
                    .as(contact.phone().e164())
                    .containsExactlyInAnyOrder(DeliveryState.PENDING, DeliveryState.SKIPPED);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static <T> T await(CountDownLatch latch, java.util.function.Supplier<T> action) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }

    @Test
    void anOptedOutContactIsSkippedAndAnOptInLiftsIt() {
        String stopper = Fixtures.phone(1);
        scenario.deliver(new OptOut(
                stopper,
                CampaignScenario.SENDER_ID,
                scenario.clock().instant(),
                Optional.of("STOP"),
                Optional.of("opt-1")));

        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(id, stopper).outcome().orElseThrow().code())
                .isEqualTo(SkipReasons.OPTED_OUT);
        assertThat(scenario.channel().sendsTo(stopper)).isEmpty();

        scenario.engine().finish(id);
        scenario.deliver(new OptIn(
                stopper,
                CampaignScenario.SENDER_ID,
                scenario.clock().instant(),
                Optional.of("START"),
                Optional.of("opt-2")));
        CampaignId again = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(again, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sendsTo(stopper)).hasSize(1);
    }

    @Test
    void aContactOptingOutWhileStillPendingIsNotSent() {
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1)));
        scenario.launch(id, Fixtures.contacts(0, 5));
        scenario.runFor(Duration.ofMillis(1500)); // two sent
        scenario.engine().suppress(PhoneNumber.parse(Fixtures.phone(4)), Optional.empty());
        scenario.runFor(Duration.ofSeconds(10));

        assertThat(scenario.channel().sendsTo(Fixtures.phone(4))).isEmpty();
        assertThat(scenario.recipient(id, Fixtures.phone(4))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.OPTED_OUT);
        assertThat(scenario.metrics(id).delivered()).isEqualTo(4);
    }

    @Test
    void aHostSuppressionOnOneSenderDoesNotApplyToAnother() {
        scenario.engine()
                .suppress(
                        PhoneNumber.parse(Fixtures.phone(1)),
                        Optional.of(new SenderKey(CampaignScenario.CHANNEL_ID, "sender-2")));
        CampaignId id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(1, 1));
        scenario.runFor(Duration.ofSeconds(5));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).hasSize(1);
    }
}
