package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 4: a campaign's busy-contact wait counts from when the contact was first found busy, on
 * the store, so that neither a second engine on the store nor a restarted engine starts the wait again
 * (a contact kept pending longer than configured).
 */
class BusyWaitAcrossEnginesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(30);

    private final ManualClock clock = ManualClock.startingAt(T0);
    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final SimulatedChannel channel = SimulatedChannel.withClock(clock);
    private final Set<PhoneNumber> busy = ConcurrentHashMap.newKeySet();
    /** When the inbox first answered that a contact is busy. */
    private final Map<PhoneNumber, Instant> firstAnsweredBusy = new ConcurrentHashMap<>();

    private final ContactAvailability inbox = (tenant, sender, phones) -> {
        Set<PhoneNumber> answer = new HashSet<>(busy);
        answer.retainAll(phones);
        answer.forEach(phone -> firstAnsweredBusy.putIfAbsent(phone, clock.instant()));
        return answer;
    };

    private CampaignEngine engine(String owner) {
        return CampaignEngine.builder()
                .storage(store.storage())
                .channel(channel)
                .clock(clock)
                .callbackExecutor(Runnable::run)
                .ownerId(owner)
                .botFlows(Fixtures.bots())
                .contactAvailability(inbox)
                .build();
    }

    private CampaignId launch(CampaignEngine engine) {
        CampaignConfiguration.Builder config = CampaignConfiguration.custom().channel("simulated", "s");
        Fixtures.basic(Pace.perHour(60)).accept(config);
        config.busyContactWait(WAIT);
        Campaign created = engine.create(CampaignId.of("busy-wait"), "t", "p", CampaignKind.LIVE, config.build());
        engine.launch(created.id(), LaunchRequest.importedContacts(Fixtures.contacts(0, 3)));
        return created.id();
    }

    private Recipient recipient(CampaignId id, int contact) {
        return store.findRecipient(new RecipientKey(id, PhoneNumber.parse(Fixtures.phone(contact))))
                .orElseThrow();
    }

    private void assertSkippedBusyAt(CampaignId id, Instant when) {
        Recipient skipped = recipient(id, 1);
        assertThat(skipped.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(skipped.outcome().orElseThrow().code()).isEqualTo(SkipReasons.CONTACT_BUSY);
        assertThat(skipped.updatedAt())
                .as("skipped when the wait from its first busy look ended")
                .isEqualTo(when);
        assertThat(channel.sendsTo(Fixtures.phone(1))).isEmpty();
    }

    @Test
    void aContactBusyFromTheLaunchOnOneEngineIsSkippedAtTheEndOfTheWaitByTheOther() {
        CampaignEngine one = engine("one");
        CampaignEngine two = engine("two");
        busy.add(PhoneNumber.parse(Fixtures.phone(1)));
        CampaignId id = launch(one); // found busy at T0, by engine one, which then stops running
        clock.advance(Duration.ofMinutes(10));

        EngineProcess.runUntil(two, channel, clock, T0.plus(WAIT).minusSeconds(1));
        assertThat(recipient(id, 1).state()).isEqualTo(DeliveryState.PENDING);
        assertThat(channel.sendsTo(Fixtures.phone(0)))
                .as("the free contact is sent")
                .hasSize(1);
        EngineProcess.runUntil(two, channel, clock, T0.plus(WAIT).plusSeconds(5));

        assertSkippedBusyAt(id, T0.plus(WAIT));
    }

    @Test
    void aContactFirstFoundBusyByOneEngineIsSkippedOnTimeWhicheverEngineLooksNext() {
        CampaignEngine one = engine("one");
        CampaignEngine two = engine("two");
        CampaignId id = launch(one);
        EngineProcess.runUntil(one, channel, clock, T0.plusSeconds(30));
        assertThat(channel.sendsTo(Fixtures.phone(1))).isEmpty(); // not sent yet: a pace of one a minute
        busy.add(PhoneNumber.parse(Fixtures.phone(1)));
        EngineProcess.runUntil(two, channel, clock, T0.plusSeconds(90));
        Instant firstLook = firstAnsweredBusy.get(PhoneNumber.parse(Fixtures.phone(1))); // engine two asked
        assertThat(recipient(id, 1).state()).isEqualTo(DeliveryState.PENDING);
        assertThat(firstLook).isAfterOrEqualTo(T0.plusSeconds(30));

        // from now on only engine one looks
        EngineProcess.runUntil(one, channel, clock, firstLook.plus(WAIT).plusSeconds(5));

        assertSkippedBusyAt(id, firstLook.plus(WAIT));
    }

    @Test
    void anEngineRestartedMidWaitDoesNotStartTheWaitAgain() {
        CampaignEngine before = engine("host-1");
        busy.add(PhoneNumber.parse(Fixtures.phone(1)));
        CampaignId id = launch(before);
        EngineProcess.runUntil(before, channel, clock, T0.plus(Duration.ofMinutes(20)));
        assertThat(recipient(id, 1).state()).isEqualTo(DeliveryState.PENDING);

        CampaignEngine restarted = engine("host-1"); // the same host after a restart: a new engine, the same store
        EngineProcess.runUntil(restarted, channel, clock, T0.plus(WAIT).plusSeconds(5));

        assertSkippedBusyAt(id, T0.plus(WAIT));
        assertThat(store.busyWaits()
                        .orElseThrow()
                        .firstFoundBusy(
                                id,
                                PhoneNumber.parse(Fixtures.phone(1)),
                                T0.plus(WAIT).plusSeconds(5)))
                .as("the skipped contact's wait is over: nothing is kept")
                .isEqualTo(T0.plus(WAIT).plusSeconds(5));
    }

    @Test
    void finishingACampaignEndsTheWaitsOfItsContacts() {
        CampaignEngine engine = engine("one");
        busy.add(PhoneNumber.parse(Fixtures.phone(1)));
        CampaignId id = launch(engine);
        EngineProcess.runUntil(engine, channel, clock, T0.plus(Duration.ofMinutes(5)));
        engine.finish(id);
        EngineProcess.runUntil(engine, channel, clock, T0.plus(Duration.ofMinutes(6)));

        Instant later = T0.plus(Duration.ofMinutes(7));
        assertThat(store.busyWaits().orElseThrow().firstFoundBusy(id, PhoneNumber.parse(Fixtures.phone(1)), later))
                .isEqualTo(later);
    }
}
