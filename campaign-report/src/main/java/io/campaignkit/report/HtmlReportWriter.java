package io.campaignkit.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page (no script, no network): the summary, the delivery funnel and the
 * sends over time as inline SVG, and the failure reasons. Rows are walked once, to count sends per
 * time slot and to pick an example message per failure reason; they are not held.
 */
final class HtmlReportWriter implements ReportWriter {

    private static final int MAX_BARS = 48;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;\
            color:#1f2933;padding:0 1rem}
            h1{margin-bottom:.2rem}.meta{color:#52606d;margin-top:0}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
            .card{border:1px solid #d9e2ec;border-radius:.5rem;padding:.6rem 1rem;min-width:7rem}
            .card b{display:block;font-size:1.5rem}.card span{color:#52606d;font-size:.85rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
            th,td{border-bottom:1px solid #d9e2ec;padding:.35rem .6rem;text-align:left}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            svg text{font-size:12px;fill:#1f2933}.empty{color:#52606d}
            """;

    @Override
    public void write(CampaignReport report, Writer out) throws IOException {
        ReportSummary summary = report.summary();
        TimeHistogram sends = new TimeHistogram();
        Map<String, String> exampleMessages = new LinkedHashMap<>();
        Map<String, Map<String, Long>> providerErrors = new LinkedHashMap<>();
        report.rows().forEachRow(row -> {
            row.sentAt().ifPresent(sends::add);
            row.notSentReason().ifPresent(code -> {
                exampleMessages.putIfAbsent(
                        row.status() + " " + code, row.errorMessage().orElse(""));
                row.providerError()
                        .ifPresent(provider -> providerErrors
                                .computeIfAbsent(row.status() + " " + code, key -> new java.util.TreeMap<>())
                                .merge(provider, 1L, Long::sum));
            });
        });

        StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(summary.name()))
                .append(" – campaign report</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        page.append("<h1>")
                .append(escape(summary.name()))
                .append("</h1>\n<p class=\"meta\">Campaign ")
                .append(escape(summary.campaignId()))
                .append(" · ")
                .append(escape(summary.state()))
                .append(" · channel ")
                .append(escape(summary.channel()));
        summary.generatedAt().ifPresent(at -> page.append(" · report of ").append(TIME.format(at)));
        page.append("</p>\n");

        appendCards(page, summary);
        page.append("<h2>Delivery funnel</h2>\n");
        appendFunnel(page, summary);
        page.append("<h2>Sends over time</h2>\n");
        appendSends(page, sends);
        page.append("<h2>Not sent: ").append(summary.notSent()).append("</h2>\n");
        appendFailures(page, summary, exampleMessages, providerErrors);
        if (!summary.funnel().isEmpty()) {
            page.append("<h2>Bot funnel steps</h2>\n<table>\n<tr><th>Step</th><th class=\"n\">Contacts</th></tr>\n");
            summary.funnel()
                    .forEach((step, count) -> page.append("<tr><td>")
                            .append(escape(step))
                            .append("</td><td class=\"n\">")
                            .append(count)
                            .append("</td></tr>\n"));
            page.append("</table>\n");
        }
        page.append("</body>\n</html>\n");
        out.write(page.toString());
        out.flush();
    }

    private static void appendCards(StringBuilder page, ReportSummary summary) {
        page.append("<div class=\"cards\">\n");
        card(page, "audience", Long.toString(summary.audience()));
        card(page, "sent", Long.toString(summary.sent()));
        card(page, "delivered", Long.toString(summary.delivered()));
        card(page, "read", Long.toString(summary.read()));
        card(page, "replied", Long.toString(summary.replied()));
        card(page, "failed", Long.toString(summary.failed()));
        card(page, "skipped", Long.toString(summary.skipped()));
        if (summary.unknown() > 0) {
            card(page, "no answer (unknown)", Long.toString(summary.unknown()));
        }
        card(page, "not sent (failed + skipped + unknown)", Long.toString(summary.notSent()));
        if (summary.pending() > 0) {
            card(page, "not sent yet", Long.toString(summary.pending()));
        }
        card(page, "received", percent(summary.receivedPercent()));
        card(page, "read", percent(summary.readPercent()));
        card(page, "replied", percent(summary.repliedPercent()));
        page.append("</div>\n");
    }

    private static void card(StringBuilder page, String label, String value) {
        page.append("<div class=\"card\"><b>")
                .append(escape(value))
                .append("</b><span>")
                .append(escape(label))
                .append("</span></div>\n");
    }

    /** Four bars, each as wide as its share of the sent messages. */
    private static void appendFunnel(StringBuilder page, ReportSummary summary) {
        String[] labels = {"sent", "delivered", "read", "replied"};
        long[] values = {summary.sent(), summary.delivered(), summary.read(), summary.replied()};
        String[] colours = {"#3e7cb1", "#2f9e8f", "#57ae5b", "#f0b429"};
        int width = 720;
        int labelWidth = 90;
        int barMax = width - labelWidth - 140;
        int rowHeight = 34;
        page.append(
                        "<svg id=\"funnel\" role=\"img\" aria-label=\"Delivery funnel\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(rowHeight * labels.length + 10)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(rowHeight * labels.length + 10)
                .append("\">\n");
        for (int i = 0; i < labels.length; i++) {
            int y = 5 + i * rowHeight;
            int barWidth = summary.sent() == 0 ? 0 : (int) Math.round((double) barMax * values[i] / summary.sent());
            String share = summary.sent() == 0 ? "" : " (" + percent(100.0 * values[i] / summary.sent()) + ")";
            page.append("<text x=\"0\" y=\"")
                    .append(y + 18)
                    .append("\">")
                    .append(labels[i])
                    .append("</text>")
                    .append("<rect x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(Math.max(barWidth, 1))
                    .append("\" height=\"24\" fill=\"")
                    .append(colours[i])
                    .append("\">")
                    .append("<title>")
                    .append(labels[i])
                    .append(": ")
                    .append(values[i])
                    .append("</title></rect>")
                    .append("<text x=\"")
                    .append(labelWidth + Math.max(barWidth, 1) + 6)
                    .append("\" y=\"")
                    .append(y + 18)
                    .append("\">")
                    .append(values[i])
                    .append(share)
                    .append("</text>\n");
        }
        page.append("</svg>\n");
    }

    /** A column per time slot, labelled with the first and last slot times. */
    private static void appendSends(StringBuilder page, TimeHistogram sends) {
        if (sends.isEmpty()) {
            page.append("<p class=\"empty\">Nothing was sent.</p>\n");
            return;
        }
        TimeHistogram.Bars bars = sends.bars(MAX_BARS);
        long max = Math.max(1, bars.max());
        int width = 720;
        int height = 220;
        int plotTop = 20;
        int plotBottom = height - 40;
        int plotLeft = 50;
        int slot = (width - plotLeft - 10) / bars.values().length;
        page.append(
                        "<svg id=\"sends\" role=\"img\" aria-label=\"Sends over time\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\">\n")
                .append("<line x1=\"")
                .append(plotLeft)
                .append("\" y1=\"")
                .append(plotBottom)
                .append("\" x2=\"")
                .append(width - 10)
                .append("\" y2=\"")
                .append(plotBottom)
                .append("\" stroke=\"#9aa5b1\"/>\n")
                .append("<text x=\"0\" y=\"")
                .append(plotTop + 4)
                .append("\">")
                .append(max)
                .append("</text>")
                .append("<text x=\"0\" y=\"")
                .append(plotBottom)
                .append("\">0</text>\n");
        for (int i = 0; i < bars.values().length; i++) {
            long value = bars.values()[i];
            int barHeight = (int) Math.round((double) (plotBottom - plotTop) * value / max);
            Instant start = bars.start().plus(bars.width().multipliedBy(i));
            page.append("<rect x=\"")
                    .append(plotLeft + i * slot + 1)
                    .append("\" y=\"")
                    .append(plotBottom - barHeight)
                    .append("\" width=\"")
                    .append(Math.max(1, slot - 2))
                    .append("\" height=\"")
                    .append(barHeight)
                    .append("\" fill=\"#3e7cb1\"><title>")
                    .append(TIME.format(start))
                    .append(": ")
                    .append(value)
                    .append(" sent</title></rect>\n");
        }
        Instant end = bars.start().plus(bars.width().multipliedBy(bars.values().length));
        page.append("<text x=\"")
                .append(plotLeft)
                .append("\" y=\"")
                .append(height - 18)
                .append("\">")
                .append(TIME.format(bars.start()))
                .append("</text>")
                .append("<text x=\"")
                .append(width - 10)
                .append("\" y=\"")
                .append(height - 18)
                .append("\" text-anchor=\"end\">")
                .append(TIME.format(end))
                .append("</text>")
                .append("<text x=\"")
                .append(plotLeft)
                .append("\" y=\"")
                .append(height - 2)
                .append("\">")
                .append("one bar per ")
                .append(describe(bars.width().getSeconds()))
                .append("</text>\n</svg>\n");
    }

    private static void appendFailures(
            StringBuilder page,
            ReportSummary summary,
            Map<String, String> examples,
            Map<String, Map<String, Long>> providerErrors) {
        if (summary.notSent() == 0) {
            page.append("<p class=\"empty\">No recipient failed or was skipped.</p>\n");
            return;
        }
        // the failed, the skipped and the unknown: the "not sent" figure, each reason's share of it
        long notSent = summary.notSent();
        page.append("<table id=\"failures\">\n<tr><th>Outcome</th><th>Reason</th><th class=\"n\">Recipients</th>")
                .append("<th class=\"n\">Share</th><th>Example message</th><th>Provider errors</th></tr>\n");
        appendReasonRows(page, "FAILED", summary.failedByCode(), notSent, examples, providerErrors);
        appendReasonRows(page, "SKIPPED", summary.skippedByReason(), notSent, examples, providerErrors);
        if (summary.unknown() > 0) {
            appendReasonRows(
                    page,
                    "UNKNOWN",
                    Map.of(io.campaignkit.core.engine.CampaignMetrics.UNKNOWN_OUTCOME, summary.unknown()),
                    notSent,
                    examples,
                    providerErrors);
        }
        page.append("</table>\n");
    }

    private static void appendReasonRows(
            StringBuilder page,
            String outcome,
            Map<String, Long> counts,
            long total,
            Map<String, String> examples,
            Map<String, Map<String, Long>> providerErrors) {
        counts.forEach((code, count) -> page.append("<tr><td>")
                .append(outcome)
                .append("</td><td>")
                .append(escape(code))
                .append("</td><td class=\"n\">")
                .append(count)
                .append("</td><td class=\"n\">")
                .append(percent(total == 0 ? 0 : 100.0 * count / total))
                .append("</td><td>")
                .append(escape(examples.getOrDefault(outcome + " " + code, "")))
                .append("</td><td>")
                .append(escape(providerCodes(providerErrors.getOrDefault(outcome + " " + code, Map.of()))))
                .append("</td></tr>\n"));
    }

    /** The channel's own codes behind one reason, with how many recipients each: {@code 131026 ×2, 131049 ×1}. */
    private static String providerCodes(Map<String, Long> codes) {
        return codes.entrySet().stream()
                .map(code -> code.getKey() + " ×" + code.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String describe(long seconds) {
        if (seconds % 3600 == 0) {
            return seconds == 3600 ? "hour" : seconds / 3600 + " hours";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "minute" : seconds / 60 + " minutes";
        }
        return seconds == 1 ? "second" : seconds + " seconds";
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
