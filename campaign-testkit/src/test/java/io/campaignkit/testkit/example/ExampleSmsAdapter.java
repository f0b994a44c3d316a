package io.campaignkit.testkit.example;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.webhook.WebhookSignatures;
import java.io.IOException;
import java.net.ConnectException;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Adapter for the fictional "Example SMS" provider.
 *
 * <p>Send: {@code POST {baseUrl}/accounts/{accountId}/messages}, form-encoded {@code to}, {@code from},
 * {@code body} or {@code template}+{@code language}+{@code param}..., and {@code reference} (the
 * correlation id, echoed in status callbacks). Answer: {@code 201} with {@code id=...}, or an error
 * status with {@code code=...&message=...} and, for 429, {@code Retry-After}.
 *
 * <p>Webhooks: form-encoded POSTs signed in {@value #SIGNATURE_HEADER} with Base64 HMAC-SHA256 of the
 * full URL followed by the raw body.
 */
public final class ExampleSmsAdapter implements ChannelAdapter {

    /** The webhook signature header. */
    public static final String SIGNATURE_HEADER = "X-Example-Signature";

    static final ChannelCapabilities CAPABILITIES = ChannelCapabilities.custom()
            .templates(true)
            .freeFormText(true)
            .maxMessagesPerSecond(1)
            .maxBodyLength(1600)
            .build();

    private final ExampleSmsConfiguration configuration;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean closed = new AtomicBoolean();

    ExampleSmsAdapter(ExampleSmsConfiguration configuration) {
        if (configuration == null) {
            throw new IllegalArgumentException("configuration must not be null");
        }
        this.configuration = configuration;
        this.http = HttpClient.newBuilder()
                .connectTimeout(configuration.requestTimeout())
                .build();
    }

    @Override
    public String id() {
        return ExampleSmsProvider.ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        Optional<SendFailure> refusal = refusal(message);
        if (refusal.isPresent()) {
            return CompletableFuture.failedFuture(new ChannelSendException(refusal.get()));
        }
        HttpRequest request = HttpRequest.newBuilder(messagesUrl())
                .timeout(configuration.requestTimeout())
                .header("Authorization", "Bearer " + configuration.apiKey().reveal())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formFor(message)))
                .build();
        CompletableFuture<SendReceipt> result = new CompletableFuture<>();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            try {
                result.complete(error == null ? receiptFrom(response) : failWith(transportFailure(error), error));
            } catch (ChannelSendException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                // A bug in our parsing: the provider may have accepted the message, so say we do not know.
                result.completeExceptionally(new ChannelSendException(
                        SendFailure.withoutProviderCode(SendErrorClass.UNKNOWN_OUTCOME, "unreadable answer: " + e), e));
            }
        });
        return result;
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        if (request == null) {
            return WebhookResult.badRequest("no request");
        }
        if (!"POST".equals(request.method())) {
            return WebhookResult.methodNotAllowed(request.method());
        }
        // Verify before parsing anything: an unverified body is never read.
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        if (signature.isEmpty()) {
            return WebhookResult.unauthorized("missing " + SIGNATURE_HEADER);
        }
        if (!WebhookSignatures.constantTimeEquals(
                sign(configuration, request.url(), request.body()), signature.get())) {
            return WebhookResult.unauthorized(SIGNATURE_HEADER + " does not match");
        }
        try {
            return WebhookResult.ok(ExampleSmsWebhookParser.parse(request.formParameters(), clock.instant()));
        } catch (IllegalArgumentException e) {
            return WebhookResult.badRequest("malformed webhook: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed.set(true); // java.net.http.HttpClient on Java 17 has nothing to close
    }

    /** The signature the provider puts in {@value #SIGNATURE_HEADER}. */
    static String sign(ExampleSmsConfiguration configuration, URI url, byte[] body) {
        byte[] urlBytes = url.toString().getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[urlBytes.length + body.length];
        System.arraycopy(urlBytes, 0, signed, 0, urlBytes.length);
        System.arraycopy(body, 0, signed, urlBytes.length, body.length);
        return Base64.getEncoder()
                .encodeToString(
                        WebhookSignatures.hmac(WebhookSignatures.HMAC_SHA256, configuration.webhookSecret(), signed));
    }

    private Optional<SendFailure> refusal(OutboundMessage message) {
        if (message == null) {
            return Optional.of(
                    SendFailure.withoutProviderCode(SendErrorClass.CONTENT_PERMANENT, "message must not be null"));
        }
        if (closed.get()) {
            return Optional.of(SendFailure.withoutProviderCode(SendErrorClass.TRANSIENT, "the adapter is closed"));
        }
        if (!CAPABILITIES.supports(message.content())) {
            return Optional.of(SendFailure.withoutProviderCode(
                    SendErrorClass.CONTENT_PERMANENT,
                    "Example SMS cannot carry " + message.content().getClass().getSimpleName()));
        }
        if (message.content() instanceof TextContent text && text.body().length() > CAPABILITIES.maxBodyLength()) {
            return Optional.of(SendFailure.withoutProviderCode(
                    SendErrorClass.CONTENT_PERMANENT,
                    "body has " + text.body().length() + " characters; Example SMS takes at most "
                            + CAPABILITIES.maxBodyLength()));
        }
        return Optional.empty();
    }

    private URI messagesUrl() {
        String base = configuration.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/accounts/" + encode(configuration.accountId()) + "/messages");
    }

    private static String formFor(OutboundMessage message) {
        StringJoiner form = new StringJoiner("&");
        form.add("to=" + encode(message.recipient()))
                .add("from=" + encode(message.senderId()))
                .add("reference=" + encode(message.correlationId()));
        if (message.content() instanceof TextContent text) {
            form.add("body=" + encode(text.body()));
            text.replyToProviderMessageId().ifPresent(id -> form.add("reply-to=" + encode(id)));
        } else if (message.content() instanceof TemplateContent template) {
            form.add("template=" + encode(template.name())).add("language=" + encode(template.language()));
            template.bodyParameters().forEach(parameter -> form.add("param=" + encode(parameter)));
        }
        return form.toString();
    }

    private SendReceipt receiptFrom(HttpResponse<String> response) {
        Map<String, List<String>> answer = ExampleSmsWebhookParser.decodeLeniently(response.body());
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            String id = first(answer, "id")
                    .orElseThrow(() -> new ChannelSendException(SendFailure.withoutProviderCode(
                            SendErrorClass.UNKNOWN_OUTCOME,
                            "accepted (HTTP " + response.statusCode() + ") without a message id")));
            return new SendReceipt(id, clock.instant());
        }
        Optional<String> code = first(answer, "code");
        SendErrorClass errorClass = ExampleSmsErrors.classifyAnswer(response.statusCode(), code);
        String description = first(answer, "message").orElse("HTTP " + response.statusCode());
        SendFailure failure = new SendFailure(errorClass, code, description, Optional.empty());
        Optional<Duration> retryAfter =
                response.headers().firstValue("Retry-After").flatMap(ExampleSmsAdapter::seconds);
        throw new ChannelSendException(retryAfter.isPresent() ? failure.withRetryAfter(retryAfter.get()) : failure);
    }

    private static SendFailure transportFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        // A connect failure means nothing left: safe to retry. Any later failure may follow a send.
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return SendFailure.withoutProviderCode(
                    SendErrorClass.TRANSIENT, "could not connect: " + cause.getMessage());
        }
        if (cause instanceof HttpTimeoutException) {
            return SendFailure.withoutProviderCode(
                    SendErrorClass.UNKNOWN_OUTCOME, "no answer within the request timeout");
        }
        if (cause instanceof IOException) {
            return SendFailure.withoutProviderCode(
                    SendErrorClass.UNKNOWN_OUTCOME, "connection failed after sending: " + cause);
        }
        return SendFailure.withoutProviderCode(SendErrorClass.UNKNOWN_OUTCOME, "unexpected failure: " + cause);
    }

    private static SendReceipt failWith(SendFailure failure, Throwable cause) {
        throw new ChannelSendException(failure, cause);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP-date Retry-After: leave the delay to the engine's backoff
        }
    }

    private static Optional<String> first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ExampleSmsAdapter[" + configuration.baseUrl() + ", account " + configuration.accountId() + "]";
    }
}
