package io.campaignkit.examples.parrot;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.webhook.WebhookSignatures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Adapter for the fictional "Parrot SMS" provider, the second example adapter: written against
 * {@code channel-spi} and proven with the testkit's contract kit and {@code LoopbackProvider} only.
 *
 * <p>Send: {@code POST {baseUrl}/v2/sms}, form {@code src}, {@code dest}, {@code msg}, {@code tag} (the
 * correlation id, echoed in delivery reports). Answer: {@code 202 queued <id>}, or an error status with
 * {@code error <code> <message>}. Webhooks: forms with {@code kind=dlr} (delivery report: {@code msgid},
 * {@code tag}, {@code state} ACCEPTD, DELIVRD or UNDELIV, {@code err}) or {@code kind=mo} (an inbound SMS),
 * signed in {@value #SIGNATURE_HEADER} with hex HMAC-SHA256 of the body. Reports carry no time: an
 * event's time is the host's arrival stamp. SMS has no read receipts.
 */
public final class ParrotSmsAdapter implements ChannelAdapter {

    /** The webhook signature header. */
    public static final String SIGNATURE_HEADER = "X-Parrot-Sig";

    static final ChannelCapabilities CAPABILITIES = ChannelCapabilities.custom()
            .templates(false).freeFormText(true).maxMessagesPerSecond(5).maxBodyLength(918).build();

    /** The provider's error codes: the answer to a send and an UNDELIV report use the same ones. */
    private static final Map<String, SendErrorClass> BY_CODE = Map.of(
            "E100", SendErrorClass.RECIPIENT_PERMANENT, "E101", SendErrorClass.RECIPIENT_PERMANENT,
            "E200", SendErrorClass.AUTHENTICATION, "E300", SendErrorClass.RATE_LIMITED,
            "E500", SendErrorClass.TRANSIENT);

    private final URI baseUrl;
    private final Secret apiKey;
    private final Secret webhookSecret;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    ParrotSmsAdapter(URI baseUrl, Secret apiKey, Secret webhookSecret, Duration timeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.webhookSecret = webhookSecret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String id() {
        return ParrotSmsProvider.ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        if (!(message.content() instanceof TextContent text) || text.body().length() > CAPABILITIES.maxBodyLength()) {
            return CompletableFuture.failedFuture(new ChannelSendException(SendFailure.withoutProviderCode(
                    SendErrorClass.CONTENT_PERMANENT, "Parrot SMS sends text of at most 918 characters only")));
        }
        String form = "src=" + encode(message.senderId()) + "&dest=" + encode(message.recipient())
                + "&msg=" + encode(text.body()) + "&tag=" + encode(message.correlationId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/sms")).timeout(timeout)
                .header("Authorization", "Key " + apiKey.reveal())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error == null ? receipt(response) : fail(transportFailure(error), error));
    }

    private SendReceipt receipt(HttpResponse<String> response) {
        String[] words = response.body().strip().split(" ", 3);
        if (response.statusCode() == 202 && words.length >= 2 && words[0].equals("queued")) {
            return new SendReceipt(words[1], clock.instant());
        }
        Optional<String> code = words.length >= 2 && words[0].equals("error") ? Optional.of(words[1]) : Optional.empty();
        SendErrorClass errorClass = code.map(BY_CODE::get).orElseGet(() -> byStatus(response.statusCode()));
        SendFailure failure = new SendFailure(errorClass, code, words.length == 3 ? words[2] : "HTTP " + response.statusCode(),
                Optional.empty());
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s)));
        return fail(retryAfter.map(failure::withRetryAfter).orElse(failure), null);
    }

    /** 5xx other than 503 may come after the message was queued: unknown, never blindly retried. */
    private static SendErrorClass byStatus(int status) {
        if (status == 401 || status == 403) {
            return SendErrorClass.AUTHENTICATION;
        }
        if (status == 429) {
            return SendErrorClass.RATE_LIMITED;
        }
        return status == 503 ? SendErrorClass.TRANSIENT : status >= 500 ? SendErrorClass.UNKNOWN_OUTCOME
                : SendErrorClass.CONTENT_PERMANENT;
    }

    private static SendFailure transportFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof java.net.ConnectException) {
            return SendFailure.withoutProviderCode(SendErrorClass.TRANSIENT, "could not connect: " + cause.getMessage());
        }
        String what = cause instanceof HttpTimeoutException ? "no answer within " + "the request timeout"
                : cause instanceof IOException ? "connection failed after sending: " + cause : "unexpected failure: " + cause;
        return SendFailure.withoutProviderCode(SendErrorClass.UNKNOWN_OUTCOME, what);
    }

    private static SendReceipt fail(SendFailure failure, Throwable cause) {
        throw cause == null ? new ChannelSendException(failure) : new ChannelSendException(failure, cause);
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        if (signature.isEmpty() || !WebhookSignatures.constantTimeEquals(sign(webhookSecret, request.body()), signature.get())) {
            return WebhookResult.unauthorized(SIGNATURE_HEADER + " missing or wrong");
        }
        Instant at = request.receivedAt().orElseGet(clock::instant); // reports carry no time of their own
        try {
            Map<String, List<String>> form = request.formParameters();
            return WebhookResult.ok(switch (required(form, "kind")) {
                case "dlr" -> report(form, at);
                case "mo" -> List.of(InboundMessage.builder(required(form, "msgid"), required(form, "src"),
                        required(form, "dst"), at).text(optional(form, "msg").orElse(null)).build());
                default -> List.of(new UnsupportedMessage(optional(form, "msgid"), optional(form, "src"),
                        optional(form, "dst"), at, required(form, "kind"), "Parrot SMS kind not supported"));
            });
        } catch (IllegalArgumentException e) {
            return WebhookResult.badRequest("malformed webhook: " + e.getMessage());
        }
    }

    private static List<ChannelEvent> report(Map<String, List<String>> form, Instant at) {
        String id = required(form, "msgid");
        Optional<String> tag = optional(form, "tag");
        return switch (required(form, "state")) {
            case "ACCEPTD" -> List.of(StatusUpdate.of(id, tag, DeliveryStatus.SENT, at));
            case "DELIVRD" -> List.of(StatusUpdate.of(id, tag, DeliveryStatus.DELIVERED, at));
            case "UNDELIV" -> {
                String code = optional(form, "err").orElse("E000");
                yield List.of(StatusUpdate.failed(id, tag, at, SendFailure.of(
                        BY_CODE.getOrDefault(code, SendErrorClass.TRANSIENT), code, "undelivered (" + code + ")")));
            }
            default -> List.of();
        };
    }

    /** The signature Parrot SMS puts in {@value #SIGNATURE_HEADER}: hex HMAC-SHA256 of the raw body. */
    static String sign(Secret secret, byte[] body) {
        return WebhookSignatures.hmacSha256Hex(secret, body);
    }

    private static String required(Map<String, List<String>> form, String name) {
        return optional(form, name).orElseThrow(() -> new IllegalArgumentException("missing field '" + name + "'"));
    }

    private static Optional<String> optional(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
