package io.campaignkit.report;

import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.RecipientReport;
import io.campaignkit.core.engine.ReportedTimes;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient's line of a report.
 *
 * @param contact the number in E.164
 * @param status the delivery state ({@code SENT}, {@code FAILED}, …)
 * @param errorCode why it failed or was skipped, if it did
 * @param errorMessage the matching sentence for people
 * @param sentAt when the provider accepted it
 * @param deliveredAt when it reached the handset
 * @param readAt when it was read
 * @param repliedAt when the contact first replied
 * @param funnelSteps the bot's funnel steps the contact reached, by time
 * @param providerError the channel's own error code for a failure ({@code 131026}, {@code 30006}), when
 *     the channel gave one; {@code errorCode} stays CampaignKit's classification
 * @param customData the contact's custom data, as normalized text by field id
 */
public record ReportRow(String contact, String status, Optional<String> errorCode, Optional<String> errorMessage,
        Optional<Instant> sentAt, Optional<Instant> deliveredAt, Optional<Instant> readAt,
        Optional<Instant> repliedAt, List<StepTime> funnelSteps, Optional<String> providerError,
        Map<String, String> customData) {

    public ReportRow {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(repliedAt, "repliedAt");
        funnelSteps = List.copyOf(funnelSteps);
        Objects.requireNonNull(providerError, "providerError");
        customData = Map.copyOf(customData);
    }

    /**
     * The line of one exported recipient: the reason only when it failed, was skipped or ended
     * unknown; the times as reports show them ({@link ReportedTimes}).
     *
     * @param line a line of {@link io.campaignkit.core.engine.CampaignEngine#export}
     * @return its report row
     */
    public static ReportRow of(RecipientReport line) {
        Recipient recipient = line.recipient();
        boolean settledBadly = recipient.state() == DeliveryState.FAILED || recipient.state() == DeliveryState.SKIPPED
                || recipient.state() == DeliveryState.UNKNOWN;
        Optional<StatusReason> reason = settledBadly ? recipient.outcome() : Optional.empty();
        ReportedTimes times = line.times();
        return new ReportRow(recipient.phone().e164(), recipient.state().name(), reason.map(StatusReason::code),
                reason.map(StatusReason::message), times.sentAt(), times.deliveredAt(), times.readAt(),
                times.repliedAt(),
                line.funnelSteps().stream().map(step -> new StepTime(step.step(), step.at())).toList(),
                line.providerError(), recipient.contact().customData().normalizedValues());
    }

    /**
     * Why the message did not reach this contact, keyed as {@link CampaignMetrics#notSentByReason()}
     * counts it: the reason code of a FAILED or SKIPPED row, {@value CampaignMetrics#UNKNOWN_OUTCOME} for
     * an UNKNOWN one; empty for every other row (sent, or not sent yet).
     *
     * @return the reason, if the row is one of the summary's "not sent"
     */
    public Optional<String> notSentReason() {
        return switch (status) {
            case "FAILED", "SKIPPED" -> Optional.of(errorCode.orElse(status));
            case "UNKNOWN" -> Optional.of(CampaignMetrics.UNKNOWN_OUTCOME);
            default -> Optional.empty();
        };
    }

    /** A funnel step and when the contact reached it. */
    public record StepTime(String step, Instant at) {
        public StepTime {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(at, "at");
        }
    }
}
