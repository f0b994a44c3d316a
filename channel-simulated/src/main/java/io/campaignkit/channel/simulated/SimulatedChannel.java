package io.campaignkit.channel.simulated;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A channel adapter with scripted outcomes, for tests and dry runs. It records every send, answers
 * each as its {@link Outcome} says, and produces the status events and replies of that outcome as
 * <em>signed webhook requests</em> that go through a {@link WebhookEndpoint} (by default its own
 * {@link #handleWebhook}), so the verify-and-parse path a real adapter has is exercised too.
 *
 * <p>Outcome of a send, first that applies: the next {@linkplain #scriptNextSend(Outcome) scripted
 * send}, the outcome {@linkplain #scriptNumber(String, Outcome) scripted for the number}, a draw from
 * the configuration's {@link OutcomeMix}, the configuration's default outcome.
 *
 * <p>Time follows the configured clock, never real sleeping: a delayed answer or an event is due at an
 * instant and released by {@link #deliverDueEvents()} once the clock has passed it (or at every move
 * of a {@link TimeControl} clock, such as the testkit's {@code ManualClock}, with {@code deliverOnClockAdvance}).
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.ofDefaults();   // from campaign-testkit
 * SimulatedChannel channel = SimulatedChannel.withClock(clock);
 * channel.scriptNumber("+525500000001", Outcome.failing(SendErrorClass.RECIPIENT_PERMANENT));
 * channel.scriptNumber("+525500000002", Outcome.delivered(Duration.ofSeconds(2)).repliesAfter(Duration.ofMinutes(1), "SI"));
 * ... engine sends ...
 * clock.advance(Duration.ofMinutes(1));
 * List<ChannelEvent> events = channel.deliverDueEvents();
 * }</pre>
 *
 * <p>Thread-safe: sends may come from many threads.
 */
public final class SimulatedChannel implements ChannelAdapter {

    /** The header carrying the webhook signature: {@code sha256=<hex HMAC of URL, newline, body>}. */
    public static final String SIGNATURE_HEADER = "X-Simulated-Signature";

    /** The most rounds {@link #advanceUntilIdle()} makes before giving up. */
    public static final int MAX_IDLE_ROUNDS = 100_000;

    private final SimulatedChannelConfiguration configuration;
    private final Clock clock;
    private final WebhookSigner signer;
    private final SimulatedProvider provider;
    // Serializes deliveries so events leave in due order even when several threads release them.
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final TimeControl.Subscription clockRegistration;
    private volatile WebhookEndpoint endpoint = this::handleWebhook;
    private volatile @Nullable CredentialsCheck credentialsAnswer;

    private SimulatedChannel(SimulatedChannelConfiguration configuration) {
        this.configuration = configuration;
        this.clock = configuration.clock();
        this.signer = new WebhookSigner(configuration.webhookUrl(), configuration.webhookSecret());
        this.provider = new SimulatedProvider(configuration);
        this.clockRegistration = configuration.deliverOnClockAdvance()
                ? ((TimeControl) clock).onChange(this::deliverDueEvents)
                : () -> {};
    }

    /**
     * A simulated channel.
     *
     * @param configuration the configuration, not null
     * @return the channel
     */
    public static SimulatedChannel create(SimulatedChannelConfiguration configuration) {
        if (configuration == null) {
            throw new IllegalArgumentException("configuration must not be null");
        }
        return new SimulatedChannel(configuration);
    }

    /**
     * A simulated channel with the default configuration on {@code clock}.
     *
     * @param clock the clock, not null (a {@link TimeControl} such as the testkit's {@code ManualClock} in tests)
     * @return the channel
     */
    public static SimulatedChannel withClock(Clock clock) {
        return create(SimulatedChannelConfiguration.custom().clock(clock).build());
    }

    // ------------------------------------------------------------------ ChannelAdapter

    @Override
    public String id() {
        return configuration.id();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return configuration.capabilities();
    }

    /**
     * Records the send and answers it as its outcome says. Content the capabilities do not allow fails
     * with {@link SendErrorClass#CONTENT_PERMANENT} (code {@code SIM-UNSUPPORTED-CONTENT} or
     * {@code SIM-BODY-TOO-LONG}) without consuming a scripted outcome.
     */
    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        if (message == null) {
            return SimulatedProvider.failed(
                    SendFailure.of(SendErrorClass.CONTENT_PERMANENT, "SIM-NO-MESSAGE", "message must not be null"));
        }
        return provider.answer(message);
    }

    /**
     * Verifies the {@value #SIGNATURE_HEADER} signature, then parses the form body: 405 for a method
     * other than POST, 401 for a missing or wrong signature, 400 for a body it cannot read, else 200
     * with the events.
     */
    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        return signer.verifyAndDecode(request);
    }

    /** Stops listening to the clock and refuses further sends; pending events stay deliverable. */
    @Override
    public void close() {
        provider.close();
        clockRegistration.close();
    }

    /**
     * The answer scripted with {@link #answerCredentialsCheck}; without one, the SPI's default: the simulated
     * provider has no online check ({@link CredentialsCheck.Unsupported}), and an engine launches anyway.
     */
    @Override
    public CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
        CredentialsCheck answer = credentialsAnswer;
        return answer != null
                ? CompletableFuture.completedFuture(answer)
                : ChannelAdapter.super.checkCredentials(senderId);
    }

    // ------------------------------------------------------------------ scripting

    /**
     * Scripts what every later {@link #checkCredentials} answers, as a provider would: accepted, refused with
     * problems, or not checked (no answer came).
     *
     * @param answer the answer, not null
     * @return this channel
     */
    public SimulatedChannel answerCredentialsCheck(CredentialsCheck answer) {
        require(answer, "answer");
        this.credentialsAnswer = answer;
        return this;
    }

    /**
     * Scripts the outcome of the next send (whatever its recipient); calls queue up in order.
     *
     * @param outcome the outcome, not null
     * @return this channel
     */
    public SimulatedChannel scriptNextSend(Outcome outcome) {
        require(outcome, "outcome");
        provider.queueNextSend(outcome);
        return this;
    }

    /**
     * Scripts the outcome of every send to {@code recipient}.
     *
     * @param recipient the number in E.164, not null
     * @param outcome   the outcome, not null
     * @return this channel
     */
    public SimulatedChannel scriptNumber(String recipient, Outcome outcome) {
        if (!OutboundMessage.isE164(recipient)) {
            throw new IllegalArgumentException("recipient must be an E.164 number (was '" + recipient + "')");
        }
        require(outcome, "outcome");
        provider.scriptNumber(recipient, outcome);
        return this;
    }

    /**
     * Sends this channel's webhook requests to {@code target} instead of its own {@link #handleWebhook}
     * (for instance the host's webhook entry point).
     *
     * @param target the endpoint, not null
     * @return this channel
     */
    public SimulatedChannel deliverWebhooksTo(WebhookEndpoint target) {
        this.endpoint = require(target, "target");
        return this;
    }

    /**
     * Schedules a message from a contact, {@code after} from now.
     *
     * @param from     the contact's number in E.164, not null
     * @param senderId the sender that receives it, not blank
     * @param text     the text, not blank
     * @param after    the delay, not negative
     * @return the inbound message's provider id
     */
    public String scheduleInbound(String from, String senderId, String text, Duration after) {
        if (!OutboundMessage.isE164(from)) {
            throw new IllegalArgumentException("from must be an E.164 number (was '" + from + "')");
        }
        require(after, "after");
        return provider.scheduleInbound(from, senderId, text, after);
    }

    /**
     * Schedules any event (an opt-out, an unsupported message...) to travel the webhook path at
     * {@code at}.
     *
     * @param event the event, not null
     * @param at    when it is due, not null
     * @return this channel
     */
    public SimulatedChannel scheduleEvent(ChannelEvent event, Instant at) {
        require(event, "event");
        require(at, "at");
        provider.scheduleEvent(event, at);
        return this;
    }

    // ------------------------------------------------------------------ time

    /**
     * Completes the delayed answers and delivers the events whose instant the clock has reached, in
     * due order, each event as one signed webhook request to the {@link WebhookEndpoint}. An exception
     * thrown by the endpoint propagates to the caller (a host bug a test should see); the event that
     * caused it is not delivered again.
     *
     * @return the events the endpoint accepted, in delivery order
     */
    public List<ChannelEvent> deliverDueEvents() {
        List<ChannelEvent> accepted = new ArrayList<>();
        deliveryLock.lock();
        try {
            Optional<Timeline.Due> next;
            while ((next = provider.pollDue()).isPresent()) {
                Timeline.Due item = next.get();
                if (item.event() == null) {
                    Objects.requireNonNull(item.answer()).run(); // an item is an event or an answer
                    continue;
                }
                WebhookRequest request = signedWebhook(item.event());
                WebhookResult result = endpoint.deliver(request);
                provider.logWebhook(new DeliveredWebhook(request, result));
                if (result != null && result.accepted()) {
                    accepted.addAll(result.events());
                }
            }
        } finally {
            deliveryLock.unlock();
        }
        return accepted;
    }

    /**
     * Moves this channel's clock to each pending instant in turn and delivers what is due there, until
     * nothing is pending (answers and events scheduled meanwhile, for instance by sends the endpoint
     * triggers, included).
     *
     * @return the events the endpoint accepted, in delivery order
     * @throws IllegalStateException when the channel's clock is not a {@link TimeControl}, or when
     *                               events keep coming after {@value #MAX_IDLE_ROUNDS} rounds
     */
    public List<ChannelEvent> advanceUntilIdle() {
        if (!(clock instanceof TimeControl control)) {
            throw new IllegalStateException(
                    "advanceUntilIdle needs a clock the test moves (a TimeControl such as the testkit's ManualClock), not "
                            + clock);
        }
        List<ChannelEvent> accepted = new ArrayList<>(deliverDueEvents());
        for (int round = 0; round < MAX_IDLE_ROUNDS; round++) {
            Optional<Instant> next = nextDueInstant();
            if (next.isEmpty()) {
                return accepted;
            }
            control.advanceTo(next.get());
            accepted.addAll(deliverDueEvents());
        }
        throw new IllegalStateException(
                "still busy after " + MAX_IDLE_ROUNDS + " rounds: " + pendingCount() + " pending");
    }

    /**
     * When the next answer or event is due, so a test (or a runner) can advance the clock straight to it.
     *
     * @return the instant, or empty when nothing is pending
     */
    public Optional<Instant> nextDueInstant() {
        return provider.nextDueInstant();
    }

    /** @return how many answers and events are waiting for their instant */
    public int pendingCount() {
        return provider.pendingCount();
    }

    // ------------------------------------------------------------------ records

    /** @return every send received, in order */
    public List<RecordedSend> sends() {
        return provider.sends();
    }

    /**
     * The sends to one recipient.
     *
     * @param recipient the number in E.164
     * @return the sends to it, in order
     */
    public List<RecordedSend> sendsTo(String recipient) {
        return sends().stream()
                .filter(send -> send.message().recipient().equals(recipient))
                .toList();
    }

    /** @return every webhook request delivered and its answer, in order */
    public List<DeliveredWebhook> webhookLog() {
        return provider.webhookLog();
    }

    // ------------------------------------------------------------------ webhook requests

    /**
     * The signed webhook request this channel's provider would send for {@code event}.
     *
     * @param event the event, not null
     * @return the request
     */
    public WebhookRequest signedWebhook(ChannelEvent event) {
        return signedWebhook(SimulatedWebhookCodec.encode(require(event, "event")));
    }

    /**
     * A request with any form body, validly signed: for testing unknown fields and malformed bodies.
     *
     * @param formBody the raw body, not null
     * @return the request
     */
    public WebhookRequest signedWebhook(String formBody) {
        return signer.signed(require(formBody, "formBody"));
    }

    /**
     * The signed status webhook this channel's provider would send for a message it accepted, echoing
     * the message's correlation id. A FAILED status carries a simulated RECIPIENT_PERMANENT failure.
     *
     * @param providerMessageId the id from an earlier accepted send
     * @param status            the status
     * @return the request
     * @throws IllegalArgumentException when no accepted send has that id
     */
    public WebhookRequest signedStatusWebhook(String providerMessageId, DeliveryStatus status) {
        require(status, "status");
        require(providerMessageId, "providerMessageId");
        return signedWebhook(provider.statusOf(providerMessageId, status));
    }

    /**
     * Creates the body signature: {@code sha256=} and the hex HMAC-SHA256 of the URL, a newline and
     * the body.
     *
     * @param url  the URL the request is addressed to
     * @param body the raw body
     * @return the header value
     */
    public String signatureFor(java.net.URI url, byte[] body) {
        return signer.signatureFor(url, body);
    }

    // ------------------------------------------------------------------ internals

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SimulatedChannel[" + configuration.id() + ", " + sends().size() + " sends, " + pendingCount()
                + " pending]";
    }
}
