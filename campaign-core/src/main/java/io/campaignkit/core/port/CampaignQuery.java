package io.campaignkit.core.port;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.internal.StoreArguments;
import java.util.Optional;

/** Which campaigns {@link CampaignStore#findCampaigns} returns, by ascending id. */
public sealed interface CampaignQuery {

    /** The campaign with {@code id}: none or one. */
    record ById(CampaignId id) implements CampaignQuery {
        public ById {
            Arguments.requireNonNull(id, "id");
        }
    }

    /**
     * A page of the campaigns in {@code state} after {@code after} (exclusive; empty for the first
     * page). The engine walks ACTIVE campaigns this way.
     *
     * @param limit at most this many, from 1 to {@link CampaignStore#MAX_BATCH}
     */
    record ByState(CampaignState state, Optional<CampaignId> after, int limit) implements CampaignQuery {
        public ByState {
            Arguments.requireNonNull(state, "state");
            Arguments.requireNonNull(after, "after");
            StoreArguments.requireLimit(limit);
        }
    }

    /** A page of one tenant's project's campaigns after {@code after} (exclusive); the ids are kept stripped. */
    record ByProject(String tenantId, String projectId, Optional<CampaignId> after, int limit) implements CampaignQuery {
        public ByProject {
            tenantId = Arguments.requireNonBlank(tenantId, "tenantId").strip();
            projectId = Arguments.requireNonBlank(projectId, "projectId").strip();
            Arguments.requireNonNull(after, "after");
            StoreArguments.requireLimit(limit);
        }
    }
}
