package io.campaignkit.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.testkit.time.ManualClock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit's checks can fail: each deliberately broken adapter below (a SimulatedChannel with one
 * defect) fails exactly the checks about its defect and passes the others. The broken kit subclasses
 * are nested classes, which Surefire does not run on its own; this test runs them through the JUnit
 * engine.
 */
class ContractKitSelfTest {

    @Test
    void anAdapterThatIgnoresSignaturesFailsOnlyTheSignatureCheck() {
        assertThat(failedChecks(IgnoresSignatures.class)).containsExactly("badSignatureIsRefusedAndYieldsNoEvent");
    }

    @Test
    void anAdapterThatMisclassifiesRateLimitsFailsOnlyThatErrorClass() {
        assertThat(failedChecks(MisclassifiesRateLimits.class))
                .containsExactly("eachErrorClassIsProducedForTheProviderAnswersThatMeanIt[RATE_LIMITED]");
    }

    @Test
    void anAdapterThatLosesTheCorrelationIdFailsTheChecksThatFollowIt() {
        assertThat(failedChecks(LosesCorrelationId.class))
                .containsExactlyInAnyOrder(
                        "correlationIdRoundTripsThroughStatusEvents",
                        "concurrentSendsAreSafe",
                        "unknownFieldsAreTolerated");
    }

    @Test
    void anAdapterThatRefusesRedeliveriesFailsTheDuplicateCheck() {
        assertThat(failedChecks(RefusesRedeliveries.class)).containsExactly("duplicateWebhookDeliveriesAreHarmless");
    }

    @Test
    void anAdapterThatThrowsOnUnknownOrMalformedInputFailsThoseChecks() {
        assertThat(failedChecks(ThrowsOnSurprises.class))
                .containsExactlyInAnyOrder(
                        "unknownMessageTypesBecomeUnsupportedMessageEvents", "malformedBodyAnswers400");
    }

    @Test
    void anAdapterThatThrowsFromSendFailsEverySendCheck() {
        assertThat(failedChecks(ThrowsFromSend.class))
                .contains(
                        "acceptedSendAnswersWithAProviderMessageId",
                        "concurrentSendsAreSafe",
                        "contentBeyondTheCapabilitiesFailsAsContentPermanent");
    }

    @Test
    void anAdapterThatVouchesForAnySenderFailsTheCredentialsChecksAboutOthers() {
        assertThat(failedChecks(VouchesForAnySender.class))
                .containsExactlyInAnyOrder(
                        "credentialsCheckNeverAcceptsAnotherSender",
                        "closedAdaptersCredentialsCheckAnswersAndAcceptsNothing");
    }

