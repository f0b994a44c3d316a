package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.StatusReason;
import java.time.Duration;
import java.util.List;

/**
 * What {@link CampaignEngine#sendTest} did: the TEST campaign it launched (ACTIVE; its messages go at
 * the engine's next run) and the test numbers that will not receive the message, with the reason.
 *
 * @param sourceId the campaign whose message was tested; unchanged
 * @param testCampaign the derived TEST campaign as launched; it finishes on its own after {@link #LIFETIME}
 *     (or when the host finishes it), releasing the test numbers
 * @param notSent test numbers skipped at launch (engaged in another active campaign, opted out, a
 *     placeholder without a value), in the test list's order
 */
public record TestSend(CampaignId sourceId, Campaign testCampaign, List<NotSent> notSent) {

    /** How long a TEST campaign stays open for the test numbers' replies before it finishes: 1 hour. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    public TestSend {
        Arguments.requireNonNull(sourceId, "sourceId");
        Arguments.requireNonNull(testCampaign, "testCampaign");
        notSent = List.copyOf(Arguments.requireNoNullElements(notSent, "notSent"));
    }

    /** A test number that does not receive the message, and why ({@link SkipReasons} codes). */
    public record NotSent(PhoneNumber phone, StatusReason reason) {
        public NotSent {
            Arguments.requireNonNull(phone, "phone");
            Arguments.requireNonNull(reason, "reason");
        }
    }
}
