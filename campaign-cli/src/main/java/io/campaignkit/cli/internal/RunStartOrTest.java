package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.TestSend;
import io.campaignkit.core.port.AudienceSource;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Recipient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two ways {@code run} does not launch at once: {@code --start-at} (the campaign is SCHEDULED in
 * the store and this process waits for its start, any engine on the store may launch it) and
 * {@code --test} (the message goes to test numbers of the contact file through a TEST campaign; the
 * run's campaign stays READY).
 *
 * @param startAt when to start, if scheduled
 * @param zone the zone to show the start in
 * @param testNumbers the test numbers, if a test send
 */
record RunStartOrTest(Optional<Instant> startAt, ZoneId zone, List<PhoneNumber> testNumbers) {

    static final RunStartOrTest NOW = new RunStartOrTest(Optional.empty(), ZoneId.of("UTC"), List.of());
    /** How long a test send waits for its messages' first answers before printing them. */
    static final Duration TEST_WAIT = Duration.ofSeconds(10);

    boolean isTest() {
        return !testNumbers.isEmpty();
    }

    /** The list id a run's campaign keeps: the file's absolute path when another process may have to read it again. */
    AudienceReference audience(Path contacts) {
        return AudienceReference.importedList(
                startAt.isPresent() || isTest()
                        ? contacts.toAbsolutePath().normalize().toString()
                        : contacts.getFileName().toString());
    }

    /** The imported list of this run from memory, any other campaign's from its file. */
    static AudienceSource source(Path contactFile, List<Contact> contacts) {
        FileAudienceSource files = new FileAudienceSource();
        String path = contactFile.toAbsolutePath().normalize().toString();
        return (campaign, list) -> list.listId().equals(path) ? contacts : files.importedList(campaign, list);
    }

    /**
     * Schedules the created campaign and waits for an engine (this one or another process's) to launch it.
     *
     * @return the launched campaign, or empty when stopped first (it stays scheduled) or unscheduled elsewhere
     */
    Optional<Campaign> scheduleAndWait(CliContext context, CampaignEngine engine, CampaignId id, StopSignal stop) {
        Instant start = startAt.orElseThrow();
        PrintWriter err = context.err();
        try {
            engine.schedule(id, Schedule.at(start));
        } catch (CampaignKitException refused) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID, "the campaign cannot be scheduled: " + refused.getMessage(), refused);
        }
        err.println("campaign " + id + " is SCHEDULED to start at "
                + start.atZone(zone).toLocalDateTime() + " " + zone
                + " (" + start
                + "); waiting for it. Ctrl-C leaves it scheduled (run by 'campaignkit serve' on this store;"
                + " 'campaignkit unschedule --campaign " + id + "' cancels it)");
        err.flush();
        while (true) {
            Campaign now = engine.find(id).orElseThrow();
            if (now.state() == CampaignState.ACTIVE || now.state() == CampaignState.FINISHED) {
                err.println("campaign " + id + " started at "
                        + now.launchedAt().map(Instant::toString).orElse("?"));
                return Optional.of(now);
            }
            if (now.state() != CampaignState.SCHEDULED) {
                err.println("campaign " + id + " was unscheduled meanwhile (" + now.state() + "); nothing was sent");
                return Optional.empty();
            }
            if (stop.awaitStop(RunWaits.TICK)) {
                err.println("stopped before the start: campaign " + id + " stays SCHEDULED for " + start + "; "
                        + "'campaignkit serve' on this store launches it then, 'campaignkit unschedule --campaign " + id
                        + "' cancels it");
                return Optional.empty();
            }
        }
    }

    /** Sends the created campaign's message to the test numbers and prints what each got. */
    int sendTest(CliContext context, CampaignEngine engine, CampaignId id, StopSignal stop) {
        PrintWriter out = context.out();
        TestSend test;
        try {
            test = engine.sendTest(id, testNumbers);
        } catch (IncompleteAudienceException unknown) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID,
                    "--test: "
                            + unknown.problems().stream()
                                    .map(p -> p.phone() + " " + p.message())
                                    .collect(Collectors.joining("; "))
                            + " (test numbers must be rows of the contact file)",
                    unknown);
        } catch (CampaignKitException refused) {
            throw new CliException(
                    CampaignKitCli.EXIT_INVALID, "the test cannot be sent: " + refused.getMessage(), refused);
        }
        CampaignId testId = test.testCampaign().id();
        context.err()
                .println("test campaign " + testId + " sends the message of " + id + " to " + testNumbers.size()
                        + " test numbers");
        Instant deadline = Instant.now().plus(TEST_WAIT);
        while (Instant.now().isBefore(deadline)) {
            CampaignMetrics metrics = engine.metrics(testId);
            if (metrics.pending() == 0 && metrics.sending() == 0 && engine.inFlight() == 0
                    || stop.awaitStop(RunWaits.TICK)) {
                break;
            }
        }
        for (Recipient recipient : engine.recipients(testId, -1, testNumbers.size())) {
            String outcome = recipient.state() == DeliveryState.SKIPPED || recipient.state() == DeliveryState.FAILED
                    ? "not sent: "
                            + recipient
                                    .outcome()
                                    .map(o -> o.code() + ": " + o.message())
                                    .orElse(recipient.state().name())
                    : recipient.state().name();
            out.println("test " + recipient.phone().e164() + " " + outcome);
        }
        engine.finish(testId);
        RunWaits.awaitCallbacks(engine, context.err());
        out.println("campaign " + id + " is unchanged (READY); 'campaignkit run' sends it, or schedule it with"
                + " 'campaignkit schedule --campaign " + id + " --start-at TIME'");
        out.flush();
        return CampaignKitCli.EXIT_OK;
    }
}
