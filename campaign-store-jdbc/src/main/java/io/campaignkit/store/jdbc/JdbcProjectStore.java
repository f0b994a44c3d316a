package io.campaignkit.store.jdbc;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.ProjectCampaigns;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.store.jdbc.internal.CampaignRows;
import io.campaignkit.store.jdbc.internal.ProjectCampaignRows;
import io.campaignkit.store.jdbc.internal.ProjectRows;
import io.campaignkit.store.jdbc.internal.Scope;
import io.campaignkit.store.jdbc.internal.Sql;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link ProjectStore} on the database of a {@link JdbcCampaignStore} (table {@code ck_project},
 * migration V25), in its scope: a tenant's store keeps and sees that tenant's projects only.
 *
 * <pre>{@code
 * CampaignEngine engine = CampaignEngine.builder().storage(store.storage())
 *         .projects(JdbcProjectStore.on(store))
 *         ...
 * }</pre>
 *
 * <p>Renames and archiving are optimistic ({@code UPDATE ... WHERE version = ?}). Thread-safe. The engine
 * checks arguments before they reach the store.
 */
public final class JdbcProjectStore implements ProjectStore {

    private final ProjectRows rows;
    private final ProjectCampaigns campaigns;
    private final String description;

    private JdbcProjectStore(ProjectRows rows, ProjectCampaigns campaigns, String description) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.description = description;
    }

    /**
     * The project store on the database of {@code store} (whose migrations created the table), in its
     * scope: the tenant it serves, or every tenant.
     *
     * @throws InvalidArgumentException if {@code store} is null
     */
    public static JdbcProjectStore on(JdbcCampaignStore store) {
        Arguments.requireNonNull(store, "store");
        Scope scope = store.tenantId().map(Scope::tenant).orElseGet(Scope::allTenants);
        Sql sql = new Sql(store.dataSource(), store.dialect());
        ProjectRows rows = new ProjectRows(sql, scope, store.dialect());
        return new JdbcProjectStore(
                rows,
                new ProjectCampaignRows(sql, scope, rows, new CampaignRows(sql, scope, store.dialect())),
                "JdbcProjectStore[" + store.dialect() + ", tenant="
                        + store.tenantId().orElse("*") + "]");
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidArgumentException {@code project} when this store serves another tenant
     */
    @Override
    public void saveProject(Project project, OptionalLong expectedVersion) {
        rows.save(project, expectedVersion);
    }

    @Override
    public List<Project> findProjects(ProjectQuery query) {
        return rows.find(query);
    }

    /** Campaigns created in the store's database, each in one transaction with its project's row locked. */
    @Override
    public Optional<ProjectCampaigns> projectCampaigns() {
        return Optional.of(campaigns);
    }

    @Override
    public String toString() {
        return description;
    }
}
