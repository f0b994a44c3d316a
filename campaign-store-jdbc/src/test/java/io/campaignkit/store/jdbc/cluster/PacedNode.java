package io.campaignkit.store.jdbc.cluster;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendErrorClass;
import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One engine of a paced cluster test and the channel it sends through: a sender with a low limit that
 * records the instant of every message it is handed, and can answer its first few with RATE_LIMITED.
 */
final class PacedNode {

    static final String CHANNEL = "paced";
    static final String SENDER = "paced-sender";
    static final String TENANT = "tenant-1";
    static final String BOT_FLOW = "bot";

    /** A message handed to a node's channel. */
    record Send(String node, String phone, Instant at) {}

    /** The channel: answers at once; the first {@code rateLimited} sends are refused as RATE_LIMITED. */
    static final class RecordingChannel implements ChannelAdapter {

        private final String node;
        private final Clock clock;
        private final Queue<Send> sends;
        private final ChannelCapabilities capabilities;
        private final AtomicInteger rateLimited;
        private final Duration retryAfter;

        RecordingChannel(
                String node,
                Clock clock,
                Queue<Send> sends,
                double maxPerSecond,
                int rateLimited,
                Duration retryAfter) {
            this.node = node;
            this.clock = clock;
            this.sends = sends;
            this.capabilities = ChannelCapabilities.custom()
                    .templates(true)
                    .freeFormText(true)
                    .maxMessagesPerSecond(maxPerSecond)
                    .build();
            this.rateLimited = new AtomicInteger(rateLimited);
            this.retryAfter = retryAfter;
        }

        @Override
        public String id() {
            return CHANNEL;
        }

        @Override
        public ChannelCapabilities capabilities() {
            return capabilities;
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            if (rateLimited.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(
                        new ChannelSendException(SendFailure.of(SendErrorClass.RATE_LIMITED, "130429", "rate limit hit")
                                .withRetryAfter(retryAfter)));
            }
            sends.add(new Send(node, message.recipient(), clock.instant()));
            return CompletableFuture.completedFuture(
                    new SendReceipt("msg-" + message.correlationId(), clock.instant()));
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            throw new UnsupportedOperationException("the paced channel has no webhooks");
        }
    }

    private PacedNode() {}

    static CampaignEngine engine(
            JdbcCampaignStore store,
            ChannelAdapter channel,
            Clock clock,
            String owner,
            int senderBurst,
            PacingStore pacing) {
        return CampaignEngine.builder()
                .store(store)
                .channel(channel)
                .botFlows(BotFlowRegistry.of(Map.of(BOT_FLOW, (context, message, reply) -> {})))
                .clock(clock)
                .ownerId(owner)
                .senderBurst(senderBurst)
                .pacingStore(pacing)
                .build();
    }

    /** Creates and launches campaign {@code id} to contacts {@code first} to {@code first + audience - 1} at {@code pace}. */
    static CampaignId launch(CampaignEngine engine, String id, int first, int audience, Pace pace) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Paced " + id)
                .botFlowId(BOT_FLOW)
                .channel(CHANNEL, SENDER)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("paced.csv"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .deliveryPlan(DeliveryPlan.custom().pace(pace).build())
                .build();
        CampaignId campaignId = CampaignId.of(id);
        engine.create(campaignId, TENANT, "project-1", CampaignKind.LIVE, configuration);
        engine.launch(campaignId, LaunchRequest.importedContacts(contacts(first, audience)));
        return campaignId;
    }

    static List<Contact> contacts(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(index -> Contact.builder(PhoneNumber.parse(phone(index)))
                        .name("Contact " + index)
                        .build())
                .toList();
    }

    static String phone(int index) {
        return String.format("+5255%08d", 20_000_000 + index);
    }

    /** The most sends of {@code sends} in any half-open window {@code [t, t + window)}. */
    static int maxIn(List<Send> sends, Duration window) {
        List<Instant> instants = sends.stream().map(Send::at).sorted().toList();
        int max = 0;
        int first = 0;
        for (int last = 0; last < instants.size(); last++) {
            while (!instants.get(first).plus(window).isAfter(instants.get(last))) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }
}
