package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a campaign's due recipients: claims them in batches within its pace, its senders' limits and
 * the engine's in-flight bound, skips the contacts who opted out since launch, skips or defers those
 * the host says are busy ({@link BusyContacts}), renders the message of each recipient's channel
 * binding and hands it to that binding's channel. A claimed batch may mix bindings (first sends and
 * fallbacks): each binding's recipients are checked against its sender and take its permits. The
 * answers go to the {@link AnswerRecorder}.
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
    private final ChannelRoutes routes;
    private final LocalTimes localTimes;

    Sender(
            RecipientStore recipients,
            SuppressionList suppressions,
            Pacing pacing,
            ChannelAdapters adapters,
            Leases leases,
            int maxInFlight,
            int batchSize,
            Lifecycle lifecycle,
            Claims claims,
            AnswerRecorder answers,
            BusyContacts busy,
            ChannelRoutes routes,
            LocalTimes localTimes) {
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
        this.routes = routes;
        this.localTimes = localTimes;
    }

    /**
     * Sends what is due of a campaign that may send at {@code now}; answers when it next has a due
     * recipient and a permit, or empty when none is left to send (or a completion will wake the runner).
     */
    Optional<Instant> sendDue(Campaign campaign, Instant now) {
        DueRecipients due = DueRecipients.of(recipients, localTimes, campaign, now);
        while (true) {
            int room = maxInFlight - claims.inFlight();
            if (room <= 0) {
                return Optional.empty(); // a completion wakes the runner
            }
            int permits = pacing.availablePermits(campaign, now);
            if (permits == 0) {
                return nextSend(due, campaign, now);
            }
            int wanted = Math.min(Math.min(room, permits), batchSize);
            List<Recipient> claimed = due.claim(leases.newLease(now), wanted);
            if (claimed.isEmpty()) {
                return due.nextDueAt();
            }
            // open before any other store call: a failure of one strands the batch under this claim, whose
            // lease is kept and whose unsent recipients are given back once the store answers again
            Claims.Claim claim = claims.open(campaign.id(), leaseOf(claimed.get(0)));
            List<Recipient> handed = new ArrayList<>();
            BatchOutcome outcome;
            try {
                outcome = sendBatch(campaign, claimed, claim, handed, now);
            } catch (RuntimeException storeFailure) {
                strand(claim, claimed, handed);
                throw storeFailure;
            }
            if (outcome.checkFailed()) {
                return Optional.of(busy.retryAfterFailure(now)); // the host's check failed: those recipients went back
            }
            // every permit of this instant taken (with the default sender burst, one per run): asking again finds none
            if (claimed.size() < wanted || outcome.shortOfPermits() || outcome.granted() == permits) {
                return nextSend(due, campaign, now);
            }
        }
    }

    /** When the campaign may next send: its next due recipient once a permit is free; empty when none is due. */
    private Optional<Instant> nextSend(DueRecipients due, Campaign campaign, Instant now) {
        Optional<Instant> dueAt = due.nextDueAt();
        return dueAt.isEmpty() ? dueAt : Optional.of(later(dueAt.get(), pacing.nextPermitAt(campaign, now)));
    }

    /**
     * What became of a claimed batch: how many of its recipients had a permit, whether some lacked one,
     * and whether the host's availability check failed for a binding (its recipients went back).
     */
    private record BatchOutcome(int granted, boolean shortOfPermits, boolean checkFailed) {}

    /**
     * Checks each binding's recipients (opt-outs, availability), takes their sender's permits, sends
     * those that got one and gives the rest back; {@code handed} collects the recipients handed to the
     * channel, so a store failure midway knows which were sent.
     */
    private BatchOutcome sendBatch(
            Campaign campaign, List<Recipient> claimed, Claims.Claim claim, List<Recipient> handed, Instant now) {
        Permits permits = new Permits();
        if (ChannelRoutes.bindings(campaign).size() < 2) {
            permits.take(campaign, 0, claimed, now); // one binding: the whole batch, without grouping it
        } else {
            for (Map.Entry<Integer, List<Recipient>> binding :
                    byBinding(claimed).entrySet()) {
                permits.take(campaign, binding.getKey(), binding.getValue(), now);
            }
        }
        answers.sendingBatch(() -> {
            for (Granted grant : permits.granted) {
                ChannelBinding binding = ChannelRoutes.binding(campaign, grant.binding());
                ChannelAdapter adapter = adapters.adapter(binding.sender().channelType());
                for (Recipient recipient : grant.sends()) {
                    send(campaign, binding, adapter, recipient, claim, now);
                    handed.add(recipient);
                }
            }
        });
        answers.recordAnswers();
        if (!permits.giveBack.isEmpty()) {
            recipients.apply(permits.giveBack);
        }
        if (claim.outstanding.get() == 0) {
            claims.release(claim);
        }
        return new BatchOutcome(permits.grantedInAll, permits.shortOfPermits, permits.checkFailed);
    }

    /** One binding's recipients that got a permit, to be sent in binding order. */
    private record Granted(int binding, List<Recipient> sends) {}

    /** The permits a claimed batch got, binding by binding, and the recipients given back for lack of one. */
    private final class Permits {
        final List<Granted> granted = new ArrayList<>(1);
        List<RecipientUpdate> giveBack = List.of();
        int grantedInAll;
        boolean shortOfPermits;
        boolean checkFailed;

        /** Checks one binding's recipients (opt-outs, availability) and takes their sender's permits. */
        void take(Campaign campaign, int index, List<Recipient> ofBinding, Instant now) {
            // a contact who opted out since launch, or is busy now, is skipped (or deferred) before the
            // permits are taken: it sends nothing
            Optional<List<Recipient>> available =
                    skipOrDeferBusy(campaign, index, skipSuppressed(campaign, index, ofBinding, now), now);
            if (available.isEmpty()) {
                checkFailed = true; // the host's check failed: these went back
                return;
            }
            List<Recipient> sendable = available.get();
            int grants = sendable.isEmpty() ? 0 : pacing.tryAcquire(campaign, index, sendable.size(), now);
            granted.add(new Granted(index, grants == sendable.size() ? sendable : sendable.subList(0, grants)));
            if (grants < sendable.size()) {
                if (giveBack.isEmpty()) {
                    giveBack = new ArrayList<>(sendable.size() - grants);
                }
                for (Recipient recipient : sendable.subList(grants, sendable.size())) {
                    giveBack.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), now, now));
                }
            }
            grantedInAll += grants;
            shortOfPermits |= grants < sendable.size();
        }
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
        Set<Claims.Claim> live = claims.of(id);
        if (live.isEmpty()) {
            return; // asked every run: no iterator when every claim is settled
        }
        for (Claims.Claim claim : live) {
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

    /** The claimed recipients of a campaign with several channel bindings by binding, in binding order. */
    private static Map<Integer, List<Recipient>> byBinding(List<Recipient> claimed) {
        Map<Integer, List<Recipient>> byBinding = new TreeMap<>();
        for (Recipient recipient : claimed) {
            byBinding
                    .computeIfAbsent(recipient.binding(), index -> new ArrayList<>())
                    .add(recipient);
        }
        return byBinding;
    }

    /** Skips the recipients who opted out of their binding's sender (or of any of the campaign's, when the tenant says so). */
    private List<Recipient> skipSuppressed(Campaign campaign, int binding, List<Recipient> claimed, Instant now) {
        List<PhoneNumber> phones = new ArrayList<>(claimed.size());
        for (Recipient recipient : claimed) {
            phones.add(recipient.phone());
        }
        Map<PhoneNumber, SenderKey> suppressed = Map.of(); // most batches have no opt-out
        for (SenderKey sender : routes.optOutSenders(campaign, binding)) {
            for (PhoneNumber phone : suppressions.suppressedAmong(sender, phones)) {
                if (suppressed.isEmpty()) {
                    suppressed = new HashMap<>();
                }
                suppressed.putIfAbsent(phone, sender);
            }
        }
        if (suppressed.isEmpty()) {
            return claimed;
        }
        List<Recipient> sendable = new ArrayList<>(claimed.size());
        List<RecipientUpdate> skips = new ArrayList<>();
        for (Recipient recipient : claimed) {
            SenderKey optedOutOf = suppressed.get(recipient.phone());
            if (optedOutOf != null) {
                skips.add(new RecipientUpdate.Skipped(
                        recipient.key(),
                        recipient.lease(),
                        StatusReason.of(
                                SkipReasons.OPTED_OUT,
                                recipient.phone() + " opted out of " + optedOutOf.senderId(),
                                true),
                        now));
            } else {
                sendable.add(recipient);
            }
        }
        lifecycle.emit(recipients.apply(skips));
        return sendable;
    }

    /**
     * Asks the host which of one binding's recipients are busy (one call, for that binding's sender): a
     * busy one is skipped, or given back unsent to be checked again while the campaign's wait lasts.
     * Answers the rest, or empty when the check failed and they were all given back.
     */
    private Optional<List<Recipient>> skipOrDeferBusy(
            Campaign campaign, int binding, List<Recipient> candidates, Instant now) {
        if (candidates.isEmpty() || !busy.checks()) {
            return Optional.of(candidates);
        }
        Set<PhoneNumber> busyNow;
        try {
            busyNow = busy.busyAmong(
                    campaign,
                    ChannelRoutes.binding(campaign, binding).sender(),
                    candidates.stream().map(Recipient::phone).toList());
        } catch (RuntimeException failure) {
            Instant retry = busy.retryAfterFailure(now);
            recipients.apply(candidates.stream()
                    .<RecipientUpdate>map(r -> new RecipientUpdate.Unclaimed(r.key(), leaseOf(r), retry, now))
                    .toList());
            return Optional.empty();
        }
        List<Recipient> sendable = new ArrayList<>(candidates.size());
        List<RecipientUpdate> skips = new ArrayList<>();
        List<RecipientUpdate> deferred = new ArrayList<>();
        for (Recipient recipient : candidates) {
            if (!busyNow.contains(recipient.phone())) {
                sendable.add(recipient);
                continue;
            }
            Optional<Instant> recheck = busy.recheckAt(campaign, recipient.key(), now);
            if (recheck.isPresent()) {
                deferred.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), recheck.get(), now));
            } else {
                skips.add(new RecipientUpdate.Skipped(
                        recipient.key(), recipient.lease(), BusyContacts.skipReason(campaign, recipient.phone()), now));
            }
        }
        if (!skips.isEmpty()) {
            lifecycle.emit(recipients.apply(skips));
        }
        if (!deferred.isEmpty()) {
            recipients.apply(deferred); // PENDING again, its attempt given back: nothing was sent
        }
        // one call for the batch: a wait is over once its contact is free, or skipped
        List<PhoneNumber> ended = new ArrayList<>(sendable.size() + skips.size());
        sendable.forEach(recipient -> ended.add(recipient.phone()));
        skips.forEach(skip -> ended.add(skip.key().phone()));
        busy.free(campaign, ended);
        return Optional.of(sendable);
    }

    private void send(
            Campaign campaign,
            ChannelBinding binding,
            ChannelAdapter adapter,
            Recipient recipient,
            Claims.Claim claim,
            Instant now) {
        TemplateMessage message = binding.message();
        RenderResult rendered = message.render(recipient.contact());
        if (rendered instanceof RenderResult.Unresolved unresolved) {
            lifecycle.emit(recipients.apply(List.of(new RecipientUpdate.Skipped(
                    recipient.key(),
                    recipient.lease(),
                    StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true),
                    now))));
            return;
        }
        OutboundMessage outbound = new OutboundMessage(
                recipient.phone().e164(),
                binding.sender().senderId(),
                recipient.key().correlationId(),
                MessageContents.content(message, (RenderResult.Rendered) rendered));
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
        return claimed.lease()
                .orElseThrow(() -> new IllegalStateException("claimed without a lease: " + claimed.key()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
