package io.campaignkit.spring;

import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.engine.DeliverySemantics;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * CampaignKit's settings, under {@code campaignkit.}: store, engine, runner, webhooks and channels. Checked
 * at start-up; a wrong value stops the application with a message naming the property.
 */
@ConfigurationProperties(prefix = "campaignkit")
public class CampaignKitProperties implements InitializingBean {

    private final Store store = new Store();
    private final Engine engine = new Engine();
    private final Runner runner = new Runner();
    private final Webhooks webhooks = new Webhooks();
    /** The channels configured by properties. */
    @NestedConfigurationProperty
    private final ChannelProperties channels = new ChannelProperties();

    /** Checks the values once bound: a wrong one stops the start, naming the property. */
    @Override
    public void afterPropertiesSet() {
        check(engine.maxInFlight >= 1, "campaignkit.engine.max-in-flight", engine.maxInFlight, "must be at least 1");
        check(
                engine.batchSize >= 1 && engine.batchSize <= 500,
                "campaignkit.engine.batch-size",
                engine.batchSize,
                "must be from 1 to 500");
        positive(engine.leaseDuration, "campaignkit.engine.lease-duration");
        positive(engine.conversationIdleTimeout, "campaignkit.engine.conversation-idle-timeout");
        check(engine.deliverySemantics != null, "campaignkit.engine.delivery-semantics", null, "is required");
        positive(runner.maxIdle, "campaignkit.runner.max-idle");
        check(
                runner.shutdownTimeout != null && !runner.shutdownTimeout.isNegative(),
                "campaignkit.runner.shutdown-timeout",
                runner.shutdownTimeout,
                "must be zero or more");
        check(
                webhooks.pathPrefix != null && webhooks.pathPrefix.matches("/[A-Za-z0-9/_.-]*[A-Za-z0-9_.-]"),
                "campaignkit.webhooks.path-prefix",
                webhooks.pathPrefix,
                "must start with '/', not end with '/', and hold letters, digits, '/', '_', '.' or '-'");
        check(
                webhooks.publicBaseUrl == null || webhooks.publicBaseUrl.isAbsolute(),
                "campaignkit.webhooks.public-base-url",
                webhooks.publicBaseUrl,
                "must be an absolute URL such as https://hooks.example.com");
    }

    private static void positive(Duration value, String name) {
        check(
                value != null && !value.isNegative() && !value.isZero(),
                name,
                value,
                "must be a positive duration such as 30s");
    }

    private static void check(boolean valid, String name, @Nullable Object value, String reason) {
        if (!valid) {
            throw new InvalidConfigurationPropertyValueException(name, value, reason);
        }
    }

    public Store getStore() {
        return store;
    }

    public Engine getEngine() {
        return engine;
    }

    public Runner getRunner() {
        return runner;
    }

    public Webhooks getWebhooks() {
        return webhooks;
    }

    public ChannelProperties getChannels() {
        return channels;
    }

    /** The JDBC store on the application's DataSource. */
    public static class Store {
        /**
         * Whether the store applies its schema migrations at start-up. Set it to false when the
         * application's own Flyway runs them (add the store's migration location to spring.flyway.locations).
         */
        private boolean migrate = true;
        /** Limits the store to one tenant's data; every tenant when unset. */
        private @Nullable String tenant;
        /**
         * Whether the engine keeps the tenants' projects in the store: a campaign is then created only in an
         * existing, unarchived project of its tenant. false when the application does not use projects.
         */
        private boolean projects = true;

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public @Nullable String getTenant() {
            return tenant;
        }

        public void setTenant(@Nullable String tenant) {
            this.tenant = tenant;
        }

        public boolean isProjects() {
            return projects;
        }

        public void setProjects(boolean projects) {
            this.projects = projects;
        }
    }

