package io.campaignkit.core.port;

import io.campaignkit.core.campaign.Campaign;

/**
 * Creating a campaign only in an existing, unarchived project of its tenant, atomically: under any
 * interleaving with the project's archiving ({@link ProjectStore#saveProject}), a campaign is never stored in
 * a project archived before it (a database locks the project's row, checks it and inserts the campaign in
 * one transaction). A {@link ProjectStore} offers it through {@link ProjectStore#projectCampaigns()}; the
 * store must keep the campaigns the engine's {@link CampaignStore} keeps. Its contract kit is
 * {@code ProjectCampaignsContractKit}.
 */
public interface ProjectCampaigns {

    /**
     * Stores {@code campaign}, as {@link CampaignStore#insert} does, if its tenant's project exists and is
     * not archived.
     *
     * @throws ProjectException {@value ProjectException#PROJECT_NOT_FOUND} or
     *     {@value ProjectException#PROJECT_ARCHIVED}; nothing is stored
     * @throws DuplicateCampaignException if a campaign with its id is stored
     */
    void insertInOpenProject(Campaign campaign);
}
