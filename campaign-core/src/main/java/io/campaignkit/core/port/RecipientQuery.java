package io.campaignkit.core.port;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

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
            if (afterSequence < -1) {
                throw new InvalidArgumentException(
                        "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
            }
            StoreArguments.requireLimit(limit);
        }
    }

    /**
     * Up to {@code limit} SENDING recipients of a campaign whose lease had expired at {@code at} (their owner
     * crashed or stalled), by lease expiry then sequence, each still under that lease: the engine's recovery
     * applies {@link RecipientUpdate.Unknown} or {@link RecipientUpdate.RetryLater} under the very lease, so
     * that the owner's answer, should it still come, and the recovery meet on one row and the first to land
     * wins (the owner's answer also settles an UNKNOWN recipient later). Read only: no lease is taken.
     *
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record LeaseExpired(CampaignId campaignId, Instant at, int limit) implements RecipientQuery {
        public LeaseExpired {
            Arguments.requireNonNull(campaignId, "campaignId");
            Arguments.requireNonNull(at, "at");
            StoreArguments.requireLimit(limit);
        }

        /** Whether {@code recipient} is one of these: SENDING under a lease that expired at {@link #at}. */
        public boolean matches(Recipient recipient) {
            return recipient.state() == DeliveryState.SENDING
                    && recipient.lease().filter(lease -> !lease.isLiveAt(at)).isPresent();
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
            Arguments.require(
                    afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
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

    /**
     * A page, as {@link Page}, of the campaign's recipients whose outcome matches {@code filter}
     * ({@link #matches}), by ascending sequence after {@code afterSequence}: a retargeted audience is
     * read this way.
     *
     * <p>A recipient of a campaign with several channels has one outcome, that of the channel it is on
     * now (the last it was tried on): a contact a fallback reached is DELIVERED (or READ, REPLIED) once,
     * whatever its first channel answered, and a FAILED one's provider code is that of its last channel.
     * The attempts it fell back from ({@link Recipient#earlierAttempts()}) do not match on their own.
     *
     * @param limit from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record ByOutcome(CampaignId campaignId, OutcomeFilter filter, long afterSequence, int limit)
            implements RecipientQuery {
        public ByOutcome {
            Arguments.requireNonNull(campaignId, "campaignId");
            Arguments.requireNonNull(filter, "filter");
            Arguments.require(
                    afterSequence >= -1, "afterSequence", "afterSequence must be -1 or more, was " + afterSequence);
            StoreArguments.requireLimit(limit);
        }

        /** Whether {@code recipient} has an outcome of the filter: the rule every store applies. */
        public boolean matches(Recipient recipient) {
            for (OutcomeFilter.Outcome outcome : filter.outcomes()) {
                if (!states(outcome.kind()).contains(recipient.state())) {
                    continue;
                }
                if (outcome.code().isEmpty()) {
                    return true;
                }
                String code = outcome.code().get();
                boolean matched = outcome.kind() == OutcomeFilter.Kind.FAILED
                        ? recipient
                                .outcome()
                                .flatMap(StatusReason::providerCode)
                                .filter(code::equals)
                                .isPresent()
                        : recipient
                                .outcome()
                                .map(StatusReason::code)
                                .filter(code::equals)
                                .isPresent();
                if (matched) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The delivery states a kind of outcome takes (its code, when given, narrows FAILED by the
         * provider's error code and SKIPPED by the reason code).
         */
        public static Set<DeliveryState> states(OutcomeFilter.Kind kind) {
            return switch (kind) {
                case NOT_DELIVERED ->
                    EnumSet.of(
                            DeliveryState.PENDING,
                            DeliveryState.SENDING,
                            DeliveryState.UNKNOWN,
                            DeliveryState.SENT,
                            DeliveryState.FAILED,
                            DeliveryState.SKIPPED);
                case NOT_READ ->
                    EnumSet.of(
                            DeliveryState.PENDING,
                            DeliveryState.SENDING,
                            DeliveryState.UNKNOWN,
                            DeliveryState.SENT,
                            DeliveryState.FAILED,
                            DeliveryState.SKIPPED,
                            DeliveryState.DELIVERED);
                case NOT_REPLIED -> EnumSet.complementOf(EnumSet.of(DeliveryState.REPLIED));
                case FAILED -> EnumSet.of(DeliveryState.FAILED);
                case UNKNOWN -> EnumSet.of(DeliveryState.UNKNOWN);
                case SKIPPED -> EnumSet.of(DeliveryState.SKIPPED);
            };
        }
    }
}
