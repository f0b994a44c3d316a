package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;

/**
 * The hooks and helpers every store contract kit shares (such as {@link CampaignStoreContractKit} and
 * {@link StorageContractKit}): extend a kit, not this class.
 * Override the {@code protected} non-final methods to adapt the kit to your store.
 */
public abstract class StoreContractSupport {

    /** Default of {@link #startTime()}. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2026-06-01T15:00:00Z");
    /** Default of {@link #concurrentClaimers()}. */
    public static final int DEFAULT_CONCURRENT_CLAIMERS = 4;
    /** Default of {@link #concurrencyTimeout()}. */
    public static final Duration DEFAULT_CONCURRENCY_TIMEOUT = Duration.ofSeconds(60);
    /** The channel binding of the kit's campaigns unless a check needs another. */
    public static final SenderKey DEFAULT_SENDER_KEY = SenderKey.of("whatsapp-cloud", "109876543210");
    /** The sender of {@link #DEFAULT_SENDER_KEY}. */
    public static final SenderKey DEFAULT_SENDER = new SenderKey("whatsapp-cloud", "109876543210");
    /** Lease length of {@link #leaseFrom}, in seconds. */
    public static final long LEASE_SECONDS = 30;

    /** A permanent failure, for the checks. */
    protected static final StatusReason REJECTED =
            StatusReason.of("RECIPIENT_PERMANENT", "number not on WhatsApp", true);
    /** A transient error, for the checks. */
    protected static final StatusReason TIMEOUT = StatusReason.of("TRANSIENT", "provider timed out", false);
    /** A skip reason, for the checks. */
    protected static final StatusReason OPTED_OUT = StatusReason.of("OPTED_OUT", "the contact opted out", true);

    /** The kit whose hooks this one answers with, when it runs nested in {@link StorageContractKit}. */
    private final @Nullable StoreContractSupport hooks;

    /** For subclasses. */
    protected StoreContractSupport() {
        this.hooks = null;
    }

    /**
     * For kits nested in another: every hook ({@link #startTime()}, {@link #concurrentClaimers()},
     * {@link #concurrencyTimeout()}, {@link #readyCampaign}, {@link #contact(int)}) answers as
     * {@code hooks} does, so a store's overrides on the outer kit reach every nested one.
     *
     * @param hooks the kit that answers the hooks
     */
    protected StoreContractSupport(StoreContractSupport hooks) {
        this.hooks = java.util.Objects.requireNonNull(hooks, "hooks");
    }

    /**
     * The storage under test (its pacing store is not used). Called many times per check: return the
     * same ports each time, new and empty for each check.
     *
     * @return the storage
     */
    protected abstract CampaignStorage storage();

    /** @return the storage's campaigns part */
    protected final CampaignStore store() {
        return storage().campaigns();
    }

    /**
     * The instant the checks start from; they move forward from it.
     *
     * @return by default {@link #DEFAULT_START_TIME}
     */
    protected Instant startTime() {
        return hooks != null ? hooks.startTime() : DEFAULT_START_TIME;
    }

    /**
     * How many threads the concurrency checks run at once.
     *
     * @return by default {@link #DEFAULT_CONCURRENT_CLAIMERS}
     */
    protected int concurrentClaimers() {
        return hooks != null ? hooks.concurrentClaimers() : DEFAULT_CONCURRENT_CLAIMERS;
    }

    /**
     * How long a concurrency check waits for its threads before failing.
     *
     * @return by default {@link #DEFAULT_CONCURRENCY_TIMEOUT}
     */
    protected Duration concurrencyTimeout() {
        return hooks != null ? hooks.concurrencyTimeout() : DEFAULT_CONCURRENCY_TIMEOUT;
    }

