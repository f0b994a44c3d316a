package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a campaign's due recipients: claims them in batches within its pace, its sender's limit and
 * the engine's in-flight bound, skips the contacts who opted out since launch, skips or defers those
 * the host says are busy ({@link BusyContacts}), renders the message
 * and hands it to the channel. The answers go to the {@link AnswerRecorder}.
 */
final class Sender {

    private final RecipientStore recipients;
    private final SuppressionList suppressions;
    private final Pacing pacing;
    private final ChannelAdapters adapters;
    private final Leases leases;
    private final int maxInFlight;
    private final int batchSize;
    private final Lifecycle lifecycle;
    private final Claims claims;
    private final AnswerRecorder answers;
    private final BusyContacts busy;
    private final LocalTimes localTimes;

    Sender(RecipientStore recipients, SuppressionList suppressions, Pacing pacing, ChannelAdapters adapters,
            Leases leases, int maxInFlight, int batchSize, Lifecycle lifecycle, Claims claims, AnswerRecorder answers,
            BusyContacts busy, LocalTimes localTimes) {
        this.recipients = recipients;
        this.suppressions = suppressions;
        this.pacing = pacing;
        this.adapters = adapters;
        this.leases = leases;
        this.maxInFlight = maxInFlight;
        this.batchSize = batchSize;
        this.lifecycle = lifecycle;
        this.claims = claims;
        this.answers = answers;
        this.busy = busy;
        this.localTimes = localTimes;
    }

    /**
     * Sends what is due of a campaign that may send at {@code now}; answers when it next has a due
     * recipient and a permit, or empty when none is left to send (or a completion will wake the runner).
     */
    Optional<Instant> sendDue(Campaign campaign, Instant now) {
        SenderKey sender = ChannelAdapters.senderKey(campaign);
        ChannelAdapter adapter = adapters.adapter(campaign);
        DueRecipients due = DueRecipients.of(recipients, localTimes, campaign, now);
        while (true) {
            int room = maxInFlight - claims.inFlight();
            if (room <= 0) {
                return Optional.empty(); // a completion wakes the runner
            }
            int permits = pacing.availablePermits(campaign, now);
            if (permits == 0) {
                return due.nextDueAt().map(at -> later(at, pacing.nextPermitAt(campaign, now)));
            }
            int wanted = Math.min(Math.min(room, permits), batchSize);
            List<Recipient> claimed = due.claim(leases.newLease(now), wanted);
            if (claimed.isEmpty()) {
                return due.nextDueAt();
            }
            // a contact who opted out since launch, or is busy now, is skipped (or deferred) before the permits
            // are taken: it sends nothing
            Optional<List<Recipient>> available = skipOrDeferBusy(campaign, skipSuppressed(sender, claimed, now), now);
            if (available.isEmpty()) {
                return Optional.of(busy.retryAfterFailure(now)); // the host's check failed: the batch went back
            }
            List<Recipient> sendable = available.get();
            int granted = sendable.isEmpty() ? 0 : pacing.tryAcquire(campaign, sendable.size(), now);
            List<RecipientUpdate> giveBack = new ArrayList<>(sendable.size() - granted);
            Claims.Claim claim = claims.open(campaign.id(), leaseOf(claimed.get(0)));
            Optional<TemplateMessage> message = campaign.configuration().message();
            answers.sendingBatch(() -> {
                int index = 0;
                for (Recipient recipient : sendable) {
                    if (index++ < granted) {
                        send(campaign, sender, message.orElseThrow(), adapter, recipient, claim, now);
                    } else {
                        giveBack.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), now, now));
                    }
                }
            });
            answers.recordAnswers();
            if (claim.outstanding.get() == 0) {
                claims.release(claim);
            }
            if (!giveBack.isEmpty()) {
                recipients.apply(giveBack);
            }
            // every permit of this instant taken (with the default sender burst, one per run): asking again finds none
            if (claimed.size() < wanted || granted < sendable.size() || granted == permits) {
                return due.nextDueAt().map(at -> later(at, pacing.nextPermitAt(campaign, now)));
            }
        }
    }

    private List<Recipient> skipSuppressed(SenderKey sender, List<Recipient> claimed, Instant now) {
        List<PhoneNumber> phones = new ArrayList<>(claimed.size());
        for (Recipient recipient : claimed) {
            phones.add(recipient.phone());
        }
        Set<PhoneNumber> suppressed = suppressions.suppressedAmong(sender, phones);
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
        lifecycle.emit(recipients.apply(skips));
        return sendable;
    }

    /**
     * Asks the host which of the batch are busy (one call): a busy one is skipped, or given back unsent
     * to be checked again while the campaign's wait lasts. Answers the rest, or empty when the check
     * failed and the whole batch was given back.
     */
    private Optional<List<Recipient>> skipOrDeferBusy(Campaign campaign, List<Recipient> candidates, Instant now) {
        if (candidates.isEmpty() || !busy.checks()) {
            return Optional.of(candidates);
        }
        Set<PhoneNumber> busyNow;
        try {
            busyNow = busy.busyAmong(campaign, candidates.stream().map(Recipient::phone).toList());
        } catch (RuntimeException failure) {
            Instant retry = busy.retryAfterFailure(now);
            recipients.apply(candidates.stream().<RecipientUpdate>map(r -> new RecipientUpdate.Unclaimed(r.key(),
                    leaseOf(r), retry, now)).toList());
            return Optional.empty();
        }
        List<Recipient> sendable = new ArrayList<>(candidates.size());
        List<RecipientUpdate> skips = new ArrayList<>();
        List<RecipientUpdate> deferred = new ArrayList<>();
        for (Recipient recipient : candidates) {
            if (!busyNow.contains(recipient.phone())) {
                busy.free(recipient.key());
                sendable.add(recipient);
                continue;
            }
            Optional<Instant> recheck = busy.recheckAt(campaign, recipient.key(), now);
            if (recheck.isPresent()) {
                deferred.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), recheck.get(), now));
            } else {
                skips.add(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(),
                        BusyContacts.skipReason(campaign, recipient.phone()), now));
            }
        }
        if (!skips.isEmpty()) {
            lifecycle.emit(recipients.apply(skips));
        }
        if (!deferred.isEmpty()) {
            recipients.apply(deferred); // PENDING again, its attempt given back: nothing was sent
        }
        return Optional.of(sendable);
    }

    private void send(Campaign campaign, SenderKey sender, TemplateMessage message, ChannelAdapter adapter,
            Recipient recipient, Claims.Claim claim, Instant now) {
        RenderResult rendered = message.render(recipient.contact());
        if (rendered instanceof RenderResult.Unresolved unresolved) {
            lifecycle.emit(recipients.apply(List.of(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(),
                    StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true), now))));
            return;
        }
        OutboundMessage outbound = new OutboundMessage(recipient.phone().e164(), sender.senderId(),
                recipient.key().correlationId(), MessageContents.content(message, (RenderResult.Rendered) rendered));
        claims.sent(claim);
        CompletionStage<SendReceipt> answer;
        try {
            answer = adapter.send(outbound);
        } catch (RuntimeException adapterBug) {
            answer = CompletableFuture.failedFuture(adapterBug);
        }
        answer.whenComplete((receipt, failure) -> answers.answered(campaign, recipient, claim, receipt, failure));
    }

    /** The lease a claimed recipient is held under; every update of its send carries it. */
    static Lease leaseOf(Recipient claimed) {
        return claimed.lease().orElseThrow(() -> new IllegalStateException("claimed without a lease: " + claimed.key()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
