package io.campaignkit.example;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.engine.CampaignMetrics;

/**
 * A campaign as the console and the API show it.
 *
 * @param id the campaign id
 * @param name its name
 * @param state DRAFT, READY, ACTIVE or FINISHED
 * @param phase what an active campaign is doing (PREPARING, WAITING, SENDING, PAUSED, DONE, FINISHING), else empty
 * @param metrics its live figures
 */
public record CampaignView(String id, String name, String state, String phase, Figures metrics) {

    /** The figures of {@link CampaignMetrics}, flat. */
    public record Figures(
            long audience,
            long pending,
            long sending,
            long sent,
            long delivered,
            long read,
            long replied,
            long failed,
            long unknown,
            long skipped) {

        /** The figures by name, for the pages' tables. */
        public java.util.Map<String, Long> byName() {
            java.util.Map<String, Long> all = new java.util.LinkedHashMap<>();
            all.put("audience", audience);
            all.put("pending", pending);
            all.put("sending", sending);
            all.put("sent", sent);
            all.put("delivered", delivered);
            all.put("read", read);
            all.put("replied", replied);
            all.put("failed", failed);
            all.put("unknown", unknown);
            all.put("skipped", skipped);
            return all;
        }

        static Figures of(CampaignMetrics m) {
            return new Figures(
                    m.audience(),
                    m.pending(),
                    m.sending(),
                    m.sent(),
                    m.delivered(),
                    m.read(),
                    m.replied(),
                    m.failed(),
                    m.unknown(),
                    m.skipped());
        }
    }

    static CampaignView of(Campaign campaign, CampaignMetrics metrics) {
        String phase = campaign.dispatch()
                .map(d -> d.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT))
                .orElse("");
        return new CampaignView(
                campaign.id().value(),
                campaign.configuration().name().orElse(campaign.id().value()),
                campaign.state().name(),
                phase,
                Figures.of(metrics));
    }

    /** The state and, when active, the phase: "ACTIVE (SENDING)". */
    public String label() {
        return phase.isEmpty() ? state : state + " (" + phase + ")";
    }
}
