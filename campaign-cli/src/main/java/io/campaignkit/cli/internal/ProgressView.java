package io.campaignkit.cli.internal;

import io.campaignkit.core.engine.CampaignMetrics;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a run's progress: a bar on a terminal, plain lines otherwise (logs, pipes, CI). */
interface ProgressView extends AutoCloseable {

    void update(CampaignMetrics metrics);

    @Override
    void close();

    static ProgressView forContext(CliContext context, long audience) {
        return context.interactive()
                ? new Bar(audience)
                : new Lines(context.err(), Clock.systemUTC(), Lines.DEFAULT_INTERVAL);
    }

    static long handled(CampaignMetrics metrics) {
        return metrics.audience() - metrics.pending() - metrics.sending();
    }

    static String describe(CampaignMetrics metrics) {
        return String.format(
                Locale.ROOT,
                "sent %d · delivered %d · read %d · replied %d · failed %d · skipped %d",
                metrics.sent(),
                metrics.delivered(),
                metrics.read(),
                metrics.replied(),
                metrics.failed(),
                metrics.skipped());
    }

    /** One line when something changed, at most once per interval, and a last one. */
    final class Lines implements ProgressView {
        static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

        private final PrintWriter err;
        private final Clock clock;
        private final Duration interval;
        private Instant lastPrinted = Instant.MIN;
        private String lastLine = "";
        private CampaignMetrics last;

        Lines(PrintWriter err, Clock clock, Duration interval) {
            this.err = err;
            this.clock = clock;
            this.interval = interval;
        }

        @Override
        public void update(CampaignMetrics metrics) {
            last = metrics;
            Instant now = clock.instant();
            if (now.isBefore(lastPrinted.plus(interval))) {
                return;
            }
            print(metrics);
            lastPrinted = now;
        }

        private void print(CampaignMetrics metrics) {
            String line = String.format(
                    Locale.ROOT,
                    "progress: %d/%d handled · %s",
                    handled(metrics),
                    metrics.audience(),
                    describe(metrics));
            if (!line.equals(lastLine)) {
                err.println(line);
                err.flush();
                lastLine = line;
            }
        }

        @Override
        public void close() {
            if (last != null) {
                print(last);
            }
        }
    }

    /** A terminal progress bar on stderr. */
    final class Bar implements ProgressView {
        private final ProgressBar bar;

        Bar(long audience) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Sending")
                    .setInitialMax(audience)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .build();
        }

        @Override
        public void update(CampaignMetrics metrics) {
            bar.stepTo(handled(metrics));
            bar.setExtraMessage(" " + describe(metrics));
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
