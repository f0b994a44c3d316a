package io.campaignkit.benchmarks.pacing;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendPacer;
import io.campaignkit.core.dispatch.pacing.SenderPacers;
import io.campaignkit.core.dispatch.pacing.TokenBucketPacer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pacing accuracy and cost, on a simulated clock (issue 4: "pacing accuracy at 20/s, 80/s and
 * 1,000/s over 60 simulated seconds: the exact count, and no window over the limit").
 *
 * <p>{@code sixtySimulatedSeconds} runs the time-driven runner of {@link SimulatedRun} over 60
 * simulated seconds; its time divided by the permits granted is the cost per acquisition. The
 * accuracy figures (permits granted, busiest one-second window, wake-ups) are deterministic:
 * they are measured once per trial, checked, and printed. {@code acquireOne} is the cost of one
 * granted {@code tryAcquire} on its own. {@code pacer} is the campaign's bucket alone, or
 * combined with a shared sender bucket at twice the rate (the engine's usual shape).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Pacing}
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class PacingBenchmark {

    private static final Duration SIXTY_SECONDS = Duration.ofSeconds(60);

    @Param({"20", "80", "1000"})
    int perSecond;

    @Param({"campaign", "campaign+sender"})
    String pacer;

    private RateLimit limit;
    private SendPacer acquireOnePacer;
    private Instant now;
    private long step;

    @Setup(Level.Trial)
    public void checkAccuracy() {
        limit = RateLimit.perSecond(perSecond);
        SimulatedRun.Figures figures = SimulatedRun.measure(newPacer(), SIXTY_SECONDS);
        long expected = limit.maxPermitsIn(SIXTY_SECONDS);
        System.out.printf(
                "%n[pacing accuracy] %s, %s, 60 simulated s: granted %d (expected exactly %d), "
                        + "busiest one-second window %d (limit %d), wake-ups %d%n",
                limit, pacer, figures.granted(), expected, figures.busiestSecond(), perSecond, figures.wakeUps());
        if (figures.granted() != expected || figures.busiestSecond() > perSecond) {
            throw new IllegalStateException("pacing is off: " + figures);
        }
        acquireOnePacer = newPacer();
        now = SimulatedRun.START;
        step = limit.period().toNanos() / limit.permits();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long sixtySimulatedSeconds() {
        return SimulatedRun.count(newPacer(), SIXTY_SECONDS);
    }

    /** One permit exactly when it is due (steps of 1/rate, which divide a second evenly here). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean acquireOne() {
        now = now.plusNanos(step);
        return acquireOnePacer.tryAcquire(now);
    }

    private SendPacer newPacer() {
        if (pacer.equals("campaign")) {
            return TokenBucketPacer.of(limit);
        }
        SenderPacers senders = new SenderPacers();
        return senders.campaignPacer(limit, new SenderKey("benchmark", "sender"), RateLimit.perSecond(2 * perSecond));
    }
}
