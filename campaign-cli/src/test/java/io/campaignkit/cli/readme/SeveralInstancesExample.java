package io.campaignkit.cli.readme;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import javax.sql.DataSource;

/**
 * The README's "several instances" example, compiled and run by {@link SeveralInstancesExampleTest};
 * the lines between the markers must stand in README.md exactly.
 */
final class SeveralInstancesExample {

    private SeveralInstancesExample() {}

    static CampaignEngine engine(DataSource postgres, ChannelAdapter whatsApp, BotFlowRegistry bots) {
        // README:BEGIN
        JdbcCampaignStore store =
                JdbcCampaignStore.builder().dataSource(postgres).tenant("acme").build();
        CampaignEngine engine = CampaignEngine.builder()
                .storage(store.storage()) // every port on the database, pacing included
                .channel(whatsApp)
                .botFlows(bots) // a launch refuses a campaign whose bot flow is not here
                .build();
        // README:END
        return engine;
    }
}
