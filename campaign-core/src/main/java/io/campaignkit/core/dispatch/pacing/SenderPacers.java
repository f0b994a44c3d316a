package io.campaignkit.core.dispatch.pacing;

import static io.campaignkit.core.internal.Arguments.requireNonNull;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.SenderKey;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The shared pacers of channel senders: one {@link TokenBucketPacer} per {@link SenderKey},
 * shared by every campaign that sends from that sender, so together they never exceed the
 * sender's limit (a channel's declared maximum messages per second).
 *
 * <p>One registry serves one engine; entries are kept for its lifetime (there are few senders).
 * A sender's limit is fixed by its first use: asking again with a different limit is refused
 * with {@link #SENDER_LIMIT_CONFLICT}, because replacing a bucket in use would forget what it
 * already granted and could break the window guarantee. Thread-safe.
 */
public final class SenderPacers {

    /** Code of the error raised when one sender is asked for with two different limits. */
    public static final String SENDER_LIMIT_CONFLICT = "SENDER_LIMIT_CONFLICT";

    private final ConcurrentMap<SenderKey, TokenBucketPacer> pacers = new ConcurrentHashMap<>();

    /**
     * The shared pacer of {@code sender}, created with {@code senderLimit} on first use.
     *
     * @param sender      the sender
     * @param senderLimit the sender's limit; must equal the one of its first use
     * @return the pacer every campaign on this sender shares
     * @throws CampaignKitException {@link #SENDER_LIMIT_CONFLICT} if the sender already has another limit
     */
    public TokenBucketPacer pacerFor(SenderKey sender, RateLimit senderLimit) {
        requireNonNull(sender, "sender");
        requireNonNull(senderLimit, "senderLimit");
        TokenBucketPacer pacer = pacers.computeIfAbsent(sender, key -> TokenBucketPacer.of(senderLimit));
        if (!pacer.limit().equals(senderLimit)) {
            throw new CampaignKitException(
                    SENDER_LIMIT_CONFLICT,
                    "sender " + sender.channelType() + "/" + sender.senderId() + " is already paced at " + pacer.limit()
                            + ", cannot also pace it at " + senderLimit);
        }
        return pacer;
    }

    /**
     * A new pacer for one campaign: its own bucket for {@code campaignLimit}, combined with the
     * shared bucket of its sender. Keep it for the campaign's life: a new one starts full.
     *
     * @param campaignLimit the campaign's pace
     * @param sender        the campaign's sender
     * @param senderLimit   the sender's limit
     * @return a pacer that grants a permit only when both the campaign and the sender allow it
     */
    public SendPacer campaignPacer(RateLimit campaignLimit, SenderKey sender, RateLimit senderLimit) {
        requireNonNull(campaignLimit, "campaignLimit");
        return SendPacer.allOf(List.of(TokenBucketPacer.of(campaignLimit), pacerFor(sender, senderLimit)));
    }
}
