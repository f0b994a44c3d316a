package io.campaignkit.desk.internal;

import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskMetrics;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Metrics and the per-conversation exports. */
final class Reports {

    private Reports() {}

    static DeskMetrics metrics(List<DeskConversation> conversations, Optional<String> agentId) {
        List<DeskConversation> of = conversations.stream()
                .filter(conversation ->
                        agentId.isEmpty() || conversation.exclusiveAgent().equals(agentId))
                .toList();
        Optional<Duration> waiting =
                average(of, c -> c.firstAssignedAt().map(at -> Duration.between(c.handedOffAt(), at)));
        Optional<Duration> firstResponse = average(
                of,
                c -> c.firstAssignedAt()
                        .flatMap(assigned -> c.firstResponseAt().map(at -> Duration.between(assigned, at))));
        Optional<Duration> handle = average(
                of,
                c -> c.firstAssignedAt().flatMap(assigned -> c.closedAt().map(at -> Duration.between(assigned, at))));
        Map<String, Long> byDisposition = of.stream()
                .filter(c -> c.state() == DeskState.CLOSED)
                .collect(
                        Collectors.groupingBy(c -> c.disposition().orElseThrow(), TreeMap::new, Collectors.counting()));
        return new DeskMetrics(of.size(), waiting, firstResponse, handle, byDisposition);
    }

    private static Optional<Duration> average(
            List<DeskConversation> conversations, Function<DeskConversation, Optional<Duration>> measure) {
        List<Duration> values =
                conversations.stream().map(measure).flatMap(Optional::stream).toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(values.size()));
    }

    /**
     * One row per conversation: its agent, state, disposition, times, and one column per field and survey
     * question that any conversation has ({@code field:NAME}, {@code survey:QUESTION}).
     */
    static String csv(List<DeskConversation> conversations) {
        TreeSet<String> fields = new TreeSet<>();
        TreeSet<String> questions = new TreeSet<>();
        conversations.forEach(c -> {
            fields.addAll(c.fields().keySet());
            questions.addAll(c.surveyAnswers().keySet());
        });
        StringBuilder out =
                new StringBuilder("conversation_id,campaign_id,phone,state,agent,disposition,closed_by,handed_off_at,"
                        + "first_assigned_at,first_response_at,closed_at");
        fields.forEach(name -> out.append(',').append(cell("field:" + name)));
        questions.forEach(question -> out.append(',').append(cell("survey:" + question)));
        out.append("\r\n");
        for (DeskConversation c : conversations) {
            out.append(String.join(
                    ",",
                    cell(c.id()),
                    cell(c.campaignId().value()),
                    cell(c.phone().e164()),
                    c.state().name(),
                    cell(c.exclusiveAgent().orElse("")),
                    cell(c.disposition().orElse("")),
                    cell(c.closedBy().orElse("")),
                    c.handedOffAt().toString(),
                    time(c.firstAssignedAt()),
                    time(c.firstResponseAt()),
                    time(c.closedAt())));
            fields.forEach(name -> out.append(',').append(cell(c.fields().getOrDefault(name, ""))));
            questions.forEach(
                    question -> out.append(',').append(cell(c.surveyAnswers().getOrDefault(question, ""))));
            out.append("\r\n");
        }
        return out.toString();
    }

    /** An array of conversations, each with its fields, survey answers and transcript. */
    static String json(List<DeskConversation> conversations, Function<String, List<TranscriptEntry>> transcripts) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < conversations.size(); i++) {
            DeskConversation c = conversations.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"conversationId\":")
                    .append(string(c.id()))
                    .append(",\"campaignId\":")
                    .append(string(c.campaignId().value()))
                    .append(",\"phone\":")
                    .append(string(c.phone().e164()))
                    .append(",\"state\":")
                    .append(string(c.state().name()))
                    .append(",\"agent\":")
                    .append(optional(c.exclusiveAgent()))
                    .append(",\"disposition\":")
                    .append(optional(c.disposition()))
                    .append(",\"closedBy\":")
                    .append(optional(c.closedBy()))
                    .append(",\"handedOffAt\":")
                    .append(string(c.handedOffAt().toString()))
                    .append(",\"firstAssignedAt\":")
                    .append(optional(c.firstAssignedAt().map(Instant::toString)))
                    .append(",\"firstResponseAt\":")
                    .append(optional(c.firstResponseAt().map(Instant::toString)))
                    .append(",\"closedAt\":")
                    .append(optional(c.closedAt().map(Instant::toString)))
                    .append(",\"note\":")
                    .append(string(c.note()))
                    .append(",\"fields\":")
                    .append(object(c.fields()))
                    .append(",\"surveyAnswers\":")
                    .append(object(c.surveyAnswers()))
                    .append(",\"transcript\":[");
            List<TranscriptEntry> entries = transcripts.apply(c.id());
            for (int j = 0; j < entries.size(); j++) {
                TranscriptEntry e = entries.get(j);
                out.append(j == 0 ? "" : ",")
                        .append("{\"at\":")
                        .append(string(e.at().toString()))
                        .append(",\"author\":")
                        .append(string(e.author().name()))
                        .append(",\"authorId\":")
                        .append(optional(e.authorId()))
                        .append(",\"kind\":")
                        .append(string(e.kind()))
                        .append(",\"text\":")
                        .append(string(e.text()))
                        .append('}');
            }
            out.append("]}");
        }
        return out.append(']').toString();
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }

    /** A CSV cell, quoted when it holds a comma, quote or line break; a leading formula sign is neutralised. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]?[0-9.]+")
                ? "'" + value
                : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String object(Map<String, String> values) {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> string(e.getKey()) + ":" + string(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
    }

    private static String optional(Optional<String> value) {
        return value.map(Reports::string).orElse("null");
    }

    /** A JSON string literal. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
