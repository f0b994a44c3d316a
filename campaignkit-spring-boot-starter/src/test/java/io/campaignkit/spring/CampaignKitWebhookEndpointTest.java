package io.campaignkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook endpoint on a real servlet container: a status signed by the (simulated) provider, posted
 * as a form like Twilio's, reaches the engine through {@code /campaignkit/webhooks/simulated} with its raw
 * body and the public URL it was signed for; a forged one is refused and changes nothing; Meta's GET
 * verification is answered. Sends and webhooks show in the meters, the channels in the health.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.generate-unique-name=true",
            "campaignkit.runner.enabled=false",
            "campaignkit.webhooks.public-base-url=https://hooks.example.test",
            "campaignkit.channels.simulated.enabled=true",
            "campaignkit.channels.simulated.delivered-after=PT1000H",
            "campaignkit.channels.simulated.webhook-url=https://hooks.example.test/campaignkit/webhooks/simulated",
            "campaignkit.channels.whatsapp-cloud.phone-number-id=109876543210",
            "campaignkit.channels.whatsapp-cloud.access-token=test-access-token",
            "campaignkit.channels.whatsapp-cloud.app-secret=test-app-secret",
            "campaignkit.channels.whatsapp-cloud.verify-token=test-verify-token",
            "campaignkit.channels.twilio.account-sid=" + CampaignKitWebhookEndpointTest.TWILIO_ACCOUNT,
            "campaignkit.channels.twilio.auth-token=" + CampaignKitWebhookEndpointTest.TWILIO_TOKEN,
            "campaignkit.channels.twilio.sender=+15005550006",
            "campaignkit.channels.twilio.status-callback-url=https://hooks.example.test/campaignkit/webhooks/twilio"
        })
class CampaignKitWebhookEndpointTest {

    static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000001";
    static final String TWILIO_TOKEN = "twilio-test-auth-token";

