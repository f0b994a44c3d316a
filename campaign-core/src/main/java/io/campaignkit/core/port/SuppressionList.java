package io.campaignkit.core.port;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The phones that are never sent campaign messages: per sender (channel opt-outs) or on every
 * sender (the host's list). Launch checks it in batches; a suppressed contact is SKIPPED(OPTED_OUT).
 */
public interface SuppressionList {

    /** Adds or replaces the suppression of its phone on its sender (or on every sender). Idempotent. */
    void suppress(Suppression suppression);

    /**
     * Lifts the suppression of {@code phone} on {@code sender} (an opt-in), or, with an empty sender,
     * the suppression on every sender. A suppression on every sender is not lifted by a per-sender
     * lift.
     *
     * @return whether a suppression was removed
     */
    boolean lift(Optional<SenderKey> sender, PhoneNumber phone);

    /**
     * Which of {@code phones} are suppressed on {@code sender}, by a per-sender or every-sender entry.
     *
     * @param phones at most {@link CampaignStore#MAX_BATCH}
     */
    Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones);

    /** Whether {@code phone} is suppressed on {@code sender}. */
    default boolean isSuppressed(SenderKey sender, PhoneNumber phone) {
        return !suppressedAmong(sender, Set.of(phone)).isEmpty();
    }
}
