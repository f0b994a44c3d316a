package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.requireNonNull;
import static io.campaignkit.core.internal.Arguments.requirePositive;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link PacingStore#inProcess()}: a {@link TokenBucketPacer} per campaign combined with its sender's
 * shared one ({@link SenderPacers}), kept for the campaign's life.
 */
final class InProcessPacingStore implements PacingStore {

    /** Code of the error raised when one campaign is asked for with two different limits. */
    static final String CAMPAIGN_LIMIT_CONFLICT = "CAMPAIGN_LIMIT_CONFLICT";

    private final SenderPacers senders = new SenderPacers();
    /** Keyed by campaign and sender, as the database's buckets are: a campaign with several channels has one per sender. */
    private final ConcurrentMap<PacedKey, Paced> campaigns = new ConcurrentHashMap<>();

    /** The campaign pacer asked for last (one campaign sends at a time): found again without a key. */
    private volatile @Nullable Paced lastPaced;

    private record PacedKey(CampaignId campaign, io.campaignkit.core.campaign.SenderKey sender) {}

    /**
     * A campaign's combined pacer and the limits it was made for; {@code forgotten} once {@link #forget}
     * removed it, so that {@link #lastPaced}, which a racing {@code pacerFor} may set to it after the
     * removal, is not handed out again.
     */
    private static final class Paced {
        final SendLimits limits;
        final SendPacer pacer;
        volatile boolean forgotten;

        Paced(SendLimits limits, SendPacer pacer) {
            this.limits = limits;
            this.pacer = pacer;
        }
    }

    @Override
    public int tryAcquire(SendLimits limits, int permits, Instant now) {
        requirePositive(permits, "permits");
        return pacerFor(limits).tryAcquire(permits, requireNonNull(now, "now"));
    }

    @Override
    public int availablePermits(SendLimits limits, Instant now) {
        return pacerFor(limits).availablePermits(requireNonNull(now, "now"));
    }

    @Override
    public Instant nextPermitAt(SendLimits limits, Instant now) {
        return pacerFor(limits).nextPermitAt(requireNonNull(now, "now"));
    }

    @Override
    public void holdSender(SendLimits limits, Instant until) {
        requireNonNull(limits, "limits");
        senders.pacerFor(limits.sender(), limits.senderLimit()).holdUntil(requireNonNull(until, "until"));
    }

    @Override
    public void forget(CampaignId campaign) {
        requireNonNull(campaign, "campaign");
        lastPaced = null;
        campaigns.entrySet().removeIf(entry -> {
            boolean gone = entry.getKey().campaign().equals(campaign);
            if (gone) {
                entry.getValue().forgotten = true;
            }
            return gone;
        });
    }

    private SendPacer pacerFor(SendLimits limits) {
        requireNonNull(limits, "limits");
        if (limits.isSenderOnly()) {
            return senders.pacerFor(limits.sender(), limits.senderLimit());
        }
        Paced last = lastPaced;
        if (last != null && last.limits == limits && !last.forgotten) {
            return last.pacer; // the engine asks with the same limits several times a run: no key, no lookup
        }
        Paced paced = lookUp(limits);
        lastPaced = paced;
        return paced.pacer;
    }

    private Paced lookUp(SendLimits limits) {
        PacedKey key = new PacedKey(limits.campaign(), limits.sender());
        Paced paced = campaigns.get(key);
        if (paced == null) {
            paced = campaigns.computeIfAbsent(
                    key,
                    id -> new Paced(
                            limits,
                            SendPacer.allOf(List.of(
                                    TokenBucketPacer.of(limits.campaignLimit()),
                                    senders.pacerFor(limits.sender(), limits.senderLimit())))));
        }
        if (!paced.limits.equals(limits)) {
            throw new CampaignKitException(
                    CAMPAIGN_LIMIT_CONFLICT,
                    "campaign " + limits.campaign() + " is already paced with " + paced.limits
                            + ", cannot also pace it with " + limits);
        }
        return paced;
    }

    @Override
    public String toString() {
        return "PacingStore.inProcess[" + campaigns.size() + " campaigns]";
    }
}
