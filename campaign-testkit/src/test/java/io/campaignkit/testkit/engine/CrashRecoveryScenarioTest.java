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
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Capability 3 and 10: a recipient is SENDING in the store before the channel call; a process that
 * crashes mid-send leaves it under a lease that expires, and another process recovers it.
 */
class CrashRecoveryScenarioTest {

    private static final CampaignId ID = CampaignId.of("c");

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final HeldChannel held = new HeldChannel(); // answers only when the test says
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final RecipientKey key = new RecipientKey(ID, Fixtures.contact(0).phone());

    @ParameterizedTest
    @EnumSource(DeliverySemantics.class)
    void aCrashedProcessesSendsAreRecoveredAfterItsLease(DeliverySemantics semantics) {
        ownerSendingOneRecipient(); // its channel never answers: the process "crashed" during the call
        assertThat(held.sent).hasSize(1);
        assertThat(store.findRecipient(key).orElseThrow().state()).isEqualTo(DeliveryState.SENDING);

        CampaignEngine survivor = survivor(CampaignStorage.of(store), semantics);
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
        ownerSendingOneRecipient();
        AtomicBoolean answered = new AtomicBoolean();
        CrashingStore survivorsView = new CrashingStore(store).beforeEach("apply", () -> {
            if (answered.compareAndSet(false, true)) {
                held.accept(0); // the owner records the channel's answer now, on this thread
            }
        });
        CampaignEngine survivor = survivor(survivorsView.view(), semantics);

        clock.advance(Duration.ofMinutes(1));
        survivor.runDue();
        survivor.runDue();
        channel.deliverDueEvents();

        assertThat(answered).as("the survivor's recovery wrote an outcome").isTrue();
        Recipient recipient = store.findRecipient(key).orElseThrow();
        assertThat(recipient.state()).isEqualTo(DeliveryState.SENT);
        assertThat(recipient.providerMessageId()).contains("wamid.0");
        assertThat(channel.sends()).as("sent once, by the owner").isEmpty();
    }

    /** The owner's process: one contact launched and claimed under a lease of a minute, its send held. */
    private void ownerSendingOneRecipient() {
        CampaignEngine owner = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(held)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("owner")
                .leaseDuration(Duration.ofMinutes(1))
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic().accept(config);
        owner.create(ID, "t", "p", CampaignKind.LIVE, config.build());
        owner.launch(ID, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        owner.runDue();
    }

    private CampaignEngine survivor(CampaignStorage storage, DeliverySemantics semantics) {
        return CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .storage(storage)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId("survivor")
                .deliverySemantics(semantics)
                .build();
    }
}
