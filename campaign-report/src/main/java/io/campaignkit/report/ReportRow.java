package io.campaignkit.report;

import io.campaignkit.core.campaign.SenderKey;
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
 * @param channel the channel that reached the contact (or is to reach it), as {@code type:sender}, when known
 * @param earlierChannels the channels it was tried on before and fell back from, oldest first
 */
public record ReportRow(
        String contact,
        String status,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Optional<Instant> sentAt,
        Optional<Instant> deliveredAt,
        Optional<Instant> readAt,
        Optional<Instant> repliedAt,
        List<StepTime> funnelSteps,
        Optional<String> providerError,
        Map<String, String> customData,
        Optional<String> channel,
        List<String> earlierChannels) {

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
        Objects.requireNonNull(channel, "channel");
        earlierChannels = List.copyOf(earlierChannels);
    }

    /** A row without its channel (a report of one channel, or made without the campaign's configuration). */
    public ReportRow(
            String contact,
            String status,
            Optional<String> errorCode,
            Optional<String> errorMessage,
            Optional<Instant> sentAt,
            Optional<Instant> deliveredAt,
            Optional<Instant> readAt,
            Optional<Instant> repliedAt,
            List<StepTime> funnelSteps,
            Optional<String> providerError,
            Map<String, String> customData) {
        this(
                contact,
                status,
                errorCode,
                errorMessage,
                sentAt,
                deliveredAt,
                readAt,
                repliedAt,
                funnelSteps,
                providerError,
                customData,
                Optional.empty(),
                List.of());
    }

    /** How a report names a channel: {@code whatsapp-cloud:109876543210}, {@code twilio:+15550001111}. */
    public static String channelName(SenderKey sender) {
        return sender.channelType() + ":" + sender.senderId();
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
        boolean settledBadly = recipient.state() == DeliveryState.FAILED
                || recipient.state() == DeliveryState.SKIPPED
                || recipient.state() == DeliveryState.UNKNOWN;
        Optional<StatusReason> reason = settledBadly ? recipient.outcome() : Optional.empty();
        ReportedTimes times = line.times();
        return new ReportRow(
                recipient.phone().e164(),
                recipient.state().name(),
                reason.map(StatusReason::code),
                reason.map(StatusReason::message),
                times.sentAt(),
                times.deliveredAt(),
                times.readAt(),
                times.repliedAt(),
                line.funnelSteps().stream()
                        .map(step -> new StepTime(step.step(), step.at()))
                        .toList(),
                line.providerError(),
                recipient.contact().customData().normalizedValues(),
                line.channel().map(ReportRow::channelName),
                line.earlierChannels().stream().map(ReportRow::channelName).toList());
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
