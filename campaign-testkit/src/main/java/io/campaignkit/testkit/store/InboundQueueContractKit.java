package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link io.campaignkit.core.port.InboundQueue} port: a reply for a bot kept until
 * the bot has it (queued once per message, claimed under a lease, acknowledged). Extend it in your store's
 * tests and return a new, empty storage from {@link #storage()} (or extend {@link StorageContractKit},
 * which runs every port's kit). The checks are grouped by rule in {@code @Nested} classes, each check
 * named after the rule it checks.
 */
public abstract class InboundQueueContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected InboundQueueContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected InboundQueueContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    private final CampaignId campaign = CampaignId.of("c-1");

    private PhoneNumber phone(int index) {
        return contact(index).phone();
    }

    private ReceivedMessage message(String id, long second) {
        return ReceivedMessage.text(id, "text of " + id, at(second));
    }

    /** Inbound messages kept while the hours are closed. */
    @Nested
    @DisplayName("queued inbound messages")
    public class QueuedInboundMessages {

        @BeforeEach
        void storeTheCampaigns() {
            storeActiveCampaigns("c-1", "c-2");
        }

        private String conversation(int contact) {
            return conversations()
                    .openOrContinue(campaign, phone(contact), at(1))
                    .id();
        }

        @Test
        void aMessageIsQueuedOnceByItsId() {
            String conversation = conversation(0);
            assertThat(inbound().enqueueInbound(conversation, campaign, phone(0), message("m-1", 10)))
                    .isTrue();
            assertThat(inbound().enqueueInbound(conversation, campaign, phone(0), message("m-1", 10)))
                    .isFalse();
            assertThat(inbound().countQueued(campaign)).isEqualTo(1);
            assertThat(inbound().countQueued(CampaignId.of("c-2"))).isZero();
        }

        @Test
        void aMessageAcknowledgedIsNotQueuedAgainByItsId() {
            String conversation = conversation(0);
            inbound().enqueueInbound(conversation, campaign, phone(0), message("m-1", 10));
            List<QueuedInbound> claimed = inbound().claimQueued(campaign, leaseFrom("engine", at(100)), 10, at(100));
            inbound().acknowledgeQueued(campaign, List.of(claimed.get(0).sequence()));
            assertThat(inbound().enqueueInbound(conversation, campaign, phone(0), message("m-1", 10)))
                    .as("a webhook redelivered after the bot had the message")
                    .isFalse();
            assertThat(inbound().countQueued(campaign)).isZero();
        }

        @Test
        void messagesAreHandedOutInArrivalOrderUnderTheLease() {
            String first = conversation(0);
            String second = conversation(1);
            inbound().enqueueInbound(first, campaign, phone(0), message("m-1", 10));
            inbound().enqueueInbound(second, campaign, phone(1), message("m-2", 11));
            inbound().enqueueInbound(first, campaign, phone(0), message("m-3", 12));
            Lease lease = leaseFrom("engine", at(100));
            List<QueuedInbound> claimed = inbound().claimQueued(campaign, lease, 10, at(100));
            assertThat(claimed)
                    .extracting(queued -> queued.message().messageId())
                    .containsExactly("m-1", "m-2", "m-3");
            assertThat(claimed).extracting(QueuedInbound::sequence).isSorted();
            assertThat(claimed).allSatisfy(queued -> assertThat(queued.lease()).contains(lease));
            assertThat(claimed.get(0).conversationId()).isEqualTo(first);
        }

        @Test
        void aPageOfQueuedMessagesIsReadInArrivalOrderWithoutClaimingThem() {
            String first = conversation(0);
            for (int i = 1; i <= 3; i++) {
                inbound().enqueueInbound(first, campaign, phone(0), message("m-" + i, 10 + i));
            }
            inbound().enqueueInbound(conversation(1), CampaignId.of("c-2"), phone(1), message("other", 10));
            Lease lease = leaseFrom("engine", at(100));
            inbound().claimQueued(campaign, lease, 1, at(100));
            List<QueuedInbound> page = inbound().queuedInbound(campaign, -1, 2);
            assertThat(page).extracting(queued -> queued.message().messageId()).containsExactly("m-1", "m-2");
            assertThat(page.get(0).lease())
                    .as("a claimed message is still queued")
                    .contains(lease);
            assertThat(page.get(1).lease()).isEmpty();
            assertThat(inbound().queuedInbound(campaign, page.get(1).sequence(), 10))
                    .extracting(queued -> queued.message().messageId())
                    .containsExactly("m-3");
            inbound().acknowledgeQueued(campaign, List.of(page.get(0).sequence()));
            assertThat(inbound().queuedInbound(campaign, -1, 10))
                    .extracting(queued -> queued.message().messageId())
                    .containsExactly("m-2", "m-3");
            assertThat(inbound().claimQueued(campaign, leaseFrom("b", at(101)), 10, at(101)))
                    .as("reading claimed nothing")
                    .hasSize(2);
        }

        @Test
        void aMessageUnderALiveLeaseIsNotHandedOutAgain() {
            inbound().enqueueInbound(conversation(0), campaign, phone(0), message("m-1", 10));
            assertThat(inbound().claimQueued(campaign, leaseFrom("a", at(100)), 10, at(100)))
                    .hasSize(1);
            assertThat(inbound().claimQueued(campaign, leaseFrom("b", at(101)), 10, at(101)))
                    .isEmpty();
        }

        @Test
        void aMessageIsKeptUntilAcknowledgedEvenIfItsHolderCrashed() {
            inbound().enqueueInbound(conversation(0), campaign, phone(0), message("m-1", 10));
            Lease crashed = leaseFrom("crashed", at(100));
            inbound().claimQueued(campaign, crashed, 10, at(100));
            List<QueuedInbound> again =
                    inbound().claimQueued(campaign, leaseFrom("b", crashed.expiresAt()), 10, crashed.expiresAt());
            assertThat(again).extracting(queued -> queued.message().messageId()).containsExactly("m-1");
            inbound().acknowledgeQueued(campaign, List.of(again.get(0).sequence()));
            inbound().acknowledgeQueued(campaign, List.of(again.get(0).sequence()));
            assertThat(inbound().countQueued(campaign)).isZero();
            Instant later = crashed.expiresAt().plusSeconds(LEASE_SECONDS * 2);
            assertThat(inbound().claimQueued(campaign, leaseFrom("c", later), 10, later))
                    .isEmpty();
        }

        @Test
        void aConversationsLaterMessageWaitsWhileAnEarlierOneIsHeld() {
            String first = conversation(0);
            inbound().enqueueInbound(first, campaign, phone(0), message("m-1", 10));
            List<QueuedInbound> held = inbound().claimQueued(campaign, leaseFrom("a", at(100)), 1, at(100));
            inbound().enqueueInbound(first, campaign, phone(0), message("m-2", 101));
            inbound().enqueueInbound(conversation(1), campaign, phone(1), message("m-3", 102));
            assertThat(inbound().claimQueued(campaign, leaseFrom("b", at(103)), 10, at(103)))
                    .extracting(queued -> queued.message().messageId())
                    .containsExactly("m-3");
            inbound().acknowledgeQueued(campaign, List.of(held.get(0).sequence()));
            assertThat(inbound().claimQueued(campaign, leaseFrom("b", at(104)), 10, at(104)))
                    .extracting(queued -> queued.message().messageId())
                    .containsExactly("m-2");
        }

        @Test
        void concurrentClaimersReceiveEachQueuedMessageOnce() throws Exception {
            for (int i = 0; i < 200; i++) {
                inbound().enqueueInbound(conversation(i), campaign, phone(i), message("m-" + i, 10));
            }
            List<Callable<List<String>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Lease lease = leaseFrom("engine-" + i, at(100));
                claimers.add(() -> {
                    List<String> mine = new ArrayList<>();
                    List<QueuedInbound> batch;
                    do {
                        batch = inbound().claimQueued(campaign, lease, 3, at(100));
                        batch.forEach(queued -> mine.add(queued.message().messageId()));
                    } while (!batch.isEmpty());
                    return mine;
                });
            }
            List<String> all = new ArrayList<>();
            runConcurrently(claimers).forEach(all::addAll);
            assertThat(all).hasSize(200).doesNotHaveDuplicates();
        }
    }
}
