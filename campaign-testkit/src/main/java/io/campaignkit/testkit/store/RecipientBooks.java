package io.campaignkit.testkit.store;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore.ClaimKind;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWakeUps;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The {@link io.campaignkit.core.port.RecipientStore} half of an {@link InMemoryCampaignStore}: one
 * {@link RecipientBook} per campaign, the index by provider message id across them, and the
 * {@link RecipientWindows} claims by local zone.
 *
 * <p>The engine applies an update by the recipient's key right after it got the recipient from the store:
 * a claim's answer (sent, failed) after the claim, a status after its lookup by provider message id. So
 * the entries claims and those lookups hand out are remembered ({@link FoundEntries}), and applying the
 * update is usually a check of that entry rather than a second lookup among a million recipients.
 */
final class RecipientBooks {

    private final Map<CampaignId, RecipientBook> books = new ConcurrentHashMap<>();
    private final ProviderIdIndex providerIds = new ProviderIdIndex();
    private final FoundEntries found = new FoundEntries();
    private final Predicate<CampaignId> campaignStored;

    /** Over the campaigns {@code campaignStored} says exist: recipients are added only to those. */
    RecipientBooks(Predicate<CampaignId> campaignStored) {
        this.campaignStored = campaignStored;
    }

    List<Recipient> insert(CampaignId campaignId, List<NewRecipient> recipients, Instant now) {
        return book(campaignId).insert(recipients, now);
    }

    List<Recipient> claim(ClaimKind kind, CampaignId campaignId, Lease lease, int limit, Instant now) {
        RecipientBook book = books.get(campaignId);
        if (book == null) {
            return List.of();
        }
        return kind == ClaimKind.DUE
                ? book.claimForSending(lease, limit, now)
                : book.claimExpiredSending(lease, limit, now);
    }

    int renewLease(CampaignId campaignId, Lease held, Lease renewed) {
        RecipientBook book = books.get(campaignId);
        return book == null ? 0 : book.renewLease(held, renewed);
    }

    List<RecipientChange> apply(List<? extends RecipientUpdate> updates) {
        List<RecipientChange> changes = new ArrayList<>(updates.size());
        for (RecipientUpdate update : updates) {
            RecipientBook book = books.get(update.key().campaignId());
            RecipientChange change = book == null ? null : book.apply(update, found.of(update.key()));
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    List<RecipientChange> skipPending(CampaignId campaignId, StatusReason reason, int limit, Instant now) {
        RecipientBook book = books.get(campaignId);
        return book == null ? List.of() : book.skipPending(reason, limit, now);
    }

    List<Recipient> find(RecipientQuery query) {
        if (query instanceof RecipientQuery.ByKey byKey) {
            RecipientBook book = books.get(byKey.key().campaignId());
            return book == null
                    ? List.of()
                    : book.find(byKey.key().phone().e164()).stream().toList();
        }
        if (query instanceof RecipientQuery.ByProviderMessageId byId) {
            return byProviderMessageId(byId.providerMessageId()).stream().toList();
        }
        if (query instanceof RecipientQuery.ByCorrelationId byCorrelation) {
            return byCorrelationId(byCorrelation.correlationId()).stream().toList();
        }
        if (query instanceof RecipientQuery.AwaitingDelivery awaiting) {
            RecipientBook book = books.get(awaiting.campaignId());
            return book == null ? List.of() : book.awaitingDelivery(awaiting);
        }
        if (query instanceof RecipientQuery.LeaseExpired expired) {
            RecipientBook book = books.get(expired.campaignId());
            return book == null ? List.of() : book.leaseExpired(expired);
        }
        if (query instanceof RecipientQuery.ByOutcome byOutcome) {
            RecipientBook book = books.get(byOutcome.campaignId());
            return book == null ? List.of() : book.page(byOutcome);
        }
        RecipientQuery.Page page = (RecipientQuery.Page) query;
        RecipientBook book = books.get(page.campaignId());
        return book == null ? List.of() : book.page(page.afterSequence(), page.limit());
    }

    RecipientWakeUps wakeUps(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        return book == null
                ? new RecipientWakeUps(Optional.empty(), Optional.empty())
                : new RecipientWakeUps(book.nextDueAt(), book.nextLeaseExpiry());
    }

    RecipientCounts counts(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        return book == null ? RecipientCounts.empty() : book.counts();
    }

    /** Forgets the campaign's recipients and their provider message ids. */
    void delete(CampaignId campaignId) {
        RecipientBook book = books.remove(campaignId);
        if (book != null) {
            book.forgetProviderIds(providerIds);
        }
    }

    /** Claims by local zone, from each campaign's per-zone pending queues merged ({@link PendingMerge}). */
    final RecipientWindows windows = new RecipientWindows() {
        @Override
        public List<Recipient> claimDueIn(
                CampaignId campaignId, Set<String> zoneKeys, Lease lease, int limit, Instant now) {
            RecipientBook book = books.get(campaignId);
            return book == null ? List.of() : book.claimDueIn(zoneKeys, lease, limit, now);
        }

        @Override
        public Map<String, Instant> nextDueIn(CampaignId campaignId, Set<String> zoneKeys) {
            RecipientBook book = books.get(campaignId);
            return book == null ? Map.of() : book.nextDueIn(zoneKeys);
        }

        @Override
        public Set<String> pendingZones(CampaignId campaignId) {
            RecipientBook book = books.get(campaignId);
            return book == null ? Set.of() : book.pendingZones();
        }
    };

    private Optional<Recipient> byProviderMessageId(String providerMessageId) {
        RecipientEntry entry = providerIds.get(providerMessageId);
        if (entry == null || books.get(entry.book.campaignId) != entry.book) {
            return Optional.empty();
        }
        Recipient recipient = entry.book.recipientOf(entry);
        found.remember(recipient.key(), entry);
        return Optional.of(recipient);
    }

    private Optional<Recipient> byCorrelationId(String correlationId) {
        int separator = correlationId.lastIndexOf(':'); // campaign ids may hold ':', digits never do
        if (separator <= 0 || separator == correlationId.length() - 1) {
            return Optional.empty();
        }
        String campaignPart = correlationId.substring(0, separator);
        RecipientBook book = campaignIdOf(campaignPart).map(books::get).orElse(null);
        return book == null ? Optional.empty() : book.find("+" + correlationId.substring(separator + 1));
    }

    /** The campaign id {@code value}, or empty when it is not a valid id (so no campaign has it). */
    private static Optional<CampaignId> campaignIdOf(String value) {
        try {
            return Optional.of(CampaignId.of(value));
        } catch (InvalidArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The recipients of a stored campaign; created with its first use. */
    private RecipientBook book(CampaignId campaignId) {
        RecipientBook book = books.get(campaignId);
        if (book != null) {
            return book;
        }
        if (!campaignStored.test(campaignId)) {
            throw new CampaignNotFoundException(campaignId);
        }
        return books.computeIfAbsent(campaignId, id -> new RecipientBook(id, providerIds, found));
    }
}
