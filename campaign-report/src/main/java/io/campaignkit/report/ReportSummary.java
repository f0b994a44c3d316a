package io.campaignkit.report;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.CampaignMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A campaign's figures at the time of the report.
 *
 * @param campaignId the campaign's id
 * @param name its name
 * @param state its lifecycle state
 * @param channel the channel it runs on; the channels in order, comma-separated, for a campaign with several
 * @param generatedAt when the report was made
 * @param audience every recipient, skipped ones included
 * @param sent accepted by the provider
 * @param delivered delivered (read and replied included)
 * @param read read
 * @param replied replied
 * @param failed failed for good
 * @param unknown sent without an answer from the channel (never resent)
 * @param skipped never sent
 * @param pending not sent yet
 * @param failedByCode failed per reason code
 * @param skippedByReason skipped per reason code
 * @param funnel contacts per bot funnel step
 */
public record ReportSummary(
        String campaignId,
        String name,
        String state,
        String channel,
        Optional<Instant> generatedAt,
        long audience,
        long sent,
        long delivered,
        long read,
        long replied,
        long failed,
        long unknown,
        long skipped,
        long pending,
        Map<String, Long> failedByCode,
        Map<String, Long> skippedByReason,
        Map<String, Long> funnel) {

    public ReportSummary {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(generatedAt, "generatedAt");
        failedByCode = sorted(failedByCode);
        skippedByReason = sorted(skippedByReason);
        funnel = sorted(funnel);
    }

    /**
     * The summary of a campaign with its metrics; recipients still SENDING count as pending.
     *
     * @param metrics the campaign's metrics
     * @param campaign the campaign
     * @param generatedAt when the report is made, if it says so
     * @return the summary
     */
    public static ReportSummary of(CampaignMetrics metrics, Campaign campaign, Optional<Instant> generatedAt) {
        return new ReportSummary(
                campaign.id().value(),
                campaign.configuration().name().orElse(campaign.id().value()),
                campaign.state().name(),
                channels(campaign),
                generatedAt,
                metrics.audience(),
                metrics.sent(),
                metrics.delivered(),
                metrics.read(),
                metrics.replied(),
                metrics.failed(),
                metrics.unknown(),
                metrics.skipped(),
                metrics.pending() + metrics.sending(),
                metrics.failedByCode(),
                metrics.skippedByReason(),
                metrics.funnel());
    }

    private static String channels(Campaign campaign) {
        List<String> types = campaign.configuration().channels().stream()
                .map(binding -> binding.sender().channelType())
                .distinct()
                .toList();
        return types.isEmpty()
                ? campaign.configuration().channel().map(SenderKey::channelType).orElse("-")
                : String.join(", ", types);
    }

    /**
     * Not sent ("no se envió a"): the recipients the message did not reach as far as anyone knows,
     * {@code failed + skipped + unknown}, as {@link CampaignMetrics#notSent()}.
     *
     * @return the count
     */
    public long notSent() {
        return failed + skipped + unknown;
    }

    /**
     * {@link #notSent()} by reason, as {@link CampaignMetrics#notSentByReason()}: each skip reason, each
     * failure code, and {@value CampaignMetrics#UNKNOWN_OUTCOME} for the unknown outcomes.
     *
     * @return the counts by reason code, sorted
     */
    public Map<String, Long> notSentByReason() {
        Map<String, Long> byReason = new TreeMap<>(skippedByReason);
        failedByCode.forEach((code, count) -> byReason.merge(code, count, Long::sum));
        if (unknown > 0) {
            byReason.merge(CampaignMetrics.UNKNOWN_OUTCOME, unknown, Long::sum);
        }
        return java.util.Collections.unmodifiableMap(byReason);
    }

    /** delivered of sent, in percent; 0 when nothing was sent. */
    public double receivedPercent() {
        return percent(delivered, sent);
    }

    /** read of delivered, in percent. */
    public double readPercent() {
        return percent(read, delivered);
    }

    /** replied of delivered, in percent. */
    public double repliedPercent() {
        return percent(replied, delivered);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(counts)));
    }
}
