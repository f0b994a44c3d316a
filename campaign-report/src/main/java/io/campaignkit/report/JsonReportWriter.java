package io.campaignkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The report as one JSON object: {@code summary}, then {@code recipients}, streamed. */
final class JsonReportWriter implements ReportWriter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(CampaignReport report, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            writeSummary(json, report.summary());
            json.writeArrayFieldStart("fields");
            for (String field : report.fields()) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("recipients");
            try {
                report.rows().forEachRow(row -> {
                    try {
                        writeRow(json, row, report.fields());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void writeSummary(JsonGenerator json, ReportSummary summary) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeStringField("campaign", summary.campaignId());
        json.writeStringField("name", summary.name());
        json.writeStringField("state", summary.state());
        json.writeStringField("channel", summary.channel());
        if (summary.generatedAt().isPresent()) {
            json.writeStringField(
                    "generated_at", CsvReportWriter.iso(summary.generatedAt().get()));
        }
        json.writeNumberField("audience", summary.audience());
        json.writeNumberField("sent", summary.sent());
        json.writeNumberField("delivered", summary.delivered());
        json.writeNumberField("read", summary.read());
        json.writeNumberField("replied", summary.replied());
        json.writeNumberField("failed", summary.failed());
        json.writeNumberField("unknown", summary.unknown());
        json.writeNumberField("skipped", summary.skipped());
        json.writeNumberField("pending", summary.pending());
        json.writeNumberField("not_sent", summary.notSent());
        json.writeNumberField("received_pct", round(summary.receivedPercent()));
        json.writeNumberField("read_pct", round(summary.readPercent()));
        json.writeNumberField("replied_pct", round(summary.repliedPercent()));
        writeCounts(json, "failed_by_code", summary.failedByCode());
        writeCounts(json, "skipped_by_reason", summary.skippedByReason());
        writeCounts(json, "not_sent_by_reason", summary.notSentByReason());
        writeCounts(json, "funnel", summary.funnel());
        json.writeEndObject();
    }

    private static void writeRow(JsonGenerator json, ReportRow row, java.util.List<String> fields) throws IOException {
        json.writeStartObject();
        json.writeStringField("contact", row.contact());
        json.writeStringField("status", row.status());
        writeOptional(json, "error_code", row.errorCode());
        writeOptional(json, "error_msg", row.errorMessage());
        writeInstant(json, "sent_at", row.sentAt());
        writeInstant(json, "delivered_at", row.deliveredAt());
        writeInstant(json, "read_at", row.readAt());
        writeInstant(json, "replied_at", row.repliedAt());
        json.writeArrayFieldStart("funnel_steps");
        for (ReportRow.StepTime step : row.funnelSteps()) {
            json.writeStartObject();
            json.writeStringField("step", step.step());
            json.writeStringField("at", CsvReportWriter.iso(step.at()));
            json.writeEndObject();
        }
        json.writeEndArray();
        writeOptional(json, "provider_error", row.providerError());
        writeOptional(json, "not_sent_reason", row.notSentReason());
        writeOptional(json, "channel", row.channel());
        if (!row.earlierChannels().isEmpty()) {
            json.writeArrayFieldStart("fallback_from");
            for (String earlier : row.earlierChannels()) {
                json.writeString(earlier);
            }
            json.writeEndArray();
        }
        json.writeObjectFieldStart("values");
        for (String field : fields) {
            String value = row.customData().get(field);
            if (value != null) {
                json.writeStringField(field, value);
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String name, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
    }

    private static void writeOptional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        } else {
            json.writeNullField(name);
        }
    }

    private static void writeInstant(JsonGenerator json, String name, Optional<Instant> value) throws IOException {
        writeOptional(json, name, value.map(CsvReportWriter::iso));
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
