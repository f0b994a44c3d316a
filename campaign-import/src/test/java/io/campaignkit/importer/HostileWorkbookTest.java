package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks built to hurt: zip bombs, oversized parts, other formats in disguise. */
class HostileWorkbookTest {

    private static final List<Object> HEADER = List.of("CONTACT", "NOMBRE", "MONTO", "FECHA");

    @TempDir
    Path dir;

    private final AudienceImporter importer =
            AudienceImporter.builder().schema(TextImportTest.SCHEMA).build();

    private Path validWorkbook() throws IOException {
        return Fixtures.xlsx(
                dir, "valid.xlsx", List.of(HEADER, Arrays.asList("+525500998877", "Carlos", 1, "2016-12-25")));
    }

    /** Copies a workbook's entries into a new archive, plus extra entries. */
    private Path withExtraEntries(Path workbook, String name, Map<String, byte[]> extra) throws IOException {
        Path file = dir.resolve(name);
        try (ZipFile source = new ZipFile(workbook.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aPartThatInflatesLikeAZipBombIsRefusedWithoutTouchingPoisJvmWideLimits() throws Exception {
        double ratioBefore = ZipSecureFile.getMinInflateRatio();
        long entryBefore = ZipSecureFile.getMaxEntrySize();
        Path bomb = withExtraEntries(validWorkbook(), "bomb.xlsx", Map.of("xl/media/image1.bin", new byte[20_000_000]));

        assertThatThrownBy(() -> importer.importFile(bomb)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.ZIP_BOMB);
            assertThat(e.getMessage()).contains("xl/media/image1.bin");
        });
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(ratioBefore);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(entryBefore);
    }

    @Test
    void partsOverTheSizeOrCountLimitsAreRefused() throws Exception {
        Path workbook = validWorkbook();
        AudienceImporter smallParts = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .limits(ImportLimits.custom().maxEntryBytes(500).build())
                .build();
        AudienceImporter fewParts = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .limits(ImportLimits.custom().maxArchiveEntries(3).build())
                .build();
        AudienceImporter smallTotal = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .limits(ImportLimits.custom().maxTotalBytes(2000).build())
                .build();

        for (AudienceImporter limited : List.of(smallParts, fewParts, smallTotal)) {
            assertThatThrownBy(() -> limited.importFile(workbook))
                    .isInstanceOfSatisfying(
                            AudienceImportException.class,
                            e -> assertThat(e.code()).isEqualTo(AudienceImportException.FILE_TOO_LARGE));
        }
        assertThat(importer.importFile(workbook).valid()).isEqualTo(1);
    }

    @Test
    void otherZipBasedFilesAreUnsupported() throws Exception {
        Path ods = dir.resolve("contacts.ods");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(ods))) {
            out.putNextEntry(new ZipEntry("mimetype"));
            out.write("application/vnd.oasis.opendocument.spreadsheet".getBytes());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write("<office:document-content/>".getBytes());
            out.closeEntry();
        }

        assertThatThrownBy(() -> importer.importFile(ods)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNSUPPORTED_FORMAT);
            assertThat(e.getMessage()).contains(".ods").contains(".xlsx");
        });
    }

    @Test
    void aPasswordProtectedWorkbookIsUnreadableAndAnOle2DocumentUnsupported() throws Exception {
        Path encrypted = ole2(dir.resolve("secret.xlsx"), "EncryptionInfo");
        Path word = ole2(dir.resolve("letter.doc"), "WordDocument");

        assertThatThrownBy(() -> importer.importFile(encrypted))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE));
        assertThatThrownBy(() -> importer.importFile(word))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNSUPPORTED_FORMAT));
    }

    private static Path ole2(Path file, String entry) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), entry);
            fs.writeFilesystem(out);
        }
        return file;
    }

    @Test
    void manySharedStringsAreReadBackFromTheTemporaryFile() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 3000; i++) {
            rows.add(Arrays.asList(
                    String.format("+5255%08d", i),
                    "Nombre único número " + i + " ñ" + "x".repeat(20),
                    i,
                    "2016-12-25"));
        }
        Path file = Fixtures.xlsx(dir, "many.xlsx", rows);

        ImportResult result = importer.importFile(file);

        assertThat(result.valid()).isEqualTo(3000);
        for (int i = 0; i < 3000; i += 487) {
            assertThat(result.contacts().get(i).data().normalized("NOMBRE"))
                    .contains("Nombre único número " + i + " ñ" + "x".repeat(20));
        }
    }

    @Test
    void theTemporarySharedStringsFileIsDeletedAfterEveryImport() throws Exception {
        Path good = validWorkbook();
        Path bad = Fixtures.xlsx(
                dir,
                "bad.xlsx",
                List.of(
                        List.of("CONTACT", "NOMBRE", "MONTO", "FECHA"),
                        Arrays.asList("+525500998877", "x".repeat(3000), 1, "2016-12-25")));
        AudienceImporter limited = AudienceImporter.builder()
                .schema(TextImportTest.SCHEMA)
                .limits(ImportLimits.custom().maxRowChars(1000).build())
                .build();
        long before = temporarySharedStringFiles();

        importer.importFile(good);
        assertThatThrownBy(() -> limited.importFile(bad)).isInstanceOf(AudienceImportException.class);

        assertThat(temporarySharedStringFiles()).isEqualTo(before);
    }

    private static long temporarySharedStringFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(path -> path.getFileName().toString().startsWith("campaignkit-sst-"))
                    .count();
        }
    }

    @Test
    void readsStreamingWrittenWorkbooksWithInlineStrings() throws Exception {
        Path file = dir.resolve("streamed.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            Fixtures.fill(
                    workbook,
                    "Contacts",
                    false,
                    List.of(HEADER, Arrays.asList(525500998877d, "Carlos", 1200.5, "2016-12-25")));
            Fixtures.save(workbook, file);
        }

        ImportResult result = importer.importFile(file);

        assertThat(result.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.phone().e164()).isEqualTo("+525500998877");
            assertThat(contact.data().normalized("MONTO")).contains("1200.5");
        });
    }
}
