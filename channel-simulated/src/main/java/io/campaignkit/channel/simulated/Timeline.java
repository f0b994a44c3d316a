package io.campaignkit.channel.simulated;

import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link SimulatedChannel} holds until its instant: delayed send answers and the events (status
 * updates, replies, scheduled inbound messages) an {@link Outcome} or a test schedules. Items due at the
 * same instant leave in the order they were scheduled.
 *
 * <p>Not thread-safe: the channel calls it only while holding its lock.
 */
final class Timeline {

    /** An event to deliver, or (when {@code event} is null) a send answer to complete, due at {@code at}. */
    record Due(
            Instant at,
            long order,
            @Nullable ChannelEvent event,
            @Nullable Runnable answer) {}

    private final PriorityQueue<Due> due =
            new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private long dueSequence;
    private long inboundSequence;
    /** {@code SIM-IN-} on the default channel; with its id on another, so two channels' inbound ids never meet. */
    private final String inboundIdFormat;

    Timeline(String channelId) {
        this.inboundIdFormat = SimulatedChannelConfiguration.DEFAULT_ID.equals(channelId)
                ? "SIM-IN-%06d"
                : "SIM-" + channelId.toUpperCase(java.util.Locale.ROOT) + "-IN-%06d";
    }

    void addEvent(Instant at, ChannelEvent event) {
        due.add(new Due(at, ++dueSequence, event, null));
    }

    void addAnswer(Instant at, Runnable answer) {
        due.add(new Due(at, ++dueSequence, null, answer));
    }

    /** Removes and returns the earliest item if {@code now} has reached it. */
    Optional<Due> pollDue(Instant now) {
        Due head = due.peek();
        if (head == null || head.at().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(due.poll());
    }

    Optional<Instant> nextInstant() {
        return Optional.ofNullable(due.peek()).map(Due::at);
    }

    int size() {
        return due.size();
    }

    String nextInboundId() {
        return String.format(inboundIdFormat, ++inboundSequence);
    }

    /**
     * Schedules what {@code outcome} says follows an accepted send answered at {@code answeredAt}: its
     * replies and its status events (reordered or duplicated if the outcome asks for it).
     */
    void scheduleOutcome(OutboundMessage message, String providerMessageId, Instant answeredAt, Outcome outcome) {
        List<Outcome.StatusStep> statuses = new ArrayList<>();
        for (Outcome.Step step : outcome.steps()) {
            if (step instanceof Outcome.StatusStep status) {
                statuses.add(status);
            } else if (step instanceof Outcome.ReplyStep reply) {
                Instant at = answeredAt.plus(reply.after());
                addEvent(
                        at,
                        InboundMessage.builder(nextInboundId(), message.recipient(), message.senderId(), at)
                                .text(reply.text())
                                .replyToProviderMessageId(providerMessageId)
                                .build());
            }
        }
        statuses.sort(Comparator.comparing(Outcome.StatusStep::after));
        for (int i = 0; i < statuses.size(); i++) {
            Outcome.StatusStep step = statuses.get(i);
            // The event keeps its own time; only its delivery slot moves when reordered.
            Instant happenedAt = answeredAt.plus(step.after());
            Instant deliveredAt = outcome.reorderStatusEvents()
                    ? answeredAt.plus(statuses.get(statuses.size() - 1 - i).after())
                    : happenedAt;
            StatusUpdate event = statusEvent(providerMessageId, message, step.status(), happenedAt, step.failure());
            addEvent(deliveredAt, event);
            if (outcome.duplicateStatusEvents()) {
                addEvent(deliveredAt, event);
            }
        }
    }

    /** The status update the provider reports for {@code message}, echoing its correlation id. */
    static StatusUpdate statusEvent(
            String providerMessageId,
            OutboundMessage message,
            DeliveryStatus status,
            Instant at,
            Optional<SendFailure> failure) {
        return new StatusUpdate(
                providerMessageId,
                Optional.of(message.correlationId()),
                status,
                at,
                Optional.of(message.recipient()),
                failure);
    }
}
