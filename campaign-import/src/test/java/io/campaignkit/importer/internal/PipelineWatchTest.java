package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Out of memory, a pipeline thread can die while it reports its failure; the consumer then gets the
 * error that killed it (the CLI turns an OutOfMemoryError into its one line and exit 2) instead of
 * waiting for a result that never comes. The timeouts only bound a regression, which would hang.
 */
class PipelineWatchTest {

    @Test
    @Timeout(20)
    void aReaderThatDiedOutOfMemoryWithoutAWordIsReportedNotWaitedForForever() throws Exception {
        ImportPipeline.Watch watch = new ImportPipeline.Watch();
        Thread reader = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space"); // as if queueing its failure needed memory too
        });
        reader.setUncaughtExceptionHandler((dead, error) -> watch.died(error));
        watch.reader(reader);
        reader.start();
        reader.join(Duration.ofSeconds(10).toMillis());
        BlockingQueue<ImportPipeline.Item> queue = new ArrayBlockingQueue<>(4);

        assertThatThrownBy(() -> ImportPipeline.take(queue, watch))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("Java heap space");
    }

    @Test
    @Timeout(20)
    void aReaderThatStoppedWithoutAResultIsAnErrorNotAWait() throws Exception {
        ImportPipeline.Watch watch = new ImportPipeline.Watch();
        Thread reader = new Thread(() -> {});
        watch.reader(reader);
        reader.start();
        reader.join(Duration.ofSeconds(10).toMillis());

        assertThatThrownBy(() -> ImportPipeline.take(new ArrayBlockingQueue<>(4), watch))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reader thread stopped");
    }

    @Test
    @Timeout(20)
    void aBatchWhoseValidatorThreadDiedIsReportedNotWaitedForForever() {
        ImportPipeline.Watch watch = new ImportPipeline.Watch();
        watch.died(new OutOfMemoryError("Java heap space"));
        CompletableFuture<ValidatedRow[]> neverCompleted = new CompletableFuture<>();

        assertThatThrownBy(() -> ImportPipeline.join(neverCompleted, watch)).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aCompletedBatchIsReturnedAsItIs() {
        ValidatedRow[] rows = new ValidatedRow[0];
        assertThat(ImportPipeline.join(CompletableFuture.completedFuture(rows), new ImportPipeline.Watch()))
                .isSameAs(rows);
    }
}
