package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@link ProjectStore} in memory, for tests, demos and benchmarks: each tenant's projects sorted by
 * id, written atomically per project. It passes the {@link ProjectStoreContractKit}. Nothing is persisted.
 *
 * <pre>{@code
 * CampaignEngine engine = CampaignEngine.builder().storage(store.storage()).projects(new InMemoryProjectStore())...
 * }</pre>
 */
public final class InMemoryProjectStore implements ProjectStore {

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Project>> tenants = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryProjectStore() {}

    @Override
    public void saveProject(Project project, OptionalLong expectedVersion) {
        ConcurrentSkipListMap<String, Project> projects =
                tenants.computeIfAbsent(project.tenantId(), tenant -> new ConcurrentSkipListMap<>());
        projects.compute(project.id(), (id, stored) -> {
            if (expectedVersion.isEmpty()) {
                if (stored != null) {
                    throw ProjectException.exists(project.tenantId(), id);
                }
                return project;
            }
            if (stored == null) {
                throw ProjectException.notFound(project.tenantId(), id);
            }
            if (stored.version() != expectedVersion.getAsLong()) {
                throw ProjectException.conflict(project.tenantId(), id, expectedVersion.getAsLong(), stored.version());
            }
            return project;
        });
    }

    @Override
    public List<Project> findProjects(ProjectQuery query) {
        ConcurrentSkipListMap<String, Project> projects = tenants.get(query.tenantId());
        if (projects == null) {
            return List.of();
        }
        if (query instanceof ProjectQuery.ById byId) {
            Project project = projects.get(byId.projectId());
            return project == null ? List.of() : List.of(project);
        }
        ProjectQuery.ByTenant page = (ProjectQuery.ByTenant) query;
        NavigableMap<String, Project> after =
                page.after().isPresent() ? projects.tailMap(page.after().get(), false) : projects;
        List<Project> found = new ArrayList<>();
        for (Project project : after.values()) {
            if (page.includeArchived() || !project.isArchived()) {
                found.add(project);
                if (found.size() == page.limit()) {
                    break;
                }
            }
        }
        return found;
    }
}
