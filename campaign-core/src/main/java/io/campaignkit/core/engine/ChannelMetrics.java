package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel binding's share of a campaign's figures ({@link CampaignEngine#metricsByChannel}).
 *
 * @param binding the binding's index in the campaign's channels (0 is the first)
 * @param sender the binding's channel and sender
 * @param recipients the recipients on this binding now: reached on it, or to be sent on it
 * @param sent of those, accepted by the provider on it
 * @param delivered of those, delivered (read and replied included)
 * @param read of those, read or replied to
 * @param replied of those, replied
 * @param failed of those, failed for good
 * @param fellBack recipients that were tried on this binding and fell back to a later one
 */
public record ChannelMetrics(
        int binding,
        SenderKey sender,
        long recipients,
        long sent,
        long delivered,
        long read,
        long replied,
        long failed,
        long fellBack) {

    public ChannelMetrics {
        Arguments.require(binding >= 0, "binding", "binding must not be negative, was " + binding);
        Arguments.requireNonNull(sender, "sender");
    }

    /**
     * The figures of every recipient of {@code campaign}, read a page at a time: {@code pages} answers the
     * page after a sequence (-1 for the first), {@link io.campaignkit.core.port.CampaignStore#MAX_BATCH} long.
     */
    static List<ChannelMetrics> count(
            io.campaignkit.core.campaign.Campaign campaign, java.util.function.LongFunction<List<Recipient>> pages) {
        Tally tally = new Tally(campaign.configuration().channels());
        long after = -1;
        List<Recipient> page;
        do {
            page = pages.apply(after);
            page.forEach(tally::add);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (page.size() == io.campaignkit.core.port.CampaignStore.MAX_BATCH);
        return tally.metrics();
    }

    /** Counts recipients per binding, a page at a time. */
    static final class Tally {
        private final List<ChannelBinding> bindings;
        private final long[][] counts;

        Tally(List<ChannelBinding> bindings) {
            this.bindings = bindings;
            this.counts = new long[bindings.size()][7];
        }

        void add(Recipient recipient) {
            if (recipient.binding() < counts.length) {
                long[] on = counts[recipient.binding()];
                on[0]++;
                on[1] += recipient.sentAt().isPresent() ? 1 : 0;
                on[2] += recipient.deliveredAt().isPresent() ? 1 : 0;
                on[3] += recipient.readAt().isPresent() ? 1 : 0;
                on[4] += recipient.state() == DeliveryState.REPLIED ? 1 : 0;
                on[5] += recipient.state() == DeliveryState.FAILED ? 1 : 0;
            }
            for (ChannelAttempt attempt : recipient.earlierAttempts()) {
                if (attempt.binding() < counts.length) {
                    counts[attempt.binding()][6]++;
                }
            }
        }

        List<ChannelMetrics> metrics() {
            List<ChannelMetrics> metrics = new ArrayList<>(bindings.size());
            for (int i = 0; i < bindings.size(); i++) {
                long[] on = counts[i];
                metrics.add(new ChannelMetrics(
                        i, bindings.get(i).sender(), on[0], on[1], on[2], on[3], on[4], on[5], on[6]));
            }
            return List.copyOf(metrics);
        }
    }
}
