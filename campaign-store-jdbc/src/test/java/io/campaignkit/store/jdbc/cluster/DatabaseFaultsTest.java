package io.campaignkit.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignRunner;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database fails under a campaign that is sending on the production runner (real clock): the
 * PostgreSQL server is stopped and started again, or the pool has no connection free. The runner logs
 * one line, retries with its backoff, and the campaign resumes when the database is back: every
 * contact is sent exactly once, none is left pending or sending, and the answers the channel gave
 * while the database was down are recorded (SENT, not UNKNOWN).
 */
@EnabledOnOs(OS.LINUX) // the embedded binaries on the test classpath are linux-amd64's
class DatabaseFaultsTest {

    private static final int AUDIENCE = 400;
    private static final int PER_SECOND = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String UNAVAILABLE = "campaign store unavailable";

    @TempDir
    static Path directory;

    private static int port;
    private static EmbeddedPostgres server;
    private HikariDataSource pool;
    private ScheduledExecutorService scheduler;
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final StderrLines stderr = new StderrLines();

    /** One server for both tests (initdb is slow): the restart test starts it again on the same data. */
    @BeforeAll
    static void startTheServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = startPostgres();
    }

    @AfterAll
    static void stopTheServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void installScheduler() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        stderr.install();
    }

    @AfterEach
    void stop() {
        stderr.uninstall();
        scheduler.shutdownNow();
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void postgresqlStoppedAndStartedAgainMidCampaign() throws Exception {
        pool = pool(4);
        JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(pool).build();
        CampaignEngine engine = engine(store);
        CampaignId campaign = Engines.launch(engine, "restart", AUDIENCE, PER_SECOND);
        try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, Duration.ofMillis(500))) {
            await("a quarter sent", () -> sends.size() >= AUDIENCE / 4);

            server.close(); // a fast shutdown: sessions are cut, the data stays
            server = null;
            await("the runner saw the outage", () -> stderr.count(UNAVAILABLE) > 0);
            int sentWhileDown = sends.size();
            server = startPostgres();

            Instant restarted = Instant.now();
            await("the campaign completed", () -> completed(store, campaign));
            System.out.printf(
                    "database restart: %d of %d sent before the outage; completed %d ms after the restart%n",
                    sentWhileDown,
                    AUDIENCE,
                    Duration.between(restarted, Instant.now()).toMillis());
            assertThat(sentWhileDown).as("the outage came before the end").isLessThan(AUDIENCE);
        }
        engine.finish(campaign); // releases its contacts for the other test's campaign
        assertSentOnceAndSettled(store, campaign);
        assertOneLineFromCampaignKit();
    }

    @Test
    void aPoolWithNoConnectionFree() throws Exception {
        pool = pool(2);
        JdbcCampaignStore store = JdbcCampaignStore.builder().dataSource(pool).build();
        CampaignEngine engine = engine(store);
        CampaignId campaign = Engines.launch(engine, "exhausted", AUDIENCE, PER_SECOND);
        try (CampaignRunner runner = CampaignRunner.start(engine, scheduler, Duration.ofMillis(500))) {
            await("a quarter sent", () -> sends.size() >= AUDIENCE / 4);

            List<Connection> taken = new ArrayList<>();
            // someone else holds every connection of the pool (a slow report, a leak)
            taken.add(pool.getConnection());
            taken.add(pool.getConnection());
            await("the runner saw the exhausted pool", () -> stderr.count(UNAVAILABLE) > 0);
            assertThat(stderr.linesWith(UNAVAILABLE).get(0)).contains("Connection is not available");
            for (Connection connection : taken) {
                connection.close();
            }

            await("the campaign completed", () -> completed(store, campaign));
        }
        engine.finish(campaign); // releases its contacts for the other test's campaign
        assertSentOnceAndSettled(store, campaign);
        assertOneLineFromCampaignKit();
    }

    /** The pool and the driver log what they like; CampaignKit says it once, in one line. */
    private void assertOneLineFromCampaignKit() {
        assertThat(stderr.lines().stream().filter(line -> line.matches("\\[[^]]*] (WARN|ERROR) io\\.campaignkit.*")))
                .as("CampaignKit's warnings:%n%s", stderr)
                .singleElement()
                .asString()
                .contains(UNAVAILABLE);
        int line = stderr.lines().indexOf(stderr.linesWith(UNAVAILABLE).get(0));
        assertThat(stderr.lines()
                        .subList(line + 1, Math.min(line + 2, stderr.lines().size())))
                .as("no stack trace after it")
                .noneMatch(next -> next.startsWith("\tat ") || next.startsWith("io.campaignkit"));
    }

    private void assertSentOnceAndSettled(JdbcCampaignStore store, CampaignId campaign) {
        assertThat(sends).as("every contact sent").hasSize(AUDIENCE);
        assertThat(sends)
                .as("none sent twice")
                .allSatisfy((phone, times) -> assertThat(times.get()).isEqualTo(1));
        RecipientCounts counts = store.counts(campaign);
        assertThat(counts.count(DeliveryState.PENDING) + counts.count(DeliveryState.SENDING))
                .as("none lost")
                .isZero();
        // the channel answered every send: each answer was recorded, even those given while the database was down
        assertThat(counts.count(DeliveryState.SENT)).as("%s", counts).isEqualTo(AUDIENCE);
    }

    private CampaignEngine engine(JdbcCampaignStore store) {
        Clock clock = Clock.systemUTC();
        InstantChannel channel = new InstantChannel(
                clock,
                phone -> sends.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet());
        return CampaignEngine.builder()
                .store(store)
                .channel(channel)
                .botFlows(BotFlowRegistry.of(Map.of(Engines.BOT_FLOW, (context, message, reply) -> {})))
                .clock(clock)
                .ownerId("faults")
                .senderBurst(PER_SECOND)
                .build();
    }

    private HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(250); // Hikari's least: a failure is seen at once
        config.setPoolName("faults");
        return new HikariDataSource(config);
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }

    private static boolean completed(JdbcCampaignStore store, CampaignId campaign) {
        try {
            return store.find(campaign)
                    .orElseThrow()
                    .dispatch()
                    .filter(DispatchState.Done.class::isInstance)
                    .isPresent();
        } catch (RuntimeException databaseStillStarting) {
            return false;
        }
    }

    /** Waits for a condition of real processes (a server, a runner on the real clock), with a deadline. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long for: " + what).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** What is written to standard error meanwhile (where slf4j-simple logs), passed through too. */
    private static final class StderrLines {
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        private PrintStream original;

        void install() {
            original = System.err;
            OutputStream tee = new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (captured) {
                        captured.write(b);
                    }
                    original.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    synchronized (captured) {
                        captured.write(bytes, offset, length);
                    }
                    original.write(bytes, offset, length);
                }
            };
            System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        }

        void uninstall() {
            System.setErr(original);
        }

        List<String> lines() {
            synchronized (captured) {
                return captured.toString(StandardCharsets.UTF_8).lines().toList();
            }
        }

        List<String> linesWith(String text) {
            return lines().stream().filter(line -> line.contains(text)).toList();
        }

        long count(String text) {
            return linesWith(text).size();
        }

        @Override
        public String toString() {
            return String.join("\n", lines());
        }
    }
}
