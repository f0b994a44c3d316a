package io.campaignkit.store.jdbc.internal;

import io.campaignkit.store.jdbc.JdbcDialect;
import java.time.Duration;
import java.util.Optional;

/**
 * The planner's statistics of a table, refreshed off the caller's thread. A launch asks for them when a
 * campaign's recipients pass a tenfold mark ({@link RecipientInserts}) and goes on storing while the database
 * samples the table: on PostgreSQL an {@code ANALYZE} of the recipients took about 80 ms whatever the
 * campaign's size (20 ms since V48 samples 3,000 rows), and a launch of 200,000 that waited for its three spent
 * a fifth of its time there.
 *
 * <p>A request while a refresh runs is coalesced into one more run after it; a refresh runs on a daemon thread
 * of its own, which ends when no request is left (a store holds no thread while idle). A dispatch that began
 * before its launch's last refresh ended kept plans made on the statistics from before, at half speed: so the
 * save that makes a launched campaign ready to send waits for a refresh still running (no node claims it
 * before), and so do a claim and a store closing (the next process finds the statistics).
 * A refresh that fails (the host's pool closed meanwhile, a database going down) is logged at {@code DEBUG}
 * and dropped: the statistics only guide the planner, and the database's autovacuum refreshes them too.
 */
final class StatisticsRefresh {

    private static final System.Logger LOG = System.getLogger(StatisticsRefresh.class.getName());
    private static final long PATIENCE_SECONDS = 10;

    private final Sql sql;
    private final String statement;
    private final Object lock = new Object();
    private boolean running;
    private boolean requested;

    StatisticsRefresh(Sql sql, String statement) {
        this.sql = sql;
        this.statement = statement;
    }

    /** The refresher of the recipients' statistics, when the database has one ({@link JdbcDialect#statisticsRefresh}). */
    static Optional<StatisticsRefresh> ofRecipients(Sql sql, JdbcDialect dialect) {
        return dialect.statisticsRefresh("ck_recipient").map(statement -> new StatisticsRefresh(sql, statement));
    }

    /** Asks for a refresh, and returns at once. */
    void request() {
        synchronized (lock) {
            requested = true;
            if (running) {
                return;
            }
            running = true;
        }
        Thread refresher = new Thread(this::runWhileRequested, "campaignkit-statistics");
        refresher.setDaemon(true);
        refresher.start();
    }

    /**
     * Waits until no refresh runs and none is asked for; answers whether that happened within {@code timeout}.
     * For a store's close, and for tests, which read what a refresh left.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * {@link #awaitIdle} up to {@value #PATIENCE_SECONDS} s, for a claim (whose plans want the statistics a launch
     * asked for) and a store closing; an interrupt is kept, and ends the wait.
     */
    void awaitQuietly() {
        try {
            awaitIdle(Duration.ofSeconds(PATIENCE_SECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runWhileRequested() {
        boolean idle = false;
        try {
            while (!(idle = idleUnlessRequested())) {
                refresh();
            }
        } finally {
            if (!idle) { // a refresh threw an Error: the next request starts a thread again
                synchronized (lock) {
                    running = false;
                    lock.notifyAll();
                }
            }
        }
    }

    /** Takes the request if there is one; else marks the refresher idle, in the same step as the check. */
    private boolean idleUnlessRequested() {
        synchronized (lock) {
            if (requested) {
                requested = false;
                return false;
            }
            running = false;
            lock.notifyAll();
            return true;
        }
    }

    private void refresh() {
        try {
            sql.inTransaction("refreshing statistics (" + statement + ")", connection -> {
                try (var refresh = connection.createStatement()) {
                    refresh.execute(statement);
                }
                return null;
            });
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.DEBUG, "statistics not refreshed: " + failure.getMessage(), failure);
        }
    }
}
