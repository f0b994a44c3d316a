package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Records the channel's answers to sends, from whatever thread completes them: accepted, retried
 * later (with the {@link RetryPolicy}), failed, unknown, or given back; a content refusal pauses the
 * campaign, a credentials refusal every campaign on its sender.
 */
final class AnswerRecorder {

    private static final int CAMPAIGN_PAGE = 100;

    private final RecipientStore recipients;
    private final TrackingStore tracking;
    private final CampaignStore campaigns;
    private final Pacing pacing;
    private final RetryPolicy retryPolicy;
    private final DeliverySemantics semantics;
    private final RandomGenerator random;
    private final int batchSize;
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final Listeners listeners;
    private final Claims claims;
    private final PendingSkips pendingSkips;
    /** Channel answers not yet recorded: recorded in batches, one store call per batch. */
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    private final ReentrantLock recording = new ReentrantLock();
    /** Set while this thread sends a claimed batch: answers completing inline wait for the batch's end. */
    private final ThreadLocal<Boolean> sendingBatch = ThreadLocal.withInitial(() -> false);

    /** One answer of the channel to one send. */
    private record Answer(
            Campaign campaign,
            Recipient recipient,
            Claims.Claim claim,
            SendReceipt receipt,
            Throwable failure,
            Instant at) {}

    AnswerRecorder(
            RecipientStore recipients,
            TrackingStore tracking,
            CampaignStore campaigns,
            Pacing pacing,
            RetryPolicy retryPolicy,
            DeliverySemantics semantics,
            RandomGenerator random,
            int batchSize,
            Clock clock,
            Lifecycle lifecycle,
            Listeners listeners,
            Claims claims,
            PendingSkips pendingSkips) {
        this.recipients = recipients;
        this.tracking = tracking;
        this.campaigns = campaigns;
        this.pacing = pacing;
        this.retryPolicy = retryPolicy;
        this.semantics = semantics;
        this.random = random;
        this.batchSize = batchSize;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.listeners = listeners;
        this.claims = claims;
        this.pendingSkips = pendingSkips;
    }

    /** Runs {@code sends} of one claimed batch; the answers they complete inline are recorded after it. */
    void sendingBatch(Runnable sends) {
        sendingBatch.set(true);
        try {
            sends.run();
        } finally {
            sendingBatch.set(false);
        }
    }

    /** Takes the channel's answer to one send; records it now unless it came inline within a batch. */
    void answered(Campaign campaign, Recipient recipient, Claims.Claim claim, SendReceipt receipt, Throwable failure) {
        answers.add(new Answer(campaign, recipient, claim, receipt, failure, clock.instant()));
        claims.answered();
        if (!sendingBatch.get()) {
            recordAnswers();
            listeners.wakeUp();
        }
    }

