package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Capability 10 and issue 8: a claim's lease is renewed while its sends are in flight, so a send
 * slower than the lease is not taken for a crash; a process that stops working loses its recipients
 * to a survivor, and its late answers then change nothing the survivor holds.
 */
class LeaseRenewalScenarioTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final HeldChannel channel = new HeldChannel();
    private final RecordingListener listener = new RecordingListener();
    private final CampaignId id = CampaignId.of("slow");
    private final RecipientKey key = new RecipientKey(id, Fixtures.contact(0).phone());

    private CampaignEngine engine(String owner, DeliverySemantics semantics) {
        return CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .store(store)
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId(owner)
                .leaseDuration(LEASE)
                .deliverySemantics(semantics)
                .listener(listener)
                .build();
    }

    private void launchOne(CampaignEngine engine) {
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic().accept(config);
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        engine.runDue();
        assertThat(channel.answers).hasSize(1);
    }

    private Recipient recipient() {
        return store.findRecipient(key).orElseThrow();
    }

    @Test
    void aSendSlowerThanTheLeaseStaysSendingWhileItsOwnerWorks() {
        CampaignEngine owner = engine("owner", DeliverySemantics.AT_MOST_ONCE);
        CampaignEngine other = engine("other", DeliverySemantics.AT_MOST_ONCE);
        launchOne(owner);

        for (int i = 0; i < 10; i++) { // ten minutes, ten leases long, both engines running
            clock.advance(Duration.ofSeconds(20));
            owner.runDue();
            other.runDue();
            assertThat(recipient().state()).as("after %d s", (i + 1) * 20).isEqualTo(DeliveryState.SENDING);
            assertThat(recipient().lease().orElseThrow().owner()).isEqualTo("owner");
        }
        channel.accept(0);
        owner.runDue();

        assertThat(recipient().state()).isEqualTo(DeliveryState.SENT);
        assertThat(recipient().lease()).isEmpty();
        assertThat(listener.recipientEvents(id))
                .extracting(RecipientEvent::type)
                .doesNotContain(RecipientEvent.Type.UNKNOWN);
    }

    @Test
    void theRunnerIsToldWhenTheNextRenewalIsDue() {
        CampaignEngine owner = engine("owner", DeliverySemantics.AT_MOST_ONCE);
        launchOne(owner);

        Instant next = owner.runDue().orElseThrow();

        assertThat(next).isBefore(recipient().lease().orElseThrow().expiresAt());
    }

    @Test
    void aStalledOwnersLateAnswerChangesNothingASurvivorHolds() {
        CampaignEngine stalled = engine("stalled", DeliverySemantics.AT_LEAST_ONCE);
        CampaignEngine survivor = engine("survivor", DeliverySemantics.AT_LEAST_ONCE);
        launchOne(stalled);

        clock.advance(LEASE.plusSeconds(1)); // the stalled owner never runs again
        survivor.runDue(); // recovers the recipient: at-least-once gives it back to PENDING, due now
        survivor.runDue(); // and sends it again
        assertThat(channel.answers).hasSize(2);
        assertThat(recipient().state()).isEqualTo(DeliveryState.SENDING);
        assertThat(recipient().lease().orElseThrow().owner()).isEqualTo("survivor");

        channel.accept(0);
        stalled.runDue();
        assertThat(recipient().state())
                .as("the stale receipt is not the survivor's send")
                .isEqualTo(DeliveryState.SENDING);

        channel.accept(1);
        survivor.runDue();
        assertThat(recipient().state()).isEqualTo(DeliveryState.SENT);
        assertThat(recipient().providerMessageId()).as("the survivor's send").contains("wamid.1");
    }
}
