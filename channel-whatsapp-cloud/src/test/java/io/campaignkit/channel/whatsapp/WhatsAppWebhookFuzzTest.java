package io.campaignkit.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.campaignkit.channel.Secret;
import io.campaignkit.channel.webhook.WebhookHeaders;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.channel.webhook.WebhookSignatures;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the WhatsApp webhook endpoint, body and headers (issue 19). Its contract
 * ({@code ChannelAdapter.handleWebhook}): an answer for every request, never an exception; one of
 * the statuses it documents; events only for a request signed with the app secret.
 *
 * <p>Input layout: the last byte chooses the shape (bit 0: signed with the app secret, bit 1: an
 * extra fuzzed header, bit 2: a GET with a fuzzed query); the rest is the body. The seeds in
 * {@code WhatsAppWebhookFuzzTestInputs/} are Meta's payloads the other tests use, each followed by
 * the byte 0x01 (signed POST). {@code JAZZER_FUZZ=1} fuzzes (see the module README).
 */
class WhatsAppWebhookFuzzTest {

    private static final String APP_SECRET = "fuzz-app-secret";
    private static final URI ENDPOINT = URI.create("https://host.example/webhooks/whatsapp");
    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 403, 405, 413);

    private static final WhatsAppCloudAdapter ADAPTER = new WhatsAppCloudAdapter(WhatsAppCloudConfig.custom()
            .phoneNumberId("106540352242922")
            .accessToken(Secret.of("fuzz-access-token"))
            .appSecret(Secret.of(APP_SECRET))
            .verifyToken(Secret.of("fuzz-verify-token"))
            .maxWebhookBodyBytes(64 * 1024)
            .clock(Clock.fixed(Instant.parse("2026-05-04T10:15:30Z"), ZoneOffset.UTC))
            .build());

    @FuzzTest(maxDuration = "2m")
    @Timeout(5)
    void anyRequestGetsADocumentedAnswer(FuzzedDataProvider data) {
        int shape = data.consumeByte();
        boolean signed = (shape & 1) != 0;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if ((shape & 2) != 0) {
            String name = data.consumeAsciiString(40);
            if (!name.isBlank()) {
                headers.put(name, data.consumeString(200));
            }
        }
        String forged = signed ? null : data.consumeString(120);
        URI url = ENDPOINT;
        boolean get = (shape & 4) != 0;
        if (get) {
            url = uriOrNull(ENDPOINT + "?" + data.consumeString(300));
            if (url == null) {
                return; // not a URL a server could have received
            }
        }
        byte[] body = data.consumeRemainingAsBytes();
        headers.put(
                "X-Hub-Signature-256",
                signed ? "sha256=" + WebhookSignatures.hmacSha256Hex(Secret.of(APP_SECRET), body) : forged);

        WebhookRequest request;
        try {
            request = get
                    ? WebhookRequest.get(url, WebhookHeaders.ofSingle(headers))
                    : WebhookRequest.post(url, WebhookHeaders.ofSingle(headers), body);
        } catch (IllegalArgumentException notAnHttpRequest) {
            return; // headers no HTTP server would hand over (the SPI refuses them itself)
        }
        WebhookResult result = ADAPTER.handleWebhook(request);

        assertThat(result).isNotNull();
        assertThat(DOCUMENTED).contains(result.status());
        assertThat(result.events()).isNotNull();
        if (!signed) {
            assertThat(result.events())
                    .as("events from a request not signed with the app secret")
                    .isEmpty();
        }
        assertThat(String.valueOf(result.body())).doesNotContain(APP_SECRET).doesNotContain("fuzz-access-token");
    }

    private static URI uriOrNull(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
