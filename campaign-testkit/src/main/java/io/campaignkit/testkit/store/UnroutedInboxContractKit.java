package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.UnroutedMessage;
import io.campaignkit.core.port.KeptUnrouted;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.UnroutedInbound;
import io.campaignkit.core.port.UnroutedInbox;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link UnroutedInbox} port: messages for the host's unrouted-message handler kept
 * until acknowledged, once per channel and message id, leased to one holder at a time, oldest first. Extend
 * it in your store's tests and return a new, empty inbox from {@link #inbox()}. The checks are grouped by
 * rule in {@code @Nested} classes.
 */
public abstract class UnroutedInboxContractKit {

    /** The instant the kit's messages arrive at. */
    protected static final Instant T0 = StoreContractSupport.DEFAULT_START_TIME;

    private static final Lease KEEPER = new Lease("engine-a", T0.plus(Duration.ofMinutes(5)));

    /** For subclasses. */
    protected UnroutedInboxContractKit() {}

    /**
     * The inbox under test: a new, empty one for each check (JUnit makes a new instance of the test class
     * for each, so a field initializer does).
     *
     * @return the inbox
     */
    protected abstract UnroutedInbox inbox();

    /** A message as a webhook brings it, with every field the inbox keeps set. */
    protected static UnroutedInbound message(String channelId, String messageId) {
        return new UnroutedInbound(
                channelId,
                UnroutedMessage.Reason.OUT_OF_HOURS_CLOSED,
                Optional.of(CampaignId.of("cobranza-julio")),
                "+5215512345678",
                "sender-1",
                new ReceivedMessage(
                        messageId,
                        Optional.of("¿Puedo pagar mañana?"),
                        List.of(URI.create("https://media.example/1.jpg")),
                        T0,
                        false));
    }

    /** Keeping, once per channel and message id. */
    @Nested
    @DisplayName("keeping")
    public class Keeping {

        @Test
        void aKeptMessageIsHeldByItsKeeperUntilItsLeaseRunsOut() {
            OptionalLong sequence = inbox().keepUnrouted(message("whatsapp", "wamid.1"), KEEPER);
            assertThat(sequence).isPresent();
            Lease other = new Lease("engine-b", T0.plus(Duration.ofMinutes(20)));
            assertThat(inbox().claimUnrouted(other, 10, T0.plusSeconds(60))).isEmpty();

            List<KeptUnrouted> taken = inbox().claimUnrouted(other, 10, KEEPER.expiresAt());
            assertThat(taken).hasSize(1);
            assertThat(taken.get(0).sequence()).isEqualTo(sequence.getAsLong());
            assertThat(taken.get(0).inbound()).isEqualTo(message("whatsapp", "wamid.1"));
            assertThat(taken.get(0).lease()).contains(other);
        }

        @Test
        void theSameMessageOfAChannelIsKeptOnceEvenAfterItWasAcknowledged() {
            long sequence =
                    inbox().keepUnrouted(message("whatsapp", "wamid.1"), KEEPER).getAsLong();
            assertThat(inbox().keepUnrouted(message("whatsapp", "wamid.1"), KEEPER))
                    .isEmpty();
            inbox().acknowledgeUnrouted(sequence);
            assertThat(inbox().keepUnrouted(message("whatsapp", "wamid.1"), KEEPER))
                    .isEmpty();
            assertThat(inbox().keepUnrouted(message("twilio", "wamid.1"), KEEPER))
                    .isPresent();
        }
    }

    /** Claiming and acknowledging. */
    @Nested
    @DisplayName("claiming")
    public class Claiming {

        @Test
        void claimsTakeTheOldestFirstUpToTheLimitAndNeverWhatAnotherHolds() {
            Lease expired = new Lease("engine-a", T0.plusSeconds(1));
            for (int i = 0; i < 5; i++) {
                inbox().keepUnrouted(message("whatsapp", "wamid." + i), expired);
            }
            Instant now = T0.plusSeconds(10);
            Lease b = new Lease("engine-b", now.plusSeconds(300));
            Lease c = new Lease("engine-c", now.plusSeconds(300));
            List<KeptUnrouted> first = inbox().claimUnrouted(b, 3, now);
            List<KeptUnrouted> second = inbox().claimUnrouted(c, 3, now);
            assertThat(first)
                    .extracting(k -> k.inbound().message().messageId())
                    .containsExactly("wamid.0", "wamid.1", "wamid.2");
            assertThat(second)
                    .extracting(k -> k.inbound().message().messageId())
                    .containsExactly("wamid.3", "wamid.4");
            assertThat(inbox().claimUnrouted(c, 3, now)).isEmpty();
        }

        @Test
        void anAcknowledgedMessageIsNeverHandedOutAgain() {
            long sequence =
                    inbox().keepUnrouted(message("whatsapp", "wamid.1"), KEEPER).getAsLong();
            inbox().acknowledgeUnrouted(sequence);
            inbox().acknowledgeUnrouted(sequence); // idempotent
            Instant later = KEEPER.expiresAt().plusSeconds(1);
            assertThat(inbox().claimUnrouted(new Lease("engine-b", later.plusSeconds(60)), 10, later))
                    .isEmpty();
        }
    }
}
