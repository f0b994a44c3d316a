package io.campaignkit.cli.internal;

import io.campaignkit.report.ReportSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary a run prints when it finishes, and {@code report} with the file it writes. */
final class SummaryPrinter {

    private SummaryPrinter() {}

    static void print(PrintWriter out, ReportSummary summary) {
        print(out, summary, Map.of());
    }

    /**
     * @param unknownCauses the unknown sends per cause (timed out, connection lost, unreadable
     *     answer…), so the reader sees what the provider did; empty when not counted
     */
    static void print(PrintWriter out, ReportSummary summary, Map<String, Long> unknownCauses) {
        out.printf(
                Locale.ROOT,
                "Campaign %s \"%s\" %s on %s%n",
                summary.campaignId(),
                summary.name(),
                summary.state(),
                summary.channel());
        line(out, "audience", summary.audience(), "");
        line(out, "sent", summary.sent(), "");
        line(
                out,
                "delivered",
                summary.delivered(),
                String.format(Locale.ROOT, "received %.1f%%", summary.receivedPercent()));
        line(out, "read", summary.read(), String.format(Locale.ROOT, "read %.1f%%", summary.readPercent()));
        line(out, "replied", summary.replied(), String.format(Locale.ROOT, "replied %.1f%%", summary.repliedPercent()));
        line(out, "failed", summary.failed(), reasons(summary.failedByCode()));
        line(out, "skipped", summary.skipped(), reasons(summary.skippedByReason()));
        if (summary.unknown() > 0) {
            line(
                    out,
                    "unknown",
                    summary.unknown(),
                    "no usable answer from the provider; not resent"
                            + (unknownCauses.isEmpty()
                                    ? ""
                                    : " (" + reasons(new java.util.TreeMap<>(unknownCauses)) + ")"));
        }
        line(
                out,
                "not sent",
                summary.notSent(),
                summary.notSent() == 0 ? "" : "failed + skipped + unknown: " + reasons(summary.notSentByReason()));
        if (summary.pending() > 0) {
            line(out, "pending", summary.pending(), "not sent yet");
        }
        out.flush();
    }

    private static void line(PrintWriter out, String label, long count, String note) {
        out.println(String.format(Locale.ROOT, "  %-10s %8d   %s", label, count, note)
                .stripTrailing());
    }

    private static String reasons(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * One pass over the recipients, only when some sends got no usable answer: what the provider
     * did to each (timed out, lost the connection, answered garbage), as the head of the adapter's
     * message (up to its first colon or semicolon, where the variable details start).
     */
    static Map<String, Long> unknownCauses(io.campaignkit.report.CampaignReport report) {
        Map<String, Long> counts = new java.util.HashMap<>();
        if (report.summary().unknown() > 0) {
            report.rows().forEachRow(row -> {
                if (row.status().equals("UNKNOWN")) {
                    String message = row.errorMessage().orElse("no message");
                    String head = message.split("[:;]", 2)[0].strip();
                    counts.merge(head.length() > 80 ? head.substring(0, 80) + "…" : head, 1L, Long::sum);
                }
            });
        }
        return counts;
    }
}
