package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
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
 * @param channel     the sender of the channel binding it is sent on (the one that reached it), when known
 * @param earlierChannels the senders of the bindings it fell back from, oldest first
 */
public record RecipientReport(
        Recipient recipient,
        List<FunnelStep> funnelSteps,
        Optional<SenderKey> channel,
        List<SenderKey> earlierChannels) {

    /**
     * Checks and copies.
     *
     * @param recipient see {@link #recipient()}
     * @param funnelSteps see {@link #funnelSteps()}
     * @param channel see {@link #channel()}
     * @param earlierChannels see {@link #earlierChannels()}
     */
    public RecipientReport {
        Arguments.requireNonNull(recipient, "recipient");
        funnelSteps = List.copyOf(Arguments.requireNoNullElements(funnelSteps, "funnelSteps"));
        Arguments.requireNonNull(channel, "channel");
        earlierChannels = List.copyOf(Arguments.requireNoNullElements(earlierChannels, "earlierChannels"));
    }

    /**
     * A line without its channel (a report made without the campaign's configuration).
     *
     * @param recipient see {@link #recipient()}
     * @param funnelSteps see {@link #funnelSteps()}
     */
    public RecipientReport(Recipient recipient, List<FunnelStep> funnelSteps) {
        this(recipient, funnelSteps, Optional.empty(), List.of());
    }

    /**
     * The line of a recipient of {@code campaign}, naming the channels of its bindings.
     *
     * @param campaign the recipient's campaign
     * @param recipient the recipient
     * @param funnelSteps its funnel steps
     * @return the line
     */
    public static RecipientReport of(Campaign campaign, Recipient recipient, List<FunnelStep> funnelSteps) {
        return of(Optional.of(Arguments.requireNonNull(campaign, "campaign")), recipient, funnelSteps);
    }

    /** As {@link #of(Campaign, Recipient, List)}; without the campaign, a line without its channels. */
    static RecipientReport of(Optional<Campaign> known, Recipient recipient, List<FunnelStep> funnelSteps) {
        if (known.isEmpty()) {
            return new RecipientReport(recipient, funnelSteps);
        }
        Campaign campaign = known.get();
        List<ChannelBinding> bindings = campaign.configuration().channels();
        java.util.function.IntFunction<Optional<SenderKey>> sender = index ->
                index < bindings.size() ? Optional.of(bindings.get(index).sender()) : Optional.empty();
        return new RecipientReport(
                recipient,
                funnelSteps,
                sender.apply(recipient.binding()),
                recipient.earlierAttempts().stream()
                        .map(attempt -> sender.apply(attempt.binding()))
                        .flatMap(Optional::stream)
                        .toList());
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
