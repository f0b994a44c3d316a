package io.campaignkit.testkit.channel;

import static io.campaignkit.testkit.channel.ChannelContractSupport.await;
import static io.campaignkit.testkit.channel.ChannelContractSupport.echoingStatus;
import static io.campaignkit.testkit.channel.ChannelContractSupport.handle;
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
import io.campaignkit.channel.TextContent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import java.net.URI;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of {@link ChannelAdapterContractKit} about the adapter itself and its sends: its id and
 * capabilities, its discovery, accepted and refused sends, media, concurrency and closing. The kit runs them as
 * its {@code Sends} group; extend the kit, not this class.
 */
public abstract class SendRules {

    /** The kit whose adapter and provider the rules check. */
    protected final ChannelAdapterContractKit kit;

    /**
     * A group of the kit's rules.
     *
     * @param kit the kit it belongs to
     */
    protected SendRules(ChannelAdapterContractKit kit) {
        this.kit = kit;
    }

    /** The id is a stable lower-case token and the capabilities do not change. */
    @Test
    @DisplayName("id and capabilities are declared and stable")
    public void idAndCapabilitiesAreDeclaredAndStable() {
        ChannelAdapter adapter = kit.adapter();
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
                ChannelRegistry.withDiscoveredProviders(kit.adapter().getClass().getClassLoader());

        Optional<ChannelAdapterProvider<?>> provider =
                registry.provider(kit.adapter().id());

        assertThat(provider)
                .as(
                        "a ChannelAdapterProvider with id '%s' listed in META-INF/services/%s (found: %s)",
                        kit.adapter().id(), ChannelAdapterProvider.class.getName(), registry.channelIds())
                .isPresent();
        assertThat(provider.get().configurationType()).as("configurationType()").isNotNull();
    }

    /** An accepted send completes with the provider's message id. */
    @Test
    @DisplayName("an accepted send answers with a provider message id")
    public void acceptedSendAnswersWithAProviderMessageId() {
        SendReceipt receipt = kit.sendExpectingReceipt(kit.message("ck-accepted-1"));

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
                kit.provider().errorClassesProduced().contains(errorClass),
                () -> "the provider declares it never answers " + errorClass
                        + " (ScriptedProvider.errorClassesProduced)");
        List<ProviderAnswer> answers = kit.provider().answersMeaning(errorClass);
        assertThat(answers)
                .as(
                        "ScriptedProvider.answersMeaning(%s) must list at least one answer, or leave %s out of"
                                + " errorClassesProduced() if the provider never answers so",
                        errorClass, errorClass)
                .isNotEmpty();
        int attempt = 0;
        for (ProviderAnswer answer : answers) {
            answer.arm().run();
            ChannelSendException failure = kit.sendExpectingFailure(
                    kit.message("ck-error-" + errorClass.name().toLowerCase() + "-" + attempt++),
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
        ChannelCapabilities capabilities = kit.adapter().capabilities();
        MessageContent tooMuch = capabilities.freeFormText()
                ? TextContent.of("x".repeat(capabilities.maxBodyLength() + 1))
                : TextContent.of("free-form text on a templates-only channel");

        ChannelSendException failure =
                kit.sendExpectingFailure(kit.message("ck-too-long", tooMuch), "content beyond the capabilities");

        assertThat(failure.errorClass()).isEqualTo(SendErrorClass.CONTENT_PERMANENT);
    }

    /** A media message of each kind the channel declares is accepted; one of another kind fails as CONTENT_PERMANENT. */
    @Test
    @DisplayName("media messages of the declared kinds are sent, others fail as CONTENT_PERMANENT")
    public void mediaMessagesOfTheDeclaredKindsAreSent() {
        for (MediaKind kind : List.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.DOCUMENT)) {
            OutboundMessage media = kit.message(
                    "ck-media-" + kind.ordinal(), MediaContent.of(kind, URI.create("https://cdn.example.com/ck")));
            if (kit.adapter().capabilities().mediaMessageKinds().contains(kind)) {
                assertThat(kit.sendExpectingReceipt(media).providerMessageId())
                        .as("%s message", kind)
                        .isNotBlank();
            } else {
                assertThat(kit.sendExpectingFailure(media, kind + ", not declared")
                                .errorClass())
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
        int count = kit.concurrentSends();
        ExecutorService callers = Executors.newFixedThreadPool(Math.min(count, 8));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CompletableFuture<SendReceipt>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OutboundMessage message = kit.message("ck-concurrent-" + i);
                calls.add(callers.submit(() -> {
                    start.await();
                    return kit.adapter().send(message).toCompletableFuture();
                }));
            }
            start.countDown();
            Map<String, String> correlationByProviderId = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                SendReceipt receipt = await(
                        calls.get(i).get(kit.sendTimeout().toMillis(), TimeUnit.MILLISECONDS),
                        kit.sendTimeout(),
                        "concurrent send " + i);
                String previous = correlationByProviderId.put(receipt.providerMessageId(), "ck-concurrent-" + i);
                assertThat(previous)
                        .as("provider message id %s given to two sends", receipt.providerMessageId())
                        .isNull();
            }
            assertThat(correlationByProviderId).hasSize(count);
            DeliveryStatus echoed = echoingStatus(kit.provider());
            for (Map.Entry<String, String> sent : correlationByProviderId.entrySet()) {
                StatusUpdate update = singleStatus(
                        handle(kit.adapter(), kit.provider().signedStatusWebhook(sent.getKey(), echoed)),
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

    /** Closing twice is harmless. */
    @Test
    @DisplayName("close is idempotent")
    public void closeIsIdempotent() {
        kit.adapter().close();
        kit.adapter().close();
        assertThat(kit.adapter().id()).isNotBlank();
    }
}
