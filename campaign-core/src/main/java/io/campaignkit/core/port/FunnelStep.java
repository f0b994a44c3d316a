package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.Instants;
import java.time.Instant;

/** A named step of a bot's funnel that one contact reached, such as {@code PAYMENT_PROMISED}. */
public record FunnelStep(CampaignId campaignId, PhoneNumber phone, String step, Instant at) {

    /** Longest step name accepted. */
    public static final int MAX_STEP_LENGTH = 100;

    public FunnelStep {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(phone, "phone");
        Arguments.requireNonBlank(step, "step");
        Arguments.require(
                step.length() <= MAX_STEP_LENGTH,
                "step",
                "step must be at most " + MAX_STEP_LENGTH + " characters, was " + step.length());
        at = Instants.toMillis(Arguments.requireNonNull(at, "at"));
    }
}
