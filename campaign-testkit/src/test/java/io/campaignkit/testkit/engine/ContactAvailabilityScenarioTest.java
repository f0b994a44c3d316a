package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Contact availability (issue 15, item 4): a contact the host says is busy (an open inbox case) is not
 * messaged; it is skipped with CONTACT_BUSY, or waited for during the campaign's busy-contact wait.
 */
class ContactAvailabilityScenarioTest {

    /** The host's inbox: who is busy now, and every question the engine asked. */
    private static final class Inbox implements ContactAvailability {
        final Set<PhoneNumber> busy = ConcurrentHashMap.newKeySet();
        final List<List<PhoneNumber>> asked = new ArrayList<>();
        final List<String> tenants = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized Set<PhoneNumber> busyAmong(String tenantId, SenderKey sender, List<PhoneNumber> phones) {
            asked.add(List.copyOf(phones));
            tenants.add(tenantId);
            if (down) {
                throw new IllegalStateException("the inbox database is down");
            }
            Set<PhoneNumber> answer = new HashSet<>(busy);
            answer.retainAll(phones);
            return answer;
        }

        void busy(int contact) {
            busy.add(PhoneNumber.parse(Fixtures.phone(contact)));
        }

        void free(int contact) {
            busy.remove(PhoneNumber.parse(Fixtures.phone(contact)));
        }
    }

    private final Inbox inbox = new Inbox();
    private final CampaignScenario scenario = Fixtures.scenario()
            .engine(engine -> engine.contactAvailability(inbox).batchSize(10))
            .build();

