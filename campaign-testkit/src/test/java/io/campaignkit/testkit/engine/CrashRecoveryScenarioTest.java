package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Capability 3 and 10: a recipient is SENDING in the store before the channel call; a process that
 * crashes mid-send leaves it under a lease that expires, and another process recovers it.
 */
class CrashRecoveryScenarioTest {

    @ParameterizedTest
    @EnumSource(DeliverySemantics.class)
    void aCrashedProcessesSendsAreRecoveredAfterItsLease(DeliverySemantics semantics) {
        ManualClock clock = ManualClock.ofDefaults();
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        HeldChannel hanging = new HeldChannel(); // never answers: the process "crashes" during the call
        CampaignEngine crashed = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(hanging)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("crashed")
                .leaseDuration(Duration.ofMinutes(1))
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("c");
        crashed.create(id, "t", "p", CampaignKind.LIVE, config.build());
        crashed.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        crashed.runDue();
        RecipientKey key = new RecipientKey(id, Fixtures.contact(0).phone());
        assertThat(hanging.sent).hasSize(1);
        assertThat(store.findRecipient(key).orElseThrow().state()).isEqualTo(DeliveryState.SENDING);

        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine survivor = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("survivor")
                .deliverySemantics(semantics)
                .build();
        survivor.runDue();
        assertThat(store.findRecipient(key).orElseThrow().state())
                .as("lease still live")
                .isEqualTo(DeliveryState.SENDING);

        clock.advance(Duration.ofMinutes(1));
        survivor.runDue();
        channel.deliverDueEvents();

        if (semantics == DeliverySemantics.AT_MOST_ONCE) {
            assertThat(store.findRecipient(key).orElseThrow().state()).isEqualTo(DeliveryState.UNKNOWN);
            assertThat(store.findRecipient(key)
                            .orElseThrow()
                            .outcome()
                            .orElseThrow()
                            .code())
                    .isEqualTo(SkipReasons.LEASE_EXPIRED);
            assertThat(channel.sends()).isEmpty();
        } else {
            survivor.runDue();
            assertThat(channel.sends()).hasSize(1);
            assertThat(store.findRecipient(key).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        }
    }

    /**
     * The owner stalled past its lease, and its channel's answer lands just before the survivor's recovery
     * writes its outcome: the answer is kept (the message was sent, under that provider id), and the recovery
     * changes nothing, so nothing is sent again.
     */
    @ParameterizedTest
    @EnumSource(DeliverySemantics.class)
    void theOwnersAnswerLandingBeforeTheRecoveryWritesIsKept(DeliverySemantics semantics) {
        ManualClock clock = ManualClock.ofDefaults();
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        HeldChannel stalled = new HeldChannel();
        CampaignEngine owner = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(stalled)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("owner")
                .leaseDuration(Duration.ofMinutes(1))
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("c");
        owner.create(id, "t", "p", CampaignKind.LIVE, config.build());
        owner.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        owner.runDue();
        RecipientKey key = new RecipientKey(id, Fixtures.contact(0).phone());
        assertThat(stalled.sent).hasSize(1);

        java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        CrashingStore survivorsView = new CrashingStore(store).beforeEach("apply", () -> {
            if (answered.compareAndSet(false, true)) {
                stalled.accept(0); // the owner records the channel's answer now, on this thread
            }
        });
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine survivor = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .storage(survivorsView.view())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("survivor")
                .deliverySemantics(semantics)
                .build();
        clock.advance(Duration.ofMinutes(1));
        survivor.runDue();
        survivor.runDue();
        channel.deliverDueEvents();

        assertThat(answered).as("the survivor's recovery wrote an outcome").isTrue();
        io.campaignkit.core.port.Recipient recipient = store.findRecipient(key).orElseThrow();
        assertThat(recipient.state()).isEqualTo(DeliveryState.SENT);
        assertThat(recipient.providerMessageId()).contains("wamid.0");
        assertThat(channel.sends()).as("sent once, by the owner").isEmpty();
    }
}
