package io.campaignkit.importer;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams files through the importer and prints their counts; run by {@link SmallHeapImportTest}
 * in a child JVM with a small heap, so that an OutOfMemoryError fails the test, not the build's JVM.
 */
public final class LowMemoryImportMain {

    private LowMemoryImportMain() {}

    public static void main(String[] args) {
        AudienceImporter importer = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .policy(ImportPolicy.LENIENT)
                .build();
        for (String file : args) {
            AtomicLong handedOver = new AtomicLong();
            ImportReport report = importer.importFile(Path.of(file), contact -> handedOver.incrementAndGet());
            System.out.println(report.format().id() + " rows=" + report.rows() + " valid=" + report.valid()
                    + " invalid=" + report.invalid() + " handedOver=" + handedOver.get()
                    + " maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
