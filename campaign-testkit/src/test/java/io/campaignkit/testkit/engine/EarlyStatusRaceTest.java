package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.OutboundMessage;
import io.campaignkit.channel.SendReceipt;
import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.webhook.WebhookRequest;
import io.campaignkit.channel.webhook.WebhookResult;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A status report without a correlation id that overtakes the receipt of its own send is applied
 * exactly once whichever way the two interleave. The store is wrapped so the test can land the
 * receipt at the one instant that used to strand the report: after the webhook looked the message
 * up and found nothing, before it kept the report aside.
 */
class EarlyStatusRaceTest {

    private static final String PROVIDER_ID = "wamid.race";

    /** Sends whose answers the test completes. */
    private static final class HeldChannel implements ChannelAdapter {
        final CompletableFuture<SendReceipt> answer = new CompletableFuture<>();

        @Override
        public String id() {
            return "held";
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.custom().maxMessagesPerSecond(10).build();
        }

        @Override
        public CompletionStage<SendReceipt> send(OutboundMessage message) {
            return answer;
        }

        @Override
        public WebhookResult handleWebhook(WebhookRequest request) {
            return WebhookResult.ok(List.of());
        }
    }

    /** The in-memory store, with {@code beforeKeepingAside} run just before a report is kept aside. */
    private static CampaignStore storeWithHook(InMemoryCampaignStore store, Runnable[] beforeKeepingAside) {
        return (CampaignStore) Proxy.newProxyInstance(CampaignStore.class.getClassLoader(),
                new Class<?>[] {CampaignStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("keepUnmatchedStatus") && beforeKeepingAside[0] != null) {
                        Runnable hook = beforeKeepingAside[0];
                        beforeKeepingAside[0] = null;
                        hook.run();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private record Run(CampaignEngine engine, InMemoryCampaignStore store, HeldChannel channel, CampaignId id) {
        Recipient recipient() {
            return store.findRecipient(new RecipientKey(id, PhoneNumber.parse(Fixtures.phone(0)))).orElseThrow();
        }

        void deliveredWithoutCorrelationId() {
            engine.applyEvents("held", List.of(StatusUpdate.of(PROVIDER_ID, Optional.empty(), DeliveryStatus.DELIVERED,
                    Instant.parse("2026-01-05T09:00:01Z"))));
        }

        void receiptLands() {
            channel.answer.complete(new SendReceipt(PROVIDER_ID, Instant.parse("2026-01-05T09:00:00Z")));
        }
    }

    private static Run sendOne(Runnable[] hook) {
        ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        HeldChannel channel = new HeldChannel();
        CampaignEngine engine = CampaignEngine.builder().botFlows(Fixtures.bots()).store(storeWithHook(store, hook)).channel(channel).clock(clock)
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("held", "s");
        Fixtures.basic().accept(config);
        CampaignId id = CampaignId.of("race");
        engine.create(id, "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(id, LaunchRequest.importedContacts(Fixtures.contacts(0, 1)));
        engine.runDue();
        assertThat(engine.inFlight()).isEqualTo(1);
        return new Run(engine, store, channel, id);
    }

    @Test
    void aReceiptLandingBetweenTheLookupAndKeepingAsideDoesNotStrandTheReport() {
        Runnable[] hook = new Runnable[1];
        Run run = sendOne(hook);
        hook[0] = run::receiptLands;

        run.deliveredWithoutCorrelationId();

        assertThat(run.recipient().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(run.store().takeUnmatchedStatuses(PROVIDER_ID)).as("nothing left aside").isEmpty();
        assertThat(run.engine().metrics(run.id()).delivered()).isEqualTo(1);
    }

    @Test
    void aReportBeforeTheReceiptIsAppliedWhenTheReceiptLands() {
        Run run = sendOne(new Runnable[1]);

        run.deliveredWithoutCorrelationId();
        assertThat(run.recipient().state()).isEqualTo(DeliveryState.SENDING);
        run.receiptLands();

        assertThat(run.recipient().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(run.engine().metrics(run.id()).delivered()).isEqualTo(1);
    }

    @Test
    void aReportAfterTheReceiptIsAppliedAtOnce() {
        Run run = sendOne(new Runnable[1]);

        run.receiptLands();
        run.deliveredWithoutCorrelationId();

        assertThat(run.recipient().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(run.engine().metrics(run.id()).delivered()).isEqualTo(1);
    }
}
