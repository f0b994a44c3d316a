package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.RecipientWindows;
import io.campaignkit.core.port.StatusReason;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link RecipientWindows}, the claims by local zone of a store that supports
 * campaigns whose hours are read in each recipient's local time: the store keeps each recipient's zone
 * key from {@link NewRecipient#localZone()}, and a claim by zones is a DUE claim limited to those zones,
 * ordered by due time then sequence across them.
 * Extend it (or {@link StorageContractKit}, which runs it) with a storage whose recipient store answers
 * {@link io.campaignkit.core.port.RecipientStore#windows()}. The checks are grouped by rule in
 * {@code @Nested} classes, each named after the rule it checks.
 */
public abstract class RecipientWindowsContractKit extends StoreContractSupport {

    /** Mexico City: the first zone the checks use. */
    protected static final String MEXICO =
            RecipientZone.of(ZoneId.of("America/Mexico_City")).key();
    /** Madrid: the second zone. */
    protected static final String MADRID =
            RecipientZone.of(ZoneId.of("Europe/Madrid")).key();
    /** A number spanning two zones: the third key. */
    protected static final String SPLIT =
            new RecipientZone(List.of(ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles"))).key();

    /** For subclasses. */
    protected RecipientWindowsContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected RecipientWindowsContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** @return the storage's claims by zone; the kit fails when it has none */
    protected final RecipientWindows windows() {
        return recipients()
                .windows()
                .orElseThrow(() -> new AssertionError(
                        "the recipient store answers no RecipientWindows: it cannot run local-hours campaigns"));
    }

    /** Adds contact {@code index} PENDING in {@code zone}, due {@code dueSeconds} after the start. */
    protected final void addIn(CampaignId campaignId, String zone, int index, long dueSeconds) {
        assertThat(recipients()
                        .insertRecipients(
                                campaignId,
                                List.of(new NewRecipient(
                                        contact(index),
                                        at(dueSeconds),
                                        java.util.Optional.empty(),
                                        java.util.Optional.of(zone))),
                                at(0)))
                .hasSize(1);
    }

    /** Claiming within one zone. */
    @Nested
    @DisplayName("claims by zone")
    public class ZoneClaims {

        @Test
        void aClaimByZoneTakesOnlyThatZonesDueRecipientsInDueThenSequenceOrder() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MADRID, 0, 20);
            addIn(campaign.id(), MEXICO, 1, 0);
            addIn(campaign.id(), MADRID, 2, 10);
            addIn(campaign.id(), MADRID, 3, 10);
            addIn(campaign.id(), MADRID, 4, 99);
            List<Recipient> claimed =
                    windows().claimDueIn(campaign.id(), Set.of(MADRID), leaseFrom("a", at(30)), 10, at(30));
            assertThat(phones(claimed))
                    .containsExactly(
                            contact(2).phone(), contact(3).phone(), contact(0).phone());
            assertThat(claimed).allSatisfy(recipient -> {
                assertThat(recipient.state()).isEqualTo(DeliveryState.SENDING);
                assertThat(recipient.attempts()).isEqualTo(1);
                assertThat(recipient.lease()).contains(leaseFrom("a", at(30)));
            });
            assertThat(stored(key(campaign.id(), 2)).state()).isEqualTo(DeliveryState.SENDING);
            assertThat(stored(key(campaign.id(), 1)).state()).isEqualTo(DeliveryState.PENDING);
        }

        @Test
        void aClaimByZoneRespectsTheLimitAndNeverHandsOutWhatAnotherClaimHolds() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            for (int i = 0; i < 5; i++) {
                addIn(campaign.id(), SPLIT, i, 0);
            }
            List<Recipient> first = windows().claimDueIn(campaign.id(), Set.of(SPLIT), leaseFrom("a", at(1)), 2, at(1));
            List<Recipient> plain = recipients().claimForSending(campaign.id(), leaseFrom("b", at(1)), 2, at(1));
            List<Recipient> rest = windows().claimDueIn(campaign.id(), Set.of(SPLIT), leaseFrom("c", at(1)), 10, at(1));
            assertThat(phones(first))
                    .containsExactly(contact(0).phone(), contact(1).phone());
            assertThat(phones(plain))
                    .containsExactly(contact(2).phone(), contact(3).phone());
            assertThat(phones(rest)).containsExactly(contact(4).phone());
            assertThat(windows().claimDueIn(campaign.id(), Set.of(SPLIT), leaseFrom("d", at(1)), 10, at(1)))
                    .isEmpty();
        }

        @Test
        void aRecipientGivenBackOrRetriedStaysInItsZone() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MEXICO, 0, 0);
            addIn(campaign.id(), MEXICO, 1, 0);
            Lease lease = leaseFrom("a", at(1));
            List<Recipient> claimed = windows().claimDueIn(campaign.id(), Set.of(MEXICO), lease, 10, at(1));
            apply(
                    new RecipientUpdate.Unclaimed(claimed.get(0).key(), lease, at(5), at(1)),
                    new RecipientUpdate.RetryLater(claimed.get(1).key(), lease, at(8), TIMEOUT, at(1)));
            assertThat(windows().claimDueIn(campaign.id(), Set.of(MADRID), leaseFrom("b", at(10)), 10, at(10)))
                    .isEmpty();
            List<Recipient> again =
                    windows().claimDueIn(campaign.id(), Set.of(MEXICO), leaseFrom("b", at(10)), 10, at(10));
            assertThat(phones(again))
                    .containsExactly(contact(0).phone(), contact(1).phone());
            assertThat(again).extracting(Recipient::attempts).containsExactly(1, 2);
        }

        @Test
        void aCampaignWithoutZonesOrUnknownToTheStoreHasNothingToClaimByZone() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addPending(campaign.id(), 0, 3, at(0));
            assertThat(windows().claimDueIn(campaign.id(), Set.of(MEXICO), leaseFrom("a", at(1)), 10, at(1)))
                    .isEmpty();
            assertThat(windows().pendingZones(campaign.id())).isEmpty();
            assertThat(windows().claimDueIn(CampaignId.of("unknown"), Set.of(MEXICO), leaseFrom("a", at(1)), 10, at(1)))
                    .isEmpty();
            assertThat(windows().nextDueIn(CampaignId.of("unknown"), Set.of(MEXICO)))
                    .isEmpty();
            assertThat(recipients().claimForSending(campaign.id(), leaseFrom("a", at(1)), 10, at(1)))
                    .hasSize(3);
        }
    }

    /** One claim across several zones: the engine's claim of every zone open at an instant. */
    @Nested
    @DisplayName("claims across zones")
    public class ClaimsAcrossZones {

        @Test
        void aClaimAcrossZonesTakesTheirDueRecipientsByDueTimeThenSequenceWhicheverTheZone() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MADRID, 0, 10);
            addIn(campaign.id(), MEXICO, 1, 0);
            addIn(campaign.id(), SPLIT, 2, 0);
            addIn(campaign.id(), MADRID, 3, 0);
            addIn(campaign.id(), MEXICO, 4, 10);
            addIn(campaign.id(), MADRID, 5, 99);
            addIn(campaign.id(), MEXICO, 6, 5);
            Lease lease = leaseFrom("a", at(30));
            List<Recipient> claimed = windows().claimDueIn(campaign.id(), Set.of(MADRID, MEXICO), lease, 10, at(30));
            assertThat(phones(claimed))
                    .containsExactly(
                            contact(1).phone(),
                            contact(3).phone(),
                            contact(6).phone(),
                            contact(0).phone(),
                            contact(4).phone());
            assertThat(claimed).allSatisfy(recipient -> {
                assertThat(recipient.state()).isEqualTo(DeliveryState.SENDING);
                assertThat(recipient.attempts()).isEqualTo(1);
                assertThat(recipient.lease()).contains(lease);
                assertThat(stored(recipient.key())).isEqualTo(recipient);
            });
            // the zone left out and the recipient not yet due stay PENDING
            assertThat(stored(key(campaign.id(), 2)).state()).isEqualTo(DeliveryState.PENDING);
            assertThat(stored(key(campaign.id(), 5)).state()).isEqualTo(DeliveryState.PENDING);
            assertThat(recipients().counts(campaign.id()).count(DeliveryState.SENDING))
                    .isEqualTo(5);
        }

        @Test
        void anAudienceLaunchedWithItsZonesMixedIsClaimedInItsOrderAcrossClaimsUpToTheLimit() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            List<String> zones = List.of(MEXICO, MADRID, SPLIT);
            for (int i = 0; i < 12; i++) {
                addIn(campaign.id(), zones.get(i % 3), i, 0);
            }
            Set<String> all = Set.of(MEXICO, MADRID, SPLIT);
            List<Recipient> first = windows().claimDueIn(campaign.id(), all, leaseFrom("a", at(1)), 5, at(1));
            List<Recipient> second = windows().claimDueIn(campaign.id(), all, leaseFrom("b", at(1)), 5, at(1));
            List<Recipient> rest = windows().claimDueIn(campaign.id(), all, leaseFrom("c", at(1)), 5, at(1));
            assertThat(phones(first)).containsExactlyElementsOf(phonesOf(0, 5));
            assertThat(phones(second)).containsExactlyElementsOf(phonesOf(5, 10));
            assertThat(phones(rest)).containsExactlyElementsOf(phonesOf(10, 12));
            assertThat(windows().claimDueIn(campaign.id(), all, leaseFrom("d", at(1)), 5, at(1)))
                    .isEmpty();
        }

        @Test
        void aClaimAcrossZonesNeverHandsOutWhatAnotherClaimHoldsAndTakesBackWhatWasGivenBack() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            for (int i = 0; i < 6; i++) {
                addIn(campaign.id(), i % 2 == 0 ? MEXICO : MADRID, i, 0);
            }
            Lease a = leaseFrom("a", at(1));
            List<Recipient> byZone = windows().claimDueIn(campaign.id(), Set.of(MADRID), a, 1, at(1));
            List<Recipient> plain = recipients().claimForSending(campaign.id(), leaseFrom("b", at(1)), 1, at(1));
            List<Recipient> across =
                    windows().claimDueIn(campaign.id(), Set.of(MEXICO, MADRID), leaseFrom("c", at(1)), 10, at(1));
            assertThat(phones(byZone)).containsExactly(contact(1).phone());
            assertThat(phones(plain)).containsExactly(contact(0).phone());
            assertThat(phones(across))
                    .containsExactly(
                            contact(2).phone(),
                            contact(3).phone(),
                            contact(4).phone(),
                            contact(5).phone());
            apply(new RecipientUpdate.Unclaimed(byZone.get(0).key(), a, at(2), at(1)));
            List<Recipient> again =
                    windows().claimDueIn(campaign.id(), Set.of(MEXICO, MADRID), leaseFrom("d", at(2)), 10, at(2));
            assertThat(phones(again)).containsExactly(contact(1).phone());
            assertThat(again.get(0).attempts()).isEqualTo(1); // given back unsent: the attempt is not counted
        }

        @Test
        void concurrentClaimersAcrossZonesReceiveEachRecipientOfThoseZonesExactlyOnce() throws Exception {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            int audience = 600;
            List<String> zones = List.of(MEXICO, MADRID, SPLIT);
            List<NewRecipient> added = new ArrayList<>();
            for (int i = 0; i < audience; i++) {
                added.add(new NewRecipient(
                        contact(i), at(i % 7), java.util.Optional.empty(), java.util.Optional.of(zones.get(i % 3))));
            }
            recipients().insertRecipients(campaign.id(), added, at(0));
            Set<String> open = Set.of(MEXICO, MADRID);
            List<Callable<List<PhoneNumber>>> claimers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Lease lease = leaseFrom("engine-" + i, at(10));
                claimers.add(() -> {
                    List<PhoneNumber> mine = new ArrayList<>();
                    List<Recipient> batch;
                    do {
                        batch = windows().claimDueIn(campaign.id(), open, lease, 7, at(10));
                        mine.addAll(phones(batch));
                    } while (!batch.isEmpty());
                    return mine;
                });
            }
            List<PhoneNumber> all = new ArrayList<>();
            runConcurrently(claimers).forEach(all::addAll);
            List<PhoneNumber> expected = new ArrayList<>();
            for (int i = 0; i < audience; i++) {
                if (i % 3 != 2) {
                    expected.add(contact(i).phone());
                }
            }
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(recipients().counts(campaign.id()).count(DeliveryState.SENDING))
                    .isEqualTo(expected.size());
            assertThat(windows().pendingZones(campaign.id())).containsExactly(SPLIT);
        }
    }

    /**
     * The store's plain reads of PENDING recipients see every zone and the recipients without one, in due
     * order: a store that keeps zones apart in its index (H2's) merges them.
     */
    @Nested
    @DisplayName("plain reads across zones")
    public class PlainReadsAcrossZones {

        @Test
        void thePlainDueClaimAndTheNextDueTimeSeeEveryZoneAndTheRowsWithoutOne() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MADRID, 0, 20);
            recipients().insertRecipients(campaign.id(), List.of(NewRecipient.pending(contact(1), at(10))), at(0));
            addIn(campaign.id(), MEXICO, 2, 15);
            addIn(campaign.id(), MEXICO, 3, 5);
            recipients().insertRecipients(campaign.id(), List.of(NewRecipient.pending(contact(4), at(50))), at(0));

            assertThat(recipients().nextDueAt(campaign.id(), at(0))).contains(at(5));
            List<Recipient> claimed = recipients().claimForSending(campaign.id(), leaseFrom("a", at(30)), 3, at(30));
            assertThat(phones(claimed))
                    .containsExactly(
                            contact(3).phone(), contact(1).phone(), contact(2).phone());
            assertThat(recipients().nextDueAt(campaign.id(), at(30))).contains(at(20));
            assertThat(phones(recipients().claimForSending(campaign.id(), leaseFrom("a", at(30)), 3, at(30))))
                    .as("the one still due; the recipient due later stays")
                    .containsExactly(contact(0).phone());
            assertThat(recipients().nextDueAt(campaign.id(), at(30))).contains(at(50));
        }

        @Test
        void theSkipOfPendingRecipientsTakesEveryZoneAndTheRowsWithoutOne() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MADRID, 0, 20);
            recipients().insertRecipients(campaign.id(), List.of(NewRecipient.pending(contact(1), at(10))), at(0));
            addIn(campaign.id(), MEXICO, 2, 5);
            StatusReason finished = StatusReason.of("CAMPAIGN_FINISHED", "the campaign finished", true);

            List<RecipientChange> first = recipients().skipPending(campaign.id(), finished, 2, at(1));
            List<RecipientChange> second = recipients().skipPending(campaign.id(), finished, 2, at(1));

            assertThat(first).hasSize(2);
            assertThat(second).hasSize(1);
            assertThat(recipients().counts(campaign.id()).count(DeliveryState.SKIPPED))
                    .isEqualTo(3);
            assertThat(windows().pendingZones(campaign.id())).isEmpty();
            assertThat(recipients().nextDueAt(campaign.id(), at(1))).isEmpty();
        }
    }

    /** What the engine reads to know when a zone next has work. */
    @Nested
    @DisplayName("zones and their next due time")
    public class ZoneWakeUps {

        @Test
        void theZonesAreThoseWithPendingRecipientsAndEachAnswersItsEarliestDueTime() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MEXICO, 0, 40);
            addIn(campaign.id(), MEXICO, 1, 30);
            addIn(campaign.id(), MADRID, 2, 5);
            addIn(campaign.id(), SPLIT, 3, 0);
            recipients().insertRecipients(campaign.id(), List.of(NewRecipient.pending(contact(4), at(0))), at(0));
            assertThat(windows().pendingZones(campaign.id())).containsExactlyInAnyOrder(MEXICO, MADRID, SPLIT);
            assertThat(windows().nextDueIn(campaign.id(), Set.of(MEXICO, MADRID, "Asia/Tokyo")))
                    .containsOnlyKeys(MEXICO, MADRID)
                    .containsEntry(MEXICO, at(30))
                    .containsEntry(MADRID, at(5));
            windows().claimDueIn(campaign.id(), Set.of(SPLIT), leaseFrom("a", at(1)), 10, at(1));
            assertThat(windows().pendingZones(campaign.id())).containsExactlyInAnyOrder(MEXICO, MADRID);
            assertThat(windows().nextDueIn(campaign.id(), Set.of(SPLIT))).isEmpty();
        }

        @Test
        void aZoneWhoseRecipientsWereSkippedHasNothingPending() {
            Campaign campaign = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addIn(campaign.id(), MADRID, 0, 0);
            recipients().skipPending(campaign.id(), OPTED_OUT, 10, at(1));
            assertThat(windows().pendingZones(campaign.id())).isEmpty();
            assertThat(windows().nextDueIn(campaign.id(), Set.of(MADRID))).isEmpty();
        }
    }
}
