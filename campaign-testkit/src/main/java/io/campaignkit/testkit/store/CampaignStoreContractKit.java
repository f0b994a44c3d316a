package io.campaignkit.testkit.store;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.DuplicateCampaignException;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.RecipientClaim;
import io.campaignkit.core.port.VersionConflictException;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * <p>JUnit makes a new instance of the test class for each check (also for the checks in the
 * {@link Nested} groups), so a field initializer gives every check a fresh store; close it in an
 * {@code @AfterEach} of your own if it holds resources. Campaigns are made with
 * {@link #readyCampaign}, {@link #activeCampaign} and contacts with {@link #contact(int)}: override
 * them if your store needs other data. Every check is a public test method named after the rule it
 * checks, so a report names the rule that broke.
 *
 * <p>Time is never read from the system clock: the kit passes instants from {@link #startTime()},
 * as the engine passes its clock's. The concurrency checks start {@link #concurrentClaimers()}
 * threads behind a latch and wait for them with {@link #concurrencyTimeout()}.
 */
public abstract class CampaignStoreContractKit {

    /** Default of {@link #startTime()}. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2026-06-01T15:00:00Z");
    /** Default of {@link #concurrentClaimers()}. */
    public static final int DEFAULT_CONCURRENT_CLAIMERS = 4;
    /** Default of {@link #concurrencyTimeout()}. */
    public static final Duration DEFAULT_CONCURRENCY_TIMEOUT = Duration.ofSeconds(60);
    /** The sender of the kit's campaigns unless a check needs another. */
    public static final ChannelBinding DEFAULT_SENDER = ChannelBinding.of("whatsapp-cloud", "109876543210");

    private static final Duration LEASE = Duration.ofSeconds(30);

    /**
     * The store under test. Called many times per check: return the same instance each time, new
     * and empty for each check.
     *
     * @return the store
     */
    protected abstract CampaignStore store();

    /**
     * The instant the checks start from; they move forward from it.
     *
     * @return by default {@link #DEFAULT_START_TIME}
     */
    protected Instant startTime() {
        return DEFAULT_START_TIME;
    }

    /**
     * How many threads the concurrency checks run at once.
     *
     * @return by default {@link #DEFAULT_CONCURRENT_CLAIMERS}
     */
    protected int concurrentClaimers() {
        return DEFAULT_CONCURRENT_CLAIMERS;
    }

    /**
     * How long a concurrency check waits for its threads before failing.
     *
     * @return by default {@link #DEFAULT_CONCURRENCY_TIMEOUT}
     */
    protected Duration concurrencyTimeout() {
        return DEFAULT_CONCURRENCY_TIMEOUT;
    }

    /**
     * A new READY campaign at version 0, created at {@link #startTime()}.
     *
     * @param id the campaign id
     * @param tenantId its tenant
     * @param projectId its project
     * @param sender the channel and sender it sends from
     * @return a campaign that {@link Campaign#launch} accepts
     */
    protected Campaign readyCampaign(String id, String tenantId, String projectId, ChannelBinding sender) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Contract kit " + id)
                .botFlowId("contract-kit-flow")
                .channel(sender)
                .message(TemplateMessage.of(ChannelTemplate.of("contract_kit", "es_MX", "Hola {{1}}"),
                        Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("contract-kit.csv"))
                .build();
        return Campaign.create(CampaignId.of(id), tenantId, projectId, CampaignKind.LIVE, configuration, startTime());
    }

    /**
     * {@link #readyCampaign} launched a minute after {@link #startTime()}: ACTIVE at version 1.
     *
     * @param id the campaign id
     * @param sender the channel and sender it sends from
     * @return an ACTIVE campaign, not stored
     */
    protected Campaign activeCampaign(String id, ChannelBinding sender) {
        return readyCampaign(id, "acme", "cobranza", sender).launch(startTime().plusSeconds(60));
    }

    /**
     * The kit's {@code index}-th contact: a distinct valid phone number for each index, named
     * after it.
     *
     * @param index from 0 to 99,999,999
     * @return the contact
     */
    protected Contact contact(int index) {
        return Contact.builder(PhoneNumber.parse(String.format("+5255%08d", index))).name("Contact " + index).build();
    }

    // ---------------------------------------------------------------- helpers for the checks

    /** Stores an ACTIVE campaign on the default sender with contacts 0 to {@code count - 1}. */
    protected final Campaign storeActiveWithRecipients(String id, int count) {
        Campaign campaign = activeCampaign(id, DEFAULT_SENDER);
        store().insert(campaign);
        addContacts(campaign.id(), 0, count);
        return campaign;
    }

    /** Adds contacts {@code from} to {@code to - 1} in batches of at most {@link CampaignStore#MAX_BATCH}. */
    protected final void addContacts(CampaignId campaignId, int from, int to) {
        for (int start = from; start < to; start += CampaignStore.MAX_BATCH) {
            List<Contact> batch = contacts(start, Math.min(to, start + CampaignStore.MAX_BATCH));
            assertThat(store().addRecipients(campaignId, batch)).as("recipients added").isEqualTo(batch.size());
        }
    }

    /** Contacts {@code from} to {@code to - 1}. */
    protected final List<Contact> contacts(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::contact).toList();
    }

    /** An instant {@code seconds} after {@link #startTime()}. */
    protected final Instant at(long seconds) {
        return startTime().plusSeconds(seconds);
    }

    /** A lease of {@code owner} that expires {@value #LEASE_SECONDS} seconds after {@code now}. */
    protected final Lease leaseFrom(String owner, Instant now) {
        return new Lease(owner, now.plus(LEASE));
    }

    /** Lease length of {@link #leaseFrom}, in seconds. */
    protected static final long LEASE_SECONDS = 30;

    private static List<PhoneNumber> phones(List<RecipientClaim> claims) {
        return claims.stream().map(claim -> claim.contact().phone()).toList();
    }

    private List<PhoneNumber> phonesOf(int from, int to) {
        return contacts(from, to).stream().map(Contact::phone).toList();
    }

    /** Runs {@code tasks} at once, released together by a latch, and returns their results. */
    protected final <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + concurrencyTimeout().toNanos();
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertInvalidArgument(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class,
                error -> assertThat(error.argument()).as("the argument named by: " + error.getMessage()).isEqualTo(argument));
    }

    // ================================================================ campaigns

    /** Inserting, finding and deleting campaigns. */
    @Nested
    @DisplayName("campaigns")
    public class Campaigns {

        @Test
        public void insertedCampaignIsFoundAsItWas() {
            Campaign campaign = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(campaign);
            assertThat(store().find(campaign.id())).contains(campaign);
        }

        @Test
        public void unknownCampaignIsNotFound() {
            assertThat(store().find(CampaignId.of("nowhere"))).isEmpty();
        }

        @Test
        public void insertingAnIdTwiceIsRefusedAndKeepsTheFirst() {
            Campaign first = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(first);
            Campaign second = readyCampaign("c-1", "other", "ventas", DEFAULT_SENDER);
            assertThatThrownBy(() -> store().insert(second)).isInstanceOfSatisfying(DuplicateCampaignException.class,
                    error -> assertThat(error.campaignId()).isEqualTo(first.id()));
            assertThat(store().find(first.id())).contains(first);
        }

        @Test
        public void deletingRemovesTheCampaignAndAllOfItsRecipients() {
            Campaign campaign = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(campaign);
            addContacts(campaign.id(), 0, 5);
            store().delete(campaign);
            assertThat(store().find(campaign.id())).isEmpty();
            assertThat(store().findByState(CampaignState.READY, Optional.empty(), 10)).isEmpty();
            assertThat(store().findByProject("acme", "cobranza", Optional.empty(), 10)).isEmpty();
            // a new campaign under the same id starts with no recipients
            store().insert(campaign);
            assertThat(store().countPending(campaign.id())).isZero();
            assertThat(store().addRecipients(campaign.id(), contacts(0, 5))).isEqualTo(5);
        }

        @Test
        public void deletingAFinishedCampaignIsAllowed() {
            Campaign active = activeCampaign("c-1", DEFAULT_SENDER);
            store().insert(active);
            Campaign finished = active.finish(FinishReason.BY_USER, at(120));
            store().update(finished, active.version());
            store().delete(finished);
            assertThat(store().find(active.id())).isEmpty();
        }

        @Test
        public void deletingAnActiveCampaignIsRefusedAndKeepsIt() {
            Campaign active = activeCampaign("c-1", DEFAULT_SENDER);
            store().insert(active);
            assertThatThrownBy(() -> store().delete(active)).isInstanceOfSatisfying(IllegalCampaignActionException.class,
                    error -> assertThat(error.getMessage()).contains("ACTIVE"));
            assertThat(store().find(active.id())).contains(active);
        }

        @Test
        public void deletingAStaleCampaignIsAVersionConflict() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(ready);
            Campaign renamed = ready.edit(c -> c.name("Renamed"), at(10));
            store().update(renamed, ready.version());
            assertThatThrownBy(() -> store().delete(ready)).isInstanceOf(VersionConflictException.class);
            assertThat(store().find(ready.id())).contains(renamed);
        }

        @Test
        public void deletingAnUnknownCampaignIsNotFound() {
            Campaign never = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            assertThatThrownBy(() -> store().delete(never)).isInstanceOfSatisfying(CampaignNotFoundException.class,
                    error -> assertThat(error.campaignId()).isEqualTo(never.id()));
        }
    }

    // ================================================================ versioning

    /** Optimistic versioning of campaign updates. */
    @Nested
    @DisplayName("versioning")
    public class Versioning {

        @Test
        public void updateFromTheStoredVersionReplacesTheCampaign() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(ready);
            Campaign launched = ready.launch(at(60));
            store().update(launched, ready.version());
            assertThat(store().find(ready.id())).contains(launched);
            assertThat(store().find(ready.id()).orElseThrow().version()).isEqualTo(ready.version() + 1);
            Campaign paused = launched.pause(io.campaignkit.core.campaign.PauseReason.BY_USER, at(70));
            store().update(paused, launched.version());
            assertThat(store().find(ready.id()).orElseThrow().version()).isEqualTo(ready.version() + 2);
        }

        @Test
        public void staleWriterGetsAVersionConflictNamingBothVersions() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(ready);
            Campaign first = ready.edit(c -> c.name("First writer"), at(10));
            Campaign second = ready.edit(c -> c.name("Second writer"), at(11));
            store().update(first, ready.version());
            assertThatThrownBy(() -> store().update(second, ready.version()))
                    .isInstanceOfSatisfying(VersionConflictException.class, error -> {
                        assertThat(error.campaignId()).isEqualTo(ready.id());
                        assertThat(error.expectedVersion()).isEqualTo(ready.version());
                        assertThat(error.actualVersion()).isEqualTo(first.version());
                        assertThat(error.code()).isEqualTo(VersionConflictException.CODE);
                    });
            assertThat(store().find(ready.id())).contains(first);
        }

        @Test
        public void ofConcurrentWritersFromOneVersionExactlyOneWins() throws Exception {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(ready);
            List<Callable<Campaign>> writers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Campaign edited = ready.edit(c -> c.name("Writer " + writers.size()), at(10));
                writers.add(() -> {
                    try {
                        store().update(edited, ready.version());
                        return edited;
                    } catch (VersionConflictException conflict) {
                        return null;
                    }
                });
            }
            List<Campaign> winners = runConcurrently(writers).stream().filter(java.util.Objects::nonNull).toList();
            assertThat(winners).hasSize(1);
            assertThat(store().find(ready.id())).contains(winners.get(0));
        }

        @Test
        public void updateOfAnUnknownCampaignIsNotFound() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            assertThatThrownBy(() -> store().update(ready.launch(at(60)), ready.version()))
                    .isInstanceOf(CampaignNotFoundException.class);
        }

        @Test
        public void updateWhoseVersionIsNotAboveTheExpectedIsRefused() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(ready);
            assertThatThrownBy(() -> store().update(ready, ready.version())).isInstanceOf(InvalidArgumentException.class);
            assertThat(store().find(ready.id())).contains(ready);
        }
    }

    // ================================================================ paging

    /** Pages of campaigns by state and by tenant's project. */
    @Nested
    @DisplayName("paging")
    public class Paging {

        @Test
        public void campaignsInAStateComeByAscendingIdPageByPage() {
            for (String id : List.of("c-5", "c-1", "c-4", "c-2", "c-3")) {
                store().insert(activeCampaign(id, DEFAULT_SENDER));
            }
            store().insert(readyCampaign("c-0", "acme", "cobranza", DEFAULT_SENDER));
            List<Campaign> first = store().findByState(CampaignState.ACTIVE, Optional.empty(), 2);
            assertThat(first).extracting(c -> c.id().value()).containsExactly("c-1", "c-2");
            List<Campaign> second = store().findByState(CampaignState.ACTIVE, Optional.of(first.get(1).id()), 2);
            assertThat(second).extracting(c -> c.id().value()).containsExactly("c-3", "c-4");
            List<Campaign> last = store().findByState(CampaignState.ACTIVE, Optional.of(second.get(1).id()), 2);
            assertThat(last).extracting(c -> c.id().value()).containsExactly("c-5");
            assertThat(store().findByState(CampaignState.ACTIVE, Optional.of(CampaignId.of("c-5")), 2)).isEmpty();
        }

        @Test
        public void aCampaignMovesToTheStateOfItsLatestUpdate() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER);
            store().insert(ready);
            Campaign active = ready.launch(at(60));
            store().update(active, ready.version());
            assertThat(store().findByState(CampaignState.READY, Optional.empty(), 10)).isEmpty();
            assertThat(store().findByState(CampaignState.ACTIVE, Optional.empty(), 10)).containsExactly(active);
        }

        @Test
        public void projectPagesBelongToOneTenantsProject() {
            store().insert(readyCampaign("a-2", "acme", "cobranza", DEFAULT_SENDER));
            store().insert(readyCampaign("a-1", "acme", "cobranza", DEFAULT_SENDER));
            store().insert(readyCampaign("a-3", "acme", "ventas", DEFAULT_SENDER));
            store().insert(readyCampaign("b-1", "globex", "cobranza", DEFAULT_SENDER));
            assertThat(store().findByProject("acme", "cobranza", Optional.empty(), 10))
                    .extracting(c -> c.id().value()).containsExactly("a-1", "a-2");
            assertThat(store().findByProject("acme", "cobranza", Optional.of(CampaignId.of("a-1")), 10))
                    .extracting(c -> c.id().value()).containsExactly("a-2");
            assertThat(store().findByProject("globex", "cobranza", Optional.empty(), 10))
                    .extracting(c -> c.id().value()).containsExactly("b-1");
            assertThat(store().findByProject("globex", "ventas", Optional.empty(), 10)).isEmpty();
        }
    }

    // ================================================================ recipients and leased claims

    /** Adding recipients and handing them out in leased batches. */
    @Nested
    @DisplayName("claims")
    public class Claims {

        @Test
        public void recipientsAreAddedOncePerPhoneAndTheFirstEntryStays() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER);
            store().insert(campaign);
            Contact renamedTwin = Contact.builder(contact(1).phone()).name("Twin").build();
            assertThat(store().addRecipients(campaign.id(), List.of(contact(0), contact(1), renamedTwin))).isEqualTo(2);
            assertThat(store().addRecipients(campaign.id(), List.of(contact(1), contact(2)))).isEqualTo(1);
            assertThat(store().countPending(campaign.id())).isEqualTo(3);
            List<RecipientClaim> claims = store().claimPending(campaign.id(), leaseFrom("a", at(0)), 10, at(0));
            assertThat(claims).extracting(RecipientClaim::contact).containsExactly(contact(0), contact(1), contact(2));
        }

        @Test
        public void oneContactMayBeARecipientOfSeveralCampaigns() {
            Campaign first = activeCampaign("c-1", DEFAULT_SENDER);
            Campaign second = activeCampaign("c-2", DEFAULT_SENDER);
            store().insert(first);
            store().insert(second);
            assertThat(store().addRecipients(first.id(), List.of(contact(0)))).isEqualTo(1);
            assertThat(store().addRecipients(second.id(), List.of(contact(0)))).isEqualTo(1);
        }

        @Test
        public void addingToAnUnknownCampaignIsNotFound() {
            assertThatThrownBy(() -> store().addRecipients(CampaignId.of("nowhere"), List.of(contact(0))))
                    .isInstanceOf(CampaignNotFoundException.class);
        }

        @Test
        public void claimsComeInTheOrderAddedUpToTheLimitUnderTheGivenLease() {
            Campaign campaign = storeActiveWithRecipients("c-1", 10);
            Lease lease = leaseFrom("a", at(0));
            List<RecipientClaim> claims = store().claimPending(campaign.id(), lease, 4, at(0));
            assertThat(phones(claims)).containsExactlyElementsOf(phonesOf(0, 4));
            assertThat(claims).allSatisfy(claim -> {
                assertThat(claim.lease()).isEqualTo(lease);
                assertThat(claim.campaignId()).isEqualTo(campaign.id());
            });
            assertThat(phones(store().claimPending(campaign.id(), leaseFrom("b", at(0)), 100, at(0))))
                    .containsExactlyElementsOf(phonesOf(4, 10));
            assertThat(store().claimPending(campaign.id(), leaseFrom("c", at(0)), 100, at(0))).isEmpty();
        }

        @Test
        public void claimedRecipientsStayPendingUntilHandled() {
            Campaign campaign = storeActiveWithRecipients("c-1", 10);
            store().claimPending(campaign.id(), leaseFrom("a", at(0)), 4, at(0));
            assertThat(store().countPending(campaign.id())).isEqualTo(10);
        }

        @Test
        public void aLiveLeaseIsNeverHandedToAnotherOwnerNotEvenAtItsLastInstant() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            Lease lease = leaseFrom("a", at(0));
            store().claimPending(campaign.id(), lease, 3, at(0));
            Instant lastLiveInstant = lease.expiresAt().minusNanos(1);
            assertThat(store().claimPending(campaign.id(), leaseFrom("b", lastLiveInstant), 3, lastLiveInstant)).isEmpty();
        }

        @Test
        public void anExpiredLeaseIsRecoveredByTheNextClaimInTheOrderAdded() {
            Campaign campaign = storeActiveWithRecipients("c-1", 6);
            Lease crashed = leaseFrom("crashed", at(0));
            store().claimPending(campaign.id(), crashed, 3, at(0));
            Instant expiry = crashed.expiresAt(); // a lease is over at its expiry
            List<RecipientClaim> recovered = store().claimPending(campaign.id(), leaseFrom("b", expiry), 10, expiry);
            assertThat(phones(recovered)).containsExactlyElementsOf(phonesOf(0, 6));
            assertThat(recovered).allSatisfy(claim -> assertThat(claim.lease().owner()).isEqualTo("b"));
        }

        @Test
        public void renewingKeepsTheRecipientsPastTheFirstExpiry() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            Lease lease = leaseFrom("a", at(0));
            List<RecipientClaim> claims = store().claimPending(campaign.id(), lease, 3, at(0));
            Instant newExpiry = at(100);
            List<RecipientClaim> renewed = store().renew(claims, newExpiry, at(20));
            assertThat(phones(renewed)).containsExactlyInAnyOrderElementsOf(phones(claims));
            assertThat(renewed).allSatisfy(claim -> assertThat(claim.lease()).isEqualTo(new Lease("a", newExpiry)));
            assertThat(store().claimPending(campaign.id(), leaseFrom("b", at(60)), 3, at(60))).isEmpty();
            assertThat(store().claimPending(campaign.id(), leaseFrom("b", at(100)), 3, at(100))).hasSize(3);
        }

        @Test
        public void aClaimTakenByAnotherOwnerAfterExpiryIsNotRenewed() {
            Campaign campaign = storeActiveWithRecipients("c-1", 3);
            List<RecipientClaim> stalled = store().claimPending(campaign.id(), leaseFrom("a", at(0)), 2, at(0));
            List<RecipientClaim> taken = store().claimPending(campaign.id(), leaseFrom("b", at(40)), 1, at(40));
            assertThat(phones(taken)).containsExactly(contact(0).phone());
            List<RecipientClaim> renewed = store().renew(stalled, at(100), at(41));
            assertThat(phones(renewed)).containsExactly(contact(1).phone());
            assertThat(store().claimPending(campaign.id(), leaseFrom("c", at(60)), 3, at(60)))
                    .extracting(claim -> claim.contact().phone()).containsExactly(contact(2).phone());
        }

        @Test
        public void anExpiredClaimNobodyTookIsStillRenewedByItsOwner() {
            Campaign campaign = storeActiveWithRecipients("c-1", 2);
            List<RecipientClaim> claims = store().claimPending(campaign.id(), leaseFrom("a", at(0)), 2, at(0));
            List<RecipientClaim> renewed = store().renew(claims, at(100), at(45));
            assertThat(phones(renewed)).containsExactlyInAnyOrderElementsOf(phones(claims));
            assertThat(store().claimPending(campaign.id(), leaseFrom("b", at(50)), 2, at(50))).isEmpty();
        }

        @Test
        public void releasedClaimsAreFreeAtOnceAndComeBackInTheOrderAdded() {
            Campaign campaign = storeActiveWithRecipients("c-1", 5);
            List<RecipientClaim> claims = store().claimPending(campaign.id(), leaseFrom("a", at(0)), 3, at(0));
            store().release(claims.subList(1, 3));
            assertThat(store().countPending(campaign.id())).isEqualTo(5);
            List<RecipientClaim> next = store().claimPending(campaign.id(), leaseFrom("b", at(1)), 10, at(1));
            assertThat(phones(next)).containsExactlyElementsOf(phonesOf(1, 5));
        }

        @Test
        public void releasingAClaimNoLongerHeldLeavesTheNewOwnersClaimAlone() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            List<RecipientClaim> stalled = store().claimPending(campaign.id(), leaseFrom("a", at(0)), 1, at(0));
            List<RecipientClaim> taken = store().claimPending(campaign.id(), leaseFrom("b", at(40)), 1, at(40));
            assertThat(taken).hasSize(1);
            store().release(stalled);
            assertThat(store().claimPending(campaign.id(), leaseFrom("c", at(41)), 1, at(41))).isEmpty();
            assertThat(store().renew(taken, at(100), at(42))).hasSize(1);
        }

        @Test
        public void claimsOfOneCampaignNeverIncludeAnothersRecipients() {
            Campaign first = storeActiveWithRecipients("c-1", 3);
            Campaign second = activeCampaign("c-2", DEFAULT_SENDER);
            store().insert(second);
            addContacts(second.id(), 100, 102);
            assertThat(phones(store().claimPending(second.id(), leaseFrom("a", at(0)), 10, at(0))))
                    .containsExactlyElementsOf(phonesOf(100, 102));
            assertThat(phones(store().claimPending(first.id(), leaseFrom("a", at(0)), 10, at(0))))
                    .containsExactlyElementsOf(phonesOf(0, 3));
        }
    }

    // ================================================================ concurrency

    /** Claims under concurrency: no recipient is handed out twice, none is lost. */
    @Nested
    @DisplayName("concurrent claims")
    public class ConcurrentClaims {

        @Test
        public void concurrentClaimersReceiveEveryRecipientExactlyOnce() throws Exception {
            int audience = 2_000;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            List<Callable<List<PhoneNumber>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                String owner = "engine-" + i;
                claimers.add(() -> {
                    List<PhoneNumber> mine = new ArrayList<>();
                    List<RecipientClaim> batch;
                    do {
                        batch = store().claimPending(campaign.id(), leaseFrom(owner, at(0)), 7, at(0));
                        mine.addAll(phones(batch));
                    } while (!batch.isEmpty());
                    return mine;
                });
            }
            List<PhoneNumber> all = new ArrayList<>();
            runConcurrently(claimers).forEach(all::addAll);
            assertThat(all).hasSize(audience).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(phonesOf(0, audience)));
        }

        @Test
        public void concurrentRecoveryOfExpiredLeasesHandsEachRecipientToOneOwner() throws Exception {
            int audience = 1_000;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            for (int claimed = 0; claimed < audience; ) {
                claimed += store().claimPending(campaign.id(), leaseFrom("crashed", at(0)), 100, at(0)).size();
            }
            Instant later = at(LEASE_SECONDS + 1);
            List<Callable<List<PhoneNumber>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                String owner = "survivor-" + i;
                claimers.add(() -> {
                    List<PhoneNumber> mine = new ArrayList<>();
                    List<RecipientClaim> batch;
                    do {
                        batch = store().claimPending(campaign.id(), leaseFrom(owner, later), 13, later);
                        mine.addAll(phones(batch));
                    } while (!batch.isEmpty());
                    return mine;
                });
            }
            List<PhoneNumber> all = new ArrayList<>();
            runConcurrently(claimers).forEach(all::addAll);
            assertThat(all).hasSize(audience).doesNotHaveDuplicates();
        }

        @Test
        public void concurrentReleaseAndClaimNeverHandOutALiveClaimTwice() throws Exception {
            int audience = 500;
            Campaign campaign = storeActiveWithRecipients("c-1", audience);
            // each claimer keeps what it claims on even rounds and gives it back on odd rounds
            List<Callable<List<PhoneNumber>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                String owner = "engine-" + i;
                claimers.add(() -> {
                    List<PhoneNumber> kept = new ArrayList<>();
                    for (int round = 0; round < 400; round++) {
                        List<RecipientClaim> batch =
                                store().claimPending(campaign.id(), leaseFrom(owner, at(0)), 5, at(0));
                        if (round % 2 == 1) {
                            store().release(batch);
                        } else {
                            kept.addAll(phones(batch));
                        }
                    }
                    return kept;
                });
            }
            List<PhoneNumber> kept = new ArrayList<>();
            runConcurrently(claimers).forEach(kept::addAll);
            assertThat(kept).doesNotHaveDuplicates();
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1L, 7L, 42L, 2026L, 31337L})
        public void randomClaimRenewReleaseSchedulesMatchTheLeaseModel(long seed) {
            Campaign campaign = storeActiveWithRecipients("c-1", 20);
            new ClaimSchedule(store(), campaign.id(), at(0), 3, seed).run(contacts(0, 20), 300);
        }
    }

    // ================================================================ argument validation

    /** Bad arguments are refused with an {@link InvalidArgumentException} naming the argument. */
    @Nested
    @DisplayName("argument validation")
    public class ArgumentValidation {

        @Test
        public void campaignMethodsNameTheirBadArgument() {
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
        public void limitsOutsideOneToMaxBatchAreRefused(int limit) {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            assertInvalidArgument(() -> store().findByState(CampaignState.ACTIVE, Optional.empty(), limit), "limit");
            assertInvalidArgument(() -> store().findByProject("acme", "cobranza", Optional.empty(), limit), "limit");
            assertInvalidArgument(() -> store().claimPending(campaign.id(), leaseFrom("a", at(0)), limit, at(0)), "limit");
        }

        @Test
        public void recipientMethodsNameTheirBadArgument() {
            Campaign campaign = storeActiveWithRecipients("c-1", 1);
            CampaignId id = campaign.id();
            CampaignStore store = store();
            assertInvalidArgument(() -> store.addRecipients(null, List.of(contact(5))), "campaignId");
            assertInvalidArgument(() -> store.addRecipients(id, null), "contacts");
            assertInvalidArgument(() -> store.addRecipients(id, List.of()), "contacts");
            assertInvalidArgument(() -> store.addRecipients(id, Collections.nCopies(CampaignStore.MAX_BATCH + 1, contact(5))),
                    "contacts");
            assertInvalidArgument(() -> store.addRecipients(id, java.util.Arrays.asList(contact(5), null)), "contacts");
            assertInvalidArgument(() -> store.claimPending(null, leaseFrom("a", at(0)), 1, at(0)), "campaignId");
            assertInvalidArgument(() -> store.claimPending(id, null, 1, at(0)), "lease");
            assertInvalidArgument(() -> store.claimPending(id, leaseFrom("a", at(0)), 1, null), "now");
            assertInvalidArgument(() -> store.claimPending(id, new Lease("a", at(0)), 1, at(0)), "lease");
            assertInvalidArgument(() -> store.countPending(null), "campaignId");
            List<RecipientClaim> claims = store.claimPending(id, leaseFrom("a", at(0)), 1, at(0));
            assertInvalidArgument(() -> store.renew(null, at(100), at(0)), "claims");
            assertInvalidArgument(() -> store.renew(claims, null, at(0)), "newExpiry");
            assertInvalidArgument(() -> store.renew(claims, at(100), null), "now");
            assertInvalidArgument(() -> store.renew(claims, at(10), at(10)), "newExpiry");
            assertInvalidArgument(() -> store.release(null), "claims");
            assertInvalidArgument(() -> store.release(java.util.Arrays.asList(claims.get(0), null)), "claims");
            // nothing was changed by the refused calls
            assertThat(store.countPending(id)).isEqualTo(1);
            assertThat(store.claimPending(id, leaseFrom("b", at(1)), 1, at(1))).isEmpty();
        }

        @Test
        public void recipientMethodsOnAnUnknownCampaignAreNotFound() {
            CampaignId unknown = CampaignId.of("nowhere");
            assertThatThrownBy(() -> store().claimPending(unknown, leaseFrom("a", at(0)), 1, at(0)))
                    .isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> store().countPending(unknown)).isInstanceOf(CampaignNotFoundException.class);
        }
    }

    private static Set<PhoneNumber> setOf(List<PhoneNumber> phones) {
        return new HashSet<>(phones);
    }
}
