package io.campaignkit.channel.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.twilio.internal.BoundedSendExecutor;
import io.campaignkit.channel.twilio.internal.CredentialsLookup;
import io.campaignkit.channel.twilio.internal.MessageRequest;
import io.campaignkit.channel.twilio.internal.OutboundMapping;
import io.campaignkit.channel.twilio.internal.SdkMessages;
import io.campaignkit.channel.twilio.internal.SendFailures;
import io.campaignkit.channel.twilio.internal.SendPreflight;
import io.campaignkit.channel.twilio.internal.SignatureVerifier;
import io.campaignkit.channel.twilio.internal.WebhookHandler;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Twilio Programmable Messaging adapter: SMS and WhatsApp through one Twilio sender.
 *
 * <p>Each adapter owns a {@link TwilioRestClient} of its own (the static {@code com.twilio.Twilio}
 * is never touched) on an HTTP client that never retries a message creation, and a bounded pool of
 * {@link TwilioConfig#maxConcurrentSends()} threads, so {@link #send} never blocks its caller.
 * Webhooks (status callbacks and inbound messages) are verified with the auth token over the URL
 * Twilio called. Create with {@link #create(TwilioConfig)} or through {@link TwilioChannelAdapterProvider}.
 */
public final class TwilioChannelAdapter implements ChannelAdapter {

    /** The channel type id. */
    public static final String ID = "twilio";
    /** WhatsApp's customer-service window: free-form text only within 24 hours of the contact's last message. */
    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    /** When our own queue is full nothing was sent; the engine may try again this soon. */
    static final Duration QUEUE_FULL_RETRY_AFTER = Duration.ofSeconds(1);
    /** The longest a preflight waits for the online check: the engine launches under its lock. */
    private static final Duration LONGEST_CHECK_WAIT = Duration.ofSeconds(10);

    private final TwilioConfig config;
    private final TwilioRestClient client;
    private final OutboundMapping mapping;
    private final WebhookHandler webhooks;
    private final ChannelCapabilities capabilities;
    private final BoundedSendExecutor executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TwilioChannelAdapter(TwilioConfig config) {
        this.config = config;
        this.client = SdkMessages.restClient(
                config.accountSid(),
                config.authToken().reveal(),
                config.apiBaseUrl().orElse(null),
                config.connectTimeout(),
                config.requestTimeout());
        this.mapping = new OutboundMapping(
                config.whatsApp(), config.statusCallbackUrl(), config.validityPeriod(), config::contentSidFor);
        this.webhooks = new WebhookHandler(
                new SignatureVerifier(
                        config.authToken().reveal(),
                        config.publicWebhookBaseUrl().orElse(null)),
                config.sender(),
                new io.campaignkit.channel.twilio.internal.OptKeywords(config.keywords()),
                config.clock());
        this.capabilities = ChannelCapabilities.custom()
                .templates(true)
                .freeFormText(true)
                // a template's header media is part of the Twilio Content template, never sent per message
                // (OutboundMapping refuses it), so a campaign with header media is refused at launch
                .mediaKinds(EnumSet.noneOf(MediaKind.class))
                .maxMessagesPerSecond(config.messagesPerSecond())
                .customerServiceWindow(config.whatsApp() ? WHATSAPP_WINDOW : null)
                .maxBodyLength(OutboundMapping.MAX_BODY_LENGTH)
                .mediaMessageKinds(OutboundMapping.mediaMessageKinds(config.whatsApp()))
                .build();
        this.executor = new BoundedSendExecutor(
                config.maxConcurrentSends(), config.maxQueuedSends(), "campaignkit-twilio-send-");
    }

    /**
     * Creates an adapter; the caller closes it.
     *
     * @param config the configuration, not null
     * @return a new adapter
     * @throws IllegalArgumentException when the configuration is null
     */
    public static TwilioChannelAdapter create(TwilioConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        return new TwilioChannelAdapter(config);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Checks, without calling Twilio, what it would refuse at the first send: the sender's form, a
     * template without a known Content SID or with more than 100 variables, and on WhatsApp an inline
     * text as the first message. With {@link TwilioConfig#checkCredentialsAtLaunch()} it then asks Twilio
     * ({@link #checkCredentials}) and adds its refusals, waiting at most the request timeout and never more
     * than 10 seconds (the engine launches under its lock); no answer by then refuses nothing.
     */
    @Override
    public List<PreflightProblem> preflight(MessagePlan plan) {
        List<PreflightProblem> offline = SendPreflight.problems(plan, config.whatsApp(), config::contentSidFor);
        if (!config.checkCredentialsAtLaunch()
                || offline.stream().anyMatch(problem -> problem.subject().equals(PreflightProblem.SENDER))) {
            return offline;
        }
        CredentialsCheck online;
        try {
            Duration wait = config.requestTimeout().compareTo(LONGEST_CHECK_WAIT) < 0
                    ? config.requestTimeout().plusSeconds(1)
                    : LONGEST_CHECK_WAIT;
            online =
                    checkCredentials(plan.senderId()).toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return offline;
        } catch (ExecutionException | TimeoutException noAnswer) {
            return offline; // could not check: not a reason to refuse the launch
        }
        List<PreflightProblem> all = new ArrayList<>(offline);
        all.addAll(online.problems());
        return List.copyOf(all);
    }

    /**
     * Asks Twilio, with the account SID and auth token, for the sender itself: a Messaging Service is fetched,
     * a phone number looked up among the account's incoming numbers, a short code among its short codes, a
     * WhatsApp sender among its WhatsApp senders (Senders API; it must be ONLINE); for an alphanumeric sender id
     * or the WhatsApp sandbox's shared number the account is fetched. 401 / 20003 refuses the settings {@code account-sid} and {@code auth-token}; 404 /
     * 20404 the sender (setting {@code sender}) or the account SID; a number the account does not have
     * refuses {@code sender}. No answer within the request timeout, a refused connection or Twilio's own
     * failure is {@link CredentialsCheck.NotChecked}. The auth token appears in no answer. A sender other
     * than the configured one is refused without a call.
     */
    @Override
    public CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
        if (!config.sender().equals(senderId)) {
            return CompletableFuture.completedFuture(new CredentialsCheck.Refused(List.of(new PreflightProblem(
                    PreflightProblem.SENDER,
                    "sender '" + senderId + "' is not this adapter's sender '" + config.sender()
                            + "' (setting sender)"))));
        }
        String sender = config.sender();
        CredentialsLookup.SenderKind kind =
                CredentialsLookup.kindOf(sender, config.whatsApp(), config.senderType() == TwilioSenderType.SHORT_CODE);
        return executor.submit(
                        () -> CredentialsLookup.check(
                                client,
                                config.accountSid(),
                                sender,
                                kind,
                                config.authToken().reveal()),
                        refusal -> new IllegalStateException(
                                refusal == BoundedSendExecutor.Refusal.CLOSED
                                        ? "the Twilio adapter is closed"
                                        : "the adapter's queue is full"))
                .exceptionally(failure -> new CredentialsCheck.NotChecked("the online check did not run: "
                        + (failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage())));
    }

    /** @return the configuration this adapter runs with */
    public TwilioConfig config() {
        return config;
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        if (message == null) {
            return CompletableFuture.failedFuture(SendFailures.invalidMessage("message must not be null"));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    SendFailures.notSent(SendErrorClass.TRANSIENT, "the Twilio adapter is closed", null));
        }
        MessageRequest request;
        try {
            request = mapping.toRequest(message);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(SendFailures.invalidMessage(e.getMessage()));
        }
        return executor.submit(
                () -> post(request),
                refusal -> refusal == BoundedSendExecutor.Refusal.QUEUE_FULL
                        ? SendFailures.notSent(
                                SendErrorClass.RATE_LIMITED,
                                "more than " + config.maxQueuedSends() + " Twilio sends are waiting; nothing was sent",
                                QUEUE_FULL_RETRY_AFTER)
                        : SendFailures.notSent(
                                SendErrorClass.TRANSIENT, "the Twilio adapter is closed; nothing was sent", null));
    }

    private SendReceipt post(MessageRequest request) {
        Message created;
        try {
            created = SdkMessages.create(client, request);
        } catch (RuntimeException e) {
            throw SendFailures.fromSdk(e);
        }
        if (created == null || created.getSid() == null || created.getSid().isBlank()) {
            throw SendFailures.fromSdk(new IllegalStateException("Twilio accepted the message but returned no sid"));
        }
        return new SendReceipt(created.getSid(), config.clock().instant());
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        if (request == null) {
            return WebhookResult.badRequest("no request");
        }
        try {
            return webhooks.handle(request);
        } catch (RuntimeException e) {
            // The contract: never throw. A payload we cannot turn into events is the sender's problem.
            return WebhookResult.badRequest(
                    "the Twilio webhook could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Refuses new sends, lets sends in flight finish (up to the request timeout), fails queued ones as not sent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdown(config.requestTimeout().toMillis());
        }
    }
}
