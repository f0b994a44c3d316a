package io.campaignkit.core.port;

import io.campaignkit.core.CampaignKitException;

/** A refused project operation; the {@link #code()} says which rule refused it. */
public final class ProjectException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** A project was created under an id its tenant already uses. */
    public static final String PROJECT_EXISTS = "PROJECT_EXISTS";
    /** The tenant has no project with the id (also: a campaign created in a project the tenant lacks). */
    public static final String PROJECT_NOT_FOUND = "PROJECT_NOT_FOUND";
    /** A project was saved over a version that is no longer the stored one: reload and retry. */
    public static final String PROJECT_VERSION_CONFLICT = "PROJECT_VERSION_CONFLICT";
    /** A campaign was created in an archived project. */
    public static final String PROJECT_ARCHIVED = "PROJECT_ARCHIVED";
    /** Projects were asked of an engine built without a project store. */
    public static final String NO_PROJECT_STORE = "NO_PROJECT_STORE";

    public ProjectException(String code, String message) {
        super(code, message);
    }

    /** {@value #PROJECT_EXISTS}. */
    public static ProjectException exists(String tenantId, String projectId) {
        return new ProjectException(
                PROJECT_EXISTS, "tenant " + tenantId + " has a project '" + projectId + "' already");
    }

    /** {@value #PROJECT_NOT_FOUND}. */
    public static ProjectException notFound(String tenantId, String projectId) {
        return new ProjectException(PROJECT_NOT_FOUND, "tenant " + tenantId + " has no project '" + projectId + "'");
    }

    /** {@value #PROJECT_VERSION_CONFLICT}. */
    public static ProjectException conflict(String tenantId, String projectId, long expected, long actual) {
        return new ProjectException(
                PROJECT_VERSION_CONFLICT,
                "project '" + projectId + "' of tenant " + tenantId
                        + " was expected at version " + expected + " but is stored at version " + actual
                        + ": it changed meanwhile; reload and retry");
    }

    /** {@value #PROJECT_ARCHIVED}: {@code project} takes no new campaigns. */
    public static ProjectException archived(io.campaignkit.core.campaign.Project project) {
        return new ProjectException(
                PROJECT_ARCHIVED,
                "project '" + project.id() + "' of tenant " + project.tenantId() + " is archived (since "
                        + project.archivedAt().map(Object::toString).orElse("?") + "): it takes no new campaigns");
    }
}
