package io.campaignkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The webhook endpoint of a web application: a status signed by the (simulated) provider reaches the
 * engine through {@code /campaignkit/webhooks/simulated}; a forged one is refused and changes nothing;
 * Meta's GET verification is answered. Sends and webhooks show in the meters, the channels in the health.
 */
@SpringBootTest(properties = {
        "spring.datasource.generate-unique-name=true",
        "campaignkit.runner.enabled=false",
        "campaignkit.channels.simulated.enabled=true",
        "campaignkit.channels.simulated.delivered-after=PT1000H",
        "campaignkit.channels.simulated.webhook-url=http://localhost/campaignkit/webhooks/simulated",
        "campaignkit.channels.whatsapp-cloud.phone-number-id=109876543210",
        "campaignkit.channels.whatsapp-cloud.access-token=test-access-token",
        "campaignkit.channels.whatsapp-cloud.app-secret=test-app-secret",
        "campaignkit.channels.whatsapp-cloud.verify-token=test-verify-token"})
@AutoConfigureMockMvc
class CampaignKitWebhookEndpointTest {

    @Configuration
    @EnableAutoConfiguration
    static class App {
        @Bean
        BotFlow testBot() {
            return (context, message, reply) -> { };
        }
    }

    @Autowired
    MockMvc mvc;
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

    private double webhooks(String result) {
        return registry.counter("campaignkit.webhooks", "channel", "simulated", "result", result).count();
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

    private static MockHttpServletRequestBuilder posted(WebhookRequest request, byte[] body) {
        MockHttpServletRequestBuilder builder = post(request.url().getPath()).content(body);
        request.headers().asMap().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder;
    }

    @Test
    void aSignedStatusPostedToTheEndpointReachesTheEngine() throws Exception {
        Recipient recipient = sendOne("webhook-ok", "+525500000001");
        double acceptedBefore = webhooks("accepted");
        WebhookRequest delivered = channels.simulated().orElseThrow()
                .signedStatusWebhook(recipient.providerMessageId().orElseThrow(), DeliveryStatus.DELIVERED);

        mvc.perform(posted(delivered, delivered.body())).andExpect(status().isOk());

        assertThat(engine.recipients(recipient.campaignId(), -1, 10).get(0).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(webhooks("accepted")).isEqualTo(acceptedBefore + 1);
        assertThat(registry.get("campaignkit.sends").tags("channel", "simulated", "outcome", "accepted").counter().count())
                .isPositive();
        assertThat(registry.find("campaignkit.campaign.recipients").tag("campaign", "webhook-ok").gauges()).hasSize(8);
    }

    @Test
    void aForgedStatusIsRefusedAndChangesNothing() throws Exception {
        Recipient recipient = sendOne("webhook-forged", "+525500000002");
        double refusedBefore = webhooks("refused");
        WebhookRequest delivered = channels.simulated().orElseThrow()
                .signedStatusWebhook(recipient.providerMessageId().orElseThrow(), DeliveryStatus.DELIVERED);
        byte[] forged = delivered.body();
        forged[forged.length - 1] ^= 1;

        int answered = mvc.perform(posted(delivered, forged)).andReturn().getResponse().getStatus();

        assertThat(answered).isIn(401, 403);
        assertThat(engine.recipients(recipient.campaignId(), -1, 10).get(0).state()).isEqualTo(DeliveryState.SENT);
        assertThat(webhooks("refused")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void metasVerificationIsAnswered() throws Exception {
        // as Meta calls it: the parameters in the URL's query
        mvc.perform(get("/campaignkit/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=test-verify-token"
                        + "&hub.challenge=1158201444"))
                .andExpect(status().isOk()).andExpect(content().string("1158201444"));
        int wrongToken = mvc.perform(get("/campaignkit/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=guess"
                + "&hub.challenge=1")).andReturn().getResponse().getStatus();
        assertThat(wrongToken).isEqualTo(403);
    }

    @Test
    void anUnknownChannelIsNotFound() throws Exception {
        mvc.perform(post("/campaignkit/webhooks/nowhere").content("{}")).andExpect(status().isNotFound());
    }

    @Test
    void theStoreAndEachChannelHaveTheirHealth() {
        assertThat(indicators.get("campaignkitStoreHealthIndicator").health(true).getStatus()).isEqualTo(Status.UP);
        CompositeHealthContributor channelHealth = composites.get("campaignkitChannelsHealthContributor");
        assertThat(List.of("simulated", "whatsapp-cloud")).allSatisfy(id ->
                assertThat(((HealthIndicator) channelHealth.getContributor(id)).health(true).getStatus()).isEqualTo(Status.UP));
    }
}
