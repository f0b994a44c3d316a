package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.UnmatchedStatus;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.HeaderMedia;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one campaign's due recipients within its pace, its sender's limit, its active hours and the
 * engine's in-flight bound, and records every answer of the channel.
 */
final class Dispatcher {

    private final EngineContext context;
    private final Lifecycle lifecycle;
    /** Each campaign's limits, made once: the pacing store holds the buckets. */
    private final ConcurrentMap<CampaignId, SendLimits> limits = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Channel answers not yet recorded: recorded in batches, one store call per batch. */
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ReentrantLock recording = new ReentrantLock();
    /** Set while this thread sends a claimed batch: answers completing inline wait for the batch's end. */
    private final ThreadLocal<Boolean> sendingBatch = ThreadLocal.withInitial(() -> false);

    /** Claimed batches whose sends are not all recorded yet, per campaign: their leases are renewed. */
    private final ConcurrentMap<CampaignId, Set<Claim>> claims = new ConcurrentHashMap<>();

    /** One answer of the channel to one send. */
    private record Answer(Campaign campaign, Recipient recipient, Claim claim, SendReceipt receipt, Throwable failure,
            Instant at) {
    }

    /**
     * One claimed batch. Its lease is renewed while answers are outstanding, so a send slower than
     * the lease is not taken for a crash; the current lease is read and written under the recording
     * lock, so every update of the batch carries the lease its recipients are held under.
     */
    private static final class Claim {
        final CampaignId campaign;
        volatile Lease lease;
        final AtomicInteger outstanding = new AtomicInteger();

        Claim(CampaignId campaign, Lease lease) {
            this.campaign = campaign;
            this.lease = lease;
        }
    }

    Dispatcher(EngineContext context, Lifecycle lifecycle) {
        this.context = context;
        this.lifecycle = lifecycle;
    }

    int inFlight() {
        return inFlight.get();
    }

    void forget(CampaignId id) {
        limits.remove(id);
        claims.remove(id);
        context.pacing.forget(id);
    }

    /** Does what is due for one ACTIVE campaign at {@code now}; answers when it next has work. */
    Optional<Instant> run(Campaign campaign, Instant now) {
        Optional<Instant> recovery = earliest(renewLeases(campaign.id(), now),
                recoverExpired(campaign.id(), now, context.semantics == DeliverySemantics.AT_LEAST_ONCE));
        DispatchState dispatch = campaign.dispatch().orElseThrow();
        if (dispatch instanceof DispatchState.Waiting waiting) {
            if (now.isBefore(waiting.startAt())) {
                return earliest(recovery, Optional.of(waiting.startAt()));
            }
            campaign = lifecycle.change(campaign.id(), CampaignAction.START_SENDING, c -> c.startSending(now));
            dispatch = campaign.dispatch().orElseThrow();
        }
        if (!(dispatch instanceof DispatchState.Sending)) {
            return recovery;
        }
        ActiveHours hours = campaign.configuration().activeHours();
        if (!hours.isOpenAt(now)) {
            return earliest(recovery, hours.nextOpening(now));
        }
        Optional<Instant> next = sendDue(campaign, now);
        if (next.isEmpty()) {
            completeIfDone(campaign, now);
        }
        return earliest(recovery, next);
    }

