package io.campaignkit.channel.simulated;

import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the simulated provider holds, behind one lock: the outcomes scripted, the sends it received, the
 * answers and events waiting for their instant, the webhook requests delivered, and whether the channel
 * is closed. {@link SimulatedChannel} is the adapter around it (the SPI, the public scripting and time
 * calls with their argument checks, and the delivery of due events through the webhook endpoint), so
 * every change of this state is made here, under the lock, and nothing here calls out of it.
 */
final class SimulatedProvider {

    private final Object lock = new Object();
    private final Clock clock;

    // Guarded by lock.
    private final OutcomeScript script;
    private final SendLedger ledger;
    private final Timeline timeline;
    private final List<DeliveredWebhook> webhookLog = new ArrayList<>();
    private boolean closed;

    SimulatedProvider(SimulatedChannelConfiguration configuration) {
        this.clock = configuration.clock();
        this.script = new OutcomeScript(configuration);
        this.ledger = new SendLedger(configuration.id());
        this.timeline = new Timeline(configuration.id());
    }

    /**
     * Records the send and answers it as its outcome says, now or at the answer's instant. Content the
     * capabilities do not allow fails without being recorded or consuming a scripted outcome.
     */
    CompletionStage<SendReceipt> answer(OutboundMessage message) {
        Optional<SendFailure> refusal = script.refusal(message); // the configuration's capabilities alone
        if (refusal.isPresent()) {
            return failed(refusal.get());
        }
        CompletableFuture<SendReceipt> answer = new CompletableFuture<>();
        Runnable answerNow;
        synchronized (lock) {
            if (closed) {
                return failed(
                        SendFailure.of(SendErrorClass.TRANSIENT, "SIM-CLOSED", "the simulated channel is closed"));
            }
            Outcome outcome = script.outcomeFor(message.recipient());
            Instant now = clock.instant();
            Instant answeredAt = now.plus(outcome.answerDelay());
            Optional<String> accepted = ledger.record(message, now, outcome).providerMessageId();
            if (accepted.isEmpty()) {
                SendFailure failure = outcome.failure().get();
                answerNow = () -> answer.completeExceptionally(new ChannelSendException(failure));
            } else {
                String providerMessageId = accepted.get();
                timeline.scheduleOutcome(message, providerMessageId, answeredAt, outcome);
                SendReceipt receipt = new SendReceipt(providerMessageId, answeredAt);
                answerNow = () -> answer.complete(receipt);
            }
            if (!outcome.answerDelay().isZero()) {
                timeline.addAnswer(answeredAt, answerNow);
                return answer;
            }
        }
        answerNow.run(); // outside the lock: the caller's stages run on this thread
        return answer;
    }

    static CompletionStage<SendReceipt> failed(SendFailure failure) {
        return CompletableFuture.failedFuture(new ChannelSendException(failure));
    }

    void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    void queueNextSend(Outcome outcome) {
        synchronized (lock) {
            script.queueNextSend(outcome);
        }
    }

    void scriptNumber(String recipient, Outcome outcome) {
        synchronized (lock) {
            script.scriptNumber(recipient, outcome);
        }
    }

    /** A text from {@code from} due {@code after} from now; its provider id. */
    String scheduleInbound(String from, String senderId, String text, Duration after) {
        synchronized (lock) {
            Instant at = clock.instant().plus(after);
            InboundMessage inbound = InboundMessage.builder(timeline.nextInboundId(), from, senderId, at)
                    .text(text)
                    .build();
            timeline.addEvent(at, inbound);
            return inbound.providerMessageId();
        }
    }

    void scheduleEvent(ChannelEvent event, Instant at) {
        synchronized (lock) {
            timeline.addEvent(at, event);
        }
    }

    /** The first answer or event whose instant the clock has reached, taken off the timeline. */
    Optional<Timeline.Due> pollDue() {
        synchronized (lock) {
            return timeline.pollDue(clock.instant());
        }
    }

    Optional<Instant> nextDueInstant() {
        synchronized (lock) {
            return timeline.nextInstant();
        }
    }

    int pendingCount() {
        synchronized (lock) {
            return timeline.size();
        }
    }

    List<RecordedSend> sends() {
        synchronized (lock) {
            return ledger.all();
        }
    }

    /** The status event of an accepted send, now; throws IllegalArgumentException for an unknown id. */
    ChannelEvent statusOf(String providerMessageId, DeliveryStatus status) {
        synchronized (lock) {
            return ledger.statusOf(providerMessageId, status, clock.instant());
        }
    }

    void logWebhook(DeliveredWebhook delivered) {
        synchronized (lock) {
            webhookLog.add(delivered);
        }
    }

    List<DeliveredWebhook> webhookLog() {
        synchronized (lock) {
            return List.copyOf(webhookLog);
        }
    }
}
