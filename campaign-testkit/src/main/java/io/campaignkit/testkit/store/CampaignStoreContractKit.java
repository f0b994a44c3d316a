package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.IllegalCampaignActionException;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.DuplicateCampaignException;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link io.campaignkit.core.port.CampaignStore} port: campaigns, optimistic versioning, paging. Extend it in your store's tests and return a new, empty storage from
 * {@link #storage()} (or extend {@link StorageContractKit}, which runs every port's kit). The checks
 * are grouped by rule in {@code @Nested} classes, each check named after the rule it checks.
 */
public abstract class CampaignStoreContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected CampaignStoreContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected CampaignStoreContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    // ================================================================ campaigns

    /** Inserting, finding and deleting campaigns. */
    @Nested
    @DisplayName("campaigns")
    public class Campaigns {

        @Test
        void insertedCampaignIsFoundAsItWas() {
            Campaign campaign = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            assertThat(store().find(campaign.id())).contains(campaign);
        }

        @Test
        void aBusyContactWaitIsKeptWithTheConfiguration() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            Campaign campaign = Campaign.create(
                    ready.id(),
                    ready.tenantId(),
                    ready.projectId(),
                    ready.kind(),
                    ready.configuration().toBuilder()
                            .busyContactWait(java.time.Duration.ofMinutes(90))
                            .build(),
                    startTime());
            store().insert(campaign);
            assertThat(store().find(campaign.id()).orElseThrow().configuration().busyContactWait())
                    .isEqualTo(java.time.Duration.ofMinutes(90));
            assertThat(store().find(campaign.id())).contains(campaign);
        }

        @Test
        void localHoursAreKeptWithTheConfiguration() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            Campaign campaign = Campaign.create(
                    ready.id(),
                    ready.tenantId(),
                    ready.projectId(),
                    ready.kind(),
                    ready.configuration().toBuilder()
                            .localHours(io.campaignkit.core.hours.LocalHours.fromField("ZONA"))
                            .busyContactWait(java.time.Duration.ofMinutes(5))
                            .build(),
                    startTime());
            store().insert(campaign);
            assertThat(store().find(campaign.id()).orElseThrow().configuration().localHours())
                    .contains(io.campaignkit.core.hours.LocalHours.fromField("ZONA"));
            assertThat(store().find(campaign.id())).contains(campaign);
        }

        @Test
        void unknownCampaignIsNotFound() {
            assertThat(store().find(CampaignId.of("nowhere"))).isEmpty();
        }

        @Test
        void insertingAnIdTwiceIsRefusedAndKeepsTheFirst() {
            Campaign first = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(first);
            Campaign second = readyCampaign("c-1", "other", "ventas", DEFAULT_SENDER_KEY);
            assertThatThrownBy(() -> store().insert(second))
                    .isInstanceOfSatisfying(
                            DuplicateCampaignException.class,
                            error -> assertThat(error.campaignId()).isEqualTo(first.id()));
            assertThat(store().find(first.id())).contains(first);
        }

        @Test
        void deletingRemovesTheCampaignAndAllOfItsRecipients() {
            Campaign campaign = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(campaign);
            addPending(campaign.id(), 0, 5, at(0));
            store().delete(campaign);
            assertThat(store().find(campaign.id())).isEmpty();
            assertThat(store().findByState(CampaignState.READY, Optional.empty(), 10))
                    .isEmpty();
            assertThat(store().findByProject("acme", "cobranza", Optional.empty(), 10))
                    .isEmpty();
            assertThat(recipients().findRecipient(key(campaign.id(), 0))).isEmpty();
            // a new campaign under the same id starts with no recipients
            store().insert(campaign);
            assertThat(recipients().counts(campaign.id()).total()).isZero();
            assertThat(recipients().findRecipients(campaign.id(), -1, 10)).isEmpty();
            addPending(campaign.id(), 0, 5, at(0));
        }

        @Test
        void aDeletedCampaignsMessagesAreNoLongerFoundByProviderOrCorrelationId() {
            Campaign active = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(active);
            addPending(active.id(), 0, 1, at(0));
            Recipient claimed = recipients()
                    .claimForSending(active.id(), leaseFrom("a", at(0)), 1, at(0))
                    .get(0);
            RecipientKey key = claimed.key();
            recipients()
                    .apply(List.of(
                            new RecipientUpdate.Accepted(key, claimed.lease().orElseThrow(), "wamid.deleted", at(1))));
            Campaign finished = active.finish(FinishReason.BY_USER, at(120));
            store().update(finished, active.version());
            store().delete(finished);
            assertThat(recipients().findByProviderMessageId("wamid.deleted")).isEmpty();
            assertThat(recipients().findByCorrelationId(key.correlationId())).isEmpty();
            assertThat(recipients().findRecipient(key)).isEmpty();
        }

        @Test
        void deletingAFinishedCampaignIsAllowed() {
            Campaign active = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(active);
            Campaign finished = active.finish(FinishReason.BY_USER, at(120));
            store().update(finished, active.version());
            store().delete(finished);
            assertThat(store().find(active.id())).isEmpty();
        }

        @Test
        void deletingAnActiveCampaignIsRefusedAndKeepsIt() {
            Campaign active = activeCampaign("c-1", DEFAULT_SENDER_KEY);
            store().insert(active);
            assertThatThrownBy(() -> store().delete(active))
                    .isInstanceOfSatisfying(
                            IllegalCampaignActionException.class,
                            error -> assertThat(error.getMessage()).contains("ACTIVE"));
            assertThat(store().find(active.id())).contains(active);
        }

        @Test
        void deletingAStaleCampaignIsAVersionConflict() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Campaign renamed = ready.edit(c -> c.name("Renamed"), at(10));
            store().update(renamed, ready.version());
            assertThatThrownBy(() -> store().delete(ready)).isInstanceOf(VersionConflictException.class);
            assertThat(store().find(ready.id())).contains(renamed);
        }

        @Test
        void deletingAnUnknownCampaignIsNotFound() {
            Campaign never = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            assertThatThrownBy(() -> store().delete(never))
                    .isInstanceOfSatisfying(
                            CampaignNotFoundException.class,
                            error -> assertThat(error.campaignId()).isEqualTo(never.id()));
        }
    }

    // ================================================================ versioning

    /** Optimistic versioning of campaign updates. */
    @Nested
    @DisplayName("versioning")
    public class Versioning {

        @Test
        void updateFromTheStoredVersionReplacesTheCampaign() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Campaign launched = ready.launch(at(60));
            store().update(launched, ready.version());
            assertThat(store().find(ready.id())).contains(launched);
            assertThat(store().find(ready.id()).orElseThrow().version()).isEqualTo(ready.version() + 1);
            Campaign paused = launched.pause(PauseReason.BY_USER, at(70));
            store().update(paused, launched.version());
            assertThat(store().find(ready.id()).orElseThrow().version()).isEqualTo(ready.version() + 2);
        }

        @Test
        void staleWriterGetsAVersionConflictNamingBothVersions() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Campaign first = ready.edit(c -> c.name("First writer"), at(10));
            Campaign second = ready.edit(c -> c.name("Second writer"), at(11));
            store().update(first, ready.version());
            assertThatThrownBy(() -> store().update(second, ready.version()))
                    .isInstanceOfSatisfying(VersionConflictException.class, error -> {
                        assertThat(error.campaignId()).isEqualTo(ready.id());
                        assertThat(error.expectedVersion()).isEqualTo(ready.version());
                        assertThat(error.actualVersion()).isEqualTo(first.version());
                        assertThat(error.code()).isEqualTo(VersionConflictException.CODE);
                    });
            assertThat(store().find(ready.id())).contains(first);
        }

        @Test
        void ofConcurrentWritersFromOneVersionExactlyOneWins() throws Exception {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            List<Callable<Campaign>> writers = new ArrayList<>();
            for (int i = 0; i < concurrentClaimers(); i++) {
                Campaign edited = ready.edit(c -> c.name("Writer " + writers.size()), at(10));
                writers.add(() -> {
                    try {
                        store().update(edited, ready.version());
                        return edited;
                    } catch (VersionConflictException conflict) {
                        return null;
                    }
                });
            }
            List<Campaign> winners =
                    runConcurrently(writers).stream().filter(Objects::nonNull).toList();
            assertThat(winners).hasSize(1);
            assertThat(store().find(ready.id())).contains(winners.get(0));
        }

        @Test
        void updateOfAnUnknownCampaignIsNotFound() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            assertThatThrownBy(() -> store().update(ready.launch(at(60)), ready.version()))
                    .isInstanceOf(CampaignNotFoundException.class);
        }
    }

    // ================================================================ paging

    /** Pages of campaigns by state and by tenant's project. */
    @Nested
    @DisplayName("paging")
    public class Paging {

        @Test
        void campaignsInAStateComeByAscendingIdPageByPage() {
            for (String id : List.of("c-5", "c-1", "c-4", "c-2", "c-3")) {
                store().insert(activeCampaign(id, DEFAULT_SENDER_KEY));
            }
            store().insert(readyCampaign("c-0", "acme", "cobranza", DEFAULT_SENDER_KEY));
            List<Campaign> first = store().findByState(CampaignState.ACTIVE, Optional.empty(), 2);
            assertThat(first).extracting(c -> c.id().value()).containsExactly("c-1", "c-2");
            List<Campaign> second = store().findByState(
                            CampaignState.ACTIVE, Optional.of(first.get(1).id()), 2);
            assertThat(second).extracting(c -> c.id().value()).containsExactly("c-3", "c-4");
            List<Campaign> last = store().findByState(
                            CampaignState.ACTIVE, Optional.of(second.get(1).id()), 2);
            assertThat(last).extracting(c -> c.id().value()).containsExactly("c-5");
            assertThat(store().findByState(CampaignState.ACTIVE, Optional.of(CampaignId.of("c-5")), 2))
                    .isEmpty();
        }

        @Test
        void aCampaignMovesToTheStateOfItsLatestUpdate() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Campaign active = ready.launch(at(60));
            store().update(active, ready.version());
            assertThat(store().findByState(CampaignState.READY, Optional.empty(), 10))
                    .isEmpty();
            assertThat(store().findByState(CampaignState.ACTIVE, Optional.empty(), 10))
                    .containsExactly(active);
        }

        @Test
        void projectPagesBelongToOneTenantsProject() {
            store().insert(readyCampaign("a-2", "acme", "cobranza", DEFAULT_SENDER_KEY));
            store().insert(readyCampaign("a-1", "acme", "cobranza", DEFAULT_SENDER_KEY));
            store().insert(readyCampaign("a-3", "acme", "ventas", DEFAULT_SENDER_KEY));
            store().insert(readyCampaign("b-1", "globex", "cobranza", DEFAULT_SENDER_KEY));
            assertThat(store().findByProject("acme", "cobranza", Optional.empty(), 10))
                    .extracting(c -> c.id().value())
                    .containsExactly("a-1", "a-2");
            assertThat(store().findByProject("acme", "cobranza", Optional.of(CampaignId.of("a-1")), 10))
                    .extracting(c -> c.id().value())
                    .containsExactly("a-2");
            assertThat(store().findByProject("globex", "cobranza", Optional.empty(), 10))
                    .extracting(c -> c.id().value())
                    .containsExactly("b-1");
            assertThat(store().findByProject("globex", "ventas", Optional.empty(), 10))
                    .isEmpty();
        }
    }

    // ================================================================ scheduled campaigns

    /**
     * Scheduled campaigns: the schedule is kept with the campaign, and the launch at its start is
     * claimed through the versioned update, so engines racing for it launch it once.
     */
    @Nested
    @DisplayName("scheduled campaigns")
    public class Scheduled {

        @Test
        void aScheduledCampaignKeepsItsScheduleAndIsFoundByItsState() {
            Campaign ready = readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Campaign scheduled = ready.schedule(Schedule.at(at(3600)).latestStart(at(7200)), at(1));
            store().update(scheduled, ready.version());
            assertThat(store().find(ready.id())).contains(scheduled);
            assertThat(store().findByState(CampaignState.SCHEDULED, Optional.empty(), 10))
                    .containsExactly(scheduled);
            assertThat(store().findByState(CampaignState.READY, Optional.empty(), 10))
                    .isEmpty();
            Campaign unscheduled = scheduled.unschedule(at(2));
            store().update(unscheduled, scheduled.version());
            assertThat(store().find(ready.id())).contains(unscheduled);
            assertThat(unscheduled.schedule()).isEmpty();
            assertThat(store().findByState(CampaignState.SCHEDULED, Optional.empty(), 10))
                    .isEmpty();
        }

        @Test
        void aScheduleWithoutLatestStartRoundTrips() {
            Campaign scheduled =
                    readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY).schedule(Schedule.at(at(3600)), at(1));
            store().insert(scheduled);
            assertThat(store().find(scheduled.id())).contains(scheduled);
        }

        @Test
        void enginesRacingToLaunchAScheduledCampaignLaunchItOnce() throws Exception {
            Campaign scheduled =
                    readyCampaign("c-1", "acme", "cobranza", DEFAULT_SENDER_KEY).schedule(Schedule.at(at(3600)), at(1));
            store().insert(scheduled);
            int engines = 8;
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < engines; i++) {
                Campaign launched = scheduled.launchPreparing("engine-" + i, at(3600));
                claims.add(() -> {
                    try {
                        store().update(launched, scheduled.version());
                        return true;
                    } catch (VersionConflictException lost) {
                        return false;
                    }
                });
            }
            List<Boolean> won = runConcurrently(claims);
            assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
            Campaign stored = store().find(scheduled.id()).orElseThrow();
            assertThat(stored.state()).isEqualTo(CampaignState.ACTIVE);
            assertThat(stored.isPreparing()).isTrue();
            assertThat(stored.schedule()).isEmpty();
            assertThat(store().findByState(CampaignState.SCHEDULED, Optional.empty(), 10))
                    .isEmpty();
        }
    }
}
