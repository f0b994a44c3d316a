package io.campaignkit.testkit.store;

import io.campaignkit.core.port.KeptUnrouted;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.UnroutedInbound;
import io.campaignkit.core.port.UnroutedInbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The messages for the host's unrouted-message handler, kept in memory by arrival sequence until
 * acknowledged ({@link UnroutedInbox}); {@link InMemoryCampaignStore} offers one as its
 * {@code unroutedInbox()}. Guarded by its own lock.
 */
public final class InMemoryUnroutedInbox implements UnroutedInbox {

    private final TreeMap<Long, KeptUnrouted> kept = new TreeMap<>();
    /** Every channel and message id ever kept: a redelivered webhook is no new message. */
    private final Set<List<String>> seen = new HashSet<>();

    private long nextSequence;

    @Override
    public synchronized OptionalLong keepUnrouted(UnroutedInbound message, Lease lease) {
        if (!seen.add(List.of(message.channelId(), message.message().messageId()))) {
            return OptionalLong.empty();
        }
        long sequence = nextSequence++;
        kept.put(sequence, new KeptUnrouted(sequence, message, Optional.of(lease)));
        return OptionalLong.of(sequence);
    }

    @Override
    public synchronized List<KeptUnrouted> claimUnrouted(Lease lease, int limit, Instant now) {
        List<KeptUnrouted> claimed = new ArrayList<>();
        for (KeptUnrouted entry : kept.values()) {
            if (claimed.size() == limit) {
                break;
            }
            if (entry.lease().filter(held -> held.isLiveAt(now)).isPresent()) {
                continue;
            }
            KeptUnrouted leased = new KeptUnrouted(entry.sequence(), entry.inbound(), Optional.of(lease));
            kept.put(entry.sequence(), leased); // replacing a value does not disturb the iteration
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public synchronized void acknowledgeUnrouted(long sequence) {
        kept.remove(sequence);
    }
}
