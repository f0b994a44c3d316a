package io.campaignkit.example;

import io.campaignkit.core.engine.RecipientReport;
import io.campaignkit.core.port.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The per-contact report as CSV, JSON or HTML: phone, name, state, error code and the funnel's times.
 * The example's own few lines; a host with the library's report writers uses those instead.
 */
final class ReportFormats {

    static final List<String> COLUMNS = List.of("phone", "name", "state", "error", "sentAt", "deliveredAt", "readAt",
            "repliedAt");

    private ReportFormats() {
    }

    static List<String> values(RecipientReport row) {
        Recipient recipient = row.recipient();
        return List.of(recipient.phone().e164(), recipient.contact().displayName().orElse(""), recipient.state().name(),
                recipient.outcome().map(reason -> reason.code()).orElse(""), time(recipient.sentAt()),
                time(recipient.deliveredAt()), time(recipient.readAt()), time(recipient.repliedAt()));
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }

    static String csv(List<RecipientReport> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (RecipientReport row : rows) {
            List<String> cells = values(row).stream().map(ReportFormats::csvCell).toList();
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static String csvCell(String value) {
        // a leading =, +, - or @ would run as a formula in a spreadsheet: quote it with an apostrophe
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("\\+\\d+") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static String json(List<RecipientReport> rows) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            List<String> values = values(rows.get(i));
            out.append(i == 0 ? "\n  {" : ",\n  {");
            for (int c = 0; c < COLUMNS.size(); c++) {
                out.append(c == 0 ? "" : ", ").append(jsonString(COLUMNS.get(c))).append(": ").append(jsonString(values.get(c)));
            }
            out.append('}');
        }
        return out.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String html(String title, List<RecipientReport> rows) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1>").append(escape(title))
                .append("</h1>\n<table>\n<thead><tr>");
        COLUMNS.forEach(column -> out.append("<th scope=\"col\">").append(column).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (RecipientReport row : rows) {
            out.append("<tr>");
            values(row).forEach(value -> out.append("<td>").append(escape(value)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table></body></html>\n").toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
