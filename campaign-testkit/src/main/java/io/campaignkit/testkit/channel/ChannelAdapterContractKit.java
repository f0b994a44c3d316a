package io.campaignkit.testkit.channel;

import static io.campaignkit.testkit.channel.ChannelContractSupport.assertRefused;
import static io.campaignkit.testkit.channel.ChannelContractSupport.assertSameEvents;
import static io.campaignkit.testkit.channel.ChannelContractSupport.await;
import static io.campaignkit.testkit.channel.ChannelContractSupport.echoingStatus;
import static io.campaignkit.testkit.channel.ChannelContractSupport.handle;
import static io.campaignkit.testkit.channel.ChannelContractSupport.keys;
import static io.campaignkit.testkit.channel.ChannelContractSupport.ofType;
import static io.campaignkit.testkit.channel.ChannelContractSupport.singleStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelAdapterProvider;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundContent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link ChannelAdapter} passes. Extend it in your adapter's tests, supply the
 * adapter under test and a {@link ScriptedProvider} that fakes your vendor (extend {@link LoopbackProvider}:
 * you write the signing and the bodies only), and run it with JUnit 5 (the {@code examples/sms-adapter} module):
 *
 * <pre>{@code
 * class ParrotSmsContractTest extends ChannelAdapterContractKit {
 *     private static final String WEBHOOK_SECRET = "parrot-webhook-secret";   // the adapter verifies, the fake signs
 *
 *     private final FakeParrotSms provider = new FakeParrotSms(Secret.of(WEBHOOK_SECRET));   // extends LoopbackProvider
 *     private final ChannelAdapter adapter = ChannelRegistry.withDiscoveredProviders().resolve("parrot-sms",
 *             ChannelSettings.of(Map.of("base-url", provider.baseUrl().toString(), "api-key", "parrot-key",
 *                     "webhook-secret", WEBHOOK_SECRET, "request-timeout", "PT2S")));
 *
 *     @Override protected ChannelAdapter adapter() { return adapter; }
 *     @Override protected ScriptedProvider provider() { return provider; }
 *     @AfterEach void stopProvider() { provider.close(); }
 * }
 * }</pre>
 *
 * <p>JUnit makes a new instance of the test class for each check, so field initializers give every
 * check a fresh adapter and provider. The kit closes the adapter after each check (so
 * {@link ChannelAdapter#close()} must be idempotent). Override the {@code protected} non-abstract
 * methods to adapt the kit (sample content, recipient, timeouts). Every check is a public test method
 * of this class, so a report names the rule that broke.
 */
public abstract class ChannelAdapterContractKit {

    /** Default for {@link #sendTimeout()}: how long a send may take before the kit gives up. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);
    /** Default for {@link #concurrentSends()}. */
    public static final int DEFAULT_CONCURRENT_SENDS = 32;
    /** Default for {@link #recipient()}: a fictional number in E.164. */
    public static final String DEFAULT_RECIPIENT = "+525500998877";

    /**
     * The adapter under test. Called many times per check: return the same instance each time.
     *
     * @return the adapter, talking to {@link #provider()}
     */
    protected abstract ChannelAdapter adapter();

    /**
     * The fake of the vendor that the adapter talks to.
     *
     * @return the provider, the same instance for the whole check
     */
    protected abstract ScriptedProvider provider();

    /**
     * The recipient of the kit's sends, in E.164.
     *
     * @return by default {@link #DEFAULT_RECIPIENT}
     */
    protected String recipient() {
        return DEFAULT_RECIPIENT;
    }

    /**
     * The content of the kit's sends. By default a template {@code contract_kit} in {@code en} with one
     * body parameter when the adapter supports templates, else a short text; override when your
     * provider needs a specific template name (such as a Twilio content SID).
     *
     * @return content the adapter and the provider accept
     */
    protected MessageContent sampleContent() {
        return adapter().capabilities().templates()
                ? TemplateContent.of("contract_kit", "en", List.of("Ana"))
                : TextContent.of("Hello from the contract kit");
    }

    /**
     * How long the kit waits for one send to complete, success or failure.
     *
     * @return by default {@link #DEFAULT_SEND_TIMEOUT}
     */
    protected Duration sendTimeout() {
        return DEFAULT_SEND_TIMEOUT;
    }

    /**
     * How many sends the concurrency check makes at once.
     *
     * @return by default {@link #DEFAULT_CONCURRENT_SENDS}
     */
    protected int concurrentSends() {
        return DEFAULT_CONCURRENT_SENDS;
    }

    /** Closes the adapter after each check. */
    @AfterEach
    protected void closeAdapterUnderTest() {
        adapter().close();
    }

    /** The id is a stable lower-case token and the capabilities do not change. */
    @Test
    @DisplayName("id and capabilities are declared and stable")
    public void idAndCapabilitiesAreDeclaredAndStable() {
        ChannelAdapter adapter = adapter();
        assertThat(ChannelAdapter.isValidId(adapter.id()))
                .as("adapter id '%s' matches ChannelAdapter.ID_PATTERN %s", adapter.id(), ChannelAdapter.ID_PATTERN)
                .isTrue();
        assertThat(adapter.id()).as("adapter id on a second call").isEqualTo(adapter.id());
        ChannelCapabilities capabilities = adapter.capabilities();
        assertThat(capabilities).as("capabilities").isNotNull().isEqualTo(adapter.capabilities());
    }

    /** A provider with the adapter's id is found by {@link java.util.ServiceLoader}. */
    @Test
    @DisplayName("its provider is discovered with ServiceLoader")
    public void providerIsDiscoveredWithServiceLoader() {
        ChannelRegistry registry =
                ChannelRegistry.withDiscoveredProviders(adapter().getClass().getClassLoader());

        Optional<ChannelAdapterProvider<?>> provider =
                registry.provider(adapter().id());

        assertThat(provider)
                .as(
                        "a ChannelAdapterProvider with id '%s' listed in META-INF/services/%s (found: %s)",
                        adapter().id(), ChannelAdapterProvider.class.getName(), registry.channelIds())
                .isPresent();
        assertThat(provider.get().configurationType()).as("configurationType()").isNotNull();
    }

    /** An accepted send completes with the provider's message id. */
    @Test
    @DisplayName("an accepted send answers with a provider message id")
    public void acceptedSendAnswersWithAProviderMessageId() {
        SendReceipt receipt = sendExpectingReceipt(message("ck-accepted-1"));

        assertThat(receipt.providerMessageId()).isNotBlank();
        assertThat(receipt.acceptedAt()).isNotNull();
    }

    /**
     * Every provider answer that means an error class fails the send with that class and the
     * provider's code, as a failed stage (never a thrown exception).
     *
     * @param errorClass the class under check
     */
    @ParameterizedTest(name = "{0} is produced for the provider answers that mean it")
    @EnumSource(SendErrorClass.class)
    public void eachErrorClassIsProducedForTheProviderAnswersThatMeanIt(SendErrorClass errorClass) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                provider().errorClassesProduced().contains(errorClass),
                () -> "the provider declares it never answers " + errorClass
                        + " (ScriptedProvider.errorClassesProduced)");
        List<ProviderAnswer> answers = provider().answersMeaning(errorClass);
        assertThat(answers)
                .as(
                        "ScriptedProvider.answersMeaning(%s) must list at least one answer, or leave %s out of"
                                + " errorClassesProduced() if the provider never answers so",
                        errorClass, errorClass)
                .isNotEmpty();
        int attempt = 0;
        for (ProviderAnswer answer : answers) {
            answer.arm().run();
            ChannelSendException failure = sendExpectingFailure(
                    message("ck-error-" + errorClass.name().toLowerCase() + "-" + attempt++),
                    "provider answer '" + answer + "'");
            assertThat(failure.errorClass())
                    .as("error class for provider answer '%s'", answer)
                    .isEqualTo(errorClass);
            assertThat(failure.failure().providerMessage())
                    .as("provider message for '%s'", answer)
                    .isNotBlank();
            if (answer.expectedProviderCode().isPresent()) {
                assertThat(failure.failure().providerCode())
                        .as("provider code for '%s'", answer)
                        .isEqualTo(answer.expectedProviderCode());
            }
        }
    }

    /** Content the adapter declares it cannot carry fails with CONTENT_PERMANENT, never a thrown exception. */
    @Test
    @DisplayName("content beyond the capabilities fails as CONTENT_PERMANENT")
    public void contentBeyondTheCapabilitiesFailsAsContentPermanent() {
        ChannelCapabilities capabilities = adapter().capabilities();
        MessageContent tooMuch = capabilities.freeFormText()
                ? TextContent.of("x".repeat(capabilities.maxBodyLength() + 1))
                : TextContent.of("free-form text on a templates-only channel");

        ChannelSendException failure =
                sendExpectingFailure(message("ck-too-long", tooMuch), "content beyond the capabilities");

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
    }

    /** A media message of each kind the channel declares is accepted; one of another kind fails as CONTENT_PERMANENT. */
    @Test
    @DisplayName("media messages of the declared kinds are sent, others fail as CONTENT_PERMANENT")
    public void mediaMessagesOfTheDeclaredKindsAreSent() {
        for (MediaKind kind : List.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.DOCUMENT)) {
            OutboundMessage media = message(
                    "ck-media-" + kind.ordinal(), MediaContent.of(kind, URI.create("https://cdn.example.com/ck")));
            if (adapter().capabilities().mediaMessageKinds().contains(kind)) {
                assertThat(sendExpectingReceipt(media).providerMessageId())
                        .as("%s message", kind)
                        .isNotBlank();
            } else {
                assertThat(sendExpectingFailure(media, kind + ", not declared").errorClass())
                        .isEqualTo(SendErrorClass.CONTENT_PERMANENT);
            }
        }
    }

    /**
     * Many sends at once all complete, each with its own provider message id, and each message's status
     * carries its own correlation id.
     *
     * @throws Exception when a caller thread fails unexpectedly
     */
    @Test
    @DisplayName("concurrent sends are safe")
    public void concurrentSendsAreSafe() throws Exception {
        int count = concurrentSends();
        ExecutorService callers = Executors.newFixedThreadPool(Math.min(count, 8));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CompletableFuture<SendReceipt>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OutboundMessage message = message("ck-concurrent-" + i);
                calls.add(callers.submit(() -> {
                    start.await();
                    return adapter().send(message).toCompletableFuture();
                }));
            }
            start.countDown();
            Map<String, String> correlationByProviderId = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                SendReceipt receipt = await(
                        calls.get(i).get(sendTimeout().toMillis(), TimeUnit.MILLISECONDS),
                        sendTimeout(),
                        "concurrent send " + i);
                String previous = correlationByProviderId.put(receipt.providerMessageId(), "ck-concurrent-" + i);
                assertThat(previous)
                        .as("provider message id %s given to two sends", receipt.providerMessageId())
                        .isNull();
            }
            assertThat(correlationByProviderId).hasSize(count);
            DeliveryStatus echoed = echoingStatus(provider());
            for (Map.Entry<String, String> sent : correlationByProviderId.entrySet()) {
                StatusUpdate update = singleStatus(
                        handle(adapter(), provider().signedStatusWebhook(sent.getKey(), echoed)),
                        sent.getKey(),
                        echoed);
                assertThat(update.correlationId())
                        .as("correlation id of %s after concurrent sends", sent.getKey())
                        .contains(sent.getValue());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** The correlation id passed with a send comes back on its status events. */
    @Test
    @DisplayName("the correlation id round-trips through status events")
    public void correlationIdRoundTripsThroughStatusEvents() {
        String correlationId = "ck-roundtrip:r-42";
        SendReceipt receipt = sendExpectingReceipt(message(correlationId));

        for (DeliveryStatus status : provider().statusesReported()) {
            if (status == DeliveryStatus.FAILED) {
                continue; // vendors may not echo on failures (WhatsApp does not); checked separately
            }
            StatusUpdate update = singleStatus(
                    handle(adapter(), provider().signedStatusWebhook(receipt.providerMessageId(), status)),
                    receipt.providerMessageId(),
                    status);
            assertThat(update.correlationId())
                    .as("correlation id on the %s status", status)
                    .contains(correlationId);
        }
    }

    /** A FAILED status carries a classified failure with the provider's code. */
    @Test
    @DisplayName("a failed status carries a classified failure")
    public void failedStatusCarriesAClassifiedFailure() {
        if (!provider().statusesReported().contains(DeliveryStatus.FAILED)) {
            return;
        }
        SendReceipt receipt = sendExpectingReceipt(message("ck-failed-status"));

        StatusUpdate update = singleStatus(
                handle(adapter(), provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.FAILED)),
                receipt.providerMessageId(),
                DeliveryStatus.FAILED);

        assertThat(update.failure()).as("failure of a FAILED status").isPresent();
        assertThat(update.failure().get().providerMessage()).isNotBlank();
    }

    /** An inbound text becomes an InboundMessage from the contact to the sender. */
    @Test
    @DisplayName("an inbound text becomes an inbound message")
    public void inboundTextBecomesAnInboundMessage() {
        WebhookResult result =
                handle(adapter(), provider().signedInboundTextWebhook("ck-inbound-1", recipient(), "hola"));

        assertThat(result.accepted())
                .as("status of an inbound webhook: %s", result)
                .isTrue();
        List<InboundMessage> inbound = ofType(result.events(), InboundMessage.class);
        assertThat(inbound).as("inbound messages in %s", result.events()).hasSize(1);
        InboundMessage message = inbound.get(0);
        assertThat(message.providerMessageId()).isEqualTo("ck-inbound-1");
        assertThat(message.from()).as("from, in E.164 without channel prefix").isEqualTo(recipient());
        assertThat(message.to()).as("to, the sender id").isEqualTo(provider().senderId());
        assertThat(message.text()).contains("hola");
    }

    /** A wrong, a missing, or a signature over another body is refused with 401/403 and no events. */
    @Test
    @DisplayName("a bad signature is refused and yields no event")
    public void badSignatureIsRefusedAndYieldsNoEvent() {
        SendReceipt receipt = sendExpectingReceipt(message("ck-bad-signature"));
        List<WebhookRequest> valid = List.of(
                provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.DELIVERED),
                provider().signedInboundTextWebhook("ck-inbound-forged", recipient(), "forged"));

        for (WebhookRequest request : valid) {
            assertRefused(handle(adapter(), provider().withBadSignature(request)), "a wrong signature");
            assertRefused(handle(adapter(), provider().withoutSignature(request)), "a missing signature");
            byte[] body = request.body();
            byte[] tampered = java.util.Arrays.copyOf(body, body.length + 1);
            tampered[body.length] = ' ';
            assertRefused(handle(adapter(), request.withBody(tampered)), "a body changed after signing");
        }
    }

    /** The same webhook delivered twice is accepted twice with equal events. */
    @Test
    @DisplayName("duplicate webhook deliveries are harmless")
    public void duplicateWebhookDeliveriesAreHarmless() {
        SendReceipt receipt = sendExpectingReceipt(message("ck-duplicate"));
        List<WebhookRequest> requests = List.of(
                provider().signedStatusWebhook(receipt.providerMessageId(), DeliveryStatus.DELIVERED),
                provider().signedInboundTextWebhook("ck-inbound-dup", recipient(), "twice"));

        for (WebhookRequest request : requests) {
            WebhookResult first = handle(adapter(), request);
            WebhookResult second = handle(adapter(), request);
            assertThat(first.accepted()).as("first delivery: %s", first).isTrue();
            assertThat(second.status()).as("status of the second delivery").isEqualTo(first.status());
            assertSameEvents(second.events(), first.events(), "the second delivery of the same request");
            assertThat(keys(second.events())).as("deduplication keys").isEqualTo(keys(first.events()));
        }
    }

    /** Fields the adapter does not know are ignored. */
    @Test
    @DisplayName("unknown fields are tolerated")
    public void unknownFieldsAreTolerated() {
        SendReceipt receipt = sendExpectingReceipt(message("ck-unknown-fields"));

        WebhookResult result = handle(
                adapter(),
                provider().signedStatusWebhookWithUnknownFields(receipt.providerMessageId(), DeliveryStatus.DELIVERED));

        StatusUpdate update = singleStatus(result, receipt.providerMessageId(), DeliveryStatus.DELIVERED);
        assertThat(update.correlationId()).contains("ck-unknown-fields");
    }

    /** An unknown message type is an UnsupportedMessage or an inbound message of Unsupported content, never an exception. */
    @Test
    @DisplayName("unknown message types become unsupported content or unsupported-message events")
    public void unknownMessageTypesBecomeUnsupportedMessageEvents() {
        WebhookResult result =
                handle(adapter(), provider().signedUnknownMessageTypeWebhook("ck-unknown-type-1", recipient()));

        assertThat(result.accepted())
                .as("status for an unknown message type: %s", result)
                .isTrue();
        assertThat(result.events())
                .as("unsupported messages")
                .filteredOn(event -> event instanceof UnsupportedMessage
                        || event instanceof InboundMessage inbound
                                && inbound.content() instanceof InboundContent.Unsupported)
                .hasSize(1);
    }

    /** A validly signed body that cannot be parsed answers 400 with no events. */
    @Test
    @DisplayName("a malformed body answers 400")
    public void malformedBodyAnswers400() {
        WebhookResult result = handle(adapter(), provider().signedMalformedWebhook());

        assertThat(result.status()).as("status for a malformed body").isEqualTo(400);
        assertThat(result.events()).isEmpty();
    }

    /** Closing twice is harmless. */
    @Test
    @DisplayName("close is idempotent")
    public void closeIsIdempotent() {
        adapter().close();
        adapter().close();
        assertThat(adapter().id()).isNotBlank();
    }

    /**
     * A message from the provider's sender to {@link #recipient()} with {@link #sampleContent()}.
     *
     * @param correlationId the correlation id
     * @return the message
     */
    protected OutboundMessage message(String correlationId) {
        return message(correlationId, sampleContent());
    }

    /**
     * A message from the provider's sender to {@link #recipient()}.
     *
     * @param correlationId the correlation id
     * @param content       the content
     * @return the message
     */
    protected OutboundMessage message(String correlationId, MessageContent content) {
        return new OutboundMessage(recipient(), provider().senderId(), correlationId, content);
    }

    /**
     * Sends and waits for the receipt, failing the check when the send fails or takes too long.
     *
     * @param message the message
     * @return the receipt
     */
    protected SendReceipt sendExpectingReceipt(OutboundMessage message) {
        return await(
                ChannelContractSupport.invokeSend(adapter(), message),
                sendTimeout(),
                "send of " + message.correlationId());
    }

    /**
     * Sends and waits for the failure, failing the check when the send succeeds, throws, or fails with
     * something other than a {@link ChannelSendException}.
     *
     * @param message the message
     * @param what    what was scripted, for failure messages
     * @return the failure
     */
    protected ChannelSendException sendExpectingFailure(OutboundMessage message, String what) {
        return ChannelContractSupport.awaitFailure(
                ChannelContractSupport.invokeSend(adapter(), message), sendTimeout(), what);
    }
}
