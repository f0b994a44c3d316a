package io.campaignkit.core.internal;

import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import java.util.List;
import java.util.OptionalLong;

/**
 * The argument rules of {@link ProjectStore}, checked before a call reaches the store, as
 * {@link CheckedStorage} does for the other ports: a new project is at version 0, a replacement raises
 * the version. (Projects and queries check their own fields when built.) Not public API.
 */
public final class CheckedProjectStore implements ProjectStore {

    private final ProjectStore store;

    private CheckedProjectStore(ProjectStore store) {
        this.store = store;
    }

    /** {@code store} checking its arguments first. */
    public static ProjectStore wrap(ProjectStore store) {
        return new CheckedProjectStore(Arguments.requireNonNull(store, "store"));
    }

    @Override
    public void saveProject(Project project, OptionalLong expectedVersion) {
        Arguments.requireNonNull(project, "project");
        Arguments.requireNonNull(expectedVersion, "expectedVersion");
        if (expectedVersion.isEmpty()) {
            Arguments.require(
                    project.version() == 0,
                    "project",
                    "a new project is at version 0, this one at " + project.version());
        } else {
            Arguments.require(
                    project.version() > expectedVersion.getAsLong(),
                    "project",
                    "project " + project.id()
                            + " is at version " + project.version() + ", which must be above the expected version "
                            + expectedVersion.getAsLong());
        }
        store.saveProject(project, expectedVersion);
    }

    @Override
    public List<Project> findProjects(ProjectQuery query) {
        return store.findProjects(Arguments.requireNonNull(query, "query"));
    }
}
