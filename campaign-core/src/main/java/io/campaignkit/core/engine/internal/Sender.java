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
 * the engine's in-flight bound, skips the contacts who opted out since launch, renders the message
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
    private final LocalTimes localTimes;

    Sender(RecipientStore recipients, SuppressionList suppressions, Pacing pacing, ChannelAdapters adapters,
            Leases leases, int maxInFlight, int batchSize, Lifecycle lifecycle, Claims claims, AnswerRecorder answers,
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
            // a contact who opted out since launch is skipped before the permits are taken: it sends nothing
            List<Recipient> sendable = skipSuppressed(sender, claimed, now);
            int granted = sendable.isEmpty() ? 0 : pacing.tryAcquire(campaign, sendable.size(), now);
            List<RecipientUpdate> giveBack = new ArrayList<>();
            Claims.Claim claim = claims.open(campaign.id(), leaseOf(claimed.get(0)));
            answers.sendingBatch(() -> {
                int index = 0;
                for (Recipient recipient : sendable) {
                    if (index++ < granted) {
                        send(campaign, adapter, recipient, claim, now);
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
            if (claimed.size() < wanted || granted < sendable.size()) {
                return due.nextDueAt().map(at -> later(at, pacing.nextPermitAt(campaign, now)));
            }
        }
    }

    private List<Recipient> skipSuppressed(SenderKey sender, List<Recipient> claimed, Instant now) {
        Set<PhoneNumber> suppressed = suppressions.suppressedAmong(sender, claimed.stream().map(Recipient::phone).toList());
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

    private void send(Campaign campaign, ChannelAdapter adapter, Recipient recipient, Claims.Claim claim, Instant now) {
        TemplateMessage message = campaign.configuration().message().orElseThrow();
        RenderResult rendered = message.render(recipient.contact());
        if (rendered instanceof RenderResult.Unresolved unresolved) {
            lifecycle.emit(recipients.apply(List.of(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(),
                    StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true), now))));
            return;
        }
        OutboundMessage outbound = new OutboundMessage(recipient.phone().e164(), ChannelAdapters.senderKey(campaign).senderId(),
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
