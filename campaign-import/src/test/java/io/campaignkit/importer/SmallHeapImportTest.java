package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams 200,000-row TSV and XLSX files (every name distinct, so the XLSX shared-strings table is
 * large) through the importer in a child JVM limited to 32 MiB of heap.
 */
class SmallHeapImportTest {

    private static final int ROWS = 200_000;
    private static final int INVALID_EVERY = 1_000;

    @TempDir
    Path dir;

    @Test
    void largeFilesImportUnderA32MiBHeap() throws Exception {
        Path tsv = writeTsv(dir.resolve("large.tsv"));
        Path xlsx = writeXlsx(dir.resolve("large.xlsx"));

        List<String> output = runChild("-Xmx32m", tsv.toString(), xlsx.toString());

        long invalid = ROWS / INVALID_EVERY;
        String counts = " rows=" + ROWS + " valid=" + (ROWS - invalid) + " invalid=" + invalid + " handedOver="
                + (ROWS - invalid);
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("tsv" + counts));
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("xlsx" + counts));
    }

    @Test
    void rowsOfTenThousandColumnsImportUnderA48MiBHeap() throws Exception {
        // 300 rows of 10,000 short values: 15 MB of text, but as Strings a batch of 512 such rows
        // would take 250 MB; batches are cut by their size in memory, not only by their rows
        Path wide = dir.resolve("wide.tsv");
        try (BufferedWriter out = Files.newBufferedWriter(wide, StandardCharsets.UTF_8)) {
            out.write("CONTACT\tNOMBRE\tMONTO\tFECHA" + "\t".repeat(9_996) + "\n");
            StringBuilder values = new StringBuilder();
            for (int c = 4; c < 10_000; c++) {
                values.append('\t').append(c % 1000);
            }
            for (int i = 0; i < 300; i++) {
                out.write(String.format("+5255%08d\tCliente %d\t1\t2016-12-25%s%n", i, i, values));
            }
        }

        List<String> output = runChild("-Xmx48m", wide.toString());

        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("tsv rows=300 valid=0 invalid=300"));
    }

    private static String amount(int i) {
        return i % INVALID_EVERY == 0 ? "n/a" : (i % 997) + "." + (i % 10);
    }

    private static Path writeTsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CONTACT\tNOMBRE\tMONTO\tFECHA\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(String.format("+5255%08d\tCliente número %d\t%s\t2016-12-25%n", i, i, amount(i)));
            }
        }
        return file;
    }

    private static Path writeXlsx(Path file) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true)) {
            Sheet sheet = workbook.createSheet("Contacts");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            double date = DateUtil.getExcelDate(LocalDate.of(2016, 12, 25).atStartOfDay(), false);
            Row header = sheet.createRow(0);
            String[] names = {"CONTACT", "NOMBRE", "MONTO", "FECHA"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 0; i < ROWS; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(5_255_0000_0000d + i); // a phone typed as a number
                row.createCell(1).setCellValue("Cliente número " + i);
                String amount = amount(i);
                if (amount.equals("n/a")) {
                    row.createCell(2).setCellValue(amount);
                } else {
                    row.createCell(2).setCellValue(Double.parseDouble(amount));
                }
                row.createCell(3).setCellValue(date);
                row.getCell(3).setCellStyle(dateStyle);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    private static List<String> runChild(String heap, String... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                LowMemoryImportMain.class.getName()));
        command.addAll(List.of(files));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as("child output: %s", lines).isZero();
        return lines;
    }
}
