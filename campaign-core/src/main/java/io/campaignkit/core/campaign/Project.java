package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * One of a tenant's (a client's) projects: the level between the client and its campaigns (client &gt;
 * project &gt; campaign). A campaign names its project by {@link Campaign#projectId()}; an engine given a
 * project store ({@code CampaignEngineBuilder.projects}) creates campaigns only in a project of their
 * tenant that is not archived. Archiving a project keeps it and its campaigns (running ones go on); it
 * only takes no new campaigns. Immutable; every change returns the next version, for the store's
 * optimistic update.
 *
 * @param tenantId the client it belongs to
 * @param id unique within the tenant (two tenants may each have a project {@code cobranza}), 1 to
 *     {@value #MAX_LENGTH} characters
 * @param name what people call it, 1 to {@value #MAX_LENGTH} characters
 * @param archivedAt when it was archived; empty while it takes campaigns
 * @param version 0 when created, one more after every change
 */
public record Project(
        String tenantId,
        String id,
        String name,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> archivedAt,
        long version) {

    /** The longest tenant id, project id and name. */
    public static final int MAX_LENGTH = 200;

    /** Checks every field and strips the texts. */
    public Project {
        tenantId = text(tenantId, "tenantId");
        id = text(id, "id");
        name = text(name, "name");
        Arguments.requireNonNull(createdAt, "createdAt");
        Arguments.requireNonNull(updatedAt, "updatedAt");
        Arguments.requireNonNull(archivedAt, "archivedAt");
        Arguments.require(version >= 0, "version", "version must not be negative, was " + version);
    }

    /** A new project, taking campaigns, at version 0. */
    public static Project create(String tenantId, String id, String name, Instant now) {
        return new Project(tenantId, id, name, now, now, Optional.empty(), 0);
    }

    /** This project under {@code newName}, one version on (the same project when the name is unchanged). */
    public Project rename(String newName, Instant now) {
        String stripped = text(newName, "name");
        return stripped.equals(name)
                ? this
                : new Project(
                        tenantId,
                        id,
                        stripped,
                        createdAt,
                        Arguments.requireNonNull(now, "now"),
                        archivedAt,
                        version + 1);
    }

    /** This project archived at {@code now}, one version on; an archived project stays as it is. */
    public Project archive(Instant now) {
        Arguments.requireNonNull(now, "now");
        return isArchived() ? this : new Project(tenantId, id, name, createdAt, now, Optional.of(now), version + 1);
    }

    /** Whether it no longer takes campaigns. */
    public boolean isArchived() {
        return archivedAt.isPresent();
    }

    private static String text(String value, String argument) {
        String stripped = Arguments.requireNonBlank(value, argument).strip();
        Arguments.require(
                stripped.length() <= MAX_LENGTH,
                argument,
                argument + " holds at most " + MAX_LENGTH + " characters, was " + stripped.length());
        return stripped;
    }
}
