package io.campaignkit.channel.twilio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.twilio.SignedWebhooks;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class WebhookHandlerPropertiesTest {

    private static final String TOKEN = "property-token";
    private static final URI STATUS_URL = URI.create("https://hooks.example.com/twilio/status");

    private final WebhookHandler handler = new WebhookHandler(
            new SignatureVerifier(TOKEN, null),
            "+15005550006",
            new OptKeywords(io.campaignkit.channel.twilio.TwilioKeywords.defaults()),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final SignedWebhooks twilio = new SignedWebhooks(TOKEN);
    private final OutboundMapping mapping =
            new OutboundMapping(false, STATUS_URL, Optional.empty(), (n, l) -> Optional.empty());

    @Property(tries = 300)
    void any_signed_form_is_answered_without_throwing_and_only_signed_forms_yield_events(
            @ForAll("statuses") String status,
            @ForAll @StringLength(max = 30) String body,
            @ForAll @StringLength(max = 12) String errorCode,
            @ForAll boolean signed) {
        Map<String, String> params = SignedWebhooks.params(
                "MessageSid",
                "SM1",
                "From",
                "+15005550006",
                "To",
                "+525500998877",
                "MessageStatus",
                status,
                "ErrorCode",
                errorCode,
                "Body",
                body);
        WebhookRequest request = twilio.post(STATUS_URL, params);
        if (!signed) {
            request = request.withHeaders(request.headers().with("X-Twilio-Signature", "AAAA"));
        }

        WebhookResult result = handler.handle(request);

        if (signed) {
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.events()).hasSizeLessThanOrEqualTo(2);
        } else {
            assertThat(result.status()).isEqualTo(403);
            assertThat(result.events()).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> statuses() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "queued",
                        "sending",
                        "sent",
                        "delivered",
                        "undelivered",
                        "failed",
                        "read",
                        "accepted",
                        "scheduled",
                        "canceled",
                        "receiving",
                        "received",
                        "partially_delivered"),
                Arbitraries.strings().ofMaxLength(15));
    }

    @Property(tries = 300)
    void the_correlation_id_survives_the_status_callback_url(@ForAll("correlationIds") String correlationId) {
        URI callback = mapping.statusCallbackFor(correlationId);
        Map<String, String> params =
                SignedWebhooks.params("MessageSid", "SM1", "To", "+525500998877", "MessageStatus", "delivered");

        WebhookResult result = handler.handle(twilio.post(callback, params));

        assertThat(((StatusUpdate) result.events().get(0)).correlationId()).contains(correlationId);
    }

    @Provide
    Arbitrary<String> correlationIds() {
        return Arbitraries.strings().withChars("abcXYZ0189._:-").ofMinLength(1).ofMaxLength(128);
    }
}
