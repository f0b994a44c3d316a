/**
 * Micrometer meters of a campaign engine, for any host (Spring or not): see
 * {@link io.campaignkit.micrometer.CampaignKitMetrics}.
 */
module io.campaignkit.micrometer {
    requires static org.jspecify;
    requires transitive io.campaignkit.core;
    requires transitive micrometer.core;
    requires org.slf4j;

    exports io.campaignkit.micrometer;
}
