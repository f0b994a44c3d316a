package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The tenants' projects, kept by the engine's {@link ProjectStore} ({@link CampaignEngine#projects()}):
 * client &gt; project &gt; campaign. With a project store, the engine creates a campaign only in an
 * existing project of its tenant that is not archived ({@link ProjectException#PROJECT_NOT_FOUND},
 * {@link ProjectException#PROJECT_ARCHIVED}); a campaign's project is its {@link
 * io.campaignkit.core.campaign.Campaign#projectId()}, and {@link CampaignEngine#campaigns} lists a
 * project's campaigns. Renames and archiving are versioned updates, retried when another process
 * changed the project meanwhile. Thread-safe.
 */
public final class Projects {

    /** How often a rename or archive is tried again after another process changed the project. */
    private static final int ATTEMPTS = 5;

    private final ProjectStore store;
    private final Clock clock;

    Projects(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates a project of the tenant, taking campaigns.
     *
     * @throws ProjectException {@value ProjectException#PROJECT_EXISTS} if the tenant has one with the id
     */
    public Project create(String tenantId, String projectId, String name) {
        Project project = Project.create(tenantId, projectId, name, clock.instant());
        store.saveProject(project, OptionalLong.empty());
        return project;
    }

    /**
     * Renames the tenant's project.
     *
     * @throws ProjectException {@value ProjectException#PROJECT_NOT_FOUND} if the tenant has none with the id
     */
    public Project rename(String tenantId, String projectId, String name) {
        Arguments.requireNonBlank(name, "name");
        return change(tenantId, projectId, project -> project.rename(name, clock.instant()));
    }

    /**
     * Archives the tenant's project: it takes no new campaign; its campaigns stay, running ones go on,
     * and they are still listed. Archiving an archived project is no change.
     *
     * @throws ProjectException {@value ProjectException#PROJECT_NOT_FOUND} if the tenant has none with the id
     */
    public Project archive(String tenantId, String projectId) {
        return change(tenantId, projectId, project -> project.archive(clock.instant()));
    }

    /** The tenant's project with the id, archived or not. */
    public Optional<Project> find(String tenantId, String projectId) {
        return store.findProjects(new ProjectQuery.ById(tenantId, projectId)).stream()
                .findFirst();
    }

    /**
     * A page of the tenant's projects by ascending id ({@link ProjectQuery.ByTenant}, at most
     * {@value CampaignPage#MAX_SIZE}), with the query of the next page when there is one.
     */
    public Page list(ProjectQuery.ByTenant query) {
        Arguments.requireNonNull(query, "query");
        Arguments.require(
                query.limit() <= CampaignPage.MAX_SIZE,
                "limit",
                "a page holds at most " + CampaignPage.MAX_SIZE + " projects, asked for " + query.limit());
        List<Project> found = store.findProjects(
                new ProjectQuery.ByTenant(query.tenantId(), query.includeArchived(), query.after(), query.limit() + 1));
        if (found.size() <= query.limit()) {
            return new Page(found, Optional.empty());
        }
        List<Project> page = found.subList(0, query.limit());
        return new Page(page, Optional.of(query.after(page.get(page.size() - 1).id())));
    }

    /**
     * Checks that a campaign may be created in the project: the tenant has it and it is not archived.
     *
     * @throws ProjectException {@value ProjectException#PROJECT_NOT_FOUND} or {@value ProjectException#PROJECT_ARCHIVED}
     */
    void requireOpen(String tenantId, String projectId) {
        Project project = find(tenantId, projectId)
                .orElseThrow(() -> ProjectException.notFound(tenantId.strip(), projectId.strip()));
        if (project.isArchived()) {
            throw ProjectException.archived(project);
        }
    }

    private Project change(String tenantId, String projectId, UnaryOperator<Project> action) {
        for (int attempt = 1; ; attempt++) {
            Project stored = find(tenantId, projectId)
                    .orElseThrow(() -> ProjectException.notFound(tenantId.strip(), projectId.strip()));
            Project changed = action.apply(stored);
            if (changed.equals(stored)) {
                return stored;
            }
            try {
                store.saveProject(changed, OptionalLong.of(stored.version()));
                return changed;
            } catch (ProjectException conflict) {
                if (!ProjectException.PROJECT_VERSION_CONFLICT.equals(conflict.code()) || attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    /**
     * One page of a tenant's projects.
     *
     * @param projects by ascending id
     * @param next the query of the next page; empty on the last page
     */
    public record Page(List<Project> projects, Optional<ProjectQuery.ByTenant> next) {
        public Page {
            projects = List.copyOf(Arguments.requireNoNullElements(projects, "projects"));
            Arguments.requireNonNull(next, "next");
        }
    }
}
