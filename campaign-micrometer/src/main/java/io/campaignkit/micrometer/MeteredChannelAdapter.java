package io.campaignkit.micrometer;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.ChannelSendException;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A channel adapter that counts and times its sends and counts its webhooks; everything else is the adapter's. */
final class MeteredChannelAdapter implements ChannelAdapter {

    static final String ACCEPTED = "accepted";
    private static final Logger LOG = LoggerFactory.getLogger(MeteredChannelAdapter.class);

    private final ChannelAdapter adapter;
    private final MeterRegistry registry;

    MeteredChannelAdapter(ChannelAdapter adapter, MeterRegistry registry) {
        this.adapter = adapter;
        this.registry = registry;
    }

    ChannelAdapter unwrapped() {
        return adapter;
    }

    @Override
    public String id() {
        return adapter.id();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return adapter.capabilities();
    }

    @Override
    public CompletionStage<SendReceipt> send(OutboundMessage message) {
        Timer.Sample sample = Timer.start(registry);
        return adapter.send(message).whenComplete((receipt, error) -> record(sample, error));
    }

    /** Never throws: a failing registry must not turn an accepted send into a failed one. */
    private void record(Timer.Sample sample, Throwable error) {
        try {
            String outcome = error == null
                    ? ACCEPTED
                    : ChannelSendException.find(error)
                            .map(e -> e.errorClass().name().toLowerCase(Locale.ROOT))
                            .orElse("error");
            sample.stop(Timer.builder(MeterNames.SEND_LATENCY)
                    .description("A channel's send, hand-over to answer")
                    .tag(MeterNames.CHANNEL, adapter.id())
                    .tag(MeterNames.OUTCOME, outcome)
                    .register(registry));
            Counter.builder(MeterNames.SENDS)
                    .description("Sends handed to a channel")
                    .tag(MeterNames.CHANNEL, adapter.id())
                    .tag(MeterNames.OUTCOME, outcome)
                    .register(registry)
                    .increment();
        } catch (RuntimeException e) {
            LOG.warn("could not record a send of channel {}", adapter.id(), e);
        }
    }

    @Override
    public java.util.List<io.campaignkit.channel.PreflightProblem> preflight(io.campaignkit.channel.MessagePlan plan) {
        return adapter.preflight(plan); // a wrapper must not hide the adapter's checks
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        WebhookResult result = adapter.handleWebhook(request);
        Counter.builder(MeterNames.WEBHOOKS)
                .description("Webhook calls a channel answered")
                .tag(MeterNames.CHANNEL, adapter.id())
                .tag(MeterNames.RESULT, result(result.status()))
                .register(registry)
                .increment();
        return result;
    }

    static String result(int status) {
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        if (status == 401 || status == 403) {
            return "refused";
        }
        return status >= 400 && status < 500 ? "invalid" : "error";
    }

    @Override
    public void close() {
        adapter.close();
    }

    @Override
    public String toString() {
        return "metered " + adapter;
    }
}
