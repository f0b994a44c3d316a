package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.Violation;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The campaign a run creates from its plan: its configuration, its id, and its creation (and launch),
 * with the engine's refusals turned into the CLI's "cannot be launched" error (exit 1).
 */
final class RunCampaign {

    /** The project every campaign of the CLI belongs to. */
    static final String PROJECT = "cli";

    private final CampaignRun.Plan plan;
    private final RunStartOrTest startOrTest;

    RunCampaign(CampaignRun.Plan plan, RunStartOrTest startOrTest) {
        this.plan = plan;
        this.startOrTest = startOrTest;
    }

    /** A fresh id: the time in UTC and a random suffix, so runs started in the same second differ. */
    static CampaignId newId() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return CampaignId.of("cli-" + stamp + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
    }

    CampaignConfiguration configuration(CustomDataSchema schema) {
        CampaignConfiguration.Builder configuration = plan.more()
                .configure(CampaignConfiguration.custom()
                        .name(plan.name())
                        .botFlowId(CliBot.BOT_FLOW_ID)
                        .channel(plan.channel().sender())
                        .message(plan.message()))
                .audience(startOrTest.audience(plan.contacts()))
                .schema(schema)
                .activeHours(plan.hours())
                .deliveryPlan(
                        DeliveryPlan.custom().startOnLaunch().pace(plan.pace()).build());
        plan.localHours().ifPresent(configuration::localHours);
        plan.contactRules().configure(configuration);
        return configuration.build();
    }

    /** Creates the campaign READY (to be scheduled or tested), or launches it when {@code contacts} is given. */
    Campaign create(CampaignEngine engine, CampaignId id, CustomDataSchema schema, List<Contact> contacts) {
        CampaignConfiguration configuration = configuration(schema);
        try {
            Campaign created = engine.create(id, CliStore.TENANT, PROJECT, CampaignKind.LIVE, configuration);
            if (created.state() != CampaignState.READY) {
                throw new CliException(
                        CampaignKitCli.EXIT_INVALID,
                        "the campaign cannot be launched: "
                                + describe(created.validation().violations()));
            }
            return contacts == null ? created : engine.launch(id, LaunchRequest.importedContacts(contacts));
        } catch (CampaignValidationException invalid) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "the campaign cannot be launched: " + describe(invalid.violations()),
                    invalid);
        } catch (CampaignKitException refused) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "the campaign cannot be launched: " + refused.code() + ": " + refused.getMessage(),
                    refused);
        }
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.code() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }
}
