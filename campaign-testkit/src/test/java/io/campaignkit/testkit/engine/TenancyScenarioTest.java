package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignPage;
import io.campaignkit.core.engine.Projects;
import io.campaignkit.core.engine.SuppressionStatus;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.store.InMemoryProjectStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Client &gt; project &gt; campaign through the engine's API (issue 15, item 6): projects created, renamed and
 * archived; a campaign only in an open project of its tenant; campaigns listed by client, project, state,
 * bot flow and channel, a page at a time; whether a contact is suppressed and why; never across tenants.
 */
class TenancyScenarioTest {

    private static final SenderKey SENDER = new SenderKey(CampaignScenario.CHANNEL_ID, CampaignScenario.SENDER_ID);
    private static final SenderKey OTHER_SENDER = new SenderKey(CampaignScenario.CHANNEL_ID, "sender-2");

    private final CampaignScenario scenario = Fixtures.scenario()
            .engine(builder -> builder.projects(new InMemoryProjectStore()))
            .build();

    /** Projects: created, renamed, archived, listed; the engine checks a new campaign's project. */
    @Nested
    class ProjectRules {

        @Test
        void aProjectIsCreatedRenamedArchivedAndListed() {
            Projects projects = scenario.engine().projects();
            Project created = projects.create("acme", "cobranza", "Cobranza");
            projects.create("acme", "ventas", "Ventas");
            projects.create("globex", "cobranza", "Cobranza Globex");
            Project renamed = projects.rename("acme", "cobranza", "Cobranza 2026");
            assertThat(renamed.name()).isEqualTo("Cobranza 2026");
            assertThat(renamed.version()).isEqualTo(created.version() + 1);
            Project archived = projects.archive("acme", "ventas");
            assertThat(archived.isArchived()).isTrue();
            assertThat(projects.archive("acme", "ventas"))
                    .as("archiving again is no change")
                    .isEqualTo(archived);
            assertThat(projects.list(ProjectQuery.ByTenant.of("acme", 10)).projects())
                    .containsExactly(renamed);
            assertThat(projects.list(ProjectQuery.ByTenant.of("acme", 10).withArchived())
                            .projects())
                    .containsExactly(renamed, archived);
            assertThat(projects.find("globex", "cobranza"))
                    .get()
                    .extracting(Project::name)
                    .isEqualTo("Cobranza Globex");
        }

