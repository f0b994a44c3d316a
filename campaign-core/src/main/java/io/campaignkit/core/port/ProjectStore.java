package io.campaignkit.core.port;

import io.campaignkit.core.campaign.Project;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a tenant's projects live (client &gt; project &gt; campaign): a small port of its own, beside the
 * eight of {@link CampaignStorage}, given to the engine with
 * {@link io.campaignkit.core.engine.CampaignEngineBuilder#projects}. Its contract kit is
 * {@code ProjectStoreContractKit}; {@code InMemoryProjectStore} (testkit) and {@code JdbcProjectStore}
 * implement it.
 *
 * <p>Projects are optimistically versioned as campaigns are: {@link #saveProject} replaces a stored
 * project only at the version the change was based on. A project belongs to one tenant: its key is the
 * tenant and the project id, and no query returns another tenant's project. Arguments are checked by the
 * engine before they reach a store. Implementations are thread-safe.
 */
public interface ProjectStore {

    /**
     * Stores {@code project}: a new one when {@code expectedVersion} is empty, else a replacement of the
     * stored project of its tenant and id if that one is at {@code expectedVersion}.
     *
     * @throws ProjectException {@value ProjectException#PROJECT_EXISTS} if new and the tenant has a project
     *     with its id; {@value ProjectException#PROJECT_NOT_FOUND} if a replacement and there is none;
     *     {@value ProjectException#PROJECT_VERSION_CONFLICT} if the stored version is another
     */
    void saveProject(Project project, OptionalLong expectedVersion);

    /** The projects {@code query} selects, of its tenant only, by ascending project id. */
    List<Project> findProjects(ProjectQuery query);

    /**
     * How this store creates a campaign in an open project atomically (with the project's archiving): empty
     * (the default, unless the store itself is a {@link ProjectCampaigns}) when it cannot; the engine then
     * checks the project and inserts the campaign in two steps. Not an abstract method.
     */
    default Optional<ProjectCampaigns> projectCampaigns() {
        return this instanceof ProjectCampaigns atomic ? Optional.of(atomic) : Optional.empty();
    }
}
