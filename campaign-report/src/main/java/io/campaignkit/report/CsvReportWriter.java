package io.campaignkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The per-recipient CSV (RFC 4180, CRLF line ends): the fixed columns, then one per custom-data
 * field. The {@code not_sent_reason} column holds the reason of each row the summary counts as not sent
 * ({@link ReportRow#notSentReason()}), so grouping it gives the not-sent figure and its breakdown. Rows are written as they come, nothing is held. Free-text cells that a spreadsheet would
 * run as a formula get a leading {@code '}.
 */
final class CsvReportWriter implements ReportWriter {

    static final List<String> FIXED_COLUMNS = List.of(
            "contact",
            "status",
            "error_code",
            "error_msg",
            "sent_at",
            "delivered_at",
            "read_at",
            "replied_at",
            "time_per_funnel_step",
            "provider_error",
            "not_sent_reason",
            "channel",
            "fallback_from");

    @Override
    public void write(CampaignReport report, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (String column : FIXED_COLUMNS) {
            appendCell(line, column);
        }
        for (String field : report.fields()) {
            appendCell(line, neutralized(field));
        }
        writeLine(out, line);
        try {
            report.rows().forEachRow(row -> {
                appendCell(line, row.contact());
                appendCell(line, row.status());
                appendCell(line, neutralized(row.errorCode().orElse("")));
                appendCell(line, neutralized(row.errorMessage().orElse("")));
                appendCell(line, timestamp(row.sentAt()));
                appendCell(line, timestamp(row.deliveredAt()));
                appendCell(line, timestamp(row.readAt()));
                appendCell(line, timestamp(row.repliedAt()));
                appendCell(line, neutralized(funnelSteps(row.funnelSteps())));
                appendCell(line, neutralized(row.providerError().orElse("")));
                appendCell(line, neutralized(row.notSentReason().orElse("")));
                appendCell(line, neutralized(row.channel().orElse("")));
                appendCell(line, neutralized(String.join(" ", row.earlierChannels())));
                for (String field : report.fields()) {
                    appendCell(line, neutralized(row.customData().getOrDefault(field, "")));
                }
                try {
                    writeLine(out, line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /**
     * Spreadsheets run a cell that starts with {@code = + - @} (or a tab or carriage return before
     * one) as a formula; a leading {@code '} makes them show it as text.
     */
    static String neutralized(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formulaLike =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaLike ? "'" + text : text;
    }

    /** {@code STEP=2026-01-02T10:00:00Z; NEXT=…}: each step with the instant it was reached. */
    static String funnelSteps(List<ReportRow.StepTime> steps) {
        return steps.stream().map(step -> step.step() + "=" + iso(step.at())).collect(Collectors.joining("; "));
    }

    static String timestamp(Optional<Instant> instant) {
        return instant.map(CsvReportWriter::iso).orElse("");
    }

    /** ISO-8601 in UTC to the millisecond: finer digits are noise in a report. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static void appendCell(StringBuilder line, String value) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static void writeLine(Writer out, StringBuilder line) throws IOException {
        line.append("\r\n");
        out.append(line);
        line.setLength(0);
    }
}
