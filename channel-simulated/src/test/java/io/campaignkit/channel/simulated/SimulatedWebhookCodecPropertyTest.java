package io.campaignkit.channel.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever an event holds, it survives the signed webhook path unchanged. */
class SimulatedWebhookCodecPropertyTest {

    private final SimulatedChannel channel = SimulatedChannel.withClock(TestClock.ofDefaults());

    @Property(tries = 300)
    void everyEventSurvivesTheSignedWebhookPath(@ForAll("events") ChannelEvent event) {
        WebhookResult result = channel.handleWebhook(channel.signedWebhook(event));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.events()).containsExactly(event);
    }

    @Provide
    Arbitrary<ChannelEvent> events() {
        return Arbitraries.oneOf(statuses(), inbounds(), optOuts());
    }

    private Arbitrary<ChannelEvent> statuses() {
        return Combinators.combine(
                        ids(),
                        texts().optional(),
                        Arbitraries.of(DeliveryStatus.class),
                        instants(),
                        Arbitraries.of(SendErrorClass.class),
                        texts(),
                        Arbitraries.longs().between(0, 86_400_000).optional())
                .as((id, correlation, status, at, errorClass, message, retryAfter) -> {
                    Optional<SendFailure> failure = status == DeliveryStatus.FAILED
                            ? Optional.of(new SendFailure(
                                    errorClass,
                                    Optional.of("E-" + id),
                                    message,
                                    retryAfter.map(Duration::ofMillis),
                                    // a "not on this channel" answer travels too (only a RECIPIENT_PERMANENT can be
                                    // one)
                                    errorClass == SendErrorClass.RECIPIENT_PERMANENT && id.hashCode() % 2 == 0))
                            : Optional.empty();
                    return new StatusUpdate(id, correlation, status, at, Optional.of("+525500998877"), failure);
                });
    }

    private Arbitrary<ChannelEvent> inbounds() {
        return Combinators.combine(
                        ids(),
                        instants(),
                        texts().optional(),
                        texts().optional(),
                        ids().optional(),
                        texts().optional(),
                        Arbitraries.of(MediaKind.class).list().ofMaxSize(2))
                .as((id, at, text, payload, replyTo, profile, kinds) -> InboundMessage.builder(
                                id, "+525500998877", "PNID", at)
                        .text(text.orElse(null))
                        .buttonPayload(payload.orElse(null))
                        .replyToProviderMessageId(replyTo.orElse(null))
                        .profileName(profile.orElse(null))
                        .media(kinds.stream()
                                .map(kind -> kind == MediaKind.IMAGE
                                        ? MediaReference.ofUrl(
                                                        kind,
                                                        URI.create("https://cdn.example/m/"
                                                                + Integer.toHexString(id.hashCode())))
                                                .withMimeType("image/jpeg")
                                        : MediaReference.ofProviderId(kind, "media-" + id))
                                .toList())
                        .build());
    }

    private Arbitrary<ChannelEvent> optOuts() {
        return Combinators.combine(instants(), texts().optional(), ids().optional())
                .as((at, keyword, id) -> new OptOut("+525500998877", "PNID", at, keyword, id));
    }

    private Arbitrary<String> ids() {
        return Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(id -> !id.isBlank());
    }

    // Any text a person might send: unicode, separators and percent signs included.
    private Arbitrary<String> texts() {
        return Arbitraries.strings()
                .all()
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(text -> !text.isBlank()
                        && text.chars()
                                .noneMatch(c -> Character.isSurrogate((char) c)
                                        || Character.getType(c) == Character.UNASSIGNED));
    }

    private Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    }
}
