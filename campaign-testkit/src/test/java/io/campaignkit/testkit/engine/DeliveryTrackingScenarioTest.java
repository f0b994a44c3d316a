package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capability 5: status events merge monotonically and idempotently; unknown message ids are kept aside. */
class DeliveryTrackingScenarioTest {

    private final CampaignScenario scenario =
            Fixtures.scenario().defaultOutcome(Outcome.accepted()).build();
    private CampaignId id;
    private String messageId;

    @BeforeEach
    void sendOne() {
        id = scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        scenario.launch(id, Fixtures.contacts(0, 1));
        scenario.runFor(Duration.ofSeconds(1));
        messageId = scenario.channel().sends().get(0).providerMessageId().orElseThrow();
        assertThat(recipient().state()).isEqualTo(DeliveryState.SENT);
    }

    private Recipient recipient() {
        return scenario.recipient(id, Fixtures.phone(0));
    }

    private void status(DeliveryStatus status, Instant at) {
        scenario.deliver(StatusUpdate.of(messageId, Optional.empty(), status, at));
    }

    @Test
    void readImpliesDelivered() {
        Instant readAt = scenario.clock().instant();
        status(DeliveryStatus.READ, readAt);

        assertThat(recipient().state()).isEqualTo(DeliveryState.READ);
        assertThat(recipient().deliveredAt()).contains(readAt);
        assertThat(scenario.metrics(id).delivered()).isEqualTo(1);
        assertThat(scenario.metrics(id).read()).isEqualTo(1);
    }

    @Test
    void aDeliveredAfterReadChangesNothing() {
        status(DeliveryStatus.READ, scenario.clock().instant());
        int events = scenario.listener().recipientEvents(id).size();
        status(DeliveryStatus.DELIVERED, scenario.clock().instant().minusSeconds(1));

        assertThat(recipient().state()).isEqualTo(DeliveryState.READ);
        assertThat(scenario.listener().recipientEvents(id)).hasSize(events);
    }

    @Test
    void aDuplicateIsANoOp() {
        Instant at = scenario.clock().instant();
        status(DeliveryStatus.DELIVERED, at);
        Recipient once = recipient();
        status(DeliveryStatus.DELIVERED, at);

        assertThat(recipient()).isEqualTo(once);
        assertThat(scenario.listener().recipientEvents(id))
                .filteredOn(e -> e.type() == RecipientEvent.Type.DELIVERED)
                .hasSize(1);
    }

    @Test
    void aFailureReportedAfterDeliveryChangesNothingButOneBeforeIsOvertakenByDelivery() {
        status(DeliveryStatus.DELIVERED, scenario.clock().instant());
        scenario.deliver(StatusUpdate.failed(
                messageId,
                Optional.empty(),
                scenario.clock().instant(),
                Outcome.simulatedFailure(SendErrorClass.RECIPIENT_PERMANENT)));
        assertThat(recipient().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void anAsynchronousFailureFailsTheRecipientWithTheProvidersReason() {
        scenario.deliver(StatusUpdate.failed(
                messageId,
                Optional.empty(),
                scenario.clock().instant(),
                Outcome.simulatedFailure(SendErrorClass.RECIPIENT_PERMANENT)));
        assertThat(recipient().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(recipient().outcome().orElseThrow().providerCode()).contains("SIM-RECIPIENT_PERMANENT");
        assertThat(scenario.metrics(id).failedByCode()).containsEntry("RECIPIENT_PERMANENT", 1L);
    }

    @Test
    void anEventForAnUnknownMessageIsCountedAndKeptAsideNeverACrash() {
        scenario.deliver(StatusUpdate.of(
                "NO-SUCH-MESSAGE",
                Optional.empty(),
                DeliveryStatus.DELIVERED,
                scenario.clock().instant()));

        assertThat(scenario.store().countUnmatchedStatuses()).isEqualTo(1);
        assertThat(recipient().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void statusesFindTheRecipientByCorrelationIdToo() {
        scenario.deliver(StatusUpdate.of(
                "OTHER-ID",
                Optional.of(recipient().key().correlationId()),
                DeliveryStatus.DELIVERED,
                scenario.clock().instant()));
        assertThat(recipient().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void lateDuplicateAndReorderedStatusesFromTheChannelConverge() {
        CampaignScenario noisy = Fixtures.scenario()
                .defaultOutcome(Outcome.delivered(Duration.ofSeconds(2))
                        .readAfter(Duration.ofSeconds(5))
                        .withDuplicateStatusEvents()
                        .withReorderedStatusEvents())
                .build();
        CampaignId campaign = noisy.createCampaign(CampaignKind.LIVE, Fixtures.basic());
        noisy.launch(campaign, Fixtures.contacts(0, 20));
        noisy.runFor(Duration.ofMinutes(1));

        assertThat(noisy.metrics(campaign).read()).isEqualTo(20);
        assertThat(noisy.metrics(campaign).delivered()).isEqualTo(20);
        assertThat(noisy.listener().recipientEvents(campaign))
                .filteredOn(e -> e.type() == RecipientEvent.Type.READ)
                .hasSize(20);
    }
}
