package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.DuplicateCampaignException;
import io.campaignkit.core.port.ProjectCampaigns;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link ProjectCampaigns} port: a campaign is stored only in an existing,
 * unarchived project of its tenant, atomically with the project's archiving, also when an engine checked
 * the project open and it was archived right after. Extend it in your store's tests and return, for each
 * check, a new, empty storage and a project store whose {@link ProjectStore#projectCampaigns()} writes to
 * that storage's campaigns.
 */
public abstract class ProjectCampaignsContractKit {

    /** The instant the kit's projects and campaigns are created at. */
    protected static final Instant T0 = StoreContractSupport.DEFAULT_START_TIME;

    /** For subclasses. */
    protected ProjectCampaignsContractKit() {}

    /** The project store under test, with its atomic create. */
    protected abstract ProjectStore projects();

    /** The storage whose campaign store the atomic create writes to (the same for every call of a check). */
    protected abstract CampaignStorage storage();

    private CampaignStore campaigns() {
        return storage().campaigns();
    }

    private ProjectCampaigns atomic() {
        return projects().projectCampaigns().orElseThrow();
    }

    private static Campaign campaign(String id, String projectId) {
        return Campaign.create(
                CampaignId.of(id),
                "acme",
                projectId,
                CampaignKind.LIVE,
                CampaignConfiguration.custom().name("Julio").build(),
                T0);
    }

    private Project project(String id) {
        Project project = Project.create("acme", id, "Project " + id, T0);
        projects().saveProject(project, OptionalLong.empty());
        return project;
    }

    private void archive(Project project) {
        projects().saveProject(project.archive(T0.plusSeconds(1)), OptionalLong.of(project.version()));
    }

    /** Which projects take campaigns. */
    @Nested
    @DisplayName("open projects")
    public class OpenProjects {

        @Test
        void aCampaignIsStoredInAnOpenProject() {
            project("cobranza");
            atomic().insertInOpenProject(campaign("c-1", "cobranza"));
            assertThat(campaigns().find(CampaignId.of("c-1"))).isPresent();
        }

        @Test
        void noCampaignIsStoredInAMissingOrArchivedProject() {
            archive(project("viejo"));
            assertThatThrownBy(() -> atomic().insertInOpenProject(campaign("c-1", "viejo")))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            e -> assertThat(e.code()).isEqualTo(ProjectException.PROJECT_ARCHIVED));
            assertThatThrownBy(() -> atomic().insertInOpenProject(campaign("c-2", "nadie")))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            e -> assertThat(e.code()).isEqualTo(ProjectException.PROJECT_NOT_FOUND));
            assertThat(campaigns().find(CampaignId.of("c-1"))).isEmpty();
            assertThat(campaigns().find(CampaignId.of("c-2"))).isEmpty();
        }

        @Test
        void aCampaignIdIsStoredOnce() {
            project("cobranza");
            atomic().insertInOpenProject(campaign("c-1", "cobranza"));
            assertThatThrownBy(() -> atomic().insertInOpenProject(campaign("c-1", "cobranza")))
                    .isInstanceOf(DuplicateCampaignException.class);
        }
    }

    /** An engine's create against an archive at the worst moment. */
    @Nested
    @DisplayName("an engine racing an archive")
    public class EngineRacingAnArchive {

        @Test
        void aProjectArchivedRightAfterTheEngineFoundItOpenGetsNoCampaign() {
            ManualClock clock = ManualClock.startingAt(T0);
            Project project = project("cobranza");
            ArchivingAfterLookUp racing = new ArchivingAfterLookUp(projects(), project);
            CampaignEngine engine = CampaignEngine.builder()
                    .storage(storage())
                    .channel(SimulatedChannel.withClock(clock))
                    .clock(clock)
                    .projects(racing)
                    .build();

            assertThatThrownBy(() -> engine.create(
                            CampaignId.of("c-1"),
                            "acme",
                            "cobranza",
                            CampaignKind.LIVE,
                            CampaignConfiguration.custom().name("Julio").build()))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            e -> assertThat(e.code()).isEqualTo(ProjectException.PROJECT_ARCHIVED));
            assertThat(racing.archived)
                    .as("archived between the engine's look-up and its insert")
                    .isTrue();
            assertThat(campaigns().find(CampaignId.of("c-1"))).isEmpty();
        }
    }

    /** A project store that archives {@code project} as soon as it has been looked up once (another process). */
    private static final class ArchivingAfterLookUp implements ProjectStore {
        private final ProjectStore store;
        private final Project project;
        private boolean archived;

        ArchivingAfterLookUp(ProjectStore store, Project project) {
            this.store = store;
            this.project = project;
        }

        @Override
        public void saveProject(Project changed, OptionalLong expectedVersion) {
            store.saveProject(changed, expectedVersion);
        }

        @Override
        public List<Project> findProjects(ProjectQuery query) {
            List<Project> found = store.findProjects(query);
            if (!archived) {
                archived = true;
                store.saveProject(project.archive(T0.plusSeconds(1)), OptionalLong.of(project.version()));
            }
            return found;
        }

        @Override
        public Optional<ProjectCampaigns> projectCampaigns() {
            return store.projectCampaigns();
        }
    }
}
