package io.campaignkit.channel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelEventTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void failureIsPresentExactlyForFailedStatuses() {
        SendFailure undeliverable =
                SendFailure.of(SendErrorClass.RECIPIENT_PERMANENT, "131026", "Message undeliverable");

        assertThat(StatusUpdate.failed("wamid.A", Optional.empty(), AT, undeliverable)
                        .failure())
                .contains(undeliverable);
        assertThatThrownBy(() -> new StatusUpdate(
                        "wamid.A",
                        Optional.empty(),
                        DeliveryStatus.DELIVERED,
                        AT,
                        Optional.empty(),
                        Optional.of(undeliverable)))
                .hasMessageContaining("FAILED");
        assertThatThrownBy(() -> new StatusUpdate(
                        "wamid.A", Optional.empty(), DeliveryStatus.FAILED, AT, Optional.empty(), Optional.empty()))
                .hasMessageContaining("FAILED");
    }

    @Test
    void deduplicationKeysAreEqualForRedeliveriesAndDifferForDifferentEvents() {
        StatusUpdate delivered = StatusUpdate.of("wamid.A", Optional.of("r1"), DeliveryStatus.DELIVERED, AT);
        StatusUpdate redelivered =
                StatusUpdate.of("wamid.A", Optional.empty(), DeliveryStatus.DELIVERED, AT.plusSeconds(5));
        StatusUpdate read = StatusUpdate.of("wamid.A", Optional.of("r1"), DeliveryStatus.READ, AT);
        InboundMessage reply = InboundMessage.builder("wamid.B", "+525500998877", "PNID", AT)
                .text("hola")
                .build();

        assertThat(delivered.deduplicationKey())
                .isEqualTo(redelivered.deduplicationKey())
                .isNotEqualTo(read.deduplicationKey());
        assertThat(reply.deduplicationKey()).isEqualTo("inbound:wamid.B");
    }

    @Test
    void inboundBuilderLeavesUnsetFieldsEmpty() {
        InboundMessage tap = InboundMessage.builder("wamid.C", "+525500998877", "PNID", AT)
                .buttonPayload("c42:yes")
                .replyToProviderMessageId("wamid.A")
                .profileName("Ana")
                .build();

        assertThat(tap.text()).isEmpty();
        assertThat(tap.buttonPayload()).contains("c42:yes");
        assertThat(tap.replyToProviderMessageId()).contains("wamid.A");
        assertThat(tap.media()).isEmpty();
        assertThatThrownBy(
                        () -> InboundMessage.builder("wamid.C", " ", "PNID", AT).build())
                .hasMessageContaining("from");
    }
}
