package io.campaignkit.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The sending, waiting and webhook assertions the checks of {@link ChannelAdapterContractKit} share,
 * so the kit itself reads as its list of rules. Each assertion fails the running check with a message
 * naming what the adapter did instead.
 */
final class ChannelContractSupport {

    private ChannelContractSupport() {}

    /** Calls {@code send}, failing the check when it throws instead of returning a failed stage. */
    static CompletableFuture<SendReceipt> invokeSend(ChannelAdapter adapter, OutboundMessage message) {
        try {
            return adapter.send(message).toCompletableFuture();
        } catch (RuntimeException e) {
            return fail(
                    "send() threw " + e + " instead of returning a failed stage (the adapter's exception is the cause)",
                    e);
        }
    }

    /** Waits for a receipt (or any answer), failing the check when the stage fails or takes longer than {@code timeout}. */
    static <T> T await(CompletableFuture<T> stage, Duration timeout, String what) {
        try {
            return stage.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return fail(what + " failed: " + e.getCause() + " (the adapter's exception is the cause)", e.getCause());
        } catch (TimeoutException e) {
            return fail("%s did not complete within %s", what, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /**
     * Waits for a failure, failing the check when the send succeeds, fails with something other than a
     * {@link ChannelSendException}, or takes longer than {@code timeout}.
     */
    static ChannelSendException awaitFailure(CompletableFuture<SendReceipt> stage, Duration timeout, String what) {
        try {
            SendReceipt receipt = stage.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return fail(
                    "expected the send to fail for %s, but it was accepted as %s", what, receipt.providerMessageId());
        } catch (ExecutionException e) {
            return ChannelSendException.find(Objects.requireNonNull(e.getCause()))
                    .orElseGet(() -> fail(
                            "the send failed for " + what + " with " + e.getCause()
                                    + " instead of a ChannelSendException (the adapter's exception is the cause)",
                            e.getCause()));
        } catch (TimeoutException e) {
            return fail(
                    "the send for %s did not complete within %s (an UNKNOWN_OUTCOME must come from the adapter's own timeout)",
                    what, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Hands {@code request} to the adapter: it must answer (not throw), and a refusal carries no events. */
    static WebhookResult handle(ChannelAdapter adapter, WebhookRequest request) {
        WebhookResult result;
        try {
            result = adapter.handleWebhook(request);
        } catch (RuntimeException e) {
            return fail("handleWebhook threw " + e + " for " + request + " (the adapter's exception is the cause)", e);
        }
        assertThat(result).as("handleWebhook result").isNotNull();
        if (!result.accepted()) {
            assertThat(result.events()).as("events of a refused webhook").isEmpty();
        }
        return result;
    }

    /** A status the provider reports that must echo the correlation id: DELIVERED if it has it, never FAILED. */
    static DeliveryStatus echoingStatus(ScriptedProvider provider) {
        Set<DeliveryStatus> reported = provider.statusesReported();
        return reported.contains(DeliveryStatus.DELIVERED)
                ? DeliveryStatus.DELIVERED
                : reported.stream()
                        .filter(status -> status != DeliveryStatus.FAILED)
                        .findFirst()
                        .orElseGet(() ->
                                fail("ScriptedProvider.statusesReported() must include a status other than FAILED"));
    }

    static StatusUpdate singleStatus(WebhookResult result, String providerMessageId, DeliveryStatus status) {
        assertThat(result.accepted())
                .as("status of a %s webhook: %s %s", status, result.status(), result.body())
                .isTrue();
        List<StatusUpdate> updates = ofType(result.events(), StatusUpdate.class).stream()
                .filter(update -> update.providerMessageId().equals(providerMessageId))
                .collect(Collectors.toList());
        assertThat(updates)
                .as("status updates for %s in %s", providerMessageId, result.events())
                .hasSize(1);
        assertThat(updates.get(0).status()).isEqualTo(status);
        return updates.get(0);
    }

    static void assertRefused(WebhookResult result, String what) {
        assertThat(result.status())
                .as("status for %s (body: %s)", what, result.body())
                .isIn(401, 403);
        assertThat(result.events()).as("events for %s", what).isEmpty();
    }

    static <T extends ChannelEvent> List<T> ofType(List<ChannelEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /**
     * Fails naming the first event and field that differ: an equality failure of two whole event lists
     * says nothing a vendor can act on. A differing time usually means the adapter stamped an event
     * without a provider time with its own clock instead of the request's arrival time.
     */
    static void assertSameEvents(List<ChannelEvent> actual, List<ChannelEvent> expected, String what) {
        assertThat(actual).as("%s: number of events", what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            ChannelEvent want = expected.get(i);
            ChannelEvent got = actual.get(i);
            if (want.equals(got)) {
                continue;
            }
            assertThat(got.getClass()).as("%s: type of event %d", what, i).isEqualTo(want.getClass());
            if (want.getClass().isRecord()) {
                for (java.lang.reflect.RecordComponent component :
                        want.getClass().getRecordComponents()) {
                    Object wanted = read(component, want);
                    Object found = read(component, got);
                    if (!java.util.Objects.equals(wanted, found)) {
                        fail(
                                "%s: event %d (%s) differs in %s: %s, first time %s%s",
                                what,
                                i,
                                want.getClass().getSimpleName(),
                                component.getName(),
                                found,
                                wanted,
                                component.getType() == java.time.Instant.class
                                        ? "; an event without a provider time takes WebhookRequest.receivedAt(), not the adapter's clock"
                                        : "");
                    }
                }
            }
            assertThat(got).as("%s: event %d", what, i).isEqualTo(want);
        }
    }

    private static Object read(java.lang.reflect.RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    static List<String> keys(List<ChannelEvent> events) {
        return events.stream().map(ChannelEvent::deduplicationKey).collect(Collectors.toList());
    }
}
