package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.hours.ActiveHours;
import java.time.Instant;
import java.util.Optional;

/**
 * One run of one ACTIVE campaign's sending: keeps and recovers leases ({@link LeaseKeeper}), starts a
 * scheduled campaign, sends within its active hours ({@link Sender}, whose answers the
 * {@link AnswerRecorder} records) and marks it done sending ({@link CompletionCheck}).
 */
final class Dispatcher implements SendsInFlight {

    private final Lifecycle lifecycle;
    private final DeliverySemantics semantics;
    private final Claims claims;
    private final Pacing pacing;
    private final Sender sender;
    private final AnswerRecorder answers;
    private final LeaseKeeper leaseKeeper;
    private final CompletionCheck completion;
    private final Fallbacks fallbacks;

    Dispatcher(
            Lifecycle lifecycle,
            DeliverySemantics semantics,
            Claims claims,
            Pacing pacing,
            Sender sender,
            AnswerRecorder answers,
            LeaseKeeper leaseKeeper,
            CompletionCheck completion,
            Fallbacks fallbacks) {
        this.lifecycle = lifecycle;
        this.semantics = semantics;
        this.claims = claims;
        this.pacing = pacing;
        this.sender = sender;
        this.answers = answers;
        this.leaseKeeper = leaseKeeper;
        this.completion = completion;
        this.fallbacks = fallbacks;
    }

    int inFlight() {
        return claims.inFlight();
    }

    /** Records the channel answers that came since the last recording. */
    void recordAnswers() {
        answers.recordAnswers();
    }

    /** Does what is due for one ACTIVE campaign at {@code now}; answers when it next has work. */
    Optional<Instant> run(Campaign campaign, Instant now) {
        sender.giveBackStranded(campaign.id(), now); // before recovery, which would take them for UNKNOWN
        Optional<Instant> recovery = earliest(
                leaseKeeper.renewLeases(campaign.id(), now),
                leaseKeeper.recoverExpired(campaign.id(), now, semantics == DeliverySemantics.AT_LEAST_ONCE));
        DispatchState dispatch = campaign.dispatch().orElseThrow();
        if (dispatch instanceof DispatchState.Waiting waiting) {
            if (now.isBefore(waiting.startAt())) {
                return earliest(recovery, Optional.of(waiting.startAt()));
            }
            // paused meanwhile in this pass (a credentials refusal on its sender): no start, the next run sees it
            campaign = lifecycle.change(
                    campaign.id(),
                    CampaignAction.START_SENDING,
                    c -> c.dispatch().orElse(null) instanceof DispatchState.Waiting ? c.startSending(now) : c);
            dispatch = campaign.dispatch().orElseThrow();
        }
        if (!(dispatch instanceof DispatchState.Sending)) {
            return recovery;
        }
        ActiveHours hours = campaign.configuration().activeHours();
        // with local hours each recipient's own window gates it, when it is claimed (DueRecipients)
        if (!LocalTimes.isOn(campaign) && !hours.isOpenAt(now)) {
            return earliest(recovery, hours.nextOpening(now));
        }
        // timed fallbacks first: they become due now, so this pass sends them
        Optional<Instant> nextFallback = fallbacks.fallBackOverdue(campaign, now);
        Optional<Instant> next = sender.sendDue(campaign, now);
        if (next.isEmpty()) {
            nextFallback = fallbacks.fallBackOverdue(campaign, now); // the messages just sent may still fall back
            if (nextFallback.isEmpty()) {
                completion.completeIfDone(campaign, now);
            }
        }
        return earliest(recovery, earliest(next, nextFallback));
    }

    @Override
    public int outstanding(CampaignId id) {
        return claims.outstanding(id);
    }

    @Override
    public long settle(CampaignId id, Instant now) {
        sender.giveBackStranded(id, now);
        long inFlight = completion.sendingInFlight(id, now); // renews this engine's claims first
        if (inFlight == 0) {
            return 0;
        }
        leaseKeeper.recoverExpired(id, now, false);
        return completion.sendingInFlight(id, now);
    }

    @Override
    public void forget(CampaignId id) {
        claims.forget(id);
        pacing.forget(id);
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
}