    /**
     * A new READY campaign at version 0, created at {@link #startTime()}.
     *
     * @param id the campaign id
     * @param tenantId its tenant
     * @param projectId its project
     * @param binding the channel and sender it sends from
     * @return a campaign that {@link Campaign#launch} accepts
     */
    protected Campaign readyCampaign(String id, String tenantId, String projectId, SenderKey binding) {
        if (hooks != null) {
            return hooks.readyCampaign(id, tenantId, projectId, binding);
        }
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Contract kit " + id)
                .botFlowId("contract-kit-flow")
                .channel(binding)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("contract_kit", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("contract-kit.csv"))
                .build();
        return Campaign.create(CampaignId.of(id), tenantId, projectId, CampaignKind.LIVE, configuration, startTime());
    }

    /**
     * {@link #readyCampaign} of tenant {@code acme}, project {@code cobranza}, launched a minute after
     * {@link #startTime()}: ACTIVE at version 1.
     *
     * @param id the campaign id
     * @param binding the channel and sender it sends from
     * @return an ACTIVE campaign, not stored
     */
    protected Campaign activeCampaign(String id, SenderKey binding) {
        return readyCampaign(id, "acme", "cobranza", binding).launch(startTime().plusSeconds(60));
    }

    /**
     * The kit's {@code index}-th contact: a distinct valid phone number for each index, named after it.
     *
     * @param index from 0 to 99,999,999
     * @return the contact
     */
    protected Contact contact(int index) {
        if (hooks != null) {
            return hooks.contact(index);
        }
        return Contact.builder(PhoneNumber.parse(String.format("+5255%08d", index)))
                .name("Contact " + index)
                .build();
    }

    // ---------------------------------------------------------------- the parts of the store

    /** @return the store's recipients part */
    protected final RecipientStore recipients() {
        return storage().recipients();
    }

    /** @return the store's engagements part */
    protected final EngagementStore engagements() {
        return storage().engagements();
    }

    /** @return the store's suppression list */
    protected final SuppressionList suppressions() {
        return storage().suppressions();
    }

    /** @return the store's conversations part */
    protected final ConversationStore conversations() {
        return storage().conversations();
    }

    /** @return the storage's queue of inbound messages */
    protected final InboundQueue inbound() {
        return storage().inbound();
    }

    /** @return the store's tracking part */
    protected final TrackingStore tracking() {
        return storage().tracking();
    }

    // ---------------------------------------------------------------- helpers for the checks

    /**
     * The earliest lease expiry among the campaign's SENDING recipients, from {@link RecipientStore#wakeUps},
     * checked to be what {@link RecipientStore#nextLeaseExpiry} answers too (a store may override it).
     *
     * @param campaignId the campaign
     * @return the expiry, if any recipient is SENDING
     */
    protected final Optional<Instant> nextLeaseExpiry(CampaignId campaignId) {
        Optional<Instant> fromWakeUps =
                recipients().wakeUps(campaignId, startTime()).nextLeaseExpiry();
        assertThat(recipients().nextLeaseExpiry(campaignId, startTime()))
                .as("nextLeaseExpiry against wakeUps")
                .isEqualTo(fromWakeUps);
        return fromWakeUps;
    }

    /**
     * Stores an ACTIVE campaign on the default sender with contacts 0 to {@code count - 1} as PENDING
     * recipients due at {@link #startTime()}.
     *
     * @param id the campaign id
     * @param count how many recipients
     * @return the stored campaign
     */
    protected final Campaign storeActiveWithRecipients(String id, int count) {
        Campaign campaign = activeCampaign(id, DEFAULT_SENDER_KEY);
        store().insert(campaign);
        addPending(campaign.id(), 0, count, at(0));
        return campaign;
    }

    /**
     * Stores ACTIVE campaigns with these ids on the default sender (each once), for checks of
     * engagements, conversations and tracking, so that a store whose tables refer to campaigns
     * accepts their rows.
     *
     * @param ids the campaign ids
     */
    protected final void storeActiveCampaigns(String... ids) {
        for (String id : ids) {
            if (store().find(CampaignId.of(id)).isEmpty()) {
                store().insert(activeCampaign(id, DEFAULT_SENDER_KEY));
            }
        }
    }

