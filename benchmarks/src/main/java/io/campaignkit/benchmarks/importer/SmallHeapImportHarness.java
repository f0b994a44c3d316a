package io.campaignkit.benchmarks.importer;

import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportLimits;
import io.campaignkit.importer.ImportPolicy;
import io.campaignkit.importer.ImportReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two files of issue 14, item 8, imported in whatever heap the JVM is given: a 5,000,000-row
 * TSV (every number distinct, so the duplicate index holds them all) for {@code -Xmx128m}, and a
 * 10,000-column TSV of about 100 MB for {@code -Xmx256m}. The file is written first, in constant
 * memory, then imported once; an OutOfMemoryError fails the run. Not a JMH benchmark: one import
 * of 5 million rows is the measurement.
 *
 * <pre>{@code
 * ./mvnw -B -q -o package -pl benchmarks -am -DskipTests
 * java -Xmx128m -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar \
 *     io.campaignkit.benchmarks.importer.SmallHeapImportHarness rows 5000000
 * java -Xmx256m -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar \
 *     io.campaignkit.benchmarks.importer.SmallHeapImportHarness columns 10000
 * }</pre>
 */
public final class SmallHeapImportHarness {

    private SmallHeapImportHarness() {}

    public static void main(String[] args) throws IOException {
        String shape = args.length > 0 ? args[0] : "rows";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : shape.equals("rows") ? 5_000_000 : 10_000;
        Path file = Files.createTempFile("campaignkit-harness-", ".tsv");
        try {
            long written = shape.equals("rows") ? writeRows(file, size) : writeColumns(file, size);
            AudienceImporter importer = AudienceImporter.builder()
                    .policy(ImportPolicy.LENIENT)
                    .limits(ImportLimits.custom()
                            .maxRows(Math.max(ImportLimits.DEFAULT_MAX_ROWS, written))
                            .build())
                    .build();
            LongAdder handedOver = new LongAdder();
            long start = System.nanoTime();
            ImportReport report = importer.importFile(file, contact -> handedOver.increment());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "%s %d: %d MB file, %d rows (%d valid, %d invalid, %d handed over) in %.1f s"
                            + " (%.0f rows/s); max heap %d MiB, old generation peak %d MiB, %d cores%n",
                    shape,
                    size,
                    Files.size(file) / 1_000_000,
                    report.rows(),
                    report.valid(),
                    report.invalid(),
                    handedOver.sum(),
                    millis / 1000.0,
                    report.rows() * 1000.0 / Math.max(1, millis),
                    Runtime.getRuntime().maxMemory() >> 20,
                    oldGenerationPeak() >> 20,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code rows} distinct Mexican mobiles with a name each. */
    private static long writeRows(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CONTACT\n");
            for (int i = 0; i < rows; i++) {
                out.write("+5255");
                out.write(String.format("%08d", i));
                out.write('\n');
            }
        }
        return rows;
    }

    /**
     * A contact and {@code columns - 1} short values per row, rows until about 100 MB: the header
     * has no name for the extra columns, so every value is reported, the worst case for memory.
     */
    private static long writeColumns(Path file, int columns) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CONTACT");
            out.write("\t".repeat(columns - 1));
            out.write('\n');
            StringBuilder values = new StringBuilder();
            for (int c = 1; c < columns; c++) {
                values.append('\t').append(c % 10_000);
            }
            long bytes = 0;
            while (bytes < 100_000_000L) {
                String row = "+5255" + String.format("%08d", rows) + values;
                out.write(row);
                out.write('\n');
                bytes += row.length() + 1;
                rows++;
            }
        }
        return rows;
    }

    /** What survived collections at its highest: the duplicate index and the rows in flight live there. */
    private static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getPeakUsage() != null) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak;
    }
}
