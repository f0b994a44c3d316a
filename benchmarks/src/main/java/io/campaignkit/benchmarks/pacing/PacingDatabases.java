package io.campaignkit.benchmarks.pacing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcPacingStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The databases the pacing benchmarks run on, as the store benchmarks': an embedded PostgreSQL 17 with
 * zonky's settings (fsync and synchronous commits off, as {@code StoreDatabases} says) or an H2 file database; and a "node" on
 * them: a {@link JdbcPacingStore} on a connection pool of its own, as another application instance has.
 * Both are pooled by HikariCP, as {@code JdbcCampaignStores.h2File} pools H2 ({@code -Dck.h2pool=h2} takes H2's
 * own pool, whose hand-back empties H2's statement cache; the pacing figures before session 15 were taken on it).
 */
public final class PacingDatabases implements AutoCloseable {

    /** The database a benchmark runs on. */
    public enum Kind {
        H2,
        POSTGRESQL
    }

    private final EmbeddedPostgres postgres;
    private final String url;
    private final Path h2Directory;
    private final List<AutoCloseable> pools = new ArrayList<>();

    private PacingDatabases(EmbeddedPostgres postgres, String url, Path h2Directory) {
        this.postgres = postgres;
        this.url = url;
        this.h2Directory = h2Directory;
    }

    static PacingDatabases start(Kind kind) throws IOException {
        if (kind == Kind.POSTGRESQL) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
            return new PacingDatabases(postgres, postgres.getJdbcUrl("postgres", "postgres"), null);
        }
        Path directory = Files.createTempDirectory("ck-h2-pacing");
        return new PacingDatabases(null, "jdbc:h2:file:" + directory.resolve("pacing"), directory);
    }

    /** A pacing store on a pool of {@code connections} of its own; the first one migrates the schema. */
    synchronized JdbcPacingStore node(int connections) {
        DataSource dataSource;
        if (postgres == null && "h2".equals(System.getProperty("ck.h2pool"))) { // H2's own pool, to compare
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            pool.setMaxConnections(connections);
            pools.add(pool::dispose);
            dataSource = pool;
        } else { // HikariCP for both, as the store harnesses: it keeps H2's statement cache across transactions
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(postgres != null ? "postgres" : "sa");
            config.setPassword(postgres != null ? null : "");
            config.setMaximumPoolSize(connections);
            config.setMinimumIdle(Math.min(1, connections));
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            dataSource = pool;
        }
        return JdbcPacingStore.on(
                JdbcCampaignStore.builder().dataSource(dataSource).build());
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable pool : pools) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (h2Directory != null) {
            try (var files = Files.walk(h2Directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