    /** The engine's settings; the library's defaults when unset. */
    public static class Engine {
        /** This process's name on its leases; unique per process (a random one when unset). */
        private @Nullable String ownerId;
        /** Most sends awaiting the channel's answer at once. */
        private int maxInFlight = CampaignEngine.DEFAULT_MAX_IN_FLIGHT;
        /** Most recipients claimed or updated in one store call. */
        private int batchSize = CampaignEngine.DEFAULT_BATCH_SIZE;
        /** How long this process holds claimed recipients before another may recover them. */
        private Duration leaseDuration = CampaignEngine.DEFAULT_LEASE_DURATION;
        /** A conversation without messages for this long is closed. */
        private Duration conversationIdleTimeout = CampaignEngine.DEFAULT_CONVERSATION_IDLE_TIMEOUT;
        /** What happens to a send whose outcome is unknown. */
        private DeliverySemantics deliverySemantics = CampaignEngine.DEFAULT_DELIVERY_SEMANTICS;
        /**
         * Whether a launch first asks each sender's provider online whether it knows the sender and the
         * credentials (before the engine's lock, before anyone is engaged); off launches without asking.
         */
        private boolean checkCredentialsAtLaunch = true;

        /**
         * Whether a launch asks about its next batch of contacts (opt-outs, busy contacts, exclusivity) on a
         * thread of its own while it stores the current batch, the two on two database connections at once.
         */
        private boolean overlapLaunchBatches = true;

        public boolean isCheckCredentialsAtLaunch() {
            return checkCredentialsAtLaunch;
        }

        public void setCheckCredentialsAtLaunch(boolean checkCredentialsAtLaunch) {
            this.checkCredentialsAtLaunch = checkCredentialsAtLaunch;
        }

        public boolean isOverlapLaunchBatches() {
            return overlapLaunchBatches;
        }

        public void setOverlapLaunchBatches(boolean overlapLaunchBatches) {
            this.overlapLaunchBatches = overlapLaunchBatches;
        }

        public @Nullable String getOwnerId() {
            return ownerId;
        }

        public void setOwnerId(@Nullable String ownerId) {
            this.ownerId = ownerId;
        }

        public int getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public Duration getConversationIdleTimeout() {
            return conversationIdleTimeout;
        }

        public void setConversationIdleTimeout(Duration conversationIdleTimeout) {
            this.conversationIdleTimeout = conversationIdleTimeout;
        }

        public DeliverySemantics getDeliverySemantics() {
            return deliverySemantics;
        }

        public void setDeliverySemantics(DeliverySemantics deliverySemantics) {
            this.deliverySemantics = deliverySemantics;
        }
    }

    /** The runner that calls the engine while the application runs. */
    public static class Runner {
        /** Whether the runner starts with the application (off: the application calls runDue itself). */
        private boolean enabled = true;
        /** Longest wait between two runs, even with nothing due. */
        private Duration maxIdle = CampaignRunner.DEFAULT_MAX_IDLE;
        /** How long shutdown waits for sends in flight to be answered and recorded. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getMaxIdle() {
            return maxIdle;
        }

        public void setMaxIdle(Duration maxIdle) {
            this.maxIdle = maxIdle;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The webhook endpoints, {@code <path-prefix>/<channel id>}. */
    public static class Webhooks {
        /** Whether the endpoints are served (a servlet web application only). */
        private boolean enabled = true;
        /** Path under which each channel's endpoint is served. */
        private String pathPrefix = "/campaignkit/webhooks";
        /**
         * The public base URL providers call (scheme, host and port, such as https://hooks.example.com), when a
         * proxy rewrites the address: signatures over the URL (Twilio's) are checked against it.
         */
        private @Nullable URI publicBaseUrl;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPathPrefix() {
            return pathPrefix;
        }

        public void setPathPrefix(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        public @Nullable URI getPublicBaseUrl() {
            return publicBaseUrl;
        }

        public void setPublicBaseUrl(@Nullable URI publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
        }
    }
}
