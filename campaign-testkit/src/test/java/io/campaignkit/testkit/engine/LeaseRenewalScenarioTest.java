package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Capability 10 and issue 8: a claim's lease is renewed while its sends are in flight, so a send
 * slower than the lease is not taken for a crash; a process that stops working loses its recipients
 * to a survivor, and its late answers then change nothing the survivor holds.
 */
class LeaseRenewalScenarioTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    /** Sends that answer when the test says, each with its own receipt. */
    private static final class SlowChannel implements ChannelAdapter {
        final List<CompletableFuture<SendReceipt>> answers = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.custom().maxMessagesPerSecond(80).build();
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            CompletableFuture<SendReceipt> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return WebhookResult.ok(List.of());
        }

        void answer(int send, String providerMessageId) {
            answers.get(send).complete(new SendReceipt(providerMessageId, Instant.EPOCH));
        }
    }

    private final ManualClock clock = ManualClock.ofDefaults();
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SlowChannel channel = new SlowChannel();
    private final RecordingListener listener = new RecordingListener();
    private final CampaignId id = CampaignId.of("slow");
    private final RecipientKey key = new RecipientKey(id, Fixtures.contact(0).phone());

    private CampaignEngine engine(String owner, DeliverySemantics semantics) {
        return CampaignEngine.builder().botFlows(Fixtures.bots()).store(store).channel(channel).clock(clock).ownerId(owner).leaseDuration(LEASE)
                .deliverySemantics(semantics).listener(listener).build();
    }

    private void launchOne(CampaignEngine engine) {
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("slow", "s");
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
        channel.answer(0, "wamid.slow");
        owner.runDue();

        assertThat(recipient().state()).isEqualTo(DeliveryState.SENT);
        assertThat(recipient().lease()).isEmpty();
        assertThat(listener.recipientEvents(id)).extracting(RecipientEvent::type)
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

        channel.answer(0, "wamid.stale");
        stalled.runDue();
        assertThat(recipient().state()).as("the stale receipt is not the survivor's send").isEqualTo(DeliveryState.SENDING);

        channel.answer(1, "wamid.survivor");
        survivor.runDue();
        assertThat(recipient().state()).isEqualTo(DeliveryState.SENT);
        assertThat(recipient().providerMessageId()).contains("wamid.survivor");
    }
}
