package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The store kit's checks can fail: each deliberately broken store below (the in-memory store behind a
 * proxy that changes one method) fails the checks about its defect and passes most others. The broken
 * kit subclasses are nested classes, which Surefire does not run on its own; this test runs them
 * through the JUnit engine.
 */
class StoreContractKitSelfTest {

    @Test
    void aStoreThatIgnoresVersionsFailsTheVersioningChecks() {
        assertThat(failedChecks(IgnoresVersions.class))
                .contains(
                        "staleWriterGetsAVersionConflictNamingBothVersions",
                        "ofConcurrentWritersFromOneVersionExactlyOneWins",
                        "deletingAStaleCampaignIsAVersionConflict");
    }

    @Test
    void aStoreThatHandsOutAClaimTwiceFailsTheClaimChecks() {
        assertThat(failedChecks(HandsOutClaimsTwice.class))
                .contains(
                        "concurrentClaimersReceiveEveryRecipientExactlyOnce",
                        "randomClaimSchedulesMatchTheLeaseModel[1]");
    }

    @Test
    void aStoreThatRecoversLiveLeasesFailsTheRecoveryChecks() {
        assertThat(failedChecks(RecoversLiveLeases.class))
                .contains("anExpiredLeaseIsRecoveredOnceAndNotBefore", "randomClaimSchedulesMatchTheLeaseModel[1]");
    }

    @Test
    void aStoreThatIgnoresLeasesFailsTheLeaseChecks() {
        assertThat(failedChecks(IgnoresLeases.class))
                .contains(
                        "anOutcomeUnderAnotherOwnersLeaseChangesNothing[1]",
                        "anOutcomeUnderAnotherOwnersLeaseChangesNothing[6]",
                        "anOutcomeUnderTheSameOwnerWithAnotherExpiryChangesNothing[3]",
                        "aStalledOwnersOutcomeAfterRecoveryChangesNothingAndTheSurvivorsApplies[5]",
                        "skippedWithoutALeaseAppliesOnlyToAPendingRecipient",
                        "randomClaimSchedulesMatchTheLeaseModel[1]");
    }

    @Test
    void aStoreWhoseMergesAreNotIdempotentFailsTheMergeChecks() {
        assertThat(failedChecks(ReportsNoOpsAsChanges.class))
                .contains(
                        "aDuplicateStatusIsANoOp",
                        "deliveredAfterReadChangesNothing",
                        "concurrentDuplicatesOfOneStatusChangeTheRecipientOnce");
    }

    @Test
    void aStoreThatLetsEveryCampaignEngageAContactFailsTheExclusivityChecks() {
        assertThat(failedChecks(EveryCampaignEngages.class))
                .contains(
                        "aContactEngagedWithOneCampaignIsRefusedToAnotherOnTheSameSender",
                        "ofTwoCampaignsEngagingOneContactAtTheSameMomentExactlyOneWins");
    }

    @Test
    void aStoreThatHandsOutHeldQueuedMessagesFailsTheQueueChecks() {
        assertThat(failedChecks(HandsOutHeldQueuedMessages.class))
                .contains(
                        "aMessageUnderALiveLeaseIsNotHandedOutAgain",
                        "aConversationsLaterMessageWaitsWhileAnEarlierOneIsHeld");
    }

    @Test
    void aStoreWhoseZoneClaimsIgnoreTheZoneFailsTheZoneChecks() {
        assertThat(failedChecks(ClaimsByZoneAcrossZones.class))
                .contains(
                        "aClaimByZoneTakesOnlyThatZonesDueRecipientsInDueThenSequenceOrder",
                        "aRecipientGivenBackOrRetriedStaysInItsZone",
                        "aCampaignWithoutZonesOrUnknownToTheStoreHasNothingToClaimByZone");
    }

    @Test
    void aStoreThatClaimsAcrossZonesZoneByZoneFailsTheOrderChecks() {
        assertThat(failedChecks(ClaimsZoneByZone.class))
                .contains(
                        "aClaimAcrossZonesTakesTheirDueRecipientsByDueTimeThenSequenceWhicheverTheZone",
                        "anAudienceLaunchedWithItsZonesMixedIsClaimedInItsOrderAcrossClaimsUpToTheLimit")
                .doesNotContain(
                        "aClaimByZoneTakesOnlyThatZonesDueRecipientsInDueThenSequenceOrder",
                        "concurrentClaimersAcrossZonesReceiveEachRecipientOfThoseZonesExactlyOnce");
    }

