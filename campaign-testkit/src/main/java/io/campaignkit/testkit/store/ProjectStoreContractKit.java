package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of the {@link ProjectStore} port: projects kept per tenant, optimistically versioned,
 * listed by id, and never across tenants. Extend it in your store's tests and return a new, empty store
 * from {@link #projects()}. The checks are grouped by rule in {@code @Nested} classes.
 */
public abstract class ProjectStoreContractKit {

    /** The instant the kit's projects are created at. */
    protected static final Instant T0 = StoreContractSupport.DEFAULT_START_TIME;

    /** For subclasses. */
    protected ProjectStoreContractKit() {}

    /**
     * The store under test: a new, empty one for each check (JUnit makes a new instance of the test
     * class for each, so a field initializer does).
     *
     * @return the store
     */
    protected abstract ProjectStore projects();

    /** Creating and finding. */
    @Nested
    @DisplayName("creating")
    public class Creating {

        @Test
        void aCreatedProjectIsFoundAsItWas() {
            Project project = Project.create("acme", "cobranza", "Cobranza 2026", T0);
            projects().saveProject(project, OptionalLong.empty());
            assertThat(find("acme", "cobranza")).contains(project);
            assertThat(find("acme", "ventas")).isEmpty();
        }

        @Test
        void creatingAnIdTwiceInATenantIsRefusedAndKeepsTheFirst() {
            Project first = Project.create("acme", "cobranza", "Cobranza", T0);
            projects().saveProject(first, OptionalLong.empty());
            assertThatThrownBy(() -> projects()
                            .saveProject(Project.create("acme", "cobranza", "Otra", T0), OptionalLong.empty()))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_EXISTS));
            assertThat(find("acme", "cobranza")).contains(first);
        }
    }

    /** Optimistic versioning of renames and archiving. */
    @Nested
    @DisplayName("versioning")
    public class Versioning {

        @Test
        void aChangeFromTheStoredVersionReplacesTheProject() {
            Project project = Project.create("acme", "cobranza", "Cobranza", T0);
            projects().saveProject(project, OptionalLong.empty());
            Project renamed = project.rename("Cobranza julio", T0.plusSeconds(5));
            projects().saveProject(renamed, OptionalLong.of(project.version()));
            Project archived = renamed.archive(T0.plusSeconds(9));
            projects().saveProject(archived, OptionalLong.of(renamed.version()));
            assertThat(find("acme", "cobranza")).contains(archived);
            assertThat(archived.archivedAt()).contains(T0.plusSeconds(9));
        }

        @Test
        void aStaleWriterGetsAConflictAndTheStoredProjectStays() {
            Project project = Project.create("acme", "cobranza", "Cobranza", T0);
            projects().saveProject(project, OptionalLong.empty());
            Project first = project.rename("Primero", T0.plusSeconds(1));
            projects().saveProject(first, OptionalLong.of(0));
            assertThatThrownBy(() ->
                            projects().saveProject(project.rename("Segundo", T0.plusSeconds(2)), OptionalLong.of(0)))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_VERSION_CONFLICT));
            assertThat(find("acme", "cobranza")).contains(first);
        }

        @Test
        void replacingAnUnknownProjectIsNotFound() {
            Project project = Project.create("acme", "cobranza", "Cobranza", T0);
            assertThatThrownBy(() -> projects().saveProject(project.rename("Otro", T0), OptionalLong.of(0)))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            error -> assertThat(error.code()).isEqualTo(ProjectException.PROJECT_NOT_FOUND));
            assertThat(find("acme", "cobranza")).isEmpty();
        }

        @Test
        void ofConcurrentWritersFromOneVersionExactlyOneWins() throws Exception {
            Project project = Project.create("acme", "cobranza", "Cobranza", T0);
            projects().saveProject(project, OptionalLong.empty());
            List<Callable<Project>> writers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Project renamed = project.rename("Writer " + i, T0.plusSeconds(1));
                writers.add(() -> {
                    try {
                        projects().saveProject(renamed, OptionalLong.of(0));
                        return renamed;
                    } catch (ProjectException conflict) {
                        return null;
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers.size());
            try {
                List<Project> winners = new ArrayList<>();
                for (Future<Project> result : pool.invokeAll(writers, 60, TimeUnit.SECONDS)) {
                    winners.add(result.get());
                }
                assertThat(winners.stream().filter(Objects::nonNull).toList())
                        .singleElement()
                        .satisfies(
                                winner -> assertThat(find("acme", "cobranza")).contains(winner));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Pages of a tenant's projects. */
    @Nested
    @DisplayName("listing")
    public class Listing {

        @Test
        void projectsComeByAscendingIdPageByPageWithoutTheArchived() {
            for (String id : List.of("p-4", "p-1", "p-3", "p-2", "p-5")) {
                projects().saveProject(Project.create("acme", id, "Project " + id, T0), OptionalLong.empty());
            }
            Project archived = Project.create("acme", "p-0", "Old", T0);
            projects().saveProject(archived, OptionalLong.empty());
            projects().saveProject(archived.archive(T0.plusSeconds(1)), OptionalLong.of(0));
            ProjectQuery.ByTenant first = ProjectQuery.ByTenant.of("acme", 2);
            assertThat(ids(first)).containsExactly("p-1", "p-2");
            assertThat(ids(first.after("p-2"))).containsExactly("p-3", "p-4");
            assertThat(ids(first.after("p-4"))).containsExactly("p-5");
            assertThat(ids(ProjectQuery.ByTenant.of("acme", 10).withArchived()))
                    .first()
                    .isEqualTo("p-0");
            assertThat(ids(ProjectQuery.ByTenant.of("acme", 10).withArchived())).hasSize(6);
        }
    }

    /** No query crosses tenants, even with the same project ids and names. */
    @Nested
    @DisplayName("tenant isolation")
    public class TenantIsolation {

        @Test
        void twoTenantsWithTheSameProjectIdHaveTwoProjects() {
            Project acme = Project.create("acme", "cobranza", "Cobranza", T0);
            Project globex = Project.create("globex", "cobranza", "Cobranza", T0);
            projects().saveProject(acme, OptionalLong.empty());
            projects().saveProject(globex, OptionalLong.empty());
            projects().saveProject(globex.archive(T0.plusSeconds(1)), OptionalLong.of(0));
            assertThat(find("acme", "cobranza")).contains(acme);
            assertThat(ids(ProjectQuery.ByTenant.of("acme", 10).withArchived())).containsExactly("cobranza");
            assertThat(projects().findProjects(ProjectQuery.ByTenant.of("acme", 10)))
                    .containsExactly(acme);
            assertThat(projects().findProjects(ProjectQuery.ByTenant.of("globex", 10)))
                    .isEmpty();
            assertThat(ids(ProjectQuery.ByTenant.of("initech", 10).withArchived()))
                    .isEmpty();
            assertThat(find("initech", "cobranza")).isEmpty();
        }
    }

    private Optional<Project> find(String tenantId, String projectId) {
        return projects().findProjects(new ProjectQuery.ById(tenantId, projectId)).stream()
                .findFirst();
    }

    private List<String> ids(ProjectQuery.ByTenant query) {
        return projects().findProjects(query).stream().map(Project::id).toList();
    }
}
