package io.campaignkit.store.jdbc.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link CrashTest} kills: an engine that dispatches a launched campaign against
 * PostgreSQL until its channel stops answering, then says {@code STALLED} on standard output and
 * waits, with its sends in flight, to be killed.
 *
 * <p>Arguments: JDBC URL, send log file, sends before the channel stalls, the clock's start.
 */
public final class CrashChild {

    static final String STALLED = "STALLED";

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(pool).build();
        ManualClock clock = ManualClock.startingAt(Instant.parse(args[3]));
        InstantChannel channel = new InstantChannel(clock, new SendLog(Path.of(args[1])), Long.parseLong(args[2]));
        CampaignEngine engine = Engines.engine(store, channel, clock, "doomed-node");
        while (!channel.stalled()) {
            engine.runDue();
            clock.advance(Duration.ofSeconds(1));
        }
        System.out.println(STALLED + " after " + channel.sent() + " sends");
        System.out.flush();
        new CountDownLatch(1).await(); // in flight until killed
    }
}
