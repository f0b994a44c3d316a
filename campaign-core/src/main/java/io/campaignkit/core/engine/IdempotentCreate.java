package io.campaignkit.core.engine;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.internal.Arguments;
import java.util.Optional;

/** {@link CampaignEngine#createIfAbsent}: the stored campaign wins, a concurrent creation included. */
final class IdempotentCreate {

    private IdempotentCreate() {}

    static Campaign createIfAbsent(
            CampaignEngine engine,
            CampaignId id,
            String tenantId,
            String projectId,
            CampaignKind kind,
            CampaignConfiguration configuration) {
        Arguments.requireNonNull(id, "id");
        Optional<Campaign> stored = engine.find(id);
        if (stored.isEmpty()) {
            try {
                return engine.create(id, tenantId, projectId, kind, configuration);
            } catch (io.campaignkit.core.port.VersionConflictException createdMeanwhile) {
                stored = engine.find(id); // another instance created it first
                if (stored.isEmpty()) {
                    throw createdMeanwhile;
                }
            }
        }
        Campaign campaign = stored.get();
        if (!campaign.tenantId().equals(tenantId)) {
            throw new InvalidArgumentException(
                    "id",
                    "campaign '" + id.value() + "' exists for another tenant than '" + tenantId + "'; pick another id");
        }
        return campaign;
    }
}
