package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.event.DeliveryStatus;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A status report without a correlation id that overtakes the receipt of its own send is applied
 * exactly once whichever way the two interleave. The store is wrapped so the test can land the
 * receipt at the one instant that used to strand the report: after the webhook looked the message
 * up and found nothing, before it kept the report aside.
 */
class EarlyStatusRaceTest {

    /** The provider id {@link HeldChannel#accept} gives the first send. */
    private static final String PROVIDER_ID = "wamid.0";

    /** The in-memory store, with {@code beforeKeepingAside} run just before a report is kept aside. */
    private static CampaignStorage storeWithHook(InMemoryCampaignStore store, Runnable[] beforeKeepingAside) {
        return StorageProxy.of((proxy, method, args) -> {
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
            return store.findRecipient(new RecipientKey(id, PhoneNumber.parse(Fixtures.phone(0))))
                    .orElseThrow();
        }

        void deliveredWithoutCorrelationId() {
            engine.applyEvents(
                    "simulated",
                    List.of(StatusUpdate.of(
                            PROVIDER_ID,
                            Optional.empty(),
                            DeliveryStatus.DELIVERED,
                            Instant.parse("2026-01-05T09:00:01Z"))));
        }

        void receiptLands() {
            channel.accept(0);
        }
    }

    private static Run sendOne(Runnable[] hook) {
        ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        HeldChannel channel = new HeldChannel();
        CampaignEngine engine = CampaignEngine.builder()
                .botFlows(Fixtures.bots())
                .storage(storeWithHook(store, hook))
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .build();
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
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
        assertThat(run.store().takeUnmatchedStatuses(PROVIDER_ID))
                .as("nothing left aside")
                .isEmpty();
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
