package io.campaignkit.testkit.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The hooks and helpers of the {@link PacingStoreContractKit}: extend the kit, not this class.
 *
 * <p>Every check names its campaigns and senders with a suffix of its own ({@link #campaign},
 * {@link #sender}), so a store whose buckets outlive the check (rows in a shared database) needs no
 * cleaning between checks.
 */
public abstract class PacingContractSupport {

    /** Default of {@link #startTime()}. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2026-06-01T15:00:00Z");
    /** Default of {@link #concurrentAcquirers()}. */
    public static final int DEFAULT_CONCURRENT_ACQUIRERS = 4;
    /** Default of {@link #concurrencyTimeout()}. */
    public static final Duration DEFAULT_CONCURRENCY_TIMEOUT = Duration.ofSeconds(60);
    /** The channel type of the kit's senders. */
    public static final String CHANNEL = "whatsapp-cloud";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** For subclasses. */
    protected PacingContractSupport() {}

    /** The store under test. Called once per check; answer a new store or one shared by the checks. */
    protected abstract PacingStore store();

    /**
     * A second handle on the buckets of {@code store}, as another node would have: for a database-backed
     * store, a store on another connection pool to the same database. The concurrency checks split their
     * threads between the two. The default answers {@code store} itself (one process).
     */
    protected PacingStore anotherNode(PacingStore store) {
        return store;
    }

    /** The first instant of every check; the kit never reads the system clock. */
    protected Instant startTime() {
        return DEFAULT_START_TIME;
    }

    /** How many threads the concurrency checks start, half on each node. */
    protected int concurrentAcquirers() {
        return DEFAULT_CONCURRENT_ACQUIRERS;
    }

    /** How long the concurrency checks wait for their threads. */
    protected Duration concurrencyTimeout() {
        return DEFAULT_CONCURRENCY_TIMEOUT;
    }

    // ---------------------------------------------------------------- helpers for the checks

    /** {@link #startTime()} plus {@code millis}. */
    protected final Instant at(long millis) {
        return startTime().plusMillis(millis);
    }

    /** A campaign id unique to this check. */
    protected final CampaignId campaign(String name) {
        return CampaignId.of(name + "-" + suffix);
    }

    /** A sender unique to this check. */
    protected final SenderKey sender(String name) {
        return new SenderKey(CHANNEL, name + "-" + suffix);
    }

    /** The limits of campaign {@code campaign} on sender {@code sender}. */
    protected final SendLimits limits(String campaign, RateLimit campaignLimit, String sender, RateLimit senderLimit) {
        return new SendLimits(campaign(campaign), campaignLimit, sender(sender), senderLimit);
    }

    /** Asserts that {@code call} throws an {@link InvalidArgumentException} naming {@code argument}. */
    protected static void assertInvalidArgument(ThrowingCallable call, String argument) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(failure -> assertThat(((InvalidArgumentException) failure).argument())
                        .isEqualTo(argument))
                .hasMessageContaining(argument);
    }

    /** Permits granted at instants, in any order; answers the most granted in a half-open window. */
    protected static final class Grants {

        private final List<long[]> grants = new ArrayList<>();

        /** Records {@code permits} granted at {@code at}. */
        public synchronized void add(Instant at, int permits) {
            if (permits > 0) {
                grants.add(new long[] {at.getEpochSecond() * 1_000_000_000L + at.getNano(), permits});
            }
        }

        /** Every permit recorded. */
        public synchronized long total() {
            return grants.stream().mapToLong(grant -> grant[1]).sum();
        }

        /** The most permits recorded in any half-open window {@code [t, t + window)}. */
        public synchronized long maxIn(Duration window) {
            List<long[]> sorted = new ArrayList<>(grants);
            sorted.sort((a, b) -> Long.compare(a[0], b[0]));
            long length = window.toNanos();
            long max = 0;
            long inWindow = 0;
            int first = 0;
            // the fullest window starts at a grant: slide its start over the grants
            for (long[] grant : sorted) {
                inWindow += grant[1];
                while (sorted.get(first)[0] <= grant[0] - length) {
                    inWindow -= sorted.get(first)[1];
                    first++;
                }
                max = Math.max(max, inWindow);
            }
            return max;
        }
    }
}
