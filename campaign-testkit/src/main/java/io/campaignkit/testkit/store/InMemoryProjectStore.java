package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ProjectCampaigns;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

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
    /** Where {@link #projectCampaigns()} stores campaigns; null when it has none. */
    private final @Nullable CampaignStore campaigns;

    /** An empty store; campaigns are created in its projects in two steps (check, then insert). */
    public InMemoryProjectStore() {
        this.campaigns = null;
    }

    private InMemoryProjectStore(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * An empty store that creates campaigns in {@code campaigns} atomically with its projects' archiving
     * ({@link #projectCampaigns()}): give the engine the same campaign store.
     */
    public static InMemoryProjectStore over(CampaignStore campaigns) {
        return new InMemoryProjectStore(Objects.requireNonNull(campaigns, "campaigns"));
    }

    /** Present for a store made {@link #over} a campaign store: the check and the insert under this store's lock. */
    @Override
    public Optional<ProjectCampaigns> projectCampaigns() {
        CampaignStore target = campaigns;
        if (target == null) {
            return Optional.empty();
        }
        return Optional.of(campaign -> {
            synchronized (this) {
                Project project =
                        findProjects(new ProjectQuery.ById(campaign.tenantId(), campaign.projectId())).stream()
                                .findFirst()
                                .orElseThrow(
                                        () -> ProjectException.notFound(campaign.tenantId(), campaign.projectId()));
                if (project.isArchived()) {
                    throw ProjectException.archived(project);
                }
                target.insert(campaign);
            }
        });
    }

    @Override
    public synchronized void saveProject(Project project, OptionalLong expectedVersion) {
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
