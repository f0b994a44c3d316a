package io.campaignkit.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Twilio webhook endpoint, form body and headers (issue 19). Its contract
 * ({@code ChannelAdapter.handleWebhook}): an answer for every request, never an exception; one of
 * the statuses it documents; events only for a request signed with the auth token.
 *
 * <p>Input layout: the last byte chooses the shape (bit 0: signed with the auth token over the
 * parameters the form decodes to, bit 1: an extra fuzzed header, bit 2: a fuzzed query on the
 * callback URL); the rest is the form body. The seeds in {@code TwilioWebhookFuzzTestInputs/} are
 * the status callbacks and inbound messages the other tests use, each followed by the byte 0x01.
 * {@code JAZZER_FUZZ=1} fuzzes (see the module README).
 */
class TwilioWebhookFuzzTest {

    private static final String TOKEN = "fuzz-auth-token";
    private static final String BASE = "https://hooks.example.com/twilio/status";
    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 403, 405);

    private static final TwilioChannelAdapter ADAPTER = TwilioChannelAdapter.create(TwilioConfig.custom()
            .accountSid("AC0123456789abcdef0123456789abcdef")
            .authToken(TOKEN)
            .sender("whatsapp:+14155238886")
            .statusCallbackUrl(URI.create(BASE))
            .clock(new MutableClock(Instant.parse("2026-05-04T10:15:30Z")))
            .build());
    private static final SignedWebhooks TWILIO = new SignedWebhooks(TOKEN);

    @FuzzTest(maxDuration = "2m")
    @Timeout(5)
    void anyRequestGetsADocumentedAnswer(FuzzedDataProvider data) {
        int shape = data.consumeByte();
        boolean signed = (shape & 1) != 0;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if ((shape & 2) != 0) {
            String name = data.consumeAsciiString(40);
            if (!name.isBlank()) {
                headers.put(name, data.consumeString(200));
            }
        }
        URI url = URI.create(BASE);
        if ((shape & 4) != 0) {
            try {
                url = URI.create(BASE + "?" + data.consumeString(200));
            } catch (IllegalArgumentException notAUri) {
                return; // not a URL a server could have received
            }
        }
        String forged = signed ? null : data.consumeString(60);
        byte[] body = data.consumeRemainingAsBytes();

        WebhookRequest request;
        try {
            request = WebhookRequest.post(url, WebhookHeaders.ofSingle(headers), body);
            String signature = signed ? signatureOver(request) : forged;
            if (signature != null) {
                request = request.withHeaders(request.headers().with("X-Twilio-Signature", signature));
            }
        } catch (IllegalArgumentException notAnHttpRequest) {
            return; // headers no HTTP server would hand over (the SPI refuses them itself)
        }
        WebhookResult result = ADAPTER.handleWebhook(request);

        assertThat(result).isNotNull();
        assertThat(DOCUMENTED).contains(result.status());
        assertThat(result.events()).isNotNull();
        if (!signed) {
            assertThat(result.events())
                    .as("events from a request not signed with the auth token")
                    .isEmpty();
        }
        assertThat(String.valueOf(result.body())).doesNotContain(TOKEN);
    }

    /** Twilio's signature over what the form decodes to; null when it does not decode (nothing to sign). */
    private static String signatureOver(WebhookRequest request) {
        Map<String, List<String>> form;
        try {
            form = request.formParameters();
        } catch (IllegalArgumentException notAForm) {
            return null;
        }
        Map<String, String> single = new LinkedHashMap<>();
        form.forEach((name, values) -> single.put(name, values.isEmpty() ? "" : values.get(0)));
        return TWILIO.sign(request.url().toString(), single);
    }
}
