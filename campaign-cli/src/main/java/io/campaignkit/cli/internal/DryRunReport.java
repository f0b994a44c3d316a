package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code run --dry-run}: plans the campaign the run would launch and prints the plan. The campaign is
 * created READY only for the engine to plan it, and deleted afterwards: nothing is sent, no contact is
 * engaged, and the store keeps nothing.
 */
final class DryRunReport {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private DryRunReport() {}

    static int print(
            CliContext context, CampaignEngine engine, CampaignConfiguration configuration, List<Contact> contacts) {
        CampaignId id = RunCampaign.newId();
        CampaignPlan plan;
        try {
            engine.create(id, CliStore.TENANT, RunCampaign.PROJECT, CampaignKind.LIVE, configuration);
            try {
                plan = engine.plan(id, LaunchRequest.importedContacts(contacts));
            } finally {
                engine.delete(id);
            }
        } catch (CampaignValidationException invalid) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "the campaign could not be launched: " + invalid.getMessage(),
                    invalid);
        } catch (CampaignKitException refused) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "the campaign could not be launched: " + refused.code() + ": " + refused.getMessage(),
                    refused);
        }
        write(context.out(), plan);
        return CampaignKitCli.EXIT_OK;
    }

    static void write(PrintWriter out, CampaignPlan plan) {
        ZoneId zone = plan.activeHours().zone();
        out.println("dry run: nothing sent, no contact engaged, nothing kept");
        out.printf(
                Locale.ROOT,
                "audience: %,d contacts%s%n",
                plan.audience(),
                plan.duplicates() == 0
                        ? ""
                        : String.format(Locale.ROOT, " (%,d repeated numbers left out)", plan.duplicates()));
        out.printf(
                Locale.ROOT,
                "would send: %,d%s%n",
                plan.wouldSend(),
                plan.perChannel().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, " on %s", e.getKey()))
                        .collect(Collectors.joining(",")));
        out.printf(
                Locale.ROOT,
                "would skip: %,d%s%n",
                plan.skippedTotal(),
                plan.skipped().isEmpty()
                        ? ""
                        : plan.skipped().entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", ", " (", ")")));
        out.printf(
                Locale.ROOT,
                "pace: %s, burst %d; sender %s limit %s, burst %d%n",
                plan.campaignPace(),
                plan.campaignPace().burst(),
                plan.sender().senderId(),
                plan.senderLimit(),
                plan.senderLimit().burst());
        out.println("hours: " + plan.activeHours().toText() + " " + zone);
        out.println("projected start: " + shown(plan.projectedStart().orElse(null), zone));
        out.println("projected finish: " + shown(plan.projectedFinish().orElse(null), zone));
        if (!plan.perZone().isEmpty()) {
            out.println("local hours: each contact's own clock; by zone:");
            plan.perZone().forEach((key, local) -> {
                ZoneId shownIn = ZoneId.of(key.split(",")[0]);
                out.printf(
                        Locale.ROOT,
                        "  %s: %,d, start %s, finish %s%s%n",
                        key,
                        local.wouldSend(),
                        shown(local.projectedStart().orElse(null), shownIn),
                        shown(local.projectedFinish().orElse(null), shownIn),
                        local.unsentAtEnd() == 0
                                ? ""
                                : String.format(Locale.ROOT, ", %,d unsent", local.unsentAtEnd()));
            });
        }
        plan.sms()
                .ifPresent(sms -> out.printf(
                        Locale.ROOT,
                        "SMS: %,d segments (%,d messages in GSM-7, %,d in UCS-2; at most %d segments a message)%n",
                        sms.totalSegments(),
                        sms.gsm7Messages(),
                        sms.ucs2Messages(),
                        sms.maxSegments()));
        plan.warnings().forEach(warning -> out.println("warning: " + warning));
        out.flush();
    }

    private static String shown(Instant instant, ZoneId zone) {
        return instant == null ? "-" : SHOWN.format(instant.atZone(zone));
    }
}