    /**
     * Adds contacts {@code from} to {@code to - 1} as PENDING recipients due at {@code dueAt}, in batches.
     *
     * @param campaignId the campaign
     * @param from first contact index
     * @param to contact index after the last
     * @param dueAt when they are due
     */
    protected final void addPending(CampaignId campaignId, int from, int to, Instant dueAt) {
        for (int start = from; start < to; start += CampaignStore.MAX_BATCH) {
            List<NewRecipient> batch = IntStream.range(start, Math.min(to, start + CampaignStore.MAX_BATCH))
                    .mapToObj(i -> NewRecipient.pending(contact(i), dueAt))
                    .toList();
            assertThat(recipients().insertRecipients(campaignId, batch, at(0)))
                    .as("recipients added")
                    .hasSize(batch.size());
        }
    }

    /**
     * @param from first contact index
     * @param to contact index after the last
     * @return contacts {@code from} to {@code to - 1}
     */
    protected final List<Contact> contacts(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::contact).toList();
    }

    /**
     * @param from first contact index
     * @param to contact index after the last
     * @return the phones of contacts {@code from} to {@code to - 1}
     */
    protected final List<PhoneNumber> phonesOf(int from, int to) {
        return contacts(from, to).stream().map(Contact::phone).toList();
    }

    /**
     * @param recipients recipients
     * @return their phones, in order
     */
    protected static List<PhoneNumber> phones(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::phone).toList();
    }

    /**
     * @param campaignId the campaign
     * @param index contact index
     * @return the key of contact {@code index} in the campaign
     */
    protected final RecipientKey key(CampaignId campaignId, int index) {
        return new RecipientKey(campaignId, contact(index).phone());
    }

    /**
     * @param seconds seconds after {@link #startTime()}
     * @return that instant
     */
    protected final Instant at(long seconds) {
        return startTime().plusSeconds(seconds);
    }

    /**
     * @param owner the lease's owner
     * @param now when it starts
     * @return a lease of {@code owner} that expires {@value #LEASE_SECONDS} seconds after {@code now}
     */
    protected static Lease leaseFrom(String owner, Instant now) {
        return new Lease(owner, now.plusSeconds(LEASE_SECONDS));
    }

    /**
     * Runs {@code tasks} at once, released together by a latch, and returns their results in order.
     *
     * @param tasks the tasks
     * @param <T> their result
     * @return their results
     * @throws Exception if a task failed or did not end within {@link #concurrencyTimeout()}
     */
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

    /**
     * Claims the next recipient of the campaign at {@link #at(long) at(0)} and has the provider accept it.
     *
     * @param campaignId the campaign
     * @param providerMessageId the id the provider gives the message
     * @return the recipient, SENT
     */
    protected final Recipient claimAndAccept(CampaignId campaignId, String providerMessageId) {
        Recipient claimed = recipients()
                .claimForSending(campaignId, leaseFrom("engine", at(0)), 1, at(0))
                .get(0);
        List<RecipientChange> changes = recipients()
                .apply(List.of(new RecipientUpdate.Accepted(
                        claimed.key(), claimed.lease().orElseThrow(), providerMessageId, at(1))));
        assertThat(changes).hasSize(1);
        return changes.get(0).after();
    }

    /**
     * @param claimed recipients one claim returned
     * @return the lease they were claimed under, as the store returned it
     */
    protected static Lease leaseOf(List<Recipient> claimed) {
        assertThat(claimed).as("claimed recipients").isNotEmpty();
        return claimed.get(0).lease().orElseThrow();
    }

    /**
     * @param key a recipient
     * @return the recipient as stored now
     */
    protected final Recipient stored(RecipientKey key) {
        return recipients().findRecipient(key).orElseThrow();
    }

    /**
     * @param updates updates to apply in one call
     * @return the changes the store reports
     */
    protected final List<RecipientChange> apply(RecipientUpdate... updates) {
        return recipients().apply(List.of(updates));
    }

    /**
     * Asserts that {@code call} throws an {@link InvalidArgumentException} naming {@code argument}.
     *
     * @param call the call
     * @param argument the argument it must name
     */
    protected static void assertInvalidArgument(ThrowingCallable call, String argument) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        error -> assertThat(error.argument())
                                .as("the argument named by: " + error.getMessage())
                                .isEqualTo(argument));
    }
}
