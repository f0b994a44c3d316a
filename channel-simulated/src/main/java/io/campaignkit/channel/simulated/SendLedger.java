package io.campaignkit.channel.simulated;

import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every send a {@link SimulatedChannel} received, numbered from 1, and the accepted ones by the
 * simulated provider id ({@code SIM-000001}, ...) it gave them, so status webhooks can be made for them
 * later.
 *
 * <p>Not thread-safe: the channel calls it only while holding its lock.
 */
final class SendLedger {

    private final List<RecordedSend> sends = new ArrayList<>();
    private final Map<String, OutboundMessage> acceptedById = new HashMap<>();
    private long sequence;
    /** {@code SIM-} on the default channel; with its id on another, so two channels' ids never meet (providers' never do). */
    private final String idFormat;

    SendLedger(String channelId) {
        this.idFormat = SimulatedChannelConfiguration.DEFAULT_ID.equals(channelId)
                ? "SIM-%06d"
                : "SIM-" + channelId.toUpperCase(java.util.Locale.ROOT) + "-%06d";
    }

    /** Records a send; it gets a provider id exactly when {@code outcome} does not fail it. */
    RecordedSend record(OutboundMessage message, Instant now, Outcome outcome) {
        long number = ++sequence;
        Optional<String> providerMessageId =
                outcome.failure().isPresent() ? Optional.empty() : Optional.of(String.format(idFormat, number));
        RecordedSend send = new RecordedSend(number, message, now, outcome, providerMessageId);
        sends.add(send);
        providerMessageId.ifPresent(id -> acceptedById.put(id, message));
        return send;
    }

    List<RecordedSend> all() {
        return List.copyOf(sends);
    }

    /**
     * The status update the provider would report at {@code at} for an accepted send. A FAILED status
     * carries a simulated RECIPIENT_PERMANENT failure.
     *
     * @throws IllegalArgumentException when no accepted send has that id
     */
    StatusUpdate statusOf(String providerMessageId, DeliveryStatus status, Instant at) {
        OutboundMessage message = acceptedById.get(providerMessageId);
        if (message == null) {
            throw new IllegalArgumentException(
                    "no accepted send has the provider message id '" + providerMessageId + "'");
        }
        return Timeline.statusEvent(
                providerMessageId,
                message,
                status,
                at,
                status == DeliveryStatus.FAILED
                        ? Optional.of(Outcome.simulatedFailure(SendErrorClass.RECIPIENT_PERMANENT))
                        : Optional.empty());
    }
}
