package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * Something happened to one recipient of a campaign: its delivery state changed (see
 * {@link DeliveryState} for the states and their merges).
 *
 * @param campaignId the campaign
 * @param phone the recipient
 * @param type what happened
 * @param code a stable code for FAILED, SKIPPED and UNKNOWN (such as {@code UNRESOLVED_BINDING}), else empty
 * @param detail a sentence for people, when there is one
 * @param at when it happened
 */
public record RecipientEvent(
        CampaignId campaignId,
        PhoneNumber phone,
        Type type,
        Optional<String> code,
        Optional<String> detail,
        Instant at) {

    /** What happened to the recipient. */
    public enum Type {
        SENT,
        DELIVERED,
        READ,
        REPLIED,
        FAILED,
        SKIPPED,
        /** The channel gave no answer; at-most-once does not resend. */
        UNKNOWN;

        /** Whether events of this type carry a code. */
        public boolean hasCode() {
            return this == FAILED || this == SKIPPED || this == UNKNOWN;
        }
    }

    public RecipientEvent {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonNull(type, "type");
        Arguments.requireNonNull(code, "code");
        Arguments.requireNonNull(detail, "detail");
        Arguments.requireNonNull(at, "at");
        Arguments.require(
                code.isPresent() == type.hasCode(),
                "code",
                "a " + type + " event " + (code.isPresent() ? "has no code" : "needs a code"));
    }
}
