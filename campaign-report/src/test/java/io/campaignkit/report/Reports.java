package io.campaignkit.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Report fixtures. */
final class Reports {

    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    private Reports() {}

    static ReportSummary summary() {
        return new ReportSummary(
                "cmp-1",
                "Cobranza <marzo>",
                "FINISHED",
                "simulated",
                Optional.of(T0.plusSeconds(3600)),
                5,
                4,
                3,
                2,
                1,
                1,
                0,
                1,
                0,
                Map.of("PERMANENT_RECIPIENT", 1L),
                Map.of("UNRESOLVED_BINDING", 1L),
                Map.of("PAYMENT_PROMISED", 1L));
    }

    static ReportRow delivered(String contact, String name) {
        return new ReportRow(
                contact,
                "REPLIED",
                Optional.empty(),
                Optional.empty(),
                Optional.of(T0),
                Optional.of(T0.plusSeconds(2)),
                Optional.of(T0.plusSeconds(30)),
                Optional.of(T0.plusSeconds(60)),
                List.of(new ReportRow.StepTime("PAYMENT_PROMISED", T0.plusSeconds(90))),
                Optional.empty(),
                Map.of("NOMBRE", name, "MONTO", "1200", "FECHA", "2016-12-25"));
    }

    static ReportRow failed(String contact, String message) {
        return new ReportRow(
                contact,
                "FAILED",
                Optional.of("PERMANENT_RECIPIENT"),
                Optional.of(message),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.of("131026"),
                Map.of("NOMBRE", "Ana", "MONTO", "-12", "FECHA", "2016-12-25"));
    }

    static ReportRow skipped(String contact) {
        return new ReportRow(
                contact,
                "SKIPPED",
                Optional.of("UNRESOLVED_BINDING"),
                Optional.of("placeholder {{2}} has no value"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Map.of("NOMBRE", "Luz", "MONTO", "1", "FECHA", "2016-12-25"));
    }

    static CampaignReport report(ReportRow... rows) {
        return new CampaignReport(
                summary(),
                List.of("NOMBRE", "MONTO", "FECHA"),
                action -> List.of(rows).forEach(action));
    }
}
