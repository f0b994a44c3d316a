package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationChange;
import io.campaignkit.core.port.ConversationSweep;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link io.campaignkit.core.port.ConversationStore} and
 * {@link io.campaignkit.core.port.TrackingStore} ports (the {@link io.campaignkit.core.port.InboundQueue}
 * has its own, {@link InboundQueueContractKit}). Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class ConversationStoreContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected ConversationStoreContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected ConversationStoreContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    private final CampaignId campaign = CampaignId.of("c-1");

    private PhoneNumber phone(int index) {
        return contact(index).phone();
    }

    /** Conversations opened by replies. */
    @Nested
    @DisplayName("conversations")
    public class Conversations {

        @BeforeEach
        void storeTheCampaigns() {
            storeActiveCampaigns("c-1", "c-2");
        }

        @Test
        void aQueuedMessageHandedOverLaterKeepsWhenTheContactWroteApartFromTheActivity() {
            Conversation opened = conversations().openOrContinue(campaign, phone(0), at(5), at(50));
            assertThat(List.of(opened.openedAt(), opened.lastInboundAt(), opened.lastActivityAt()))
                    .containsExactly(at(50), at(5), at(50));
            assertThat(conversations()
                            .findConversation(opened.id())
                            .orElseThrow()
                            .lastInboundAt())
                    .isEqualTo(at(5));
            Conversation continued = conversations().openOrContinue(campaign, phone(0), at(8), at(60));
            assertThat(List.of(continued.lastInboundAt(), continued.lastActivityAt()))
                    .containsExactly(at(8), at(60));
            Conversation older = conversations().openOrContinue(campaign, phone(0), at(6), at(55));
            assertThat(List.of(older.lastInboundAt(), older.lastActivityAt()))
                    .as("neither time moves back")
                    .containsExactly(at(8), at(60));
        }

        @Test
        void aReplyOpensOneConversationAndLaterRepliesContinueIt() {
            Conversation opened = conversations().openOrContinue(campaign, phone(0), at(10));
            assertThat(opened.isOpen()).isTrue();
            assertThat(opened.openedAt()).isEqualTo(at(10));
            assertThat(opened.campaignId()).isEqualTo(campaign);
            Conversation continued = conversations().openOrContinue(campaign, phone(0), at(20));
            assertThat(continued.id()).isEqualTo(opened.id());
            assertThat(continued.lastInboundAt()).isEqualTo(at(20));
            assertThat(continued.lastActivityAt()).isEqualTo(at(20));
            assertThat(conversations()
                            .openOrContinue(campaign, phone(0), at(15))
                            .lastInboundAt())
                    .as("a late message does not move time back")
                    .isEqualTo(at(20));
            assertThat(conversations()
                            .findConversation(opened.id())
                            .orElseThrow()
                            .isOpen())
                    .isTrue();
            assertThat(conversations()
                            .openOrContinue(CampaignId.of("c-2"), phone(0), at(10))
                            .id())
                    .as("another campaign's conversation")
                    .isNotEqualTo(opened.id());
            assertThat(conversations()
                            .openOrContinue(campaign, phone(1), at(10))
                            .id())
                    .isNotEqualTo(opened.id());
        }

        @Test
        void concurrentFirstRepliesShareOneConversation() throws Exception {
            List<Callable<String>> replies = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Instant at = at(10 + i);
                replies.add(() ->
                        conversations().openOrContinue(campaign, phone(0), at).id());
            }
            assertThat(runConcurrently(replies))
                    .containsOnly(conversations()
                            .openOrContinue(campaign, phone(0), at(99))
                            .id());
        }

        @Test
        void aClosedConversationStaysClosedAndTheNextReplyOpensANewOne() {
            Conversation opened = conversations().openOrContinue(campaign, phone(0), at(10));
            Conversation closed = conversations()
                    .closeConversation(opened.id(), Conversation.BY_BOT, at(30))
                    .orElseThrow();
            assertThat(closed.isOpen()).isFalse();
            assertThat(closed.closeReason()).contains(Conversation.BY_BOT);
            assertThat(closed.closedAt()).contains(at(30));
            assertThat(conversations().closeConversation(opened.id(), Conversation.INACTIVITY, at(40)))
                    .isEmpty();
            assertThat(conversations().findConversation(opened.id())).contains(closed);
            assertThat(conversations()
                            .openOrContinue(campaign, phone(0), at(50))
                            .id())
                    .isNotEqualTo(opened.id());
        }

        @Test
        void theBotWritingRestartsInactivityButNotTheServiceWindow() {
            Conversation opened = conversations().openOrContinue(campaign, phone(0), at(10));
            conversations().touchConversation(opened.id(), at(25));
            Conversation touched = conversations().findConversation(opened.id()).orElseThrow();
            assertThat(touched.lastActivityAt()).isEqualTo(at(25));
            assertThat(touched.lastInboundAt()).isEqualTo(at(10));
            assertThat(conversations()
                            .closeConversations(campaign, Optional.of(at(0)), Conversation.INACTIVITY, 10, at(30))
                            .oldestActivity())
                    .contains(at(25));
            assertThat(conversations().changeConversation(opened.id(), new ConversationChange.Touch(at(20))))
                    .as("an earlier write does not move inactivity back")
                    .isEmpty();
        }

        @Test
        void aTouchAnswersTheConversationAsTouchedAndATouchNotLaterAnswersNothing() {
            Conversation opened = conversations().openOrContinue(campaign, phone(1), at(10));
            assertThat(conversations().changeConversation(opened.id(), new ConversationChange.Touch(at(25))))
                    .hasValueSatisfying(touched -> {
                        assertThat(touched.id()).isEqualTo(opened.id());
                        assertThat(touched.lastActivityAt()).isEqualTo(at(25));
                    });
            assertThat(conversations().changeConversation(opened.id(), new ConversationChange.Touch(at(25))))
                    .isEmpty();
            assertThat(conversations().changeConversation("no-such-conversation", new ConversationChange.Touch(at(30))))
                    .isEmpty();
        }

        @Test
        void theOutOfHoursReplyIsMarkedOncePerClosedPeriod() {
            Conversation opened = conversations().openOrContinue(campaign, phone(0), at(10));
            assertThat(conversations().tryMarkAutoReply(opened.id(), at(0), at(10)))
                    .isTrue();
            assertThat(conversations().tryMarkAutoReply(opened.id(), at(0), at(11)))
                    .isFalse();
            assertThat(conversations().tryMarkAutoReply(opened.id(), at(100), at(101)))
                    .as("a new closed period")
                    .isTrue();
            assertThat(conversations()
                            .findConversation(opened.id())
                            .orElseThrow()
                            .lastAutoReplyAt())
                    .contains(at(101));
        }

        @Test
        void ofConcurrentOutOfHoursRepliesInOnePeriodExactlyOneIsSent() throws Exception {
            Conversation opened = conversations().openOrContinue(campaign, phone(0), at(10));
            List<Callable<Boolean>> replies = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                replies.add(() -> conversations().tryMarkAutoReply(opened.id(), at(0), at(10)));
            }
            assertThat(runConcurrently(replies)).containsOnlyOnce(true);
        }

        @Test
        void idleConversationsAreClosedInBatchesAndFinishingClosesTheRest() {
            Conversation idle = conversations().openOrContinue(campaign, phone(0), at(10));
            Conversation alsoIdle = conversations().openOrContinue(campaign, phone(1), at(20));
            Conversation busy = conversations().openOrContinue(campaign, phone(2), at(90));
            Conversation otherCampaign = conversations().openOrContinue(CampaignId.of("c-2"), phone(0), at(10));
            assertThat(conversations()
                            .closeConversations(campaign, Optional.of(at(5)), Conversation.INACTIVITY, 10, at(100))
                            .oldestActivity())
                    .contains(at(10));
            ConversationSweep firstSweep = conversations()
                    .closeConversations(campaign, Optional.of(at(20)), Conversation.INACTIVITY, 1, at(100));
            List<Conversation> first = firstSweep.closed();
            ConversationSweep secondSweep = conversations()
                    .closeConversations(campaign, Optional.of(at(20)), Conversation.INACTIVITY, 10, at(100));
            List<Conversation> second = secondSweep.closed();
            Conversation leftIdle = first.get(0).id().equals(idle.id()) ? alsoIdle : idle;
            assertThat(firstSweep.oldestActivity()).contains(leftIdle.lastActivityAt());
            assertThat(secondSweep.oldestActivity()).contains(at(90));
            assertThat(first).hasSize(1);
            assertThat(second).hasSize(1);
            assertThat(List.of(first.get(0).id(), second.get(0).id()))
                    .containsExactlyInAnyOrder(idle.id(), alsoIdle.id());
            assertThat(second.get(0).closeReason()).contains(Conversation.INACTIVITY);
            assertThat(conversations().findConversation(busy.id()).orElseThrow().isOpen())
                    .isTrue();
            ConversationSweep finished = conversations()
                    .closeConversations(campaign, Optional.empty(), Conversation.CAMPAIGN_FINISHED, 10, at(200));
            assertThat(finished.closed()).extracting(Conversation::id).containsExactly(busy.id());
            assertThat(finished.oldestActivity()).isEmpty();
            assertThat(conversations()
                            .findConversation(otherCampaign.id())
                            .orElseThrow()
                            .isOpen())
                    .isTrue();
        }

        @Test
        void deletingACampaignDeletesItsConversationsAndQueuedMessages() {
            Campaign ready = readyCampaign("c-9", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Conversation opened = conversations().openOrContinue(ready.id(), phone(0), at(10));
            inbound().enqueueInbound(opened.id(), ready.id(), phone(0), message("m-1", 10));
            tracking().recordFunnelStep(new FunnelStep(ready.id(), phone(0), "PAID", at(11)));
            store().delete(ready);
            assertThat(conversations().findConversation(opened.id())).isEmpty();
            assertThat(inbound().countQueued(ready.id())).isZero();
            assertThat(tracking().funnelSteps(ready.id(), phone(0))).isEmpty();
        }
    }

    private ReceivedMessage message(String id, long second) {
        return ReceivedMessage.text(id, "text of " + id, at(second));
    }

    /** Handled events, unmatched status reports and funnel steps. */
    @Nested
    @DisplayName("tracking")
    public class Tracking {

        @BeforeEach
        void storeTheCampaigns() {
            storeActiveCampaigns("c-1", "c-2");
        }

        @Test
        void ofConcurrentMarksOfOneEventExactlyOneIsFirst() throws Exception {
            List<Callable<Boolean>> webhooks = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                webhooks.add(() -> tracking().markEventHandled("whatsapp-cloud:wamid.1:delivered", at(5)));
            }
            assertThat(runConcurrently(webhooks)).containsOnlyOnce(true);
            assertThat(tracking().wasEventHandled("whatsapp-cloud:wamid.1:delivered"))
                    .isTrue();
            assertThat(tracking().wasEventHandled("whatsapp-cloud:wamid.1:read"))
                    .isFalse();
        }

        @Test
        void unmatchedStatusesAreKeptOnceAndTakenOldestFirst() {
            UnmatchedStatus read = new UnmatchedStatus(
                    "whatsapp-cloud", "wamid.9", Optional.empty(), DeliveryState.READ, Optional.empty(), at(7));
            UnmatchedStatus delivered = new UnmatchedStatus(
                    "whatsapp-cloud",
                    "wamid.9",
                    Optional.of("c-1:5255"),
                    DeliveryState.DELIVERED,
                    Optional.empty(),
                    at(6));
            tracking().keepUnmatchedStatus(read);
            tracking().keepUnmatchedStatus(delivered);
            tracking().keepUnmatchedStatus(read);
            tracking()
                    .keepUnmatchedStatus(new UnmatchedStatus(
                            "whatsapp-cloud",
                            "wamid.other",
                            Optional.empty(),
                            DeliveryState.SENT,
                            Optional.empty(),
                            at(1)));
            assertThat(tracking().takeUnmatchedStatuses("wamid.9")).containsExactly(delivered, read);
            assertThat(tracking().takeUnmatchedStatuses("wamid.9")).isEmpty();
            assertThat(tracking().takeUnmatchedStatuses(List.of("wamid.other", "wamid.9", "wamid.none")))
                    .as("the batch form")
                    .containsOnlyKeys("wamid.other");
        }

        @Test
        void funnelStepsAreRecordedOnceAndCountedPerContact() {
            tracking().recordFunnelStep(new FunnelStep(campaign, phone(0), "PAYMENT_PROMISED", at(20)));
            tracking().recordFunnelStep(new FunnelStep(campaign, phone(0), "OPENED", at(10)));
            tracking().recordFunnelStep(new FunnelStep(campaign, phone(0), "OPENED", at(10)));
            tracking().recordFunnelStep(new FunnelStep(campaign, phone(0), "OPENED", at(30)));
            tracking().recordFunnelStep(new FunnelStep(campaign, phone(1), "OPENED", at(12)));
            tracking().recordFunnelStep(new FunnelStep(CampaignId.of("c-2"), phone(2), "OPENED", at(12)));
            assertThat(tracking().funnelSteps(campaign, phone(0)))
                    .extracting(FunnelStep::step, FunnelStep::at)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("OPENED", at(10)),
                            org.assertj.core.groups.Tuple.tuple("PAYMENT_PROMISED", at(20)),
                            org.assertj.core.groups.Tuple.tuple("OPENED", at(30)));
            assertThat(tracking().funnelCounts(campaign)).isEqualTo(Map.of("OPENED", 2L, "PAYMENT_PROMISED", 1L));
            assertThat(tracking().funnelSteps(campaign, phone(5))).isEmpty();
        }
    }
}
