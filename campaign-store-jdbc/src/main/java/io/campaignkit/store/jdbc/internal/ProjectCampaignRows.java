package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.port.ProjectCampaigns;
import io.campaignkit.core.port.ProjectException;

/**
 * {@link ProjectCampaigns} on {@code ck_project} and {@code ck_campaign}: in one transaction, the project's
 * row is read {@code FOR UPDATE} (an archiving of it waits, and is waited for), checked, and the campaign
 * inserted, so no interleaving stores a campaign in a project archived before it.
 */
public final class ProjectCampaignRows implements ProjectCampaigns {

    private final Sql sql;
    private final Scope scope;
    private final ProjectRows projects;
    private final CampaignRows campaigns;

    public ProjectCampaignRows(Sql sql, Scope scope, ProjectRows projects, CampaignRows campaigns) {
        this.sql = sql;
        this.scope = scope;
        this.projects = projects;
        this.campaigns = campaigns;
    }

    @Override
    public void insertInOpenProject(Campaign campaign) {
        if (!scope.sees(campaign.tenantId())) {
            throw new InvalidArgumentException(
                    "campaign",
                    "campaign " + campaign.id() + " belongs to tenant " + campaign.tenantId()
                            + ", not to this store's tenant " + scope.tenantId().orElseThrow());
        }
        sql.inTransaction("inserting campaign " + campaign.id() + " in project " + campaign.projectId(), connection -> {
            Project project = projects.locked(connection, campaign.tenantId(), campaign.projectId())
                    .orElseThrow(() -> ProjectException.notFound(campaign.tenantId(), campaign.projectId()));
            if (project.isArchived()) {
                throw ProjectException.archived(project);
            }
            campaigns.insertIn(connection, campaign);
            return null;
        });
    }
}
