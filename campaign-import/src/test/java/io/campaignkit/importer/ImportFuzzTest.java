package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the audience importer with raw file bytes (issue 19): whatever the bytes, an import
 * returns a result or throws {@link AudienceImportException}, never another exception, within
 * the per-input timeout and under small limits (so memory stays bounded whatever the file claims).
 *
 * <p>The normal build replays the corpus in {@code ImportFuzzTestInputs/<method>/}: real workbooks
 * (Apache POI's corpus, the shapes the other tests build) and text files in several encodings.
 * {@code JAZZER_FUZZ=1} fuzzes one method (see the module README).
 */
class ImportFuzzTest {

    private static final Path DIR = tempDir();

    /** Small limits: a fuzzed file may claim anything, the import must stay within these. */
    private static final AudienceImporter IMPORTER = AudienceImporter.builder()
            .schema(TextImportTest.SCHEMA)
            .policy(ImportPolicy.LENIENT)
            .maxRows(2_000)
            .parallelism(1)
            .build();

    @FuzzTest(maxDuration = "2m")
    @Timeout(10)
    void textFile(byte[] bytes) {
        importBytes("audience.tsv", bytes);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(10)
    void xlsxWorkbook(byte[] bytes) {
        importBytes("audience.xlsx", bytes);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(10)
    void xlsWorkbook(byte[] bytes) {
        importBytes("audience.xls", bytes);
    }

    private static void importBytes(String name, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        Path file = DIR.resolve(name);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ImportResult result = IMPORTER.importFile(file);
            assertThat(result.report()).isNotNull();
        } catch (AudienceImportException refused) {
            assertThat(refused.code()).isNotBlank();
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("import-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(DIR);
    }
}
