package io.campaignkit.spring;

import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health, when the application has it: {@code campaignkitStore} (a read of the store) and
 * {@code campaignkitChannels} (each channel: DOWN while its credentials are refused, its last error in the
 * details).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class CampaignKitHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "campaignkitStoreHealthIndicator")
    HealthIndicator campaignkitStoreHealthIndicator(CampaignStorage storage) {
        return () -> {
            try {
                int active = storage.campaigns()
                        .findCampaigns(new CampaignQuery.ByState(CampaignState.ACTIVE, Optional.empty(), 100))
                        .size();
                return Health.up()
                        .withDetail("activeCampaigns", active >= 100 ? "100 or more" : active)
                        .build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "campaignkitChannelsHealthContributor")
    CompositeHealthContributor campaignkitChannelsHealthContributor(CampaignKitChannels channels) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        channels.statuses()
                .forEach((id, status) -> indicators.put(id, () -> {
                    Health.Builder health = status.credentialsRefused() ? Health.down() : Health.up();
                    status.lastError().ifPresent(error -> {
                        health.withDetail("lastError", error.errorClass().name())
                                .withDetail("lastErrorAt", error.at().toString());
                        error.providerCode().ifPresent(code -> health.withDetail("lastErrorCode", code));
                    });
                    return health.build();
                }));
        return CompositeHealthContributor.fromMap(indicators);
    }
}