    /**
     * Runs {@code change} while no answer is being recorded (a lease renewal: every update then carries
     * the lease its recipients are held under), then records the answers that came meanwhile.
     */
    void whileNotRecording(Runnable change) {
        recording.lock();
        try {
            change.run();
        } finally {
            recording.unlock();
        }
        recordAnswers(); // answers that found the lock held meanwhile were left to its holder
    }

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
                List<Answer> batch = new ArrayList<>(Math.min(batchSize, 16));
                Answer answer;
                while ((answer = answers.poll()) != null) {
                    batch.add(answer);
                    if (batch.size() == batchSize) {
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
        List<RecipientUpdate.Accepted> accepted = new ArrayList<>(batch.size());
        // the rest only for failures: most batches have none, and with the default sender burst a batch is one send
        Set<CampaignId> givenBack = Set.of();
        Map<CampaignId, SendFailure> pauses = Map.of();
        Map<SenderKey, SendFailure> refusedSenders = Map.of();
        for (Answer answer : batch) {
            Optional<SendFailure> failure = failureOf(answer);
            RecipientUpdate update = updateFor(answer, failure);
            updates.add(update);
            if (update instanceof RecipientUpdate.Accepted acceptedUpdate) {
                accepted.add(acceptedUpdate);
            } else if (update instanceof RecipientUpdate.Unclaimed || update instanceof RecipientUpdate.RetryLater) {
                if (givenBack.isEmpty()) {
                    givenBack = new HashSet<>();
                }
                givenBack.add(answer.campaign().id());
            }
            if (failure.isPresent()) {
                SendFailure f = failure.get();
                if (f.errorClass() == SendErrorClass.CONTENT_PERMANENT
                        || f.errorClass() == SendErrorClass.AUTHENTICATION) {
                    if (pauses.isEmpty()) {
                        pauses = new LinkedHashMap<>();
                    }
                    pauses.putIfAbsent(answer.campaign().id(), f);
                }
                if (f.errorClass() == SendErrorClass.AUTHENTICATION) {
                    if (refusedSenders.isEmpty()) {
                        refusedSenders = new LinkedHashMap<>();
                    }
                    refusedSenders.putIfAbsent(
                            ChannelRoutes.binding(
                                            answer.campaign(),
                                            answer.recipient().binding())
                                    .sender(),
                            f);
                }
            }
        }
        List<RecipientChange> changes;
        try {
            changes = recipients.apply(updates);
        } catch (io.campaignkit.core.CampaignKitException storeFailed) {
            if (io.campaignkit.core.port.CampaignStorage.STORE_FAILURE.equals(storeFailed.code())) {
                // the database is down: the answers wait for the next pass rather than being lost (their
                // recipients would stay SENDING until their lease ended, then be recorded UNKNOWN)
                answers.addAll(batch);
            }
            throw storeFailed;
        }
        lifecycle.emit(changes);
        for (Answer answer : batch) {
            if (answer.claim().outstanding.decrementAndGet() == 0 && answer.claim().stranded == null) {
                claims.release(answer.claim());
            }
        }
        if (!accepted.isEmpty()) {
            applyEarlyStatuses(accepted);
        }
        if (!pauses.isEmpty() || !refusedSenders.isEmpty()) {
            Instant last = batch.get(batch.size() - 1).at();
            pauses.forEach((id, failure) -> pauseForChannel(id, failure, last));
            refusedSenders.forEach((sender, failure) -> pauseSender(sender, failure, last));
        }
        for (CampaignId id : givenBack) {
            skipIfFinished(id, clock.instant());
        }
    }

    private static Optional<SendFailure> failureOf(Answer answer) {
        if (answer.failure() == null) {
            return Optional.empty();
        }
        return Optional.of(ChannelSendException.find(answer.failure())
                .map(ChannelSendException::failure)
                .orElseGet(() -> SendFailure.withoutProviderCode(
                        SendErrorClass.UNKNOWN_OUTCOME, "adapter failed without classification: " + answer.failure())));
    }

    private RecipientUpdate updateFor(Answer answer, Optional<SendFailure> failure) {
        Instant now = answer.at();
        RecipientKey key = answer.recipient().key();
        Lease lease = answer.claim().lease;
        if (failure.isEmpty()) {
            return new RecipientUpdate.Accepted(key, lease, answer.receipt().providerMessageId(), now);
        }
        SendFailure sendFailure = failure.get();
        StatusReason reason = new StatusReason(
                sendFailure.errorClass().name(),
                sendFailure.providerMessage(),
                sendFailure.providerCode(),
                !sendFailure.errorClass().isRetryable());
        int attempts = answer.recipient().attempts();
        return switch (sendFailure.errorClass()) {
            case RATE_LIMITED -> {
                Instant retryAt = retryPolicy.rateLimitedRetryAt(sendFailure.retryAfter(), now);
                pacing.holdSender(answer.campaign(), answer.recipient().binding(), retryAt);
                yield new RecipientUpdate.Unclaimed(key, lease, retryAt, now);
            }
            // a retry-after on a transient failure concerns this recipient only: no sender hold
            case TRANSIENT -> retryOrFail(key, lease, attempts, sendFailure.retryAfter(), reason, now);
            case RECIPIENT_PERMANENT ->
                Fallbacks.onSendAnswer(answer.campaign(), answer.recipient(), lease, sendFailure, reason, now)
                        .orElseGet(() -> new RecipientUpdate.Failed(key, lease, reason, now));
            case CONTENT_PERMANENT, AUTHENTICATION -> new RecipientUpdate.Unclaimed(key, lease, now, now);
            case UNKNOWN_OUTCOME ->
                semantics == DeliverySemantics.AT_MOST_ONCE
                        ? new RecipientUpdate.Unknown(key, lease, reason, now)
                        : retryOrFail(key, lease, attempts, Optional.empty(), reason, now);
        };
    }

    private RecipientUpdate retryOrFail(
            RecipientKey key,
            Lease lease,
            int attempts,
            Optional<Duration> retryAfter,
            StatusReason reason,
            Instant now) {
        Optional<Instant> retryAt;
        synchronized (random) {
            retryAt = retryPolicy.nextAttemptAt(Math.max(1, attempts), retryAfter, now, random);
        }
        return retryAt.<RecipientUpdate>map(at -> new RecipientUpdate.RetryLater(key, lease, at, reason, now))
                .orElseGet(() -> new RecipientUpdate.Failed(
                        key,
                        lease,
                        new StatusReason(
                                SkipReasons.RETRIES_EXHAUSTED,
                                "gave up after " + attempts + " attempts; last: " + reason.message(),
                                reason.providerCode(),
                                false),
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

    /**
     * Credentials belong to the sender, not to one campaign: every other ACTIVE campaign on the sender
     * is paused too (CHANNEL_AUTHENTICATION), each until it is resumed. Campaigns still preparing or
     * finishing are left as they are (neither can be paused).
     */
    private void pauseSender(SenderKey sender, SendFailure failure, Instant now) {
        Optional<CampaignId> after = Optional.empty();
        List<Campaign> page;
        do {
            page = campaigns.findByState(CampaignState.ACTIVE, after, CAMPAIGN_PAGE);
            for (Campaign campaign : page) {
                if (ChannelRoutes.senders(campaign).contains(sender)) {
                    pauseForChannel(campaign.id(), failure, now);
                }
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } while (page.size() == CAMPAIGN_PAGE);
    }

    /** A recipient given back to PENDING after its campaign finished must not stay pending. */
    private void skipIfFinished(CampaignId id, Instant now) {
        campaigns
                .find(id)
                .filter(c -> c.state() == CampaignState.FINISHED)
                .ifPresent(c -> pendingSkips.skipAll(id, now));
    }

    /** Applies status reports that arrived before the receipts of their messages. */
    private void applyEarlyStatuses(List<RecipientUpdate.Accepted> accepted) {
        Map<String, List<UnmatchedStatus>> early = tracking.takeUnmatchedStatuses(providerMessageIds(accepted));
        if (early.isEmpty()) {
            return;
        }
        Map<String, RecipientKey> byId = new HashMap<>();
        for (RecipientUpdate.Accepted update : accepted) {
            byId.put(update.providerMessageId(), update.key());
        }
        List<RecipientUpdate> updates = new ArrayList<>();
        early.forEach((providerMessageId, statuses) -> {
            for (UnmatchedStatus status : statuses) {
                updates.add(new RecipientUpdate.StatusReached(
                        Objects.requireNonNull(byId.get(providerMessageId)), status.state(),
                        status.reason(), status.at()));
            }
        });
        lifecycle.emit(recipients.apply(updates));
    }

    /** The accepted messages' provider ids, each once (a list: the store's checks read it without an iterator). */
    private static List<String> providerMessageIds(List<RecipientUpdate.Accepted> accepted) {
        if (accepted.size() == 1) {
            return List.of(accepted.get(0).providerMessageId()); // the default sender burst: one send a batch
        }
        Set<String> ids = new LinkedHashSet<>();
        for (RecipientUpdate.Accepted update : accepted) {
            ids.add(update.providerMessageId());
        }
        return List.copyOf(ids);
    }
}
