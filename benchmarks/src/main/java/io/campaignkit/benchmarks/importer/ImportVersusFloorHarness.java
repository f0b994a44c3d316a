package io.campaignkit.benchmarks.importer;

import com.sun.management.OperatingSystemMXBean;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportReport;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The TSV import against the phone-check floor, interleaved round by round so that both see the
 * same machine load, with the process CPU time each spends per row: on a shared machine the CPU
 * ratio is the steadier figure. Complements {@link ImportThroughputBenchmark}; not run by the build.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.campaignkit.benchmarks.importer.ImportVersusFloorHarness [rows] [rounds]}
 */
public final class ImportVersusFloorHarness {

    private ImportVersusFloorHarness() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("campaignkit-import-harness");
        try {
            Path tsv = AudienceFiles.writeTsv(dir.resolve("audience.tsv"), rows);
            String[] phones = new String[rows];
            for (int i = 0; i < rows; i++) {
                phones[i] = AudienceFiles.phone(i);
            }
            int threads = Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AudienceImporter importer = AudienceImporter.builder()
                    .schema(AudienceFiles.SCHEMA)
                    .parallelism(threads)
                    .build();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            System.out.printf("%d rows, %d cores; round 0 is warm-up%n", rows, threads);
            for (int round = 0; round <= rounds; round++) {
                long cpu0 = os.getProcessCpuTime();
                long start = System.nanoTime();
                checkPhones(phones, pool);
                long floorNanos = System.nanoTime() - start;
                long cpu1 = os.getProcessCpuTime();
                start = System.nanoTime();
                LongAdder handedOver = new LongAdder();
                ImportReport report = importer.importFile(tsv, contact -> handedOver.increment());
                long importNanos = System.nanoTime() - start;
                long cpu2 = os.getProcessCpuTime();
                if (report.valid() != rows) {
                    throw new IllegalStateException("the file did not import cleanly: " + report.errors());
                }
                System.out.printf(
                        "round %d: floor %,.0f rows/s (%d ns CPU/row), import %,.0f rows/s (%d ns CPU/row);"
                                + " throughput ratio %.2f, CPU ratio %.2f%n",
                        round,
                        rows * 1e9 / floorNanos,
                        (cpu1 - cpu0) / rows,
                        rows * 1e9 / importNanos,
                        (cpu2 - cpu1) / rows,
                        (double) floorNanos / importNanos,
                        (double) (cpu1 - cpu0) / (cpu2 - cpu1));
            }
            pool.shutdownNow();
        } finally {
            AudienceFiles.deleteRecursively(dir);
        }
    }

    private static void checkPhones(String[] phones, ExecutorService pool) throws Exception {
        List<Callable<Long>> chunks = new ArrayList<>();
        for (int start = 0; start < phones.length; start += 512) {
            int from = start;
            int to = Math.min(phones.length, start + 512);
            chunks.add(() -> {
                long digits = 0;
                for (int i = from; i < to; i++) {
                    digits += PhoneNumber.parse(phones[i], null).e164().length();
                }
                return digits;
            });
        }
        for (Future<Long> chunk : pool.invokeAll(chunks)) {
            chunk.get();
        }
    }
}
