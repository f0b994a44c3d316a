package io.campaignkit.spring;

import io.campaignkit.core.engine.CampaignEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/** The webhook endpoints, in a servlet web application with Spring MVC. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "campaignkit.webhooks.enabled", matchIfMissing = true)
class CampaignKitWebhookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CampaignKitWebhookController campaignKitWebhookController(
            CampaignEngine engine, CampaignKitChannels channels, CampaignKitProperties properties) {
        return new CampaignKitWebhookController(engine, channels, properties.getWebhooks());
    }
}