    private CampaignId campaign(Pace pace, Duration busyWait) {
        return scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic(pace).andThen(c -> c.busyContactWait(busyWait)));
    }

    @Test
    void aContactBusyAtLaunchIsSkippedAndNeverMessaged() {
        inbox.busy(1);
        CampaignId id = campaign(Pace.DEFAULT, Duration.ZERO);
        scenario.launch(id, Fixtures.contacts(0, 3));
        // skipped at launch already, before any send
        assertThat(scenario.recipient(id, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.SKIPPED);
        scenario.runFor(Duration.ofSeconds(10));

        Recipient busy = scenario.recipient(id, Fixtures.phone(1));
        assertThat(busy.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(busy.outcome().orElseThrow().code()).isEqualTo(SkipReasons.CONTACT_BUSY);
        assertThat(busy.attempts()).isZero();
        assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).isEmpty();
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(inbox.tenants).containsOnly(CampaignScenario.TENANT);
    }

    @Test
    void aContactBusyAtLaunchIsNotEngagedSoAnotherCampaignMayMessageItOnceFree() {
        inbox.busy(1);
        CampaignId first = campaign(Pace.DEFAULT, Duration.ZERO);
        scenario.launch(first, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofSeconds(5));
        inbox.free(1);

        CampaignId second = campaign(Pace.DEFAULT, Duration.ZERO);
        scenario.launch(second, Fixtures.contacts(1, 1));
        scenario.runFor(Duration.ofSeconds(5));

        assertThat(scenario.recipient(second, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aContactThatBecomesBusyBetweenLaunchAndItsSendIsSkippedBeforeTheSend() {
        CampaignId id = campaign(Pace.perSecond(1), Duration.ZERO);
        scenario.launch(id, Fixtures.contacts(0, 5));
        scenario.runFor(Duration.ofMillis(1500)); // two sent
        inbox.busy(4);
        scenario.runFor(Duration.ofSeconds(10));

        Recipient busy = scenario.recipient(id, Fixtures.phone(4));
        assertThat(busy.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(busy.outcome().orElseThrow().code()).isEqualTo(SkipReasons.CONTACT_BUSY);
        assertThat(scenario.channel().sendsTo(Fixtures.phone(4))).isEmpty();
        assertThat(scenario.metrics(id).sent()).isEqualTo(4);
    }

    @Test
    void aCampaignStartingLaterAsksAtTheSendNotAtTheLaunch() {
        inbox.busy(0);
        CampaignId id = campaign(Pace.DEFAULT, Duration.ZERO);
        Instant start = scenario.clock().instant().plus(Duration.ofHours(2));
        scenario.engine()
                .launch(
                        id,
                        LaunchRequest.importedContacts(Fixtures.contacts(0, 2)).startAt(start));
        assertThat(scenario.recipient(id, Fixtures.phone(0)).state())
                .as("busy now, maybe not at the start")
                .isEqualTo(DeliveryState.PENDING);
        scenario.runFor(Duration.ofHours(1));
        inbox.free(0);
        inbox.busy(1);
        scenario.runFor(Duration.ofHours(2));

        assertThat(scenario.recipient(id, Fixtures.phone(0)).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(scenario.recipient(id, Fixtures.phone(1))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.CONTACT_BUSY);
    }

    @Test
    void aBusyContactFreedWithinTheWaitIsSentOnce() {
        inbox.busy(1);
        CampaignId id = campaign(Pace.DEFAULT, Duration.ofMinutes(30));
        scenario.launch(id, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofMinutes(10));
        Recipient waiting = scenario.recipient(id, Fixtures.phone(1));
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.attempts()).as("a busy check is no attempt").isZero();
        assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).isEmpty();

        inbox.free(1);
        scenario.runFor(Duration.ofMinutes(2)); // the next recheck, a minute apart by default

        assertThat(scenario.recipient(id, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(scenario.recipient(id, Fixtures.phone(1)).attempts()).isEqualTo(1);
        assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).hasSize(1);
        assertThat(scenario.metrics(id).skipped()).isZero();
    }

    @Test
    void aContactStillBusyWhenTheWaitIsOverIsSkippedThen() {
        Instant launched = scenario.clock().instant();
        inbox.busy(1);
        CampaignId id = campaign(Pace.DEFAULT, Duration.ofMinutes(30));
        scenario.launch(id, Fixtures.contacts(0, 3));
        scenario.runFor(Duration.ofMinutes(29));
        assertThat(scenario.recipient(id, Fixtures.phone(1)).state()).isEqualTo(DeliveryState.PENDING);
        assertThat(scenario.campaign(id).dispatch().orElseThrow().label())
                .as("still sending: it waits for one")
                .isNotEqualTo("DONE");

        scenario.runFor(Duration.ofMinutes(2));

        Recipient skipped = scenario.recipient(id, Fixtures.phone(1));
        assertThat(skipped.state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(skipped.outcome().orElseThrow().code()).isEqualTo(SkipReasons.CONTACT_BUSY);
        assertThat(skipped.outcome().orElseThrow().message()).contains("PT30M");
        assertThat(skipped.updatedAt())
                .as("skipped when the wait ended")
                .isEqualTo(launched.plus(Duration.ofMinutes(30)));
        assertThat(scenario.channel().sendsTo(Fixtures.phone(1))).isEmpty();
        // checked about once a minute while it waited, not at every run
        long questionsAboutIt = inbox.asked.stream()
                .filter(batch -> batch.contains(PhoneNumber.parse(Fixtures.phone(1))))
                .count();
        assertThat(questionsAboutIt).isBetween(30L, 33L);
    }

    @Test
    void aContactBusyOnlyWhenItsTurnComesIsWaitedForFromThen() {
        CampaignId id = campaign(Pace.perHour(60), Duration.ofMinutes(10));
        scenario.launch(id, Fixtures.contacts(0, 3));
        inbox.busy(2); // its turn comes in two minutes
        scenario.runFor(Duration.ofMinutes(11));
        assertThat(scenario.recipient(id, Fixtures.phone(2)).state())
                .as("waited from its turn, not from the launch")
                .isEqualTo(DeliveryState.PENDING);
        scenario.runFor(Duration.ofMinutes(2));
        assertThat(scenario.recipient(id, Fixtures.phone(2))
                        .outcome()
                        .orElseThrow()
                        .code())
                .isEqualTo(SkipReasons.CONTACT_BUSY);
    }

    @Test
    void metricsAndTheirNotSentBreakdownShowTheBusyContacts() {
        inbox.busy(0);
        inbox.busy(2);
        CampaignId id = campaign(Pace.DEFAULT, Duration.ZERO);
        scenario.launch(id, Fixtures.contacts(0, 4));
        scenario.runFor(Duration.ofSeconds(10));

        CampaignMetrics metrics = scenario.metrics(id);
        assertThat(metrics.skippedByReason()).isEqualTo(Map.of(SkipReasons.CONTACT_BUSY, 2L));
        assertThat(metrics.notSentByReason()).containsEntry(SkipReasons.CONTACT_BUSY, 2L);
        assertThat(metrics.notSent()).isEqualTo(2);
        assertThat(scenario.engine().export(id, -1, 10))
                .extracting(row -> row.recipient())
                .filteredOn(row -> row.state() == DeliveryState.SKIPPED)
                .extracting(row -> row.outcome().orElseThrow().code())
                .containsExactly(SkipReasons.CONTACT_BUSY, SkipReasons.CONTACT_BUSY);
    }

    @Test
    void theDryRunCountsBusyContactsAsSkippedOrWarnsOfTheWait() {
        inbox.busy(1);
        CampaignId skips = campaign(Pace.DEFAULT, Duration.ZERO);
        CampaignPlan plan = scenario.engine().plan(skips, LaunchRequest.importedContacts(Fixtures.contacts(0, 3)));
        assertThat(plan.skipped()).containsEntry(SkipReasons.CONTACT_BUSY, 1L);
        assertThat(plan.wouldSend()).isEqualTo(2);

        CampaignId waits = campaign(Pace.DEFAULT, Duration.ofHours(1));
        CampaignPlan waiting = scenario.engine().plan(waits, LaunchRequest.importedContacts(Fixtures.contacts(0, 3)));
        assertThat(waiting.skipped()).doesNotContainKey(SkipReasons.CONTACT_BUSY);
        assertThat(waiting.wouldSend()).isEqualTo(3);
        assertThat(waiting.warnings()).anyMatch(warning -> warning.startsWith("1 contacts are busy now"));
    }

    @Test
    void theCheckBeforeTheSendsIsOneCallPerClaimedBatch() {
        CampaignScenario scenario = Fixtures.scenario()
                .engine(engine ->
                        engine.contactAvailability(inbox).batchSize(10).senderBurst(100))
                .build();
        CampaignId id = scenario.createCampaign(
                CampaignKind.LIVE, Fixtures.basic(Pace.perSecond(1000).withBurst(100)));
        scenario.launch(id, Fixtures.contacts(0, 25));
        int atLaunch = inbox.asked.size();
        assertThat(atLaunch).as("launch batches of 10").isEqualTo(3);
        scenario.runFor(Duration.ofSeconds(5));

        List<List<PhoneNumber>> atSend = inbox.asked.subList(atLaunch, inbox.asked.size());
        assertThat(atSend).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
        assertThat(atSend.stream().mapToInt(List::size).sum()).isEqualTo(25);
        assertThat(atSend).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aFailingCheckSendsNothingOfTheBatchReportsItAndTriesAgain() {
        inbox.down = true;
        CampaignId id = campaign(Pace.DEFAULT, Duration.ZERO);
        scenario.launch(id, Fixtures.contacts(0, 3)); // a failing check at launch skips no one
        scenario.runFor(Duration.ofSeconds(30));
        assertThat(scenario.channel().sends()).isEmpty();
        assertThat(scenario.metrics(id).pending()).isEqualTo(3);
        assertThat(scenario.metrics(id).sending())
                .as("given back, not left under a lease")
                .isZero();
        assertThat(scenario.listener().failures())
                .extracting(EngineFailure::source)
                .contains(EngineFailure.CONTACT_AVAILABILITY);

        inbox.down = false;
        scenario.runFor(Duration.ofMinutes(2));
        assertThat(scenario.metrics(id).delivered()).isEqualTo(3);
        assertThat(scenario.recipient(id, Fixtures.phone(0)).attempts()).isEqualTo(1);
    }

    @Test
    void withoutAnAvailabilityNobodyIsAsked() {
        CampaignScenario plain = Fixtures.scenario().build();
        CampaignId id = plain.createCampaign(
                CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.busyContactWait(Duration.ofHours(1))));
        plain.launch(id, Fixtures.contacts(0, 3));
        plain.runFor(Duration.ofSeconds(5));
        assertThat(plain.metrics(id).delivered()).isEqualTo(3);
    }
}
