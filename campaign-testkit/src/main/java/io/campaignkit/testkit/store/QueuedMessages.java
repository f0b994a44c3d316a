package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.ReceivedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inbound messages one campaign queued while its hours were closed, by arrival sequence. A
 * message stays until acknowledged; a claim skips those under a live lease and, so that a bot never
 * sees a conversation's messages out of order, every later message of a conversation that has one
 * under a live lease. Guarded by its own lock.
 */
final class QueuedMessages {

    private final TreeMap<Long, QueuedInbound> queued = new TreeMap<>();
    private final Set<String> messageIds =
            new HashSet<>(); // every id ever queued: a redelivered webhook is no new message
    private long nextSequence;

    synchronized boolean enqueue(
            String conversationId, CampaignId campaignId, PhoneNumber phone, ReceivedMessage message) {
        if (!messageIds.add(message.messageId())) {
            return false;
        }
        long sequence = nextSequence++;
        queued.put(sequence, new QueuedInbound(sequence, conversationId, campaignId, phone, message, Optional.empty()));
        return true;
    }

    synchronized List<QueuedInbound> claim(Lease lease, int limit, Instant now) {
        List<QueuedInbound> claimed = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        for (QueuedInbound entry : queued.values()) {
            if (claimed.size() == limit) {
                break;
            }
            if (blocked.contains(entry.conversationId())) {
                continue;
            }
            if (entry.lease().filter(held -> held.isLiveAt(now)).isPresent()) {
                blocked.add(entry.conversationId());
                continue;
            }
            QueuedInbound leased = new QueuedInbound(
                    entry.sequence(),
                    entry.conversationId(),
                    entry.campaignId(),
                    entry.phone(),
                    entry.message(),
                    Optional.of(lease));
            queued.put(entry.sequence(), leased); // replacing a value does not disturb the iteration
            claimed.add(leased);
        }
        return claimed;
    }

    synchronized void acknowledge(List<Long> sequences) {
        sequences.forEach(queued::remove);
    }

    synchronized long count() {
        return queued.size();
    }

    synchronized List<QueuedInbound> page(long afterSequence, int limit) {
        return queued.tailMap(afterSequence, false).values().stream()
                .limit(limit)
                .toList();
    }
}
