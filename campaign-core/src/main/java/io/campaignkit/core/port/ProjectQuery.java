package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import java.util.Optional;

/** Which projects {@link ProjectStore#findProjects} returns: always one tenant's, by ascending project id. */
public sealed interface ProjectQuery {

    /** The tenant this query reads. */
    String tenantId();

    /** The tenant's project with {@code projectId}: none or one. Ids are kept stripped. */
    record ById(String tenantId, String projectId) implements ProjectQuery {
        public ById {
            tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
            projectId = Arguments.requireNonBlank(projectId, "projectId").strip();
        }
    }

    /**
     * A page of the tenant's projects after the project id {@code after} (exclusive; empty for the first
     * page), by ascending id; archived ones only when {@code includeArchived}.
     *
     * @param limit at most this many, from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record ByTenant(String tenantId, boolean includeArchived, Optional<String> after, int limit)
            implements ProjectQuery {

        public ByTenant {
            tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
            Arguments.requireNonNull(after, "after");
            after.ifPresent(id -> Arguments.requireNonBlank(id, "after"));
            after = after.map(String::strip);
            StoreArguments.requireLimit(limit);
        }

        /** The first page of the tenant's projects that take campaigns, {@code limit} at most. */
        public static ByTenant of(String tenantId, int limit) {
            return new ByTenant(tenantId, false, Optional.empty(), limit);
        }

        /** This query with archived projects too. */
        public ByTenant withArchived() {
            return new ByTenant(tenantId, true, after, limit);
        }

        /** The page after the project {@code projectId}. */
        public ByTenant after(String projectId) {
            return new ByTenant(
                    tenantId, includeArchived, Optional.of(Arguments.requireNonNull(projectId, "after")), limit);
        }
    }
}