    @Test
    void aStoreWhoseListingIgnoresTheTenantFailsTheTenantIsolationChecks() {
        assertThat(failedChecks(ListsEveryTenant.class))
                .contains(
                        "twoTenantsWithTheSameProjectAndCampaignNamesSeeTheirOwnOnly",
                        "aTenantsListingHoldsAllOfItsCampaignsByAscendingIdAndNoOtherTenants");
    }

    @Test
    void aStoreWhoseListingIgnoresTheCursorFailsThePagingChecks() {
        assertThat(failedChecks(IgnoresTheListingCursor.class))
                .contains("pagesHoldEveryMatchOnceInOrder", "aCampaignAddedAfterTheCursorIsListedAndOneBeforeItIsNot");
    }

    private static Set<String> failedChecks(Class<?> kitSubclass) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(SELF_TEST, "true")
                .selectors(selectClass(kitSubclass))
                .execute()
                .testEvents();
        assertThat(tests.succeeded().count())
                .as("checks passed by %s", kitSubclass.getSimpleName())
                .isPositive();
        Set<String> failed = new HashSet<>();
        for (Event event : tests.failed().list()) {
            String name = event.getTestDescriptor().getLegacyReportingName();
            String method = name.replaceAll("\\(.*", "");
            failed.add(
                    name.contains("[")
                            ? method + name.substring(name.indexOf('[')).replaceAll("\\].*", "]")
                            : method);
        }
        return failed;
    }

    // ---------------------------------------------------------------- broken stores

    private static final String SELF_TEST = "campaignkit.store.selftest";

    /**
     * Runs the broken stores' checks only inside this self-test, so that a Surefire run selecting
     * nested classes too ({@code -Dtest=...**}) does not report their intended failures.
     */
    static final class OnlyInSelfTest implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(SELF_TEST).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the self-test")
                    : ConditionEvaluationResult.disabled(
                            "a deliberately broken store, run only by StoreContractKitSelfTest");
        }
    }

    /** A kit subclass whose store is the in-memory store with one method changed by {@link #call}. */
    @ExtendWith(OnlyInSelfTest.class)
    abstract static class BrokenStore extends StorageContractKit {

        final InMemoryCampaignStore real = new InMemoryCampaignStore();
        private final Object proxy = Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {
                    CampaignStore.class,
                    RecipientStore.class,
                    EngagementStore.class,
                    SuppressionList.class,
                    ConversationStore.class,
                    InboundQueue.class,
                    TrackingStore.class
                },
                (self, method, args) -> method.isDefault()
                        ? InvocationHandler.invokeDefault(self, method, args)
                        : call(method, args)); // shorthands run on the broken abstract methods, as in a real store
        private final CampaignStorage storage = new CampaignStorage(
                (CampaignStore) proxy,
                (RecipientStore) proxy,
                (ConversationStore) proxy,
                (InboundQueue) proxy,
                (EngagementStore) proxy,
                (SuppressionList) proxy,
                (TrackingStore) proxy,
                PacingStore.inProcess());

        @Override
        protected CampaignStorage storage() {
            return storage;
        }

        @Override
        protected Duration concurrencyTimeout() {
            return Duration.ofSeconds(20);
        }

        /** The broken behaviour; by default the real one. */
        Object call(Method method, Object[] args) throws Throwable {
            return invokeReal(method, args);
        }

        final Object invokeReal(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }
    }

    /** Claims by zone hand out due recipients of any zone (a claim that forgot its zone condition). */
    @ExtendWith(OnlyInSelfTest.class)
    static class ClaimsByZoneAcrossZones extends RecipientWindowsContractKit {

        final InMemoryCampaignStore real = new InMemoryCampaignStore();
        private final RecipientWindows realWindows = real.windows().orElseThrow();
        private final RecipientWindows broken = new RecipientWindows() {
            @Override
            public List<Recipient> claimDueIn(
                    io.campaignkit.core.campaign.CampaignId campaignId,
                    Set<String> zoneKeys,
                    Lease lease,
                    int limit,
                    Instant now) {
                return real.claimForSending(campaignId, lease, limit, now);
            }

            @Override
            public java.util.Map<String, Instant> nextDueIn(
                    io.campaignkit.core.campaign.CampaignId campaignId, Set<String> zoneKeys) {
                return realWindows.nextDueIn(campaignId, zoneKeys);
            }

            @Override
            public Set<String> pendingZones(io.campaignkit.core.campaign.CampaignId campaignId) {
                return realWindows.pendingZones(campaignId);
            }
        };
        private final RecipientStore recipients = (RecipientStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RecipientStore.class}, (self, method, args) -> {
                    if (method.getName().equals("windows")) {
                        return Optional.of(broken);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        private final CampaignStorage storage =
                new CampaignStorage(real, recipients, real, real, real, real, real, PacingStore.inProcess());

        @Override
        protected CampaignStorage storage() {
            return storage;
        }
    }

    /** Claims across zones one zone after the other, in key order (each zone in due-then-sequence order). */
    @ExtendWith(OnlyInSelfTest.class)
    static class ClaimsZoneByZone extends RecipientWindowsContractKit {

        final InMemoryCampaignStore real = new InMemoryCampaignStore();
        private final RecipientWindows realWindows = real.windows().orElseThrow();
        private final RecipientWindows broken = new RecipientWindows() {
            @Override
            public List<Recipient> claimDueIn(
                    io.campaignkit.core.campaign.CampaignId campaignId,
                    Set<String> zoneKeys,
                    Lease lease,
                    int limit,
                    Instant now) {
                List<Recipient> claimed = new ArrayList<>();
                for (String zone : new java.util.TreeSet<>(zoneKeys)) {
                    if (claimed.size() < limit) {
                        claimed.addAll(
                                realWindows.claimDueIn(campaignId, Set.of(zone), lease, limit - claimed.size(), now));
                    }
                }
                return claimed;
            }

            @Override
            public java.util.Map<String, Instant> nextDueIn(
                    io.campaignkit.core.campaign.CampaignId campaignId, Set<String> zoneKeys) {
                return realWindows.nextDueIn(campaignId, zoneKeys);
            }

            @Override
            public Set<String> pendingZones(io.campaignkit.core.campaign.CampaignId campaignId) {
                return realWindows.pendingZones(campaignId);
            }
        };
        private final RecipientStore recipients = (RecipientStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RecipientStore.class}, (self, method, args) -> {
                    if (method.getName().equals("windows")) {
                        return Optional.of(broken);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        private final CampaignStorage storage =
                new CampaignStorage(real, recipients, real, real, real, real, real, PacingStore.inProcess());

        @Override
        protected CampaignStorage storage() {
            return storage;
        }
    }

    /** Updates whatever version is stored. */
    static class IgnoresVersions extends BrokenStore {
        @Override
        Object call(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("save") && args[0] != null && ((OptionalLong) args[1]).isPresent()) {
                Campaign campaign = (Campaign) args[0];
                real.find(campaign.id()).ifPresent(stored -> args[1] = OptionalLong.of(stored.version()));
                if (campaign.version() <= ((OptionalLong) args[1]).getAsLong()) {
                    return null; // pretend it was stored
                }
            }
            if (method.getName().equals("delete") && args[0] != null) {
                Campaign campaign = (Campaign) args[0];
                return invokeReal(method, new Object[] {real.find(campaign.id()).orElse(campaign)});
            }
            return invokeReal(method, args);
        }
    }

    /** Returns the first claimed recipient twice. */
    static class HandsOutClaimsTwice extends BrokenStore {
        @Override
        @SuppressWarnings("unchecked")
        Object call(Method method, Object[] args) throws Throwable {
            Object result = invokeReal(method, args);
            if (method.getName().equals("claim")
                    && args[0] == RecipientStore.ClaimKind.DUE
                    && !((List<Recipient>) result).isEmpty()) {
                List<Recipient> twice = new ArrayList<>((List<Recipient>) result);
                twice.add(twice.get(0));
                return twice;
            }
            return result;
        }
    }

    /** Recovers SENDING recipients as if every lease had expired. */
    static class RecoversLiveLeases extends BrokenStore {
        @Override
        Object call(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("claim")
                    && args[0] == RecipientStore.ClaimKind.EXPIRED
                    && args[2] != null
                    && args[4] != null) {
                Lease lease = (Lease) args[2];
                Instant muchLater = ((Instant) args[4]).plus(Duration.ofDays(1));
                return invokeReal(method, new Object[] {
                    args[0],
                    args[1],
                    new Lease(lease.owner(), lease.expiresAt().plus(Duration.ofDays(1))),
                    args[3],
                    muchLater
                });
            }
            return invokeReal(method, args);
        }
    }

    /** Applies every send outcome as if it carried the lease the recipient is held under now, if any. */
    static class IgnoresLeases extends BrokenStore {
        @Override
        @SuppressWarnings("unchecked")
        Object call(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("apply") && args[0] != null) {
                List<RecipientUpdate> asIfHeld = new ArrayList<>();
                for (RecipientUpdate update : (List<RecipientUpdate>) args[0]) {
                    Optional<Lease> held = update == null
                            ? Optional.empty()
                            : real.findRecipient(update.key()).flatMap(Recipient::lease);
                    asIfHeld.add(held.map(lease -> underLease(update, lease)).orElse(update));
                }
                return invokeReal(method, new Object[] {asIfHeld});
            }
            return invokeReal(method, args);
        }

        private static RecipientUpdate underLease(RecipientUpdate update, Lease lease) {
            if (update instanceof RecipientUpdate.Accepted u) {
                return new RecipientUpdate.Accepted(u.key(), lease, u.providerMessageId(), u.at());
            }
            if (update instanceof RecipientUpdate.Failed u) {
                return new RecipientUpdate.Failed(u.key(), lease, u.reason(), u.at());
            }
            if (update instanceof RecipientUpdate.RetryLater u) {
                return new RecipientUpdate.RetryLater(u.key(), lease, u.retryAt(), u.lastError(), u.at());
            }
            if (update instanceof RecipientUpdate.Unknown u) {
                return new RecipientUpdate.Unknown(u.key(), lease, u.reason(), u.at());
            }
            if (update instanceof RecipientUpdate.Unclaimed u) {
                return new RecipientUpdate.Unclaimed(u.key(), lease, u.dueAt(), u.at());
            }
            if (update instanceof RecipientUpdate.Skipped u) {
                return new RecipientUpdate.Skipped(u.key(), Optional.of(lease), u.reason(), u.at());
            }
            return update;
        }
    }

    /** Reports a change for every update, also for those that changed nothing. */
    static class ReportsNoOpsAsChanges extends BrokenStore {
        @Override
        @SuppressWarnings("unchecked")
        Object call(Method method, Object[] args) throws Throwable {
            Object result = invokeReal(method, args);
            if (method.getName().equals("apply")) {
                List<RecipientChange> changes = new ArrayList<>((List<RecipientChange>) result);
                for (RecipientUpdate update : (List<RecipientUpdate>) args[0]) {
                    if (changes.stream()
                            .noneMatch(change -> change.after().key().equals(update.key()))) {
                        real.findRecipient(update.key()).ifPresent(now -> changes.add(new RecipientChange(now, now)));
                    }
                }
                return changes;
            }
            return result;
        }
    }

    /** Engages every phone, whoever holds it. */
    static class EveryCampaignEngages extends BrokenStore {
        @Override
        Object call(Method method, Object[] args) throws Throwable {
            Object result = invokeReal(method, args);
            return method.getName().equals("engage") ? Set.of() : result;
        }
    }

    /** Holds claimed queued messages for a nanosecond only, while telling the caller they are under its lease. */
    static class HandsOutHeldQueuedMessages extends BrokenStore {
        @Override
        @SuppressWarnings("unchecked")
        Object call(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("claimQueued") && args[1] != null && args[3] != null) {
                Lease asked = (Lease) args[1];
                Lease fleeting = new Lease(asked.owner(), ((Instant) args[3]).plusNanos(1));
                List<QueuedInbound> claimed =
                        (List<QueuedInbound>) invokeReal(method, new Object[] {args[0], fleeting, args[2], args[3]});
                return claimed.stream()
                        .map(queued -> new QueuedInbound(
                                queued.sequence(),
                                queued.conversationId(),
                                queued.campaignId(),
                                queued.phone(),
                                queued.message(),
                                Optional.of(asked)))
                        .toList();
            }
            return invokeReal(method, args);
        }
    }

    /** Lists the campaigns of every tenant the kit uses that match the other filters. */
    static class ListsEveryTenant extends BrokenStore {
        @Override
        Object call(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("findCampaigns") && args[0] instanceof CampaignQuery.Listing listing) {
                List<Campaign> all = new ArrayList<>();
                for (String tenant : List.of("acme", "globex", "initech")) {
                    all.addAll(real.findCampaigns(new CampaignQuery.Listing(
                            tenant,
                            listing.projectId(),
                            listing.state(),
                            listing.botFlowId(),
                            listing.channelType(),
                            listing.channel(),
                            listing.after(),
                            listing.limit())));
                }
                return all.stream()
                        .sorted(Comparator.comparing(Campaign::id))
                        .limit(listing.limit())
                        .toList();
            }
            return invokeReal(method, args);
        }
    }

    /** Answers every listing page as if it were the first. */
    static class IgnoresTheListingCursor extends BrokenStore {
        @Override
        Object call(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("findCampaigns") && args[0] instanceof CampaignQuery.Listing listing) {
                return real.findCampaigns(new CampaignQuery.Listing(
                        listing.tenantId(),
                        listing.projectId(),
                        listing.state(),
                        listing.botFlowId(),
                        listing.channelType(),
                        listing.channel(),
                        Optional.empty(),
                        listing.limit()));
            }
            return invokeReal(method, args);
        }
    }
}