    /** Headers the HTTP client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        BotFlow testBot() {
            return (context, message, reply) -> {};
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CampaignEngine engine;

    @Autowired
    CampaignKitChannels channels;

    @Autowired
    MeterRegistry registry;

    @Autowired
    Map<String, HealthIndicator> indicators;

    @Autowired
    Map<String, CompositeHealthContributor> composites;

    private final HttpClient http = HttpClient.newHttpClient();

    private double webhooks(String result) {
        return registry.counter("campaignkit.webhooks", "channel", "simulated", "result", result)
                .count();
    }

    private Recipient sendOne(String campaign, String phone) {
        SimulatedChannel simulated = channels.simulated().orElseThrow();
        CampaignId id = TestCampaigns.launch(engine, campaign, "simulated", phone);
        engine.runDue();
        simulated.deliverDueEvents(); // the acceptance
        Recipient recipient = engine.recipients(id, -1, 10).get(0);
        assertThat(recipient.state()).isEqualTo(DeliveryState.SENT);
        return recipient;
    }

    /** Posts {@code body} with the request's headers to this server, at the request's path. */
    private HttpResponse<String> post(WebhookRequest request, byte[] body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + request.url().getPath()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().asMap().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedFormPostedToTheEndpointReachesTheEngine() throws Exception {
        Recipient recipient = sendOne("webhook-ok", "+525500000001");
        double acceptedBefore = webhooks("accepted");
        WebhookRequest delivered = channels.simulated()
                .orElseThrow()
                .signedStatusWebhook(recipient.providerMessageId().orElseThrow(), DeliveryStatus.DELIVERED);
        assertThat(delivered.headers().first("Content-Type")).hasValue("application/x-www-form-urlencoded");

        HttpResponse<String> answer = post(delivered, delivered.body());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(engine.recipients(recipient.campaignId(), -1, 10).get(0).state())
                .isEqualTo(DeliveryState.DELIVERED);
        assertThat(webhooks("accepted")).isEqualTo(acceptedBefore + 1);
        assertThat(registry.get("campaignkit.sends")
                        .tags("channel", "simulated", "outcome", "accepted")
                        .counter()
                        .count())
                .isPositive();
        assertThat(registry.get("campaignkit.status.events")
                        .tags("status", "delivered")
                        .counter()
                        .count())
                .isPositive();
        assertThat(registry.find("campaignkit.campaign.recipients")
                        .tag("campaign", "webhook-ok")
                        .gauges())
                .hasSize(8);
    }

    @Test
    void aForgedStatusIsRefusedAndChangesNothing() throws Exception {
        Recipient recipient = sendOne("webhook-forged", "+525500000002");
        double refusedBefore = webhooks("refused");
        WebhookRequest delivered = channels.simulated()
                .orElseThrow()
                .signedStatusWebhook(recipient.providerMessageId().orElseThrow(), DeliveryStatus.DELIVERED);
        byte[] forged = delivered.body();
        forged[forged.length - 1] ^= 1;

        assertThat(post(delivered, forged).statusCode()).isIn(401, 403);

        assertThat(engine.recipients(recipient.campaignId(), -1, 10).get(0).state())
                .isEqualTo(DeliveryState.SENT);
        assertThat(webhooks("refused")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void metasVerificationIsAnswered() throws Exception {
        HttpResponse<String> verified = get("/campaignkit/webhooks/whatsapp-cloud?hub.mode=subscribe"
                + "&hub.verify_token=test-verify-token&hub.challenge=1158201444");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("1158201444");
        assertThat(get("/campaignkit/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")
                        .statusCode())
                .isEqualTo(403);
    }

    /** Twilio's signature: Base64(HMAC-SHA1(auth token, URL + each parameter's name and value, names sorted)). */
    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(params)
                .forEach((name, value) -> data.append(name).append(value));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                TWILIO_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        return java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> postTwilio(Map<String, String> params, String signature) throws Exception {
        StringBuilder form = new StringBuilder();
        params.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/campaignkit/webhooks/twilio"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Twilio-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twiliosSignedFormPostIsAnsweredAndAForgedOneRefused() throws Exception {
        // an inbound SMS as Twilio posts it (fields of Twilio's messaging webhook request)
        Map<String, String> inbound = new java.util.LinkedHashMap<>();
        inbound.put("ToCountry", "US");
        inbound.put("SmsMessageSid", "SM11111111111111111111111111111111");
        inbound.put("NumMedia", "0");
        inbound.put("Body", "Hola, ¿cuánto debo? 100% seguro & rápido");
        inbound.put("From", "+525500998877");
        inbound.put("To", "+15005550006");
        inbound.put("MessageSid", "SM11111111111111111111111111111111");
        inbound.put("AccountSid", TWILIO_ACCOUNT);
        inbound.put("SmsStatus", "received");
        inbound.put("ApiVersion", "2010-04-01");
        String signature = twilioSignature("https://hooks.example.test/campaignkit/webhooks/twilio", inbound);

        HttpResponse<String> genuine = postTwilio(inbound, signature);
        inbound.put("Body", "Hola, ¿cuánto debo? 0% seguro");
        HttpResponse<String> forged = postTwilio(inbound, signature);

        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownChannelIsNotFound() throws Exception {
        assertThat(get("/campaignkit/webhooks/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void theStoreAndEachChannelHaveTheirHealth() {
        assertThat(indicators
                        .get("campaignkitStoreHealthIndicator")
                        .health(true)
                        .getStatus())
                .isEqualTo(Status.UP);
        CompositeHealthContributor channelHealth = composites.get("campaignkitChannelsHealthContributor");
        assertThat(List.of("simulated", "whatsapp-cloud", "twilio"))
                .allSatisfy(id -> assertThat(((HealthIndicator) channelHealth.getContributor(id))
                                .health(true)
                                .getStatus())
                        .isEqualTo(Status.UP));
    }
}
