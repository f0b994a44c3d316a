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
import io.campaignkit.core.campaign.ChannelBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a campaign's due recipients: claims them in batches within its pace, its sender's limit and
 * the engine's in-flight bound, skips the contacts who opted out since launch, renders the message of
 * each recipient's channel binding and hands it to that binding's channel. The answers go to the {@link AnswerRecorder}.
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
    private final ChannelRoutes routes;

    Sender(RecipientStore recipients, SuppressionList suppressions, Pacing pacing, ChannelAdapters adapters,
            Leases leases, int maxInFlight, int batchSize, Lifecycle lifecycle, Claims claims, AnswerRecorder answers,
            ChannelRoutes routes) {
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
        this.routes = routes;
    }

    /**
     * Sends what is due of a campaign that may send at {@code now}; answers when it next has a due
     * recipient and a permit, or empty when none is left to send (or a completion will wake the runner).
     * A claimed batch may mix channel bindings (first sends, fallbacks): each binding's recipients take
     * their own sender's permits and are sent its message.
     */
    Optional<Instant> sendDue(Campaign campaign, Instant now) {
        while (true) {
            int room = maxInFlight - claims.inFlight();
            if (room <= 0) {
                return Optional.empty(); // a completion wakes the runner
            }
            int permits = pacing.availablePermits(campaign, now);
            if (permits == 0) {
                Optional<Instant> due = recipients.nextDueAt(campaign.id(), now);
                return due.map(at -> later(at, pacing.nextPermitAt(campaign, now)));
            }
            int wanted = Math.min(Math.min(room, permits), batchSize);
            List<Recipient> claimed = recipients.claimForSending(campaign.id(), leases.newLease(now), wanted, now);
            if (claimed.isEmpty()) {
                return recipients.nextDueAt(campaign.id(), now);
            }
            Map<Integer, List<Recipient>> byBinding = new TreeMap<>();
            claimed.forEach(recipient -> byBinding.computeIfAbsent(recipient.binding(), index -> new ArrayList<>()).add(recipient));
            List<RecipientUpdate> giveBack = new ArrayList<>();
            Map<Integer, List<Recipient>> granted = new TreeMap<>();
            boolean shortOfPermits = false;
            for (Map.Entry<Integer, List<Recipient>> binding : byBinding.entrySet()) {
                // a contact who opted out since launch is skipped before the permits are taken: it sends nothing
                List<Recipient> sendable = skipSuppressed(campaign, binding.getKey(), binding.getValue(), now);
                int grants = sendable.isEmpty() ? 0 : pacing.tryAcquire(campaign, binding.getKey(), sendable.size(), now);
                granted.put(binding.getKey(), sendable.subList(0, grants));
                for (Recipient recipient : sendable.subList(grants, sendable.size())) {
                    giveBack.add(new RecipientUpdate.Unclaimed(recipient.key(), leaseOf(recipient), now, now));
                }
                shortOfPermits |= grants < sendable.size();
            }
            Claims.Claim claim = claims.open(campaign.id(), leaseOf(claimed.get(0)));
            answers.sendingBatch(() -> granted.forEach((index, sends) -> {
                ChannelBinding binding = ChannelRoutes.binding(campaign, index);
                ChannelAdapter adapter = adapters.adapter(binding.sender().channelType());
                for (Recipient recipient : sends) {
                    send(campaign, binding, adapter, recipient, claim, now);
                }
            }));
            answers.recordAnswers();
            if (claim.outstanding.get() == 0) {
                claims.release(claim);
            }
            if (!giveBack.isEmpty()) {
                recipients.apply(giveBack);
            }
            if (claimed.size() < wanted || shortOfPermits) {
                Optional<Instant> due = recipients.nextDueAt(campaign.id(), now);
                return due.map(at -> later(at, pacing.nextPermitAt(campaign, now)));
            }
        }
    }

    private List<Recipient> skipSuppressed(Campaign campaign, int binding, List<Recipient> claimed, Instant now) {
        List<PhoneNumber> phones = claimed.stream().map(Recipient::phone).toList();
        Map<PhoneNumber, SenderKey> suppressed = new HashMap<>();
        for (SenderKey sender : routes.optOutSenders(campaign, binding)) {
            suppressions.suppressedAmong(sender, phones).forEach(phone -> suppressed.putIfAbsent(phone, sender));
        }
        if (suppressed.isEmpty()) {
            return claimed;
        }
        List<Recipient> sendable = new ArrayList<>(claimed.size());
        List<RecipientUpdate> skips = new ArrayList<>();
        for (Recipient recipient : claimed) {
            SenderKey optedOutOf = suppressed.get(recipient.phone());
            if (optedOutOf != null) {
                skips.add(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(), StatusReason.of(SkipReasons.OPTED_OUT,
                        recipient.phone() + " opted out of " + optedOutOf.senderId(), true), now));
            } else {
                sendable.add(recipient);
            }
        }
        lifecycle.emit(recipients.apply(skips));
        return sendable;
    }

    private void send(Campaign campaign, ChannelBinding binding, ChannelAdapter adapter, Recipient recipient,
            Claims.Claim claim, Instant now) {
        TemplateMessage message = binding.message();
        RenderResult rendered = message.render(recipient.contact());
        if (rendered instanceof RenderResult.Unresolved unresolved) {
            lifecycle.emit(recipients.apply(List.of(new RecipientUpdate.Skipped(recipient.key(), recipient.lease(),
                    StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true), now))));
            return;
        }
        OutboundMessage outbound = new OutboundMessage(recipient.phone().e164(), binding.sender().senderId(),
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
