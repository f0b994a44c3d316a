package io.campaignkit.spring;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignEngineBuilder;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.ContactAvailability;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.micrometer.CampaignKitMetrics;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import io.campaignkit.store.jdbc.JdbcProjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * CampaignKit on Spring Boot: the JDBC store on the application's {@link DataSource}, its pacing store, its
 * project store, the channels, the bot flows (every {@link BotFlow} bean, under its bean name), the engine, its runner, and,
 * when the application has them, Micrometer meters, health indicators and the webhook endpoints. Every bean
 * is {@link ConditionalOnMissingBean}: declare your own to replace it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@EnableConfigurationProperties(CampaignKitProperties.class)
@Import({CampaignKitHealthConfiguration.class, CampaignKitWebhookConfiguration.class})
public class CampaignKitAutoConfiguration {

    /**
     * Name of an optional {@link Executor} bean on which the engine runs bots and listeners (the engine's own
     * pool when there is none).
     */
    public static final String CALLBACK_EXECUTOR = "campaignkitCallbackExecutor";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    public JdbcCampaignStore campaignStore(DataSource dataSource, CampaignKitProperties properties) {
        JdbcCampaignStore.Builder builder = JdbcCampaignStore.builder()
                .dataSource(dataSource)
                .migrate(properties.getStore().isMigrate());
        Optional.ofNullable(properties.getStore().getTenant()).ifPresent(builder::tenant);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcCampaignStore.class)
    public CampaignStorage campaignStorage(JdbcCampaignStore store) {
        return store.storage();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcCampaignStore.class)
    public PacingStore campaignPacingStore(JdbcCampaignStore store) {
        return JdbcPacingStore.on(store);
    }

    /**
     * The tenants' projects in the campaign store's database and scope; the engine then creates a campaign
     * only in an existing, unarchived project of its tenant ({@code engine.projects()}).
     * {@code campaignkit.store.projects=false} leaves projects out.
     */
    @Bean
    @ConditionalOnMissingBean(ProjectStore.class)
    @ConditionalOnBean(JdbcCampaignStore.class)
    @ConditionalOnBooleanProperty(name = "campaignkit.store.projects", matchIfMissing = true)
    public JdbcProjectStore campaignProjectStore(JdbcCampaignStore store) {
        return JdbcProjectStore.on(store);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MeterRegistry.class)
    public CampaignKitMetrics campaignKitMetrics(MeterRegistry registry) {
        return CampaignKitMetrics.on(registry);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CampaignKitChannels campaignKitChannels(
            CampaignKitProperties properties,
            ObjectProvider<ChannelAdapter> adapters,
            ObjectProvider<Clock> clock,
            ObjectProvider<CampaignKitMetrics> metrics) {
        CampaignKitMetrics meters = metrics.getIfAvailable();
        UnaryOperator<ChannelAdapter> metering = meters == null ? UnaryOperator.identity() : meters::meter;
        return new CampaignKitChannels(
                properties.getChannels(),
                adapters.orderedStream().toList(),
                clock.getIfAvailable(Clock::systemUTC),
                metering);
    }

    @Bean
    @ConditionalOnMissingBean
    public BotFlowRegistry campaignBotFlows(Map<String, BotFlow> bots) {
        return BotFlowRegistry.of(bots);
    }

    @Bean
    @ConditionalOnMissingBean
    public CampaignEngine campaignEngine(
            CampaignStorage storage,
            ObjectProvider<PacingStore> pacing,
            CampaignKitChannels channels,
            BotFlowRegistry bots,
            CampaignKitProperties properties,
            ObjectProvider<CampaignListener> listeners,
            ObjectProvider<CampaignKitMetrics> metrics,
            ObjectProvider<UnroutedMessageHandler> unrouted,
            ObjectProvider<ContactDirectory> directory,
            ObjectProvider<Clock> clock,
            @Qualifier(CALLBACK_EXECUTOR) ObjectProvider<Executor> callbacks,
            ObjectProvider<ContactAvailability> availability,
            ObjectProvider<ExclusivityPolicy> exclusivity,
            ObjectProvider<ProjectStore> projects) {
        CampaignKitProperties.Engine settings = properties.getEngine();
        CampaignEngineBuilder builder = CampaignEngine.builder()
                .storage(storage)
                .channels(channels.registry())
                .botFlows(bots)
                .maxInFlight(settings.getMaxInFlight())
                .batchSize(settings.getBatchSize())
                .leaseDuration(settings.getLeaseDuration())
                .conversationIdleTimeout(settings.getConversationIdleTimeout())
                .deliverySemantics(settings.getDeliverySemantics())
                .checkCredentialsAtLaunch(settings.isCheckCredentialsAtLaunch())
                .overlapLaunchBatches(settings.isOverlapLaunchBatches());
        Optional.ofNullable(settings.getOwnerId()).ifPresent(builder::ownerId);
        pacing.ifAvailable(builder::pacingStore);
        unrouted.ifAvailable(builder::unroutedMessages);
        directory.ifAvailable(builder::contactDirectory);
        clock.ifAvailable(builder::clock);
        callbacks.ifAvailable(builder::callbackExecutor);
        availability.ifAvailable(builder::contactAvailability);
        exclusivity.ifAvailable(builder::exclusivity);
        projects.ifAvailable(builder::projects);
        CampaignKitMetrics meters = metrics.getIfAvailable();
        List<CampaignListener> all =
                new java.util.ArrayList<>(listeners.orderedStream().toList());
        if (meters != null) {
            all.add(meters.listener());
        }
        if (!all.isEmpty()) {
            builder.listener(new CompositeCampaignListener(all));
        }
        CampaignEngine engine = builder.build();
        channels.simulated()
                .ifPresent(
                        channel -> channel.deliverWebhooksTo(request -> engine.handleWebhook(channel.id(), request)));
        if (meters != null) {
            meters.bindTo(engine).trackActive(activeCampaigns(storage));
        }
        return engine;
    }

    private static List<CampaignId> activeCampaigns(CampaignStorage storage) {
        return storage
                .campaigns()
                .findCampaigns(new CampaignQuery.ByState(
                        CampaignState.ACTIVE, Optional.empty(), io.campaignkit.core.port.CampaignStore.MAX_BATCH))
                .stream()
                .map(io.campaignkit.core.campaign.Campaign::id)
                .toList();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "campaignkit.runner.enabled", matchIfMissing = true)
    public CampaignKitRunner campaignKitRunner(
            CampaignEngine engine,
            CampaignKitProperties properties,
            CampaignKitChannels channels,
            ObjectProvider<CampaignKitMetrics> metrics) {
        CampaignKitMetrics meters = metrics.getIfAvailable();
        CampaignRunner.RunObserver observer = meters == null ? (took, failed) -> {} : meters.runObserver();
        return new CampaignKitRunner(
                engine,
                properties.getRunner().getMaxIdle(),
                properties.getRunner().getShutdownTimeout(),
                observer,
                channels.simulated());
    }
}
