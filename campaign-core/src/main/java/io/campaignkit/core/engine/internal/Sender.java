package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
            // open before any other store call: a failure of one strands the batch under this claim, whose
            // lease is kept and whose unsent recipients are given back once the store answers again
            Claims.Claim claim = claims.open(campaign.id(), leaseOf(claimed.get(0)));
            int[] handed = {0};
            List<Recipient> sendable = claimed;
            BatchOutcome outcome;
            try {
                // a contact who opted out since launch, or is busy now, is skipped (or deferred) before the permits
                // are taken: it sends nothing
                Optional<List<Recipient>> available = skipOrDeferBusy(campaign, skipSuppressed(sender, claimed, now), now);
                if (available.isEmpty()) {
                    claims.release(claim);
                    return Optional.of(busy.retryAfterFailure(now)); // the host's check failed: the batch went back
                }
                sendable = available.get();
                outcome = sendBatch(campaign, sender, adapter, sendable, claim, handed, now);
            } catch (RuntimeException storeFailure) {
                strand(claim, claimed, sendable.subList(0, handed[0]));
                throw storeFailure;
            }
            // every permit of this instant taken (with the default sender burst, one per run): asking again finds none
            if (claimed.size() < wanted || outcome.granted() < sendable.size() || outcome.granted() == permits) {
                return due.nextDueAt().map(at -> later(at, pacing.nextPermitAt(campaign, now)));
            }
        }
    }

    /** How many of a batch's sendable recipients had a permit. */
    private record BatchOutcome(int granted) {}

    /**
     * Takes the permits for {@code sendable} and sends those that got one, giving the rest back;
     * {@code handed[0]} counts the recipients dealt with in order, so a store failure midway knows
     * which were handed to the channel.
     */
    private BatchOutcome sendBatch(Campaign campaign, SenderKey sender, ChannelAdapter adapter, List<Recipient> sendable,
            Claims.Claim claim, int[] handed, Instant now) {
        int granted = sendable.isEmpty() ? 0 : pacing.tryAcquire(campaign, sendable.size(), now);
        Optional<TemplateMessage> message = campaign.configuration().message();
        answers.sendingBatch(() -> {
            for (int index = 0; index < granted; index++) {
                send(campaign, sender, message.orElseThrow(), adapter, sendable.get(index), claim, now);
                handed[0]++;
            }
        });
        answers.recordAnswers();
        if (granted < sendable.size()) {
            List<RecipientUpdate> giveBack = new ArrayList<>(sendable.size() - granted);
            for (Recipient recipient : sendable.subList(granted, sendable.size())) {
                giveBack.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), now, now));
            }
            recipients.apply(giveBack);
        }
        if (claim.outstanding.get() == 0) {
            claims.release(claim);
        }
        return new BatchOutcome(granted);
    }

    /**
     * A store call failed after the claim: the recipients of the batch not handed to the channel stay
     * under the claim, to be given back by the next run ({@link #giveBackStranded}) rather than left
     * SENDING until the lease expires and then taken for UNKNOWN though never sent. Those already
     * settled (skipped, given back) are included too: giving one back again changes nothing.
     */
    private static void strand(Claims.Claim claim, List<Recipient> claimed, List<Recipient> handed) {
        Set<RecipientKey> sent = new HashSet<>();
        for (Recipient recipient : handed) {
            sent.add(recipient.key());
        }
        List<Recipient> unsent = new ArrayList<>(claimed.size() - sent.size());
        for (Recipient recipient : claimed) {
            if (!sent.contains(recipient.key())) {
                unsent.add(recipient);
            }
        }
        claim.stranded = unsent.isEmpty() ? null : List.copyOf(unsent);
    }

    /**
     * Gives back to PENDING the recipients a store failure stranded under this engine's claims of the
     * campaign (see {@link #strand}); throws again, keeping them stranded, while the store still fails.
     */
    void giveBackStranded(CampaignId id, Instant now) {
        for (Claims.Claim claim : claims.of(id)) {
            List<Recipient> stranded = claim.stranded;
            if (stranded == null) {
                continue;
            }
            // under the recording lock: the lease a renewal may be changing is the one the store holds them under
            answers.whileNotRecording(() -> {
                List<RecipientUpdate> giveBack = new ArrayList<>(stranded.size());
                for (Recipient recipient : stranded) {
                    giveBack.add(new RecipientUpdate.Unclaimed(recipient.key(), claim.lease, now, now));
                }
                recipients.apply(giveBack);
                claim.stranded = null;
            });
            if (claim.outstanding.get() == 0) {
                claims.release(claim);
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
