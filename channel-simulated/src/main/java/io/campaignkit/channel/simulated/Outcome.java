package io.campaignkit.channel.simulated;

import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.DeliveryStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to one send on a {@link SimulatedChannel}: the answer to the send (accepted or failed,
 * possibly after a delay) and, for an accepted message, the timeline of what follows (status events,
 * a reply). Durations in the timeline count from the moment the send is answered. Immutable; every
 * {@code with...}/{@code ...After} method returns a new outcome.
 *
 * <pre>{@code
 * Outcome.accepted().sentAfter(Duration.ZERO).deliveredAfter(Duration.ofSeconds(2))
 *        .readAfter(Duration.ofMinutes(1)).repliesAfter(Duration.ofMinutes(2), "SI");
 * Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT);
 * }</pre>
 */
public final class Outcome {

    /** One thing that happens after acceptance. */
    public sealed interface Step permits StatusStep, ReplyStep {
        /** @return how long after the send was answered */
        Duration after();
    }

    /**
     * A status event.
     *
     * @param after   delay after the answer
     * @param status  the status
     * @param failure the failure, present exactly for FAILED
     */
    public record StatusStep(Duration after, DeliveryStatus status, Optional<SendFailure> failure) implements Step {}

    /**
     * An inbound reply from the recipient, quoting the sent message.
     *
     * @param after delay after the answer
     * @param text  the reply's text
     */
    public record ReplyStep(Duration after, String text) implements Step {}

    private final Optional<SendFailure> failure;
    private final Duration answerDelay;
    private final List<Step> steps;
    private final boolean duplicateStatusEvents;
    private final boolean reorderStatusEvents;

    private Outcome(
            Optional<SendFailure> failure,
            Duration answerDelay,
            List<Step> steps,
            boolean duplicateStatusEvents,
            boolean reorderStatusEvents) {
        this.failure = failure;
        this.answerDelay = answerDelay;
        this.steps = List.copyOf(steps);
        this.duplicateStatusEvents = duplicateStatusEvents;
        this.reorderStatusEvents = reorderStatusEvents;
    }

    /**
     * Accepted at once, with no events afterwards.
     *
     * @return the outcome
     */
    public static Outcome accepted() {
        return new Outcome(Optional.empty(), Duration.ZERO, List.of(), false, false);
    }

    /**
     * Accepted, sent at once and delivered after {@code delay}: the usual happy path.
     *
     * @param delay delay of the DELIVERED event, not negative
     * @return the outcome
     */
    public static Outcome delivered(Duration delay) {
        return accepted().sentAfter(Duration.ZERO).deliveredAfter(delay);
    }

    /**
     * The send fails with {@code errorClass}, provider code {@code SIM-<CLASS>}; a RATE_LIMITED
     * failure asks to retry after one second.
     *
     * @param errorClass the class, not null
     * @return the outcome
     */
    public static Outcome failing(SendErrorClass errorClass) {
        return failing(simulatedFailure(errorClass));
    }

    /**
     * The send fails with {@code failure}.
     *
     * @param failure the failure, not null
     * @return the outcome
     */
    public static Outcome failing(SendFailure failure) {
        return new Outcome(Optional.of(require(failure, "failure")), Duration.ZERO, List.of(), false, false);
    }

    /**
     * The failure a simulated provider reports for {@code errorClass}.
     *
     * @param errorClass the class, not null
     * @return a failure with code {@code SIM-<CLASS>}
     */
    public static SendFailure simulatedFailure(SendErrorClass errorClass) {
        require(errorClass, "errorClass");
        SendFailure failure = SendFailure.of(
                errorClass,
                "SIM-" + errorClass.name(),
                "simulated " + errorClass.name().toLowerCase().replace('_', ' '));
        return errorClass == SendErrorClass.RATE_LIMITED ? failure.withRetryAfter(Duration.ofSeconds(1)) : failure;
    }

    /**
     * The send is answered (accepted or failed) only {@code delay} after it was made.
     *
     * @param delay the delay, not negative
     * @return a new outcome
     */
    public Outcome answeredAfter(Duration delay) {
        return new Outcome(failure, nonNegative(delay, "delay"), steps, duplicateStatusEvents, reorderStatusEvents);
    }