    @Test
    void aCredentialsCheckThatThrowsOrNamesNoSettingFailsTheKit() {
        assertThat(failedChecks(CredentialsCheckThatThrowsOrNamesNoSetting.class))
                .containsExactlyInAnyOrder(
                        "credentialsCheckAnswersAndARefusalNamesTheSetting",
                        "credentialsCheckNeverAcceptsAnotherSender");
        assertThat(failureOf(
                        CredentialsCheckThatThrowsOrNamesNoSetting.class, "credentialsCheckNeverAcceptsAnotherSender"))
                .hasMessageContaining("threw")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void theAdaptersExceptionIsTheCauseOfTheKitsFailure() {
        Throwable failure = failureOf(ThrowsFromSend.class, "acceptedSendAnswersWithAProviderMessageId");

        assertThat(failure).hasMessageContaining("not connected").hasMessageContaining("the cause");
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("not connected");
    }

    @Test
    void aRedeliveryWithOtherEventsNamesTheFieldThatDiffers() {
        assertThat(failedChecks(StampsWithItsOwnClock.class)).containsExactly("duplicateWebhookDeliveriesAreHarmless");

        assertThat(failureOf(StampsWithItsOwnClock.class, "duplicateWebhookDeliveriesAreHarmless"))
                .hasMessageContaining("differs in timestamp")
                .hasMessageContaining("WebhookRequest.receivedAt()");
    }

    private static Throwable failureOf(Class<?> kitSubclass, String check) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(kitSubclass))
                .execute()
                .testEvents();
        return tests.failed().list().stream()
                .filter(event ->
                        event.getTestDescriptor().getLegacyReportingName().startsWith(check))
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError(check + " did not fail for " + kitSubclass.getSimpleName()));
    }

    private static Set<String> failedChecks(Class<?> kitSubclass) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(kitSubclass))
                .execute()
                .testEvents();
        assertThat(tests.succeeded().count())
                .as("checks passed by %s", kitSubclass.getSimpleName())
                .isPositive();
        Set<String> failed = new HashSet<>();
        for (Event event : tests.failed().list()) {
            String uniqueId = event.getTestDescriptor().getUniqueId().toString();
            String method = event.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", "");
            failed.add(
                    uniqueId.contains("test-template-invocation")
                            ? method + "["
                                    + event.getTestDescriptor().getDisplayName().replaceAll(" .*", "") + "]"
                            : method);
        }
        return failed;
    }

    // ----------------------------------------------------------------- broken adapters

    /** A SimulatedChannel behind a delegate, with hooks to break one behaviour. */
    abstract static class BrokenKit extends ChannelAdapterContractKit {
        final ManualClock clock = ManualClock.ofDefaults();
        final SimulatedChannel channel = SimulatedChannel.withClock(clock);
        final ScriptedProvider provider = new SimulatedScriptedProvider(channel, clock);
        final ChannelAdapter broken = new Delegate(this);

        @Override
        protected ChannelAdapter adapter() {
            return broken;
        }

        @Override
        protected ScriptedProvider provider() {
            return provider;
        }

        CompletionStage<SendReceipt> send(OutboundMessage message) {
            return channel.send(message);
        }

        WebhookResult handle(WebhookRequest request) {
            return channel.handleWebhook(request);
        }

        CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
            return channel.checkCredentials(senderId);
        }
    }

    private record Delegate(BrokenKit kit) implements ChannelAdapter {
        @Override
        public String id() {
            return kit.channel.id();
        }

        @Override
        public ChannelCapabilities capabilities() {
            return kit.channel.capabilities();
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            return kit.send(message);
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return kit.handle(request);
        }

        @Override
        public CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
            return kit.checkCredentials(senderId);
        }
    }

    /** Vouches for whatever sender it is asked about, closed or not, without asking anyone. */
    static class VouchesForAnySender extends BrokenKit {
        @Override
        CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
            return CompletableFuture.completedFuture(new CredentialsCheck.Accepted("sender " + senderId + " is fine"));
        }
    }

    /** Throws from the check, and refuses with a subject that names no setting. */
    static class CredentialsCheckThatThrowsOrNamesNoSetting extends BrokenKit {

        @Override
        CompletionStage<CredentialsCheck> checkCredentials(String senderId) {
            if (!senderId.equals(provider.senderId())) {
                throw new IllegalStateException("no such sender");
            }
            return CompletableFuture.completedFuture(new CredentialsCheck.Refused(
                    List.of(new PreflightProblem(PreflightProblem.MESSAGE, "the token expired"))));
        }
    }

    static class IgnoresSignatures extends BrokenKit {
        @Override
        WebhookResult handle(WebhookRequest request) {
            // re-signs whatever arrives: the same as not verifying at all
            return channel.handleWebhook(channel.signedWebhook(request.bodyAsString()));
        }
    }

    static class MisclassifiesRateLimits extends BrokenKit {
        @Override
        CompletionStage<SendReceipt> send(OutboundMessage message) {
            return channel.send(message).exceptionallyCompose(error -> {
                ChannelSendException failure = ChannelSendException.find(error).orElseThrow();
                SendFailure original = failure.failure();
                return CompletableFuture.failedFuture(
                        failure.errorClass() != SendErrorClass.RATE_LIMITED
                                ? failure
                                : new ChannelSendException(new SendFailure(
                                        SendErrorClass.TRANSIENT,
                                        original.providerCode(),
                                        original.providerMessage(),
                                        Optional.empty())));
            });
        }
    }

    static class LosesCorrelationId extends BrokenKit {
        @Override
        WebhookResult handle(WebhookRequest request) {
            return mapEvents(
                    channel.handleWebhook(request),
                    event -> event instanceof StatusUpdate status
                            ? new StatusUpdate(
                                    status.providerMessageId(),
                                    Optional.empty(),
                                    status.status(),
                                    status.timestamp(),
                                    status.recipient(),
                                    status.failure())
                            : event);
        }
    }

    static class RefusesRedeliveries extends BrokenKit {
        private final Set<WebhookRequest> seen = new HashSet<>();

        @Override
        WebhookResult handle(WebhookRequest request) {
            return seen.add(request)
                    ? channel.handleWebhook(request)
                    : new WebhookResult(409, WebhookResult.TEXT_PLAIN, "duplicate", List.of());
        }
    }

    static class ThrowsOnSurprises extends BrokenKit {
        @Override
        WebhookResult handle(WebhookRequest request) {
            WebhookResult result = channel.handleWebhook(request);
            if (result.status() == 400 || result.events().stream().anyMatch(UnsupportedMessage.class::isInstance)) {
                throw new IllegalStateException("cannot parse " + request);
            }
            return result;
        }
    }

    static class ThrowsFromSend extends BrokenKit {
        @Override
        CompletionStage<SendReceipt> send(OutboundMessage message) {
            throw new IllegalStateException("not connected");
        }
    }

    /** Times each status with a clock of its own: a redelivery of the same request gives other events. */
    static class StampsWithItsOwnClock extends BrokenKit {
        private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();

        @Override
        WebhookResult handle(WebhookRequest request) {
            return mapEvents(
                    channel.handleWebhook(request),
                    event -> event instanceof StatusUpdate status
                            ? new StatusUpdate(
                                    status.providerMessageId(),
                                    status.correlationId(),
                                    status.status(),
                                    status.timestamp().plusSeconds(ticks.incrementAndGet()),
                                    status.recipient(),
                                    status.failure())
                            : event);
        }
    }

    private static WebhookResult mapEvents(WebhookResult result, UnaryOperator<ChannelEvent> change) {
        return new WebhookResult(
                result.status(),
                result.contentType(),
                result.body(),
                result.events().stream().map(change).toList());
    }
}
