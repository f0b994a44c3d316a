package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import io.campaignkit.core.internal.StoreArguments;

/** Which recipients {@link RecipientStore#findRecipients(RecipientQuery)} returns. */
public sealed interface RecipientQuery {

    /** The recipient of one campaign with one phone: none or one. */
    record ByKey(RecipientKey key) implements RecipientQuery {
        public ByKey {
            Arguments.requireNonNull(key, "key");
        }
    }

    /** The recipient whose accepted message has this provider id: none or one. */
    record ByProviderMessageId(String providerMessageId) implements RecipientQuery {
        public ByProviderMessageId {
            Arguments.requireNonBlank(providerMessageId, "providerMessageId");
        }
    }

    /**
     * The recipient whose {@link RecipientKey#correlationId()} is {@code correlationId}: none or one
     * (none for a text that is no correlation id).
     */
    record ByCorrelationId(String correlationId) implements RecipientQuery {
        public ByCorrelationId {
            Arguments.requireNonBlank(correlationId, "correlationId");
        }
    }

    /**
     * A page of a campaign's recipients by ascending sequence, after {@code afterSequence} (exclusive;
     * -1 for the first page), for exports.
     *
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record Page(CampaignId campaignId, long afterSequence, int limit) implements RecipientQuery {
        public Page {
            Arguments.requireNonNull(campaignId, "campaignId");
            Arguments.require(afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
            StoreArguments.requireLimit(limit);
        }
    }

    /**
     * A page of a campaign's recipients that are SENT (accepted, neither delivered nor failed yet) on a
     * channel binding below {@code belowBinding}, so that have a later binding to fall back to, by
     * ascending {@code sentAt} then sequence, after the position ({@code sentAfter},
     * {@code afterSequence}) in that order ({@link Instant#EPOCH} and -1 for the first page): the
     * candidates of a fallback ({@link io.campaignkit.core.campaign.CampaignConfiguration#fallbackAfter()}).
     *
     * @param belowBinding 1 or more
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record AwaitingDelivery(CampaignId campaignId, int belowBinding, Instant sentAfter, long afterSequence, int limit)
            implements RecipientQuery {
        public AwaitingDelivery {
            Arguments.requireNonNull(campaignId, "campaignId");
            Arguments.require(belowBinding >= 1, "belowBinding", "belowBinding must be 1 or more, was " + belowBinding);
            Arguments.requireNonNull(sentAfter, "sentAfter");
            Arguments.require(afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
            StoreArguments.requireLimit(limit);
        }

        /** The first page. */
        public AwaitingDelivery(CampaignId campaignId, int belowBinding, int limit) {
            this(campaignId, belowBinding, Instant.EPOCH, -1, limit);
        }

        /** Whether {@code recipient} comes after this page's position, in (sentAt, sequence) order. */
        public boolean isAfterPosition(Recipient recipient) {
            Instant sent = recipient.sentAt().orElse(Instant.EPOCH);
            return sent.isAfter(sentAfter) || (sent.equals(sentAfter) && recipient.sequence() > afterSequence);
        }
    }
}