    /**
     * Adds a SENT event.
     *
     * @param delay after the answer, not negative
     * @return a new outcome
     */
    public Outcome sentAfter(Duration delay) {
        return withStep(new StatusStep(nonNegative(delay, "delay"), DeliveryStatus.SENT, Optional.empty()));
    }

    /**
     * Adds a DELIVERED event.
     *
     * @param delay after the answer, not negative
     * @return a new outcome
     */
    public Outcome deliveredAfter(Duration delay) {
        return withStep(new StatusStep(nonNegative(delay, "delay"), DeliveryStatus.DELIVERED, Optional.empty()));
    }

    /**
     * Adds a READ event.
     *
     * @param delay after the answer, not negative
     * @return a new outcome
     */
    public Outcome readAfter(Duration delay) {
        return withStep(new StatusStep(nonNegative(delay, "delay"), DeliveryStatus.READ, Optional.empty()));
    }

    /**
     * Adds a FAILED event (an asynchronous failure after acceptance).
     *
     * @param delay      after the answer, not negative
     * @param errorClass the failure's class, not null
     * @return a new outcome
     */
    public Outcome failsAfter(Duration delay, SendErrorClass errorClass) {
        return failsAfter(delay, simulatedFailure(errorClass));
    }

    /**
     * Adds a FAILED event with the given failure, such as a provider's "not on this channel" answer
     * ({@code SendFailure.notOnChannel("131026", "Message undeliverable")}).
     *
     * @param delay   after the answer, not negative
     * @param failure the failure, not null
     * @return a new outcome
     */
    public Outcome failsAfter(Duration delay, SendFailure failure) {
        return withStep(new StatusStep(
                nonNegative(delay, "delay"), DeliveryStatus.FAILED, Optional.of(require(failure, "failure"))));
    }

    /**
     * Adds a reply from the recipient, quoting the sent message.
     *
     * @param delay after the answer, not negative
     * @param text  the reply, not blank
     * @return a new outcome
     */
    public Outcome repliesAfter(Duration delay, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        return withStep(new ReplyStep(nonNegative(delay, "delay"), text));
    }

    /**
     * Every status event is delivered twice, as providers that deliver at least once do.
     *
     * @return a new outcome
     */
    public Outcome withDuplicateStatusEvents() {
        return new Outcome(failure, answerDelay, steps, true, reorderStatusEvents);
    }

    /**
     * Status events arrive in reverse order (READ before DELIVERED before SENT), each taking the slot
     * of another, as providers that do not guarantee order may deliver them.
     *
     * @return a new outcome
     */
    public Outcome withReorderedStatusEvents() {
        return new Outcome(failure, answerDelay, steps, duplicateStatusEvents, true);
    }

    /** @return the failure the send is answered with, or empty when it is accepted */
    public Optional<SendFailure> failure() {
        return failure;
    }

    /** @return how long after the send it is answered */
    public Duration answerDelay() {
        return answerDelay;
    }

    /** @return the timeline after acceptance, in the order added */
    public List<Step> steps() {
        return steps;
    }

    /** @return whether status events are delivered twice */
    public boolean duplicateStatusEvents() {
        return duplicateStatusEvents;
    }

    /** @return whether status events are delivered in reverse order */
    public boolean reorderStatusEvents() {
        return reorderStatusEvents;
    }

    private Outcome withStep(Step step) {
        if (failure.isPresent()) {
            throw new IllegalStateException("a failing outcome has no events after it (failure: "
                    + failure.get().describe() + ")");
        }
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Outcome(failure, answerDelay, more, duplicateStatusEvents, reorderStatusEvents);
    }

    private static Duration nonNegative(Duration delay, String name) {
        require(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative (was " + delay + ")");
        }
        return delay;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Outcome[" + failure.map(SendFailure::describe).orElse("accepted")
                + (answerDelay.isZero() ? "" : ", answered after " + answerDelay)
                + (steps.isEmpty() ? "" : ", then " + steps)
                + (duplicateStatusEvents ? ", duplicated" : "") + (reorderStatusEvents ? ", reordered" : "") + "]";
    }
}
