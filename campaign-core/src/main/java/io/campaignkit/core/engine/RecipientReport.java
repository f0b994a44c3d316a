package io.campaignkit.core.engine;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import java.util.List;
import java.util.Optional;

/**
 * One line of a campaign's per-contact export: the recipient (state, timestamps, error or skip code
 * and message, provider message id) and the funnel steps its bot reported, by time.
 *
 * @param recipient   the recipient as stored, with the provider's own times
 * @param funnelSteps the funnel steps its bot reported, by time
 */
public record RecipientReport(Recipient recipient, List<FunnelStep> funnelSteps) {

    /**
     * Checks and copies.
     *
     * @param recipient see {@link #recipient()}
     * @param funnelSteps see {@link #funnelSteps()}
     */
    public RecipientReport {
        Arguments.requireNonNull(recipient, "recipient");
        funnelSteps = List.copyOf(Arguments.requireNoNullElements(funnelSteps, "funnelSteps"));
    }

    /**
     * The channel's own error code ({@code 131026}, {@code 30006}, {@code 21211}) of a recipient that
     * failed or ended unknown, when the channel gave one; CampaignKit's classification stays in the
     * outcome's code.
     *
     * @return the provider's code, or empty
     */
    public Optional<String> providerError() {
        return providerErrorOf(recipient);
    }

    /**
     * {@link #providerError()} of a recipient read from a store.
     *
     * @param recipient the recipient, not null
     * @return the provider's code of its failure, or empty (not failed, or no code)
     */
    public static Optional<String> providerErrorOf(Recipient recipient) {
        Arguments.requireNonNull(recipient, "recipient");
        boolean failed = recipient.state() == DeliveryState.FAILED || recipient.state() == DeliveryState.UNKNOWN;
        return failed ? recipient.outcome().flatMap(StatusReason::providerCode) : Optional.empty();
    }

    /**
     * The times to show: never a delivery, read or reply before the send (see {@link ReportedTimes}).
     *
     * @return the recipient's times as reports show them
     */
    public ReportedTimes times() {
        return ReportedTimes.of(recipient);
    }
}
