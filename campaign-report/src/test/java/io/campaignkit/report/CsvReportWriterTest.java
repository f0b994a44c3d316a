package io.campaignkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReportWriterTest {

    @Test
    void headerHasTheFixedColumnsThenOnePerField() throws IOException {
        List<String> lines = csv(Reports.report());

        assertThat(lines)
                .containsExactly(
                        "contact,status,error_code,error_msg,sent_at,delivered_at,read_at,replied_at,time_per_funnel_step,"
                                + "provider_error,not_sent_reason,channel,fallback_from,NOMBRE,MONTO,FECHA");
    }

    @Test
    void rowsCarryIsoUtcTimestampsFunnelStepsAndFieldsInSchemaOrder() throws IOException {
        List<String> lines = csv(Reports.report(Reports.delivered("+525500998877", "Carlos")));

        assertThat(lines.get(1))
                .isEqualTo(
                        "+525500998877,REPLIED,,,2026-03-02T15:00:00Z,2026-03-02T15:00:02Z,"
                                + "2026-03-02T15:00:30Z,2026-03-02T15:01:00Z,PAYMENT_PROMISED=2026-03-02T15:01:30Z,,,,,Carlos,1200,2016-12-25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tfoo", "\r=1"})
    void formulaLikeFreeTextIsNeutralized(String hostile) throws IOException {
        ReportRow row = Reports.failed("+525500998877", hostile);
        ReportRow named = Reports.delivered("+525511223344", hostile);

        String csv = String.join("\n", csv(Reports.report(row, named)));

        String neutralized = "'" + hostile;
        assertThat(cells(csv)).contains(neutralized);
        assertThat(cells(csv)).doesNotContain(hostile);
    }

    @Test
    void theContactColumnKeepsThePlainE164Number() throws IOException {
        List<String> lines = csv(Reports.report(Reports.failed("+525500998877", "rejected")));

        assertThat(lines.get(1)).startsWith("+525500998877,FAILED,PERMANENT_RECIPIENT,rejected,");
        // a custom-data value is free text: "-12" is neutralized like any other
        assertThat(lines.get(1)).endsWith(",Ana,'-12,2016-12-25");
        // the channel's own code comes after the funnel steps, then why it was not sent, the channels, then the custom
        // data
        assertThat(lines.get(1)).endsWith(",,131026,PERMANENT_RECIPIENT,,,Ana,'-12,2016-12-25");
    }

    @Test
    void theChannelThatReachedTheContactAndThoseItFellBackFromFollowTheNotSentReason() throws IOException {
        ReportRow row = Reports.delivered("+525500998877", "Carlos");
        ReportRow bySms = new ReportRow(
                row.contact(),
                row.status(),
                row.errorCode(),
                row.errorMessage(),
                row.sentAt(),
                row.deliveredAt(),
                row.readAt(),
                row.repliedAt(),
                List.of(),
                Optional.empty(),
                row.customData(),
                Optional.of("twilio:+15550001111"),
                List.of("whatsapp-cloud:109876543210"));

        List<String> lines = csv(Reports.report(bySms));

        assertThat(lines.get(1)).contains(",,,twilio:+15550001111,whatsapp-cloud:109876543210,Carlos,");
    }

    @Test
    void everyRowTheSummaryCountsAsNotSentCarriesItsReasonSoTheColumnAddsUpToTheFigure() throws IOException {
        ReportRow unknown = new ReportRow(
                "+525533445566",
                "UNKNOWN",
                Optional.of("LEASE_EXPIRED"),
                Optional.of("lost"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Map.of());
        List<String> lines = csv(Reports.report(
                Reports.failed("+525500998877", "rejected"),
                Reports.skipped("+525522334455"),
                unknown,
                Reports.delivered("+525511223344", "Carlos")));

        int column = CsvReportWriter.FIXED_COLUMNS.indexOf("not_sent_reason");
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.split(",", -1)[column])
                .containsExactly("PERMANENT_RECIPIENT", "UNRESOLVED_BINDING", "UNKNOWN_OUTCOME", "");
    }

    @Test
    void funnelStepNamesAndErrorCodesAreNeutralizedToo() throws IOException {
        ReportRow row = new ReportRow(
                "+525500998877",
                "FAILED",
                Optional.of("=cmd"),
                Optional.of("x"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(new ReportRow.StepTime("@step", Reports.T0)),
                Optional.of("-1"),
                Map.of());

        String line = csv(Reports.report(row)).get(1);

        assertThat(line).contains(",'=cmd,").contains(",'@step=2026-03-02T15:00:00Z,'-1,'=cmd");
    }

    @Test
    void commasQuotesAndNewlinesAreQuoted() throws IOException {
        ReportRow row = Reports.failed("+525500998877", "bad \"number\", try\nagain");

        StringWriter out = new StringWriter();
        ReportFormat.CSV.write(Reports.report(row), out);

        assertThat(out.toString()).contains(",\"bad \"\"number\"\", try\nagain\",");
    }

    @Test
    void rowsAreWrittenAsTheyComeNotCollectedFirst() throws IOException {
        int rows = 50_000;
        CountingWriter out = new CountingWriter();
        ReportRowSource source = action -> {
            for (int i = 0; i < rows; i++) {
                // every row handed over before this one is already written (header + i rows)
                assertThat(out.lines).isEqualTo(i + 1);
                action.accept(Reports.delivered("+5255" + String.format("%08d", i), "n" + i));
            }
        };

        ReportFormat.CSV.write(new CampaignReport(Reports.summary(), List.of("NOMBRE"), source), out);

        assertThat(out.lines).isEqualTo(rows + 1);
    }

    private static List<String> csv(CampaignReport report) throws IOException {
        StringWriter out = new StringWriter();
        ReportFormat.CSV.write(report, out);
        assertThat(out.toString()).endsWith("\r\n");
        return List.of(out.toString().split("\r\n"));
    }

    /** The unquoted cells of a CSV text, roughly: enough to find one cell's exact content. */
    private static List<String> cells(String csv) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static final class CountingWriter extends Writer {
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public Writer append(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
