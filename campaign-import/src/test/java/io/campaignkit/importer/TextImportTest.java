package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextImportTest {

    static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("NOMBRE", FieldType.TEXT)
            .required("MONTO", FieldType.NUMBER)
            .required("FECHA", FieldType.DATE)
            .build();

    @TempDir
    Path dir;

    private final AudienceImporter importer =
            AudienceImporter.builder().schema(SCHEMA).build();

    @Test
    void readsTabSeparatedRowsIntoTypedContacts() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contacts.tsv",
                "CONTACT\tNOMBRE\tMONTO\tFECHA\n"
                        + "+525500998877\tCarlos\t1200.00\t2016-12-25\n"
                        + "+34612345678\t  Ana María \t-3.5\t2017-01-31\n");

        ImportResult result = importer.importFile(file);

        assertThat(result.format()).isEqualTo(ImportFormat.TSV);
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.valid()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.contacts())
                .extracting(c -> c.row(), c -> c.phone().e164(), c -> c.data().normalizedValues())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2, "+525500998877", Map.of("NOMBRE", "Carlos", "MONTO", "1200", "FECHA", "2016-12-25")),
                        org.assertj.core.groups.Tuple.tuple(
                                3,
                                "+34612345678",
                                Map.of("NOMBRE", "Ana María", "MONTO", "-3.5", "FECHA", "2017-01-31")));
    }

    @Test
    void readsSemicolonCsvWithUtf8ByteOrderMark() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contacts.csv",
                "CONTACT;NOMBRE;MONTO;FECHA\r\n" + "+525500998877;\"Pérez; Carlos\";1480.5;2016-12-25\r\n",
                StandardCharsets.UTF_8,
                true);

        ImportResult result = importer.importFile(file);

        assertThat(result.format()).isEqualTo(ImportFormat.CSV);
        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts().get(0).data().normalizedValues())
                .containsEntry("NOMBRE", "Pérez; Carlos")
                .containsEntry("MONTO", "1480.5");
    }

    @Test
    void readsCommaCsvWithQuotedDelimitersQuotesAndLineBreaks() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contacts.csv",
                "CONTACT,NOMBRE,MONTO,FECHA\n"
                        + "+525500998877,\"Carlos, \"\"el Grande\"\"\nsegunda línea\",1,2016-12-25\n"
                        + "+34612345678,Ana,x,2016-12-25\n");

        ImportResult result = importer.importFile(file);

        assertThat(result.validRowsEvenIfRefused().get(0).data().normalized("NOMBRE"))
                .contains("Carlos, \"el Grande\"\nsegunda línea");
        // one record is one spreadsheet row, even when a quoted value spans two lines
        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, ImportError.INVALID_NUMBER));
    }

    @Test
    void readsUtf16LittleEndianTabTextWithByteOrderMarkAsExcelUnicodeTextExports() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contacts.txt",
                "CONTACT\tNOMBRE\tMONTO\tFECHA\r\n" + "+525500998877\tJosé Ñúñez\t10\t2016-12-25\r\n",
                StandardCharsets.UTF_16LE,
                true);

        ImportResult result = importer.importFile(file);

        assertThat(result.format()).isEqualTo(ImportFormat.TSV);
        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts().get(0).data().normalized("NOMBRE")).contains("José Ñúñez");
    }

    @Test
    void readsUtf16BigEndianWithByteOrderMark() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contacts.tsv",
                "CONTACT\tNOMBRE\tMONTO\tFECHA\n" + "+525500998877\tJosé\t10\t2016-12-25\n",
                StandardCharsets.UTF_16BE,
                true);

        assertThat(importer.importFile(file).valid()).isEqualTo(1);
    }

    @Test
    void ignoresBlankRowsButCountsThemInRowNumbersAndAcceptsNoTrailingNewline() throws Exception {
        Path file = Fixtures.text(
                dir,
                "contacts.tsv",
                "\n"
                        + "CONTACT\tNOMBRE\tMONTO\tFECHA\n"
                        + "\n"
                        + " \t \t\t\n"
                        + "+525500998877\tCarlos\tabc\t2016-12-25");

        ImportResult result = importer.importFile(file);

        assertThat(result.rows()).isEqualTo(1);
        assertThat(result.errors())
                .extracting(ImportError::row, ImportError::column, ImportError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "MONTO", ImportError.INVALID_NUMBER));
        assertThat(result.errors().get(0).message()).startsWith("C5: ");
    }

    @Test
    void binaryGarbageNamedTsvIsUnreadable() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Path file = dir.resolve("contacts.tsv");
        Files.write(file, garbage);

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE));
    }

    @Test
    void invalidUtf8AfterTheSniffedStartIsUnreadableWithItsRow() throws Exception {
        StringBuilder rows = new StringBuilder("CONTACT\tNOMBRE\tMONTO\tFECHA\n");
        for (int i = 0; i < 5000; i++) {
            rows.append("+525500998877\tCarlos\t1\t2016-12-25\n");
        }
        Path file = dir.resolve("contacts.tsv");
        byte[] text = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = java.util.Arrays.copyOf(text, text.length + 2);
        withBadByte[text.length] = (byte) 0xC3; // an incomplete two-byte sequence
        withBadByte[text.length + 1] = '\n';
        Files.write(file, withBadByte);

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
            assertThat(e.getMessage()).contains("row 5002");
        });
    }

    @Test
    void aFileOfNeitherKnownContentNorNameIsUnsupported() throws Exception {
        Path file = dir.resolve("contacts.pdf");
        Files.write(file, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 0, 0});

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOfSatisfying(
                        AudienceImportException.class,
                        e -> assertThat(e.code()).isEqualTo(AudienceImportException.UNSUPPORTED_FORMAT));
    }

    @Test
    void textWithAnUnknownNameIsReadByItsContent() throws Exception {
        Path file = Fixtures.text(dir, "export.dat", "CONTACT;NOMBRE;MONTO;FECHA\n+525500998877;Carlos;1;2016-12-25\n");

        ImportResult result = importer.importFile(file);

        assertThat(result.format()).isEqualTo(ImportFormat.CSV);
        assertThat(result.valid()).isEqualTo(1);
    }

    @Test
    void anUnclosedQuoteIsRefusedAsARowTooLargeInsteadOfSwallowingTheFile() throws Exception {
        StringBuilder rows = new StringBuilder("CONTACT,NOMBRE,MONTO,FECHA\n+525500998877,\"Carlos,1,2016-12-25\n");
        for (int i = 0; i < 3000; i++) {
            rows.append("+525500998877,Carlos,1,2016-12-25\n");
        }
        Path file = Fixtures.text(dir, "contacts.csv", rows.toString());
        AudienceImporter limited = AudienceImporter.builder()
                .schema(SCHEMA)
                .limits(ImportLimits.custom().maxRowChars(10_000).build())
                .build();

        assertThatThrownBy(() -> limited.importFile(file)).isInstanceOfSatisfying(AudienceImportException.class, e -> {
            assertThat(e.code()).isEqualTo(AudienceImportException.ROW_TOO_LARGE);
            assertThat(e.getMessage()).contains("row 2").contains("closing quote");
        });
    }
}
