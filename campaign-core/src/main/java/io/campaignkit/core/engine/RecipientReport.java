package io.campaignkit.core.engine;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Recipient;
import java.util.List;

/**
 * One line of a campaign's per-contact export: the recipient (state, timestamps, error or skip code
 * and message, provider message id) and the funnel steps its bot reported, by time.
 */
public record RecipientReport(Recipient recipient, List<FunnelStep> funnelSteps) {

    public RecipientReport {
        Arguments.requireNonNull(recipient, "recipient");
        funnelSteps = List.copyOf(Arguments.requireNoNullElements(funnelSteps, "funnelSteps"));
    }
}