    private Optional<Instant> sendDue(Campaign campaign, Instant now) {
        SendLimits limits = limitsOf(campaign);
        SenderKey sender = limits.sender();
        ChannelAdapter adapter = context.adapter(campaign);
        while (true) {
            int room = context.maxInFlight - inFlight.get();
            if (room <= 0) {
                return Optional.empty(); // a completion wakes the runner
            }
            int permits = context.pacing.availablePermits(limits, now);
            if (permits == 0) {
                Optional<Instant> due = context.recipients.nextDueAt(campaign.id(), now);
                return due.map(at -> later(at, context.pacing.nextPermitAt(limits, now)));
            }
            int wanted = Math.min(Math.min(room, permits), context.batchSize);
            List<Recipient> claimed = context.recipients.claimForSending(campaign.id(), context.newLease(now), wanted, now);
            if (claimed.isEmpty()) {
                return context.recipients.nextDueAt(campaign.id(), now);
            }
            int granted = context.pacing.tryAcquire(limits, claimed.size(), now);
            List<Recipient> sendable = skipSuppressed(sender, claimed, now);
            List<RecipientUpdate> giveBack = new ArrayList<>();
            Claim claim = new Claim(campaign.id(), leaseOf(claimed.get(0)));
            claims.computeIfAbsent(campaign.id(), id -> ConcurrentHashMap.newKeySet()).add(claim);
            int index = 0;
            sendingBatch.set(true);
            try {
                for (Recipient recipient : sendable) {
                    if (index++ < granted) {
                        send(campaign, adapter, recipient, claim, now);
                    } else {
                        giveBack.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), now, now));
                    }
                }
            } finally {
                sendingBatch.set(false);
            }
            recordAnswers();
            if (claim.outstanding.get() == 0) {
                release(claim);
            }
            if (!giveBack.isEmpty()) {
                context.recipients.apply(giveBack);
            }
            if (claimed.size() < wanted || granted < claimed.size()) {
                Optional<Instant> due = context.recipients.nextDueAt(campaign.id(), now);
                return due.map(at -> later(at, context.pacing.nextPermitAt(limits, now)));
            }
        }
    }

    private List<Recipient> skipSuppressed(SenderKey sender, List<Recipient> claimed, Instant now) {
        Set<io.campaignkit.core.contact.PhoneNumber> suppressed = context.suppressions.suppressedAmong(sender,
                claimed.stream().map(Recipient::phone).toList());
        if (suppressed.isEmpty()) {
            return claimed;
        }
        List<Recipient> sendable = new ArrayList<>(claimed.size());
        List<RecipientUpdate> skips = new ArrayList<>();
        for (Recipient recipient : claimed) {
            if (suppressed.contains(recipient.phone())) {
                skips.add(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(), StatusReason.of(SkipReasons.OPTED_OUT,
                        recipient.phone() + " opted out of " + sender.senderId(), true), now));
            } else {
                sendable.add(recipient);
            }
        }
        lifecycle.emit(context.recipients.apply(skips));
        return sendable;
    }

    private void send(Campaign campaign, ChannelAdapter adapter, Recipient recipient, Claim claim, Instant now) {
        TemplateMessage message = campaign.configuration().message().orElseThrow();
        RenderResult rendered = message.render(recipient.contact());
        if (rendered instanceof RenderResult.Unresolved unresolved) {
            lifecycle.emit(context.recipients.apply(List.of(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(),
                    StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true), now))));
            return;
        }
        OutboundMessage outbound = new OutboundMessage(recipient.phone().e164(), context.binding(campaign).senderId(),
                recipient.key().correlationId(), content(message, (RenderResult.Rendered) rendered));
        inFlight.incrementAndGet();
        claim.outstanding.incrementAndGet();
        CompletionStage<SendReceipt> answer;
        try {
            answer = adapter.send(outbound);
        } catch (RuntimeException adapterBug) {
            answer = java.util.concurrent.CompletableFuture.failedFuture(adapterBug);
        }
        answer.whenComplete((receipt, failure) -> {
            answers.add(new Answer(campaign, recipient, claim, receipt, failure, context.now()));
            inFlight.decrementAndGet();
            if (!sendingBatch.get()) {
                recordAnswers();
                context.wakeUp();
            }
        });
    }

    static MessageContent content(TemplateMessage message, RenderResult.Rendered rendered) {
        if (message.template() instanceof ChannelTemplate template) {
            TemplateContent content = TemplateContent.of(template.name(), template.languageCode(), rendered.parameters());
            if (message.headerMedia().isPresent()) {
                content = content.withHeaderMedia(media(message.headerMedia().get()));
            }
            return content;
        }
        return TextContent.of(rendered.text().orElseThrow());
    }

    static MediaKind kindOf(HeaderMedia media) {
        return switch (media.type()) {
            case IMAGE -> MediaKind.IMAGE;
            case VIDEO -> MediaKind.VIDEO;
            case DOCUMENT -> MediaKind.DOCUMENT;
        };
    }

    private static MediaReference media(HeaderMedia media) {
        MediaKind kind = kindOf(media);
        return media.link().map(link -> MediaReference.ofUrl(kind, link))
                .orElseGet(() -> MediaReference.ofProviderId(kind, media.mediaId().orElseThrow()));
    }

    // ---------------------------------------------------------------- answers

    /**
     * Records the queued answers, a batch per store call. Whoever holds the recording lock drains
     * the queue; a thread that finds it held leaves its answer to the holder, which checks the queue
     * again after letting go, so no answer is left behind.
     */
    void recordAnswers() {
        while (!answers.isEmpty()) {
            if (!recording.tryLock()) {
                return;
            }
            try {
                List<Answer> batch = new ArrayList<>();
                Answer answer;
                while ((answer = answers.poll()) != null) {
                    batch.add(answer);
                    if (batch.size() == context.batchSize) {
                        record(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    record(batch);
                }
            } finally {
                recording.unlock();
            }
        }
    }

    private void record(List<Answer> batch) {
        List<RecipientUpdate> updates = new ArrayList<>(batch.size());
        Map<String, RecipientKey> accepted = new HashMap<>();
        Set<CampaignId> givenBack = new HashSet<>();
        Map<CampaignId, SendFailure> pauses = new LinkedHashMap<>();
        for (Answer answer : batch) {
            RecipientUpdate update = updateFor(answer);
            updates.add(update);
            if (update instanceof RecipientUpdate.Accepted acceptedUpdate) {
                accepted.put(acceptedUpdate.providerMessageId(), acceptedUpdate.key());
            } else if (update instanceof RecipientUpdate.Unclaimed || update instanceof RecipientUpdate.RetryLater) {
                givenBack.add(answer.campaign().id());
            }
            failureOf(answer).filter(f -> f.errorClass() == SendErrorClass.CONTENT_PERMANENT
                    || f.errorClass() == SendErrorClass.AUTHENTICATION)
                    .ifPresent(f -> pauses.putIfAbsent(answer.campaign().id(), f));
        }
        lifecycle.emit(context.recipients.apply(updates));
        for (Answer answer : batch) {
            if (answer.claim().outstanding.decrementAndGet() == 0) {
                release(answer.claim());
            }
        }
        if (!accepted.isEmpty()) {
            applyEarlyStatuses(accepted);
        }
        pauses.forEach((id, failure) -> pauseForChannel(id, failure, batch.get(batch.size() - 1).at()));
        for (CampaignId id : givenBack) {
            skipIfFinished(id, context.now());
        }
    }

    private static Optional<SendFailure> failureOf(Answer answer) {
        if (answer.failure() == null) {
            return Optional.empty();
        }
        return Optional.of(ChannelSendException.find(answer.failure()).map(ChannelSendException::failure)
                .orElseGet(() -> SendFailure.withoutProviderCode(SendErrorClass.UNKNOWN_OUTCOME,
                        "adapter failed without classification: " + answer.failure())));
    }

    private RecipientUpdate updateFor(Answer answer) {
        Instant now = answer.at();
        RecipientKey key = answer.recipient().key();
        Lease lease = answer.claim().lease;
        Optional<SendFailure> failure = failureOf(answer);
        if (failure.isEmpty()) {
            return new RecipientUpdate.Accepted(key, lease, answer.receipt().providerMessageId(), now);
        }
        SendFailure sendFailure = failure.get();
        StatusReason reason = new StatusReason(sendFailure.errorClass().name(), sendFailure.providerMessage(),
                sendFailure.providerCode(), !sendFailure.errorClass().isRetryable());
        int attempts = answer.recipient().attempts();
        return switch (sendFailure.errorClass()) {
            case RATE_LIMITED -> {
                Instant retryAt = context.retryPolicy.rateLimitedRetryAt(sendFailure.retryAfter(), now);
                context.pacing.holdSender(limitsOf(answer.campaign()), retryAt);
                yield new RecipientUpdate.Unclaimed(key, lease, retryAt, now);
            }
            // a retry-after on a transient failure concerns this recipient only: no sender hold
            case TRANSIENT -> retryOrFail(key, lease, attempts, sendFailure.retryAfter(), reason, now);
            case RECIPIENT_PERMANENT -> new RecipientUpdate.Failed(key, lease, reason, now);
            case CONTENT_PERMANENT, AUTHENTICATION -> new RecipientUpdate.Unclaimed(key, lease, now, now);
            case UNKNOWN_OUTCOME -> context.semantics == DeliverySemantics.AT_MOST_ONCE
                    ? new RecipientUpdate.Unknown(key, lease, reason, now)
                    : retryOrFail(key, lease, attempts, Optional.empty(), reason, now);
        };
    }

    private RecipientUpdate retryOrFail(RecipientKey key, Lease lease, int attempts, Optional<java.time.Duration> retryAfter,
            StatusReason reason, Instant now) {
        Optional<Instant> retryAt;
        synchronized (context.random) {
            retryAt = context.retryPolicy.nextAttemptAt(Math.max(1, attempts), retryAfter, now, context.random);
        }
        return retryAt.<RecipientUpdate>map(at -> new RecipientUpdate.RetryLater(key, lease, at, reason, now))
                .orElseGet(() -> new RecipientUpdate.Failed(key, lease, new StatusReason(SkipReasons.RETRIES_EXHAUSTED,
                        "gave up after " + attempts + " attempts; last: " + reason.message(), reason.providerCode(), false),
                        now));
    }

    private void pauseForChannel(CampaignId id, SendFailure failure, Instant now) {
        try {
            lifecycle.change(id, CampaignAction.PAUSE, c -> {
                if (c.state() != CampaignState.ACTIVE || c.dispatch().orElseThrow() instanceof DispatchState.Done) {
                    return c;
                }
                return c.pause(PauseReasons.forFailure(failure.errorClass()), now);
            });
        } catch (IllegalCampaignActionException alreadyElsewhere) {
            // finished or done meanwhile: nothing to pause
        }
    }

    /** A recipient given back to PENDING after its campaign finished must not stay pending. */
    private void skipIfFinished(CampaignId id, Instant now) {
        context.campaigns.find(id).filter(c -> c.state() == CampaignState.FINISHED)
                .ifPresent(c -> Finisher.skipAllPending(context, lifecycle, id, now));
    }

    /** Applies status reports that arrived before the receipts of their messages. */
    private void applyEarlyStatuses(Map<String, RecipientKey> accepted) {
        Map<String, List<UnmatchedStatus>> early = context.tracking.takeUnmatchedStatuses(accepted.keySet());
        if (early.isEmpty()) {
            return;
        }
        List<RecipientUpdate> updates = new ArrayList<>();
        early.forEach((providerMessageId, statuses) -> {
            for (UnmatchedStatus status : statuses) {
                updates.add(new RecipientUpdate.StatusReached(accepted.get(providerMessageId), status.state(),
                        status.reason(), status.at()));
            }
        });
        lifecycle.emit(context.recipients.apply(updates));
    }

    // ---------------------------------------------------------------- leases, recovery and completion

    private void release(Claim claim) {
        Set<Claim> live = claims.get(claim.campaign);
        if (live != null) {
            live.remove(claim);
        }
    }

    /**
     * Renews the lease of every claim of the campaign with sends in flight once half of it has run,
     * so that only a process that stopped working loses its recipients; answers when the next
     * renewal is due.
     */
    private Optional<Instant> renewLeases(CampaignId id, Instant now) {
        Set<Claim> live = claims.get(id);
        if (live == null || live.isEmpty()) {
            return Optional.empty();
        }
        java.time.Duration margin = context.leaseDuration.dividedBy(2);
        Optional<Instant> next = Optional.empty();
        for (Claim claim : live) {
            if (!now.isBefore(claim.lease.expiresAt().minus(margin))) {
                recording.lock();
                try {
                    if (claim.outstanding.get() > 0) {
                        Lease renewed = context.newLease(now);
                        context.recipients.renewLease(id, claim.lease, renewed);
                        claim.lease = renewed;
                    }
                } finally {
                    recording.unlock();
                }
                recordAnswers(); // answers that found the lock held while renewing were left to its holder
            }
            if (claim.outstanding.get() > 0) {
                next = earliest(next, Optional.of(claim.lease.expiresAt().minus(margin)));
            }
        }
        return next;
    }

    /**
     * Recovers the campaign's SENDING recipients whose lease expired (their process crashed or
     * stalled): UNKNOWN, or given back to PENDING when {@code resend} (at-least-once, while the
     * campaign may still send). Answers the next lease expiry among its SENDING recipients.
     */
    Optional<Instant> recoverExpired(CampaignId id, Instant now, boolean resend) {
        Optional<Instant> expiry = context.recipients.wakeUps(id, now).nextLeaseExpiry();
        if (expiry.isEmpty() || now.isBefore(expiry.get())) {
            return expiry;
        }
        Lease lease = context.newLease(now);
        List<Recipient> expired;
        do {
            expired = context.recipients.claimExpiredSending(id, lease, context.batchSize, now);
            List<RecipientUpdate> updates = new ArrayList<>();
            StatusReason reason = StatusReason.of(SkipReasons.LEASE_EXPIRED,
                    "the sending process stopped before the channel answered", false);
            for (Recipient recipient : expired) {
                updates.add(resend
                        ? new RecipientUpdate.RetryLater(recipient.key(), leaseOf(recipient), now, reason, now)
                        : new RecipientUpdate.Unknown(recipient.key(), leaseOf(recipient), reason, now));
            }
            if (!updates.isEmpty()) {
                lifecycle.emit(context.recipients.apply(updates));
            }
        } while (expired.size() == context.batchSize);
        return context.recipients.wakeUps(id, now).nextLeaseExpiry();
    }

    /** How many sends of the campaign this engine made and has not recorded the answer of yet. */
    int outstanding(CampaignId id) {
        Set<Claim> live = claims.get(id);
        return live == null ? 0 : live.stream().mapToInt(claim -> claim.outstanding.get()).sum();
    }

    /**
     * Whether any of the campaign's recipients is SENDING, as a count: this engine's own sends awaiting
     * their answers if there are any (their leases renewed when due, so no one takes them over while
     * the campaign finishes), else the store's count (sends of other processes, live or dead). The
     * store is counted only once this engine's own answers are in: each answer wakes the runner, and
     * counting a large campaign's recipients on every wake would cost far more than the wait.
     */
    long sendingInFlight(CampaignId id, Instant now) {
        renewLeases(id, now);
        int own = outstanding(id);
        return own > 0 ? own : context.recipients.counts(id).count(DeliveryState.SENDING);
    }

    private void completeIfDone(Campaign campaign, Instant now) {
        if (outstanding(campaign.id()) > 0) {
            return; // answers to come: their recording wakes the runner, which looks again
        }
        RecipientCounts counts = context.recipients.counts(campaign.id());
        if (counts.count(DeliveryState.PENDING) == 0 && counts.count(DeliveryState.SENDING) == 0) {
            try {
                lifecycle.change(campaign.id(), CampaignAction.COMPLETE_SENDING, c ->
                        c.dispatch().orElse(null) instanceof DispatchState.Sending ? c.completeSending(now) : c);
            } catch (IllegalCampaignActionException changedMeanwhile) {
                // paused or finished meanwhile: the next run sees it
            }
        }
    }

    private SendLimits limitsOf(Campaign campaign) {
        SendLimits known = limits.get(campaign.id());
        return known != null ? known : limits.computeIfAbsent(campaign.id(), id -> {
            Pace pace = campaign.configuration().deliveryPlan().pace();
            RateLimit campaignLimit = new RateLimit(pace.messages(), pace.per().length(), pace.burst());
            RateLimit senderLimit = RateLimit.ofPermitsPerSecond(context.adapter(campaign).capabilities().maxMessagesPerSecond())
                    .withBurst(context.senderBurst);
            return new SendLimits(id, campaignLimit, context.senderKey(campaign), senderLimit);
        });
    }

    /** The lease a claimed recipient is held under; every update of its send carries it. */
    private static Lease leaseOf(Recipient claimed) {
        return claimed.lease().orElseThrow(() -> new IllegalStateException("claimed without a lease: " + claimed.key()));
    }

    static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
