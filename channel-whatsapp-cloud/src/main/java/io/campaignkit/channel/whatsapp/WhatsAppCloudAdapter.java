package io.campaignkit.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.whatsapp.internal.ErrorClassifier;
import io.campaignkit.channel.whatsapp.internal.EventMapper;
import io.campaignkit.channel.whatsapp.internal.GraphClient;
import io.campaignkit.channel.whatsapp.internal.GraphMessage;
import io.campaignkit.channel.whatsapp.internal.OnlineCheck;
import io.campaignkit.channel.whatsapp.internal.OutboundMapper;
import io.campaignkit.channel.whatsapp.internal.PhoneNumberCheck;
import io.campaignkit.channel.whatsapp.internal.SendOutcome;
import io.campaignkit.channel.whatsapp.internal.TemplatePreflight;
import io.campaignkit.channel.whatsapp.internal.WebhookHandler;
import io.campaignkit.channel.whatsapp.internal.WebhookPayloadReader;
import io.campaignkit.channel.whatsapp.internal.WhatsAppIds;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The channel adapter for Meta's WhatsApp Cloud API, for one business phone number.
 *
 * <pre>{@code
 * WhatsAppCloudAdapter whatsapp = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
 *         .phoneNumberId("109876543210")              // the sender: the campaign's channel(whatsapp.id(), this id)
 *         .accessToken(Secret.of(token))               // a system user's token with whatsapp_business_messaging
 *         .appSecret(Secret.of(appSecret))             // verifies X-Hub-Signature-256 of every webhook
 *         .verifyToken(Secret.of(verifyToken))         // answers Meta's GET subscription check
 *         .build());                                   // baseUrl, apiVersion, timeouts, limits: defaults
 * }</pre>
 * or, from settings, {@code ChannelRegistry.withDiscoveredProviders().resolve("whatsapp-cloud", settings)}
 * with the keys of {@link WhatsAppCloudConfig} ({@code phone-number-id}, {@code access-token},
 * {@code app-secret}, {@code verify-token}, …). Mount its webhook at the URL given to Meta (the host
 * kit's {@code WebhookEndpoint} routes {@code /webhooks/whatsapp-cloud}).
 *
 * <p>Sends go out with {@link HttpClient#sendAsync}: no thread waits on a response. At most
 * {@link WhatsAppCloudConfig#maxRequestsInFlight()} requests are outstanding; further sends wait
 * asynchronously, first come first served, and their request timeout starts only when they go out.
 * Failures are classified by Meta's error code, never by the HTTP status alone; a request that was
 * sent but not answered in time is {@link SendErrorClass#UNKNOWN_OUTCOME} (the API has no
 * idempotency key, so it must not be retried blindly), a connection that could not be made is
 * {@link SendErrorClass#TRANSIENT}.
 *
 * <p>Answers are handled on the adapter's own few daemon threads (or on the executor of a
 * host-supplied client), never on the common {@code ForkJoinPool}. But the JDK's {@code HttpClient}
 * (17 to 25) still completes every {@code sendAsync} through {@code CompletableFuture}'s default
 * executor first, which on a host with 2 cores or fewer (common pool parallelism 1) starts a new thread
 * per answer: half the send rate on such a host (measured in BENCHMARKS.md). Start the JVM there with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}; the adapter logs a warning once when
 * it sees the case, and the CLI sets the property itself.
 *
 * <p>Webhooks: GET answers the subscription check; POST is refused over the size limit (413), without a
 * valid {@code X-Hub-Signature-256} (401), or when not JSON (400), and otherwise yields the status and
 * message events of this adapter's phone number (changes for other numbers of the same app are
 * skipped). A message type the adapter does not handle becomes an unsupported-message event; a
 * failed status with 131050 (user stopped marketing messages) also yields an opt-out.
 */
public final class WhatsAppCloudAdapter implements ChannelAdapter {

    /** The channel id, shared with {@link WhatsAppCloudAdapterProvider}. */
    public static final String CHANNEL_ID = "whatsapp-cloud";
    /** Free-form messages are allowed for 24 hours after the user's last message. */
    public static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);

    private static final String CODE_CLOSED = "whatsapp.adapter_closed";
    private static final String CODE_FOREIGN_SENDER = "whatsapp.unknown_sender";
    private static final System.Logger LOG = System.getLogger(WhatsAppCloudAdapter.class.getName());
    private static final AtomicBoolean THREAD_PER_ANSWER_WARNED = new AtomicBoolean();

    private final WhatsAppCloudConfig config;
    private final ChannelCapabilities capabilities;
    private final GraphClient graph;
    private final PhoneNumberCheck phoneNumbers;
    private final WebhookHandler webhooks;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param config the configuration, not null
     * @throws IllegalArgumentException when {@code config} is null
     */
    public WhatsAppCloudAdapter(WhatsAppCloudConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.capabilities = ChannelCapabilities.custom()
                .templates(true)
                .freeFormText(true)
                .mediaKinds(Set.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.DOCUMENT))
                .maxMessagesPerSecond(config.maxMessagesPerSecond())
                .customerServiceWindow(CUSTOMER_SERVICE_WINDOW)
                .maxBodyLength(OutboundMapper.MAX_TEXT_LENGTH)
                // media messages by link: image, video, audio (voice notes), document
                .mediaMessageKinds(MediaContent.KINDS)
                .build();
        warnIfTheJdkStartsAThreadPerAnswer();
        ObjectMapper json = new ObjectMapper();
        Executor completions =
                config.httpClient().flatMap(HttpClient::executor).orElseGet(GraphClient::completionExecutor);
        HttpClient http = config.httpClient()
                .orElseGet(() -> GraphClient.defaultHttpClient(config.connectTimeout(), completions));
        this.graph = new GraphClient(
                http,
                GraphClient.messagesUri(config.baseUrl(), config.apiVersion(), config.phoneNumberId()),
                config.accessToken().reveal(),
                config.requestTimeout(),
                config.maxRequestsInFlight(),
                json,
                completions,
                config.perUserLimitAction());
        this.phoneNumbers = new PhoneNumberCheck(
                http,
                config.baseUrl(),
                config.apiVersion(),
                config.accessToken().reveal(),
                config.requestTimeout(),
                json,
                completions);
        this.webhooks = new WebhookHandler(
                config.verifyToken(),
                config.appSecret(),
                new WebhookPayloadReader(json),
                new EventMapper(config.phoneNumberId(), config.clock()),
                config.maxWebhookBodyBytes());
    }

    private static void warnIfTheJdkStartsAThreadPerAnswer() {
        if (ForkJoinPool.getCommonPoolParallelism() < 2 && THREAD_PER_ANSWER_WARNED.compareAndSet(false, true)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "The common ForkJoinPool has parallelism "
                            + ForkJoinPool.getCommonPoolParallelism()
                            + ", so java.net.http starts a new thread for each "
                            + "WhatsApp send's answer (about half the send rate); start the JVM with "
                            + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
        }
    }

    @Override
    public String id() {
        return CHANNEL_ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Checks, without calling Graph, what the Cloud API would refuse at the first send: the sender must
     * be this adapter's phone-number id, a campaign's first message must be a template (free-form text
     * only reaches contacts inside the 24 h window), and the template's name and language code must have
     * WhatsApp's forms. With {@link WhatsAppCloudConfig#checkCredentialsAtLaunch()} it then asks Graph
     * ({@link #checkCredentials}) and adds its refusals, waiting at most the request timeout and never more
     * than 10 seconds (the engine launches under its lock); no answer by then refuses nothing.
     */
    @Override
    public List<PreflightProblem> preflight(MessagePlan plan) {
        List<PreflightProblem> offline = TemplatePreflight.problems(plan, config.phoneNumberId());
        if (!config.checkCredentialsAtLaunch()
                || offline.stream().anyMatch(problem -> problem.subject().equals(PreflightProblem.SENDER))) {
            return offline;
        }
        List<PreflightProblem> all = new ArrayList<>(offline);
        all.addAll(OnlineCheck.await(checkCredentials(plan.senderId()), config.requestTimeout())
                .problems());
        return List.copyOf(all);
    }

    /**
     * Asks Graph once, {@code GET /{phone-number-id}?fields=display_phone_number,verified_name,quality_rating}
     * with the token: {@link CredentialsCheck.Accepted} names the number, its verified name and quality
     * rating; a token Meta refuses (190) or that lacks the permission (10, 200-299) is refused naming the
     * setting {@value WhatsAppCloudConfig#ACCESS_TOKEN}, a phone-number id that does not exist for this token
     * (100) naming {@value WhatsAppCloudConfig#PHONE_NUMBER_ID}; no answer within the request timeout, a
     * refused connection or Meta's own failure is {@link CredentialsCheck.NotChecked}. A sender other than
     * this adapter's phone-number id is refused without a call.
     */
    @Override
    public CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
        if (!config.phoneNumberId().equals(senderId)) {
            return CompletableFuture.completedFuture(new CredentialsCheck.Refused(List.of(new PreflightProblem(
                    PreflightProblem.SENDER,
                    "sender '" + senderId + "' is not this adapter's phone-number id '" + config.phoneNumberId()
                            + "' (setting " + WhatsAppCloudConfig.PHONE_NUMBER_ID + ")"))));
        }
        if (closed.get()) {
            return CompletableFuture.completedFuture(
                    new CredentialsCheck.NotChecked("the WhatsApp Cloud adapter is closed"));
        }
        return phoneNumbers.check(senderId);
    }

    /** @return the configuration, whose {@code toString} shows no secret */
    public WhatsAppCloudConfig config() {
        return config;
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        return sendDetailed(message).thenApply(WhatsAppSendReceipt::receipt);
    }

    /**
     * Like {@link #send} but keeps what Meta answered about the recipient ({@code wa_id}) and the
     * message ({@code message_status}).
     *
     * @param message the message, not null; its sender must be this adapter's phone number id
     * @return the detailed receipt, or a stage failed with a {@link WhatsAppSendException}
     */
    public CompletableFuture<WhatsAppSendReceipt> sendDetailed(OutboundMessage message) {
        if (message == null) {
            return refused(SendErrorClass.CONTENT_PERMANENT, "whatsapp.invalid_message", "message must not be null");
        }
        if (closed.get()) {
            return refused(SendErrorClass.TRANSIENT, CODE_CLOSED, "the WhatsApp Cloud adapter is closed");
        }
        if (!config.phoneNumberId().equals(message.senderId())) {
            // Every message of this sender would fail the same way: stop the sender, not the recipient.
            return refused(
                    SendErrorClass.AUTHENTICATION,
                    CODE_FOREIGN_SENDER,
                    "sender '" + message.senderId() + "' is not this adapter's phone number id '"
                            + config.phoneNumberId() + "'");
        }
        GraphMessage graphMessage;
        try {
            graphMessage = OutboundMapper.toGraph(message);
        } catch (OutboundMapper.UnsendableException unsendable) {
            return refused(
                    SendErrorClass.CONTENT_PERMANENT,
                    unsendable.code(),
                    Objects.requireNonNull(unsendable.getMessage())); // always built with one
        } catch (RuntimeException unmappable) {
            return refused(
                    SendErrorClass.CONTENT_PERMANENT,
                    "whatsapp.invalid_message",
                    "message cannot be mapped to the Cloud API: " + unmappable.getMessage());
        }
        try {
            return graph.send(graphMessage).thenCompose(this::toReceipt);
        } catch (RuntimeException beforeSending) {
            // Thrown before the request left (e.g. serialising the body): nothing reached Meta.
            return refused(
                    SendErrorClass.TRANSIENT,
                    GraphClient.CODE_CONNECT_FAILED,
                    "request not sent: " + beforeSending.getClass().getSimpleName());
        }
    }

    private CompletableFuture<WhatsAppSendReceipt> toReceipt(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            SendReceipt receipt =
                    new SendReceipt(sent.messageId(), config.clock().instant());
            return CompletableFuture.completedFuture(new WhatsAppSendReceipt(
                    receipt,
                    Optional.ofNullable(WhatsAppIds.toE164(sent.waId())),
                    Optional.ofNullable(sent.messageStatus())));
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        SendErrorClass errorClass = SendErrorClass.valueOf(failed.kind().name());
        boolean metaCode = failed.metaCode().chars().allMatch(Character::isDigit);
        SendFailure failure = metaCode
                        && errorClass == SendErrorClass.RECIPIENT_PERMANENT
                        && String.valueOf(ErrorClassifier.UNDELIVERABLE).equals(failed.metaCode())
                ? SendFailure.notOnChannel(failed.metaCode(), failed.description())
                : metaCode
                        ? SendFailure.of(errorClass, failed.metaCode(), failed.description())
                        : SendFailure.withoutProviderCode(errorClass, failed.description());
        if (failed.retryAfter() != null) {
            failure = failure.withRetryAfter(failed.retryAfter());
        }
        return CompletableFuture.failedFuture(
                new WhatsAppSendException(failure, failed.metaCode(), failed.httpStatus(), null));
    }

    private static CompletableFuture<WhatsAppSendReceipt> refused(SendErrorClass errorClass, String code, String text) {
        return CompletableFuture.failedFuture(
                new WhatsAppSendException(SendFailure.withoutProviderCode(errorClass, text), code, 0, null));
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        if (request == null) {
            return WebhookResult.badRequest("no request");
        }
        try {
            return webhooks.handle(request);
        } catch (RuntimeException unexpected) {
            // The SPI promises no exception; Meta redelivers a refused webhook, so nothing is lost.
            return WebhookResult.badRequest("webhook could not be processed");
        }
    }

    /** Sends already in flight complete; later sends fail as TRANSIENT. A host-supplied client stays open. */
    @Override
    public void close() {
        closed.set(true);
    }

    /** @return requests sent and not yet answered */
    public int requestsInFlight() {
        return graph.inFlight();
    }

    /** @return sends waiting for a free in-flight slot */
    public int sendsWaiting() {
        return graph.waiting();
    }

    @Override
    public String toString() {
        return "WhatsAppCloudAdapter[" + config + "]";
    }
}
