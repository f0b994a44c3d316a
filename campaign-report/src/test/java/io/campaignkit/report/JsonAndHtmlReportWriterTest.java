package io.campaignkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonAndHtmlReportWriterTest {

    @Test
    void jsonHasTheSummaryAndTheSameFieldsPerRecipient() throws IOException {
        CampaignReport report = Reports.report(
                Reports.delivered("+525500998877", "Carlos"), Reports.failed("+525511223344", "rejected"));

        JsonNode json = new ObjectMapper().readTree(write(ReportFormat.JSON, report));

        JsonNode summary = json.get("summary");
        assertThat(summary.get("audience").asLong()).isEqualTo(5);
        assertThat(summary.get("sent").asLong()).isEqualTo(4);
        assertThat(summary.get("received_pct").asDouble()).isEqualTo(75.0);
        assertThat(summary.get("read_pct").asDouble()).isEqualTo(66.7);
        assertThat(summary.get("replied_pct").asDouble()).isEqualTo(33.3);
        assertThat(summary.get("failed_by_code").get("PERMANENT_RECIPIENT").asLong())
                .isEqualTo(1);
        assertThat(summary.get("skipped_by_reason").get("UNRESOLVED_BINDING").asLong())
                .isEqualTo(1);
        JsonNode first = json.get("recipients").get(0);
        assertThat(first.get("contact").asText()).isEqualTo("+525500998877");
        assertThat(first.get("status").asText()).isEqualTo("REPLIED");
        assertThat(first.get("sent_at").asText()).isEqualTo("2026-03-02T15:00:00Z");
        assertThat(first.get("error_code").isNull()).isTrue();
        assertThat(first.get("funnel_steps").get(0).get("step").asText()).isEqualTo("PAYMENT_PROMISED");
        assertThat(first.get("values").get("MONTO").asText()).isEqualTo("1200");
        JsonNode second = json.get("recipients").get(1);
        assertThat(second.get("error_code").asText()).isEqualTo("PERMANENT_RECIPIENT");
        assertThat(second.get("error_msg").asText()).isEqualTo("rejected");
        assertThat(second.get("sent_at").isNull()).isTrue();
        assertThat(first.get("provider_error").isNull()).isTrue();
        assertThat(second.get("provider_error").asText()).isEqualTo("131026");
        assertThat(second.get("error_code").asText())
                .as("error_code stays CampaignKit's classification")
                .isEqualTo("PERMANENT_RECIPIENT");
    }

    @Test
    void jsonSaysHowManyWereNotSentWhyAndForEachRecipient() throws IOException {
        CampaignReport report = Reports.report(
                Reports.delivered("+525500998877", "Carlos"), Reports.failed("+525511223344", "rejected"));

        JsonNode json = new ObjectMapper().readTree(write(ReportFormat.JSON, report));

        JsonNode summary = json.get("summary");
        assertThat(summary.get("not_sent").asLong())
                .as("failed 1 + skipped 1 + unknown 0")
                .isEqualTo(2);
        assertThat(summary.get("not_sent_by_reason").get("PERMANENT_RECIPIENT").asLong())
                .isEqualTo(1);
        assertThat(summary.get("not_sent_by_reason").get("UNRESOLVED_BINDING").asLong())
                .isEqualTo(1);
        assertThat(summary.get("not_sent_by_reason").size()).isEqualTo(2);
        assertThat(json.get("recipients").get(0).get("not_sent_reason").isNull())
                .isTrue();
        assertThat(json.get("recipients").get(1).get("not_sent_reason").asText())
                .isEqualTo("PERMANENT_RECIPIENT");
    }

    @Test
    void htmlShowsTheNotSentFigureWithTheUnknownOutcomesAmongItsReasons() throws IOException {
        ReportSummary withUnknown = new ReportSummary(
                "c",
                "n",
                "FINISHED",
                "twilio",
                Optional.empty(),
                6,
                4,
                3,
                2,
                1,
                1,
                2,
                1,
                0,
                Map.of("PERMANENT_RECIPIENT", 1L),
                Map.of("OPTED_OUT", 1L),
                Map.of());
        String html = write(ReportFormat.HTML, new CampaignReport(withUnknown, List.of(), action -> {}));

        assertThat(withUnknown.notSent()).isEqualTo(4);
        assertThat(withUnknown.notSentByReason())
                .containsExactly(
                        java.util.Map.entry("OPTED_OUT", 1L),
                        java.util.Map.entry("PERMANENT_RECIPIENT", 1L),
                        java.util.Map.entry("UNKNOWN_OUTCOME", 2L));
        assertThat(html)
                .contains("<b>4</b><span>not sent (failed + skipped + unknown)</span>")
                .contains("<h2>Not sent: 4</h2>")
                .contains(
                        "<tr><td>UNKNOWN</td><td>UNKNOWN_OUTCOME</td><td class=\"n\">2</td><td class=\"n\">50.0%</td>")
                .contains("<td>OPTED_OUT</td><td class=\"n\">1</td><td class=\"n\">25.0%</td>");
    }

    @Test
    void htmlIsOneSelfContainedPageWithBothChartsAndTheFailureTable() throws IOException {
        String html = write(
                ReportFormat.HTML,
                Reports.report(
                        Reports.delivered("+525500998877", "Carlos"),
                        Reports.failed("+525511223344", "number <not> on WhatsApp"),
                        Reports.skipped("+525522334455")));

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg id=\"funnel\"")
                .contains("<svg id=\"sends\"")
                .contains("<table id=\"failures\">");
        // nothing loaded from anywhere: no scripts, no links, no external sources
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("@import")
                .doesNotContain("url(");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
        // the failure reasons with their counts and an example message, escaped
        assertThat(html)
                .contains("<td>PERMANENT_RECIPIENT</td><td class=\"n\">1</td>")
                .contains("number &lt;not&gt; on WhatsApp")
                .contains("<td>UNRESOLVED_BINDING</td>");
        // the channel's own code behind the failure, apart from CampaignKit's classification
        assertThat(html).contains("<th>Provider errors</th>").contains("on WhatsApp</td><td>131026 ×1</td></tr>");
        assertThat(html).contains("Cobranza &lt;marzo&gt;").doesNotContain("<marzo>");
    }

    @Test
    void theFunnelBarsAreProportionalToSent() throws IOException {
        String html = write(ReportFormat.HTML, Reports.report());

        String funnel = html.substring(html.indexOf("<svg id=\"funnel\""), html.indexOf("</svg>"));
        List<Integer> widths = widths(funnel);
        // sent 4, delivered 3, read 2, replied 1
        assertThat(widths).hasSize(4);
        assertThat(widths.get(1) * 4.0 / widths.get(0)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(widths.get(3) * 4.0 / widths.get(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(funnel).contains("75.0%");
    }

    @Test
    void sendsOverTimeCountEverySend() throws IOException {
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ReportRow row = Reports.delivered("+5255" + String.format("%08d", i), "x");
            rows.add(new ReportRow(
                    row.contact(),
                    row.status(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Reports.T0.plusSeconds(i / 2)),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Map.of()));
        }
        CampaignReport report = new CampaignReport(Reports.summary(), List.of(), action -> rows.forEach(action));

        String html = write(ReportFormat.HTML, report);

        String sends = html.substring(html.indexOf("<svg id=\"sends\""));
        Matcher titles = Pattern.compile(": (\\d+) sent</title>").matcher(sends);
        long total = 0;
        int bars = 0;
        while (titles.find()) {
            total += Long.parseLong(titles.group(1));
            bars++;
        }
        assertThat(total).isEqualTo(120);
        assertThat(bars).isBetween(2, 48);
    }

    @Test
    void aCampaignWithNothingSentSaysSo() throws IOException {
        String html = write(
                ReportFormat.HTML,
                new CampaignReport(
                        new ReportSummary(
                                "c",
                                "n",
                                "ACTIVE",
                                "twilio",
                                Optional.empty(),
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                Map.of(),
                                Map.of(),
                                Map.of()),
                        List.of(),
                        action -> {}));

        assertThat(html).contains("Nothing was sent.").contains("No recipient failed or was skipped.");
    }

    @Test
    void timeHistogramStaysBoundedOverLongSpans() {
        TimeHistogram histogram = new TimeHistogram();
        for (int i = 0; i < 50_000; i++) {
            histogram.add(Reports.T0.plusSeconds(i * 37L));
        }

        TimeHistogram.Bars bars = histogram.bars(48);

        assertThat(bars.values().length).isLessThanOrEqualTo(48);
        assertThat(java.util.Arrays.stream(bars.values()).sum()).isEqualTo(50_000);
    }

    private static List<Integer> widths(String svg) {
        Matcher matcher = Pattern.compile("<rect [^>]*width=\"(\\d+)\"").matcher(svg);
        List<Integer> widths = new ArrayList<>();
        while (matcher.find()) {
            widths.add(Integer.parseInt(matcher.group(1)));
        }
        return widths;
    }

    private static String write(ReportFormat format, CampaignReport report) throws IOException {
        StringWriter out = new StringWriter();
        format.write(report, out);
        return out.toString();
    }
}
