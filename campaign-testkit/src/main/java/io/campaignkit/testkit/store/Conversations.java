package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.RecipientKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversations by id, the open one per campaign and phone, and the ids of each campaign's
 * conversations. Opening, continuing and closing the conversation of one campaign and phone run
 * inside one {@link ConcurrentHashMap#compute} on that key, so they are atomic with each other.
 */
final class Conversations {

    private final Map<String, Conversation> byId = new ConcurrentHashMap<>();
    private final Map<RecipientKey, String> openByRecipient = new ConcurrentHashMap<>();
    private final Map<CampaignId, Set<String>> openByCampaign = new ConcurrentHashMap<>();
    private final Map<CampaignId, Set<String>> allByCampaign = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();

    Conversation openOrContinue(CampaignId campaignId, PhoneNumber phone, Instant inboundAt, Instant at) {
        RecipientKey key = new RecipientKey(campaignId, phone);
        Conversation[] result = new Conversation[1]; // taken inside the compute, so a close right after cannot show
        openByRecipient.compute(key, (k, openId) -> {
            if (openId != null) {
                result[0] = byId.computeIfPresent(
                        openId,
                        (i, open) -> new Conversation(
                                open.id(),
                                open.campaignId(),
                                open.phone(),
                                open.openedAt(),
                                latest(open.lastInboundAt(), inboundAt),
                                latest(open.lastActivityAt(), at),
                                open.lastAutoReplyAt(),
                                open.closedAt(),
                                open.closeReason()));
                if (result[0] != null) {
                    return openId;
                } // else its campaign was deleted meanwhile: open a new one
            }
            String newId = campaignId.value() + ":" + phone.digits() + ":" + numbers.incrementAndGet();
            result[0] = new Conversation(
                    newId, campaignId, phone, at, inboundAt, at, Optional.empty(), Optional.empty(), Optional.empty());
            byId.put(newId, result[0]);
            openByCampaign
                    .computeIfAbsent(campaignId, c -> ConcurrentHashMap.newKeySet())
                    .add(newId);
            allByCampaign
                    .computeIfAbsent(campaignId, c -> ConcurrentHashMap.newKeySet())
                    .add(newId);
            return newId;
        });
        return result[0];
    }

    Optional<Conversation> findOpen(CampaignId campaignId, PhoneNumber phone) {
        String id = openByRecipient.get(new RecipientKey(campaignId, phone));
        return id == null ? Optional.empty() : find(id).filter(Conversation::isOpen);
    }

    Optional<Conversation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The conversation with lastActivityAt moved to {@code at}, if it is open and {@code at} is later. */
    Optional<Conversation> touch(String id, Instant at) {
        Conversation[] touched = new Conversation[1];
        byId.computeIfPresent(id, (i, c) -> {
            if (!c.isOpen() || !c.lastActivityAt().isBefore(at)) {
                return c;
            }
            touched[0] = new Conversation(
                    c.id(),
                    c.campaignId(),
                    c.phone(),
                    c.openedAt(),
                    c.lastInboundAt(),
                    at,
                    c.lastAutoReplyAt(),
                    c.closedAt(),
                    c.closeReason());
            return touched[0];
        });
        return Optional.ofNullable(touched[0]);
    }

    Optional<Conversation> tryMarkAutoReply(String id, Instant periodStart, Instant now) {
        Conversation[] marked = new Conversation[1];
        byId.computeIfPresent(id, (i, c) -> {
            if (!c.isOpen()
                    || c.lastAutoReplyAt()
                            .filter(last -> !last.isBefore(periodStart))
                            .isPresent()) {
                return c;
            }
            marked[0] = new Conversation(
                    c.id(),
                    c.campaignId(),
                    c.phone(),
                    c.openedAt(),
                    c.lastInboundAt(),
                    c.lastActivityAt(),
                    Optional.of(now),
                    c.closedAt(),
                    c.closeReason());
            return marked[0];
        });
        return Optional.ofNullable(marked[0]);
    }

    Optional<Conversation> close(String id, String reason, Instant at) {
        Conversation known = byId.get(id);
        if (known == null) {
            return Optional.empty();
        }
        Conversation[] closed = new Conversation[1];
        openByRecipient.compute(known.recipientKey(), (key, openId) -> {
            byId.computeIfPresent(id, (i, c) -> {
                if (!c.isOpen()) {
                    return c;
                }
                closed[0] = new Conversation(
                        c.id(),
                        c.campaignId(),
                        c.phone(),
                        c.openedAt(),
                        c.lastInboundAt(),
                        c.lastActivityAt(),
                        c.lastAutoReplyAt(),
                        Optional.of(at),
                        Optional.of(reason));
                return closed[0];
            });
            return id.equals(openId) ? null : openId;
        });
        if (closed[0] != null) {
            Set<String> open = openByCampaign.get(known.campaignId());
            if (open != null) {
                open.remove(id);
            }
        }
        return Optional.ofNullable(closed[0]);
    }

    List<Conversation> closeAll(
            CampaignId campaignId, Optional<Instant> idleSince, String reason, int limit, Instant at) {
        List<Conversation> closed = new ArrayList<>();
        for (Conversation candidate : openOf(campaignId)) {
            if (closed.size() == limit) {
                break;
            }
            if (idleSince.isEmpty() || !candidate.lastActivityAt().isAfter(idleSince.get())) {
                close(candidate.id(), reason, at).ifPresent(closed::add);
            }
        }
        return closed;
    }

    Optional<Instant> oldestActivity(CampaignId campaignId) {
        // a loop rather than a stream over a copied list: the engine asks at every run of an active campaign
        Set<String> ids = openByCampaign.get(campaignId);
        Instant oldest = null;
        if (ids != null) {
            for (String id : ids) {
                Conversation conversation = byId.get(id);
                if (conversation != null
                        && conversation.isOpen()
                        && (oldest == null || conversation.lastActivityAt().isBefore(oldest))) {
                    oldest = conversation.lastActivityAt();
                }
            }
        }
        return Optional.ofNullable(oldest);
    }

    void deleteCampaign(CampaignId campaignId) {
        Set<String> all = allByCampaign.remove(campaignId);
        openByCampaign.remove(campaignId);
        if (all != null) {
            for (String id : all) {
                Conversation removed = byId.remove(id);
                if (removed != null) {
                    openByRecipient.remove(removed.recipientKey(), id);
                }
            }
        }
    }

    private List<Conversation> openOf(CampaignId campaignId) {
        Set<String> ids = openByCampaign.get(campaignId);
        List<Conversation> open = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                Conversation conversation = byId.get(id);
                if (conversation != null && conversation.isOpen()) {
                    open.add(conversation);
                }
            }
        }
        return open;
    }

    private static Instant latest(Instant current, Instant at) {
        return at.isAfter(current) ? at : current;
    }
}
