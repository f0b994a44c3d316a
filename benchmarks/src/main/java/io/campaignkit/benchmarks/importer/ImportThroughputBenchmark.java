package io.campaignkit.benchmarks.importer;

import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The TSV import against its floor: the phone check (libphonenumber parse + validate, through
 * {@link PhoneNumber#parse}) of the same million numbers on the same cores, in the same fork.
 * Scores are rows per second. Target: {@code importTsv} at least 80% of {@code phoneCheckFloor}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class ImportThroughputBenchmark {

    static final int ROWS = 1_000_000;
    private static final int CHUNK = 512;

    private Path dir;
    private Path tsv;
    private String[] phones;
    private ExecutorService pool;
    private int threads;
    private AudienceImporter importer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("campaignkit-import-bench");
        tsv = AudienceFiles.writeTsv(dir.resolve("audience.tsv"), ROWS);
        phones = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            phones[i] = AudienceFiles.phone(i);
        }
        threads = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(threads);
        importer = AudienceImporter.builder()
                .schema(AudienceFiles.SCHEMA)
                .policy(ImportPolicy.STRICT)
                .parallelism(threads)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pool.shutdownNow();
        AudienceFiles.deleteRecursively(dir);
    }

    /** The floor: every number parsed and validated, spread over one thread per core. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long phoneCheckFloor() throws Exception {
        List<Callable<Long>> chunks = new ArrayList<>();
        for (int start = 0; start < ROWS; start += CHUNK) {
            int from = start;
            int to = Math.min(ROWS, start + CHUNK);
            chunks.add(() -> {
                long digits = 0;
                for (int i = from; i < to; i++) {
                    digits += PhoneNumber.parse(phones[i], null).e164().length();
                }
                return digits;
            });
        }
        long total = 0;
        for (Future<Long> chunk : pool.invokeAll(chunks)) {
            total += chunk.get();
        }
        return total;
    }

    /** The whole import, streamed: read, split, validate every field, find duplicates, hand over. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long importTsv() {
        LongAdder handedOver = new LongAdder();
        ImportReport report = importer.importFile(tsv, contact -> handedOver.increment());
        if (report.valid() != ROWS || !report.accepted()) {
            throw new IllegalStateException("benchmark file did not import cleanly: " + report.errors());
        }
        return handedOver.sum();
    }
}
