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
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.PreflightProblem;
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
 * capabilities, its discovery, accepted and refused sends, media, concurrency, the online credentials check
 * and closing. Extend {@link ChannelAdapterContractKit}, not this class.
 */
public abstract class ChannelSendRules extends ChannelKitSetup {

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

    /** Closing twice is harmless. */
    @Test
    @DisplayName("close is idempotent")
    public void closeIsIdempotent() {
        adapter().close();
        adapter().close();
        assertThat(adapter().id()).isNotBlank();
    }

    /**
     * The online credentials check of the provider's sender answers within {@link #sendTimeout()}, as a stage
     * that never fails and without throwing; a refusal names the setting to fix (subject
     * {@link PreflightProblem#CREDENTIALS} or {@link PreflightProblem#SENDER}). An adapter without an online
     * check keeps {@link ChannelAdapter#checkCredentials}'s default, which answers that it has none.
     */
    @Test
    @DisplayName("the credentials check answers, and a refusal names the setting to fix")
    public void credentialsCheckAnswersAndARefusalNamesTheSetting() {
        CredentialsCheck answer = credentialsCheckOf(provider().senderId(), "the provider's sender");
        for (PreflightProblem problem : answer.problems()) {
            assertThat(problem.subject())
                    .as("subject of the refusal '%s'", problem.problem())
                    .isIn(PreflightProblem.CREDENTIALS, PreflightProblem.SENDER);
            assertThat(problem.problem()).as("text of a refusal").isNotBlank();
        }
    }

    /** The credentials check never accepts a sender the adapter does not send from. */
    @Test
    @DisplayName("the credentials check never accepts another sender")
    public void credentialsCheckNeverAcceptsAnotherSender() {
        String other = provider().senderId() + "0";
        CredentialsCheck answer = credentialsCheckOf(other, "sender " + other + ", not the adapter's");
        assertThat(answer)
                .as(
                        "checkCredentials(\"%s\") of an adapter sending from \"%s\"",
                        other, provider().senderId())
                .isNotInstanceOf(CredentialsCheck.Accepted.class);
    }

    /** A closed adapter's credentials check still answers, without throwing, and accepts nothing: it calls no one. */
    @Test
    @DisplayName("a closed adapter's credentials check answers and accepts nothing")
    public void closedAdaptersCredentialsCheckAnswersAndAcceptsNothing() {
        adapter().close();
        CredentialsCheck answer = credentialsCheckOf(provider().senderId(), "a closed adapter");
        assertThat(answer).as("answer of a closed adapter").isNotInstanceOf(CredentialsCheck.Accepted.class);
    }
}
