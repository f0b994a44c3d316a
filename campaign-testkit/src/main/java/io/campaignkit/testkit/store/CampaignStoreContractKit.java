package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link CampaignStore} passes: the rules the engine relies on, written as
 * JUnit 5 checks. Extend it in your store's tests and return a new, empty store from
 * {@link #store()}:
 *
 * <pre>{@code
 * class JdbcCampaignStoreContractTest extends CampaignStoreContractKit {
 *     private final JdbcCampaignStore store = JdbcCampaignStore.create(freshH2DataSource());
 *
 *     @Override protected CampaignStore store() { return store; }
 * }
 * }</pre>
 *
 * <p>A store that extends {@link io.campaignkit.core.port.AbstractCampaignStore} passes the argument
 * checks by construction. The store implements every part of the port: campaigns, {@link RecipientStore},
 * {@link EngagementStore}, {@link SuppressionList}, {@link ConversationStore} and
 * {@link TrackingStore}. JUnit makes a new instance of the test class for each check (also for
 * the checks in the {@link Nested} groups), so a field initializer gives every check a fresh store;
 * close it in an {@code @AfterEach} of your own if it holds resources.
 *
 * <p>The checks are grouped by rule, in this class and the classes it extends:
 * {@link CampaignContractChecks} (campaigns, versioning, paging), {@link RecipientContractChecks}
 * (claims, every recipient update), {@link LeaseContractChecks} (send outcomes apply only under the
 * lease of their claim), {@link StatusMergeContractChecks} (status merges),
 * {@link ConcurrencyContractChecks} (claims never
 * handed out twice, expired leases recovered once, random schedules against a model),
 * {@link EngagementContractChecks} (exclusivity, suppression list), {@link ConversationContractChecks}
 * (conversations, queued inbound messages, tracking) and the argument checks here. Every check is a
 * test method named after the rule it checks, so a report names the rule that broke. Campaigns
 * come from {@link #readyCampaign} and {@link #activeCampaign}, contacts from {@link #contact(int)}:
 * override them if your store needs other data.
 *
 * <p>Time is never read from the system clock: the kit passes instants from {@link #startTime()}, as
 * the engine passes its clock's. The concurrency checks start {@link #concurrentClaimers()} threads
 * behind a latch and wait for them at most {@link #concurrencyTimeout()}.
 */
public abstract class CampaignStoreContractKit extends ConversationContractChecks {

    /** For subclasses. */
    protected CampaignStoreContractKit() {
    }

    /** Bad arguments are refused with an {@code InvalidArgumentException} naming the argument. */
    @Nested
    @DisplayName("argument validation")
    public class ArgumentValidation {

        @Test
        void campaignMethodsNameTheirBadArgument() {
            CampaignStore store = store();
            assertInvalidArgument(() -> store.insert(null), "campaign");
            assertInvalidArgument(() -> store.update(null, 0), "campaign");
            assertInvalidArgument(() -> store.find(null), "id");
            assertInvalidArgument(() -> store.delete(null), "campaign");
            assertInvalidArgument(() -> store.findByState(null, Optional.empty(), 10), "state");
            assertInvalidArgument(() -> store.findByState(CampaignState.READY, null, 10), "after");
            assertInvalidArgument(() -> store.findByProject(null, "p", Optional.empty(), 10), "tenantId");
            assertInvalidArgument(() -> store.findByProject("t", " ", Optional.empty(), 10), "projectId");
            assertInvalidArgument(() -> store.findByProject("t", "p", null, 10), "after");
        }

        @ParameterizedTest(name = "limit {0}")
        @ValueSource(ints = {0, -1, CampaignStore.MAX_BATCH + 1})
        void limitsOutsideOneToMaxBatchAreRefused(int limit) {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            CampaignId id = campaign.id();
            Lease lease = leaseFrom("a", at(0));
            assertInvalidArgument(() -> store().findByState(CampaignState.ACTIVE, Optional.empty(), limit), "limit");
            assertInvalidArgument(() -> store().findByProject("acme", "cobranza", Optional.empty(), limit), "limit");
            assertInvalidArgument(() -> recipients().claimForSending(id, lease, limit, at(0)), "limit");
            assertInvalidArgument(() -> recipients().claimExpiredSending(id, lease, limit, at(0)), "limit");
            assertInvalidArgument(() -> recipients().skipPending(id, OPTED_OUT, limit, at(0)), "limit");
            assertInvalidArgument(() -> recipients().findRecipients(id, -1, limit), "limit");
            assertInvalidArgument(() -> engagements().releaseEngagements(id, limit), "limit");
            assertInvalidArgument(() -> conversations().claimQueued(id, lease, limit, at(0)), "limit");
            assertInvalidArgument(() -> conversations().closeConversations(id, Optional.empty(), "R", limit, at(0)), "limit");
        }

        @Test
        void recipientMethodsNameTheirBadArgument() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            CampaignId id = campaign.id();
            RecipientStore store = recipients();
            Lease lease = leaseFrom("a", at(0));
            List<NewRecipient> one = List.of(NewRecipient.pending(contact(5), at(0)));
            assertInvalidArgument(() -> store.insertRecipients(null, one, at(0)), "campaignId");
            assertInvalidArgument(() -> store.insertRecipients(id, null, at(0)), "recipients");
            assertInvalidArgument(() -> store.insertRecipients(id, List.of(), at(0)), "recipients");
            assertInvalidArgument(() -> store.insertRecipients(id,
                    Collections.nCopies(CampaignStore.MAX_BATCH + 1, one.get(0)), at(0)), "recipients");
            assertInvalidArgument(() -> store.insertRecipients(id, Arrays.asList(one.get(0), null), at(0)), "recipients");
            assertInvalidArgument(() -> store.insertRecipients(id, one, null), "now");
            assertInvalidArgument(() -> store.claimForSending(null, lease, 1, at(0)), "campaignId");
            assertInvalidArgument(() -> store.claimForSending(id, null, 1, at(0)), "lease");
            assertInvalidArgument(() -> store.claimForSending(id, lease, 1, null), "now");
            assertInvalidArgument(() -> store.claimForSending(id, new Lease("a", at(0)), 1, at(0)), "lease");
            assertInvalidArgument(() -> store.claimExpiredSending(id, new Lease("a", at(0)), 1, at(1)), "lease");
            assertInvalidArgument(() -> store.apply(null), "updates");
            assertInvalidArgument(() -> store.apply(List.of()), "updates");
            assertInvalidArgument(() -> store.apply(Arrays.asList(
                    new RecipientUpdate.Skipped(key(id, 0), Optional.empty(), OPTED_OUT, at(0)), null)), "updates");
            assertInvalidArgument(() -> store.skipPending(id, null, 1, at(0)), "reason");
            assertInvalidArgument(() -> store.findRecipient(null), "key");
            assertInvalidArgument(() -> store.findByProviderMessageId(" "), "providerMessageId");
            assertInvalidArgument(() -> store.findByCorrelationId(null), "correlationId");
            assertInvalidArgument(() -> store.findRecipients(id, -2, 10), "afterSequence");
            assertInvalidArgument(() -> store.nextDueAt(null, at(0)), "campaignId");
            assertInvalidArgument(() -> store.nextLeaseExpiry(null), "campaignId");
            assertInvalidArgument(() -> store.counts(null), "campaignId");
            // nothing was changed by the refused calls
            assertThat(store.findRecipients(id, -1, 10)).hasSize(1);
            assertThat(store.findRecipient(new RecipientKey(id, contact(0).phone())).orElseThrow().attempts()).isZero();
        }

        @Test
        void engagementAndSuppressionMethodsNameTheirBadArgument() {
            CampaignId id = CampaignId.of("c-1");
            PhoneNumber phone = contact(0).phone();
            assertInvalidArgument(() -> engagements().engage(null, id, List.of(phone)), "sender");
            assertInvalidArgument(() -> engagements().engage(DEFAULT_SENDER, null, List.of(phone)), "campaignId");
            assertInvalidArgument(() -> engagements().engage(DEFAULT_SENDER, id, List.of()), "phones");
            assertInvalidArgument(() -> engagements().engage(DEFAULT_SENDER, id, Arrays.asList(phone, null)), "phones");
            assertInvalidArgument(() -> engagements().engagedCampaign(DEFAULT_SENDER, null), "phone");
            assertInvalidArgument(() -> engagements().releaseEngagements(null, 1), "campaignId");
            assertInvalidArgument(() -> suppressions().suppress(null), "suppression");
            assertInvalidArgument(() -> suppressions().lift(null, phone), "sender");
            assertInvalidArgument(() -> suppressions().lift(Optional.empty(), null), "phone");
            assertInvalidArgument(() -> suppressions().suppressedAmong(null, List.of(phone)), "sender");
            assertInvalidArgument(() -> suppressions().suppressedAmong(DEFAULT_SENDER, null), "phones");
            assertInvalidArgument(() -> suppressions().suppressedAmong(DEFAULT_SENDER,
                    Collections.nCopies(CampaignStore.MAX_BATCH + 1, phone)), "phones");
            assertInvalidArgument(() -> suppressions().isSuppressed(null, phone), "sender");
            assertInvalidArgument(() -> suppressions().isSuppressed(DEFAULT_SENDER, null), "phone");
            assertThat(engagements().engagedCampaign(DEFAULT_SENDER, phone)).isEmpty();
        }

        @Test
        void conversationAndTrackingMethodsNameTheirBadArgument() {
            CampaignId id = CampaignId.of("c-1");
            PhoneNumber phone = contact(0).phone();
            ConversationStore store = conversations();
            assertInvalidArgument(() -> store.openOrContinue(null, phone, at(0)), "campaignId");
            assertInvalidArgument(() -> store.openOrContinue(id, null, at(0)), "phone");
            assertInvalidArgument(() -> store.openOrContinue(id, phone, null), "at");
            assertInvalidArgument(() -> store.findConversation(" "), "conversationId");
            assertInvalidArgument(() -> store.touchConversation(null, at(0)), "conversationId");
            assertInvalidArgument(() -> store.tryMarkAutoReply("x", null, at(0)), "periodStart");
            assertInvalidArgument(() -> store.closeConversation("x", " ", at(0)), "reason");
            assertInvalidArgument(() -> store.closeConversations(id, null, "R", 1, at(0)), "idleSince");
            assertInvalidArgument(() -> store.enqueueInbound("x", id, phone, null), "message");
            assertInvalidArgument(() -> store.acknowledgeQueued(id, null), "sequences");
            assertInvalidArgument(() -> store.acknowledgeQueued(id, Arrays.asList(1L, null)), "sequences");
            assertInvalidArgument(() -> store.acknowledgeQueued(id, Collections.nCopies(CampaignStore.MAX_BATCH + 1, 1L)),
                    "sequences");
            assertInvalidArgument(() -> store.countQueued(null), "campaignId");
            assertInvalidArgument(() -> tracking().markEventHandled(" ", at(0)), "eventKey");
            assertInvalidArgument(() -> tracking().keepUnmatchedStatus(null), "status");
            assertInvalidArgument(() -> tracking().takeUnmatchedStatuses((String) null), "providerMessageId");
            assertInvalidArgument(() -> tracking().takeUnmatchedStatuses((java.util.Collection<String>) null),
                    "providerMessageIds");
            assertInvalidArgument(() -> tracking().takeUnmatchedStatuses(List.of("wamid.1", " ")), "providerMessageIds");
            assertInvalidArgument(() -> tracking().takeUnmatchedStatuses(
                    Collections.nCopies(CampaignStore.MAX_BATCH + 1, "wamid.1")), "providerMessageIds");
            assertInvalidArgument(() -> tracking().recordFunnelStep(null), "step");
            assertInvalidArgument(() -> tracking().funnelCounts(null), "campaignId");
            assertThat(store.findOpenConversation(id, phone)).isEmpty();
        }
    }
}
