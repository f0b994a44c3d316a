package io.campaignkit.benchmarks.importer;

import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A million-row XLSX (a million distinct shared strings) streamed through the importer in a fork
 * whose heap is 64 MiB: the run fails with an OutOfMemoryError if memory is not flat. The fixture
 * is written in the same fork, in constant memory. Scores are rows per second (an iteration is
 * one whole import: JMH ends an iteration only once its invocation returns).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx64m", "-XX:+ExitOnOutOfMemoryError"})
@State(Scope.Benchmark)
public class XlsxSmallHeapBenchmark {

    static final int ROWS = 1_000_000;

    private Path dir;
    private Path xlsx;
    private AudienceImporter importer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("campaignkit-import-bench");
        xlsx = AudienceFiles.writeXlsx(dir.resolve("audience.xlsx"), ROWS);
        importer = AudienceImporter.builder()
                .schema(AudienceFiles.SCHEMA)
                .policy(ImportPolicy.STRICT)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        AudienceFiles.deleteRecursively(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long importXlsxUnder64MiB() {
        LongAdder handedOver = new LongAdder();
        ImportReport report = importer.importFile(xlsx, contact -> handedOver.increment());
        if (report.valid() != ROWS || !report.accepted()) {
            throw new IllegalStateException("benchmark file did not import cleanly: " + report.errors());
        }
        return handedOver.sum();
    }
}