        @Test
        void aProjectIdIsCreatedOncePerTenantAndRenamingAnUnknownOneIsRefused() {
            Projects projects = scenario.engine().projects();
            projects.create("acme", "cobranza", "Cobranza");
            assertThatThrownBy(() -> projects.create("acme", "cobranza", "Otra"))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_EXISTS));
            assertThatThrownBy(() -> projects.rename("globex", "cobranza", "Mine"))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_NOT_FOUND));
            assertThatThrownBy(() -> projects.create("acme", " ", "x")).isInstanceOf(InvalidArgumentException.class);
        }

        @Test
        void projectPagesCarryTheQueryOfTheNextPage() {
            Projects projects = scenario.engine().projects();
            for (String id : List.of("p-3", "p-1", "p-2")) {
                projects.create("acme", id, "Project " + id);
            }
            Projects.Page first = projects.list(ProjectQuery.ByTenant.of("acme", 2));
            assertThat(first.projects()).extracting(Project::id).containsExactly("p-1", "p-2");
            Projects.Page last = projects.list(first.next().orElseThrow());
            assertThat(last.projects()).extracting(Project::id).containsExactly("p-3");
            assertThat(last.next()).isEmpty();
        }

        @Test
        void aCampaignIsCreatedOnlyInAnOpenProjectOfItsTenant() {
            Projects projects = scenario.engine().projects();
            projects.create("acme", "cobranza", "Cobranza");
            projects.create("acme", "viejo", "Viejo");
            projects.archive("acme", "viejo");
            projects.create("globex", "ventas", "Ventas");
            CampaignConfiguration configuration =
                    CampaignConfiguration.custom().name("Julio").build();

            Campaign created = scenario.engine()
                    .create(CampaignId.of("c-1"), "acme", "cobranza", CampaignKind.LIVE, configuration);
            assertThat(created.projectId()).isEqualTo("cobranza");
            assertThatThrownBy(() -> scenario.engine()
                            .create(CampaignId.of("c-2"), "acme", "viejo", CampaignKind.LIVE, configuration))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_ARCHIVED));
            assertThatThrownBy(() -> scenario.engine()
                            .create(CampaignId.of("c-3"), "acme", "ventas", CampaignKind.LIVE, configuration))
                    .as("globex's project is not acme's")
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_NOT_FOUND));
            assertThat(scenario.engine().find(CampaignId.of("c-2"))).isEmpty();
            assertThat(scenario.engine().find(CampaignId.of("c-3"))).isEmpty();
        }

        @Test
        void anEngineWithoutAProjectStoreSaysSoAndDoesNotCheckProjects() {
            CampaignScenario plain = Fixtures.scenario().build();
            assertThatThrownBy(() -> plain.engine().projects())
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.NO_PROJECT_STORE));
            assertThat(plain.createCampaign(CampaignKind.LIVE, Fixtures.basic()))
                    .isNotNull();
        }
    }

    /** Campaigns listed through the engine: filters, pages, tenants. */
    @Nested
    class Listing {

        @Test
        void campaignsAreListedByProjectStateBotFlowAndChannelAPageAtATime() {
            Projects projects = scenario.engine().projects();
            projects.create(CampaignScenario.TENANT, CampaignScenario.PROJECT, "Cobranza");
            List<CampaignId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic()));
            }
            CampaignId onOtherSender =
                    scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(OTHER_SENDER)));
            scenario.launch(ids.get(1), Fixtures.contacts(0, 2));
            scenario.launch(ids.get(3), Fixtures.contacts(2, 2));
            scenario.runFor(Duration.ofSeconds(2));

            CampaignQuery.Listing active = CampaignQuery.Listing.of(CampaignScenario.TENANT)
                    .projectId(CampaignScenario.PROJECT)
                    .state(CampaignState.ACTIVE)
                    .botFlowId(Fixtures.BOT)
                    .channelType(CampaignScenario.CHANNEL_ID);
            assertThat(scenario.engine().campaigns(active).campaigns())
                    .extracting(Campaign::id)
                    .containsExactly(ids.get(1), ids.get(3));
            assertThat(scenario.engine()
                            .campaigns(CampaignQuery.Listing.of(CampaignScenario.TENANT)
                                    .channel(OTHER_SENDER))
                            .campaigns())
                    .extracting(Campaign::id)
                    .containsExactly(onOtherSender);

            List<CampaignId> walked = new ArrayList<>();
            Optional<CampaignQuery.Listing> page = Optional.of(
                    CampaignQuery.Listing.of(CampaignScenario.TENANT).limit(4));
            int pages = 0;
            while (page.isPresent()) {
                CampaignPage campaigns = scenario.engine().campaigns(page.get());
                campaigns.campaigns().forEach(campaign -> walked.add(campaign.id()));
                page = campaigns.next();
                pages++;
            }
            assertThat(pages).isEqualTo(2);
            assertThat(walked).hasSize(6).doesNotHaveDuplicates().isSorted();
        }

        @Test
        void aPageIsAtMostFiveHundredCampaignsAndTheLastPageSaysSo() {
            scenario.engine().projects().create(CampaignScenario.TENANT, CampaignScenario.PROJECT, "Cobranza");
            scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic());
            assertThatThrownBy(() -> scenario.engine()
                            .campaigns(CampaignQuery.Listing.of(CampaignScenario.TENANT)
                                    .limit(CampaignPage.MAX_SIZE + 1)))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            error -> assertThat(error.argument()).isEqualTo("limit"));
            CampaignPage only = scenario.engine()
                    .campaigns(CampaignQuery.Listing.of(CampaignScenario.TENANT).limit(1));
            assertThat(only.campaigns()).hasSize(1);
            assertThat(only.next()).isEmpty();
            assertThat(only.nextAfter()).isEmpty();
        }

        @Test
        void anotherTenantsCampaignsAreNeverListedEvenInAProjectOfTheSameName() {
            scenario.engine().projects().create(CampaignScenario.TENANT, CampaignScenario.PROJECT, "Cobranza");
            scenario.engine().projects().create("globex", CampaignScenario.PROJECT, "Cobranza");
            CampaignId ours =
                    scenario.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.name("Julio")));
            CampaignConfiguration.Builder theirs =
                    CampaignConfiguration.custom().channel(SENDER).name("Julio");
            Fixtures.basic().accept(theirs);
            theirs.name("Julio");
            scenario.engine()
                    .create(
                            CampaignId.of("globex-1"),
                            "globex",
                            CampaignScenario.PROJECT,
                            CampaignKind.LIVE,
                            theirs.build());
            CampaignQuery.Listing every = CampaignQuery.Listing.of(CampaignScenario.TENANT)
                    .projectId(CampaignScenario.PROJECT)
                    .state(CampaignState.READY)
                    .botFlowId(Fixtures.BOT)
                    .channel(SENDER);
            assertThat(scenario.engine().campaigns(every).campaigns())
                    .extracting(Campaign::id)
                    .containsExactly(ours);
            assertThat(scenario.engine()
                            .campaigns(CampaignQuery.Listing.of("globex"))
                            .campaigns())
                    .extracting(Campaign::id)
                    .containsExactly(CampaignId.of("globex-1"));
        }
    }

    /** Whether a contact is suppressed, where, since when and why. */
    @Nested
    class Suppressions {

        @Test
        void theEngineSaysWhereSinceWhenAndWhyAContactIsSuppressed() {
            CampaignScenario plain = Fixtures.scenario().build();
            plain.createCampaign(CampaignKind.LIVE, Fixtures.basic());
            plain.createCampaign(CampaignKind.LIVE, Fixtures.basic().andThen(c -> c.channel(OTHER_SENDER)));
            PhoneNumber phone = PhoneNumber.parse(Fixtures.phone(1));
            assertThat(plain.engine()
                            .suppression(CampaignScenario.TENANT, phone)
                            .isSuppressed())
                    .isFalse();

            plain.deliver(new OptOut(
                    Fixtures.phone(1),
                    CampaignScenario.SENDER_ID,
                    plain.clock().instant(),
                    Optional.of("STOP"),
                    Optional.of("opt-1")));
            plain.runFor(Duration.ofSeconds(30));
            plain.engine().suppress(phone, Optional.empty(), Optional.of("asked the call centre"));

            SuppressionStatus status = plain.engine().suppression(CampaignScenario.TENANT, phone);
            assertThat(status.isSuppressed()).isTrue();
            assertThat(status.everySender()).singleElement().satisfies(everywhere -> {
                assertThat(everywhere.source()).isEqualTo(Suppression.HOST);
                assertThat(everywhere.reason()).contains("asked the call centre");
                assertThat(everywhere.at()).isEqualTo(plain.clock().instant());
            });
            assertThat(status.on(SENDER)).hasSize(2);
            Suppression optOut = status.on(SENDER).get(1);
            assertThat(optOut.sender()).contains(SENDER);
            assertThat(optOut.source()).isEqualTo(Suppression.CHANNEL_OPT_OUT);
            assertThat(optOut.reason()).contains("opted out with 'STOP'");
            assertThat(optOut.at()).isEqualTo(plain.clock().instant().minusSeconds(30));
            assertThat(status.on(OTHER_SENDER)).extracting(Suppression::sender).containsExactly(Optional.empty());
        }

        @Test
        void aTenantDoesNotSeeSuppressionsOnAnotherTenantsSenders() {
            CampaignScenario plain = Fixtures.scenario().build();
            plain.createCampaign(CampaignKind.LIVE, Fixtures.basic());
            CampaignConfiguration.Builder theirs = CampaignConfiguration.custom();
            Fixtures.basic().accept(theirs);
            theirs.channel(SenderKey.of(CampaignScenario.CHANNEL_ID, "globex-number"));
            plain.engine().create(CampaignId.of("globex-1"), "globex", "ventas", CampaignKind.LIVE, theirs.build());
            PhoneNumber phone = PhoneNumber.parse(Fixtures.phone(2));
            plain.engine()
                    .suppress(
                            phone,
                            Optional.of(SenderKey.of(CampaignScenario.CHANNEL_ID, "globex-number")),
                            Optional.of("globex's opt-out"));

            assertThat(plain.engine()
                            .suppression(CampaignScenario.TENANT, phone)
                            .isSuppressed())
                    .isFalse();
            assertThat(plain.engine().suppression("globex", phone).suppressions())
                    .singleElement()
                    .satisfies(theirsOnly -> assertThat(theirsOnly.reason()).contains("globex's opt-out"));
        }

        @Test
        void aReasonLongerThanAThousandCharactersIsRefusedNamingIt() {
            assertThatThrownBy(() -> scenario.engine()
                            .suppress(
                                    PhoneNumber.parse(Fixtures.phone(1)),
                                    Optional.empty(),
                                    Optional.of("x".repeat(Suppression.MAX_REASON_LENGTH + 1))))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            error -> assertThat(error.argument()).isEqualTo("reason"));
        }

        @Test
        void aStorageWhoseSuppressionListKeepsNoRecordsIsReportedByItsCodeUnlessRecordsAreGiven() {
            InMemoryCampaignStore store = new InMemoryCampaignStore();
            SuppressionList plainList = new SuppressionList() {
                @Override
                public void suppress(Suppression suppression) {
                    store.suppress(suppression);
                }

                @Override
                public boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
                    return store.lift(sender, phone);
                }

                @Override
                public Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
                    return store.suppressedAmong(sender, phones);
                }
            };
            CampaignStorage storage =
                    new CampaignStorage(store, store, store, store, store, plainList, store, PacingStore.inProcess());
            SimulatedChannel channel = SimulatedChannel.withClock(ManualClock.ofDefaults());
            PhoneNumber phone = PhoneNumber.parse(Fixtures.phone(1));
            CampaignEngine without =
                    CampaignEngine.builder().storage(storage).channel(channel).build();
            assertThatThrownBy(() -> without.suppression("acme", phone))
                    .isInstanceOfSatisfying(
                            CampaignKitException.class,
                            error -> assertThat(error.code()).isEqualTo(CampaignEngine.NO_SUPPRESSION_RECORDS));
            CampaignEngine with = CampaignEngine.builder()
                    .storage(storage)
                    .channel(channel)
                    .suppressionRecords(store)
                    .build();
            with.suppress(phone, Optional.empty(), Optional.of("by hand"));
            assertThat(with.suppression("acme", phone).everySender())
                    .singleElement()
                    .satisfies(kept -> assertThat(kept.reason()).contains("by hand"));
        }
    }
}
