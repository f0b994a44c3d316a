package io.campaignkit.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcCampaignStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles (it is {@link EmbeddingExample}), runs, and is quoted exactly. */
class EmbeddingExampleTest {

    @Test
    void theExampleLaunchesAndFinishesACampaignForEveryRowOfTheFile(@TempDir Path dir) throws IOException {
        Path contacts = dir.resolve("noviembre.tsv");
        Files.writeString(contacts, "CONTACT\tNOMBRE\tMONTO\n+525512345678\tAna\t1200.50\n"
                + "+525512345679\tLuis\t80\n+34612345678\tMarta\t15\n");

        // the JDBC store on an H2 file, as in production (the CLI's tests do without the testkit)
        try (SimulatedChannel channel = SimulatedChannel.withClock(java.time.Clock.systemUTC());
                JdbcCampaignStore store = JdbcCampaignStores.h2File(dir.resolve("store"))) {
            CampaignMetrics metrics = EmbeddingExample.run(store.storage(), channel, contacts);

            assertThat(metrics.audience()).isEqualTo(3);
            assertThat(metrics.pending()).isZero();
        }
    }

    @Test
    void theReadmeQuotesTheExampleExactly() throws IOException {
        ReadmeQuote.assertQuotedExactly("EmbeddingExample");
    }
}
