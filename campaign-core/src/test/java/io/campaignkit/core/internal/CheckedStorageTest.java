package io.campaignkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationChange;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every argument rule of the storage ports, checked by {@link CheckedStorage} before a call reaches
 * the store: each bad call is refused with an {@link InvalidArgumentException} naming the argument,
 * and the store behind (a recording stand-in) is never called. (These checks ran in the store
 * contract kit while every store checked its own arguments.)
 */
class CheckedStorageTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+525500000000");
    private static final SenderKey DEFAULT_SENDER = new SenderKey("whatsapp-cloud", "109876543210");
    private static final StatusReason OPTED_OUT = StatusReason.of("OPTED_OUT", "opted out", true);

    private final List<String> reached = new ArrayList<>();
    private final CampaignStorage storage = CheckedStorage.wrap(recordingStorage());

    @AfterEach
    void nothingReachedTheStore() {
        assertThat(reached).as("calls that reached the store").isEmpty();
    }

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
        CampaignId id = CampaignId.of("c-1");
        Lease lease = new Lease("a", at(30));
        assertInvalidArgument(() -> store().findByState(CampaignState.ACTIVE, Optional.empty(), limit), "limit");
        assertInvalidArgument(() -> store().findByProject("acme", "cobranza", Optional.empty(), limit), "limit");
        assertInvalidArgument(() -> recipients().claimForSending(id, lease, limit, at(0)), "limit");
        assertInvalidArgument(() -> recipients().claimExpiredSending(id, lease, limit, at(0)), "limit");
        assertInvalidArgument(() -> recipients().skipPending(id, OPTED_OUT, limit, at(0)), "limit");
        assertInvalidArgument(() -> recipients().findRecipients(id, -1, limit), "limit");
        assertInvalidArgument(() -> engagements().releaseEngagements(id, limit), "limit");
        assertInvalidArgument(() -> inbound().claimQueued(id, lease, limit, at(0)), "limit");
        assertInvalidArgument(
                () -> conversations().closeConversations(id, Optional.empty(), "R", limit, at(0)), "limit");
    }

    @Test
    void recipientMethodsNameTheirBadArgument() {
        CampaignId id = CampaignId.of("c-1");
        RecipientStore store = recipients();
        Lease lease = new Lease("a", at(30));
        List<NewRecipient> one = List.of(NewRecipient.pending(Contact.of(PHONE), at(0)));
        assertInvalidArgument(() -> store.insertRecipients(null, one, at(0)), "campaignId");
        assertInvalidArgument(() -> store.insertRecipients(id, null, at(0)), "recipients");
        assertInvalidArgument(() -> store.insertRecipients(id, List.of(), at(0)), "recipients");
        assertInvalidArgument(
                () -> store.insertRecipients(id, Collections.nCopies(CampaignStore.MAX_BATCH + 1, one.get(0)), at(0)),
                "recipients");
        assertInvalidArgument(() -> store.insertRecipients(id, Arrays.asList(one.get(0), null), at(0)), "recipients");
        assertInvalidArgument(() -> store.insertRecipients(id, one, null), "now");
        assertInvalidArgument(() -> store.claimForSending(null, lease, 1, at(0)), "campaignId");
        assertInvalidArgument(() -> store.claimForSending(id, null, 1, at(0)), "lease");
        assertInvalidArgument(() -> store.claimForSending(id, lease, 1, null), "now");
        assertInvalidArgument(() -> store.claimForSending(id, new Lease("a", at(0)), 1, at(0)), "lease");
        assertInvalidArgument(() -> store.claimExpiredSending(id, new Lease("a", at(0)), 1, at(1)), "lease");
        assertInvalidArgument(() -> store.apply(null), "updates");
        assertInvalidArgument(() -> store.apply(List.of()), "updates");
        assertInvalidArgument(
                () -> store.apply(Arrays.asList(
                        new RecipientUpdate.Skipped(new RecipientKey(id, PHONE), Optional.empty(), OPTED_OUT, at(0)),
                        null)),
                "updates");
        assertInvalidArgument(() -> store.skipPending(id, null, 1, at(0)), "reason");
        assertInvalidArgument(() -> store.findRecipient(null), "key");
        assertInvalidArgument(() -> store.findByProviderMessageId(" "), "providerMessageId");
        assertInvalidArgument(() -> store.findByCorrelationId(null), "correlationId");
        assertInvalidArgument(() -> store.findRecipients(id, -2, 10), "afterSequence");
        assertInvalidArgument(() -> store.nextDueAt(null, at(0)), "campaignId");
        assertInvalidArgument(() -> store.wakeUps(null, at(0)), "campaignId");
        assertInvalidArgument(() -> store.wakeUps(id, null), "now");
        assertInvalidArgument(() -> store.claim(null, id, lease, 1, at(0)), "kind");
        assertInvalidArgument(() -> store.counts(null), "campaignId");
    }

    @Test
    void engagementAndSuppressionMethodsNameTheirBadArgument() {
        CampaignId id = CampaignId.of("c-1");
        PhoneNumber phone = PHONE;
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
        assertInvalidArgument(
                () -> suppressions()
                        .suppressedAmong(DEFAULT_SENDER, Collections.nCopies(CampaignStore.MAX_BATCH + 1, phone)),
                "phones");
        assertInvalidArgument(() -> suppressions().isSuppressed(null, phone), "sender");
        assertInvalidArgument(() -> suppressions().isSuppressed(DEFAULT_SENDER, null), "phone");
    }

    @Test
    void conversationAndTrackingMethodsNameTheirBadArgument() {
        CampaignId id = CampaignId.of("c-1");
        PhoneNumber phone = PHONE;
        ConversationStore store = conversations();
        assertInvalidArgument(() -> store.openOrContinue(null, phone, at(0)), "campaignId");
        assertInvalidArgument(() -> store.openOrContinue(id, null, at(0)), "phone");
        assertInvalidArgument(() -> store.openOrContinue(id, phone, null, at(0)), "inboundAt");
        assertInvalidArgument(() -> store.openOrContinue(id, phone, at(0), null), "at");
        assertInvalidArgument(() -> store.findConversation(" "), "conversationId");
        assertInvalidArgument(() -> store.touchConversation(null, at(0)), "conversationId");
        assertInvalidArgument(() -> store.tryMarkAutoReply("x", null, at(0)), "periodStart");
        assertInvalidArgument(() -> store.closeConversation("x", " ", at(0)), "reason");
        assertInvalidArgument(() -> store.closeConversations(id, null, "R", 1, at(0)), "idleSince");
        assertInvalidArgument(() -> inbound().enqueueInbound("x", id, phone, null), "message");
        assertInvalidArgument(() -> inbound().acknowledgeQueued(id, null), "sequences");
        assertInvalidArgument(() -> inbound().acknowledgeQueued(id, Arrays.asList(1L, null)), "sequences");
        assertInvalidArgument(
                () -> inbound().acknowledgeQueued(id, Collections.nCopies(CampaignStore.MAX_BATCH + 1, 1L)),
                "sequences");
        assertInvalidArgument(() -> inbound().countQueued(null), "campaignId");
        assertInvalidArgument(() -> tracking().markEventHandled(" ", at(0)), "eventKey");
        assertInvalidArgument(() -> tracking().keepUnmatchedStatus(null), "status");
        assertInvalidArgument(() -> tracking().takeUnmatchedStatuses((String) null), "providerMessageId");
        assertInvalidArgument(
                () -> tracking().takeUnmatchedStatuses((java.util.Collection<String>) null), "providerMessageIds");
        assertInvalidArgument(() -> tracking().takeUnmatchedStatuses(List.of("wamid.1", " ")), "providerMessageIds");
        assertInvalidArgument(
                () -> tracking().takeUnmatchedStatuses(Collections.nCopies(CampaignStore.MAX_BATCH + 1, "wamid.1")),
                "providerMessageIds");
        assertInvalidArgument(() -> tracking().recordFunnelStep(null), "step");
        assertInvalidArgument(() -> tracking().funnelCounts(null), "campaignId");
    }

    @Test
    void queriesChangesAndKindsAreRequired() {
        assertInvalidArgument(() -> store().findCampaigns(null), "query");
        assertInvalidArgument(() -> store().save(null, OptionalLong.empty()), "campaign");
        assertInvalidArgument(() -> recipients().findRecipients((RecipientQuery) null), "query");
        assertInvalidArgument(() -> conversations().changeConversation("x", null), "change");
        assertInvalidArgument(
                () -> conversations().changeConversation(" ", new ConversationChange.Touch(at(0))), "conversationId");
        assertInvalidArgument(() -> tracking().eventHandledBefore("k", null), "markAt");
        assertInvalidArgument(() -> tracking().eventHandledBefore(" ", Optional.empty()), "eventKey");
        assertInvalidArgument(() -> tracking().markEventHandled("k", null), "at");
        assertInvalidArgument(
                () -> inbound().claimQueued(CampaignId.of("c-1"), new Lease("a", at(0)), 1, at(0)), "lease");
    }

    @Test
    void anUpdateMustRaiseTheVersion() {
        Campaign ready = Campaign.create(
                CampaignId.of("c-1"),
                "acme",
                "cobranza",
                CampaignKind.LIVE,
                CampaignConfiguration.custom()
                        .name("c")
                        .botFlowId("flow")
                        .channel("whatsapp-cloud", "109876543210")
                        .message(TemplateMessage.of(
                                ChannelTemplate.of("t", "es_MX", "Hola {{1}}"), Binding.contactName("c")))
                        .audience(AudienceReference.importedList("a.csv"))
                        .build(),
                T0);
        assertInvalidArgument(() -> store().update(ready, ready.version()), "campaign");
        assertInvalidArgument(() -> store().update(ready, ready.version() + 1), "campaign");
    }

    @Test
    void renewingNamesItsBadArguments() {
        CampaignId id = CampaignId.of("c-1");
        Lease held = new Lease("engine-a", at(30));
        assertInvalidArgument(() -> recipients().renewLease(null, held, held), "campaignId");
        assertInvalidArgument(() -> recipients().renewLease(id, null, held), "held");
        assertInvalidArgument(() -> recipients().renewLease(id, held, null), "renewed");
        assertInvalidArgument(
                () -> recipients()
                        .renewLease(
                                id, held, new Lease("engine-b", held.expiresAt().plusSeconds(1))),
                "renewed");
    }

    private CampaignStore store() {
        return storage.campaigns();
    }

    private RecipientStore recipients() {
        return storage.recipients();
    }

    private EngagementStore engagements() {
        return storage.engagements();
    }

    private SuppressionList suppressions() {
        return storage.suppressions();
    }

    private ConversationStore conversations() {
        return storage.conversations();
    }

    private InboundQueue inbound() {
        return storage.inbound();
    }

    private TrackingStore tracking() {
        return storage.tracking();
    }

    private static Instant at(long second) {
        return T0.plusSeconds(second);
    }

    private static void assertInvalidArgument(ThrowingCallable call, String argument) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument())
                                .as("the argument named by: " + error.getMessage())
                                .isEqualTo(argument));
    }

    /** Every port but pacing as one stand-in that records each call reaching it and returns nothing. */
    private CampaignStorage recordingStorage() {
        Object stand = Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {
                    CampaignStore.class,
                    RecipientStore.class,
                    ConversationStore.class,
                    InboundQueue.class,
                    EngagementStore.class,
                    SuppressionList.class,
                    TrackingStore.class
                },
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "recording storage" : null;
                    }
                    reached.add(method.getName());
                    return null;
                });
        return new CampaignStorage(
                (CampaignStore) stand,
                (RecipientStore) stand,
                (ConversationStore) stand,
                (InboundQueue) stand,
                (EngagementStore) stand,
                (SuppressionList) stand,
                (TrackingStore) stand,
                PacingStore.inProcess());
    }
}
