package io.campaignkit.core.engine.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.CampaignValidationException;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.campaign.Unscheduling;
import io.campaignkit.core.campaign.Violation;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.EngineFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled campaigns: scheduling and unscheduling them, telling the host why one lost its schedule,
 * and, at every run, launching those whose start has come ({@link Launcher#launchScheduled}, one
 * engine wins) or unscheduling those whose window closed. A SCHEDULED campaign has no recipient and
 * no engagement: nothing of its audience is touched before the launch.
 */
final class Schedules {

    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
    private static final int CAMPAIGN_PAGE = 100;
    /** Codes of the refusals that unschedule a campaign at its start rather than retry it at the next run. */
    private static final Set<String> REFUSALS = Set.of(
            CampaignEngine.UNKNOWN_BOT_FLOW,
            Launcher.CHANNEL_CANNOT_CARRY,
            "NO_CONTACT_DIRECTORY",
            io.campaignkit.core.engine.PreflightException.PREFLIGHT_FAILED);

    private final CampaignStore campaigns;
    private final Lifecycle lifecycle;
    private final Launcher launcher;
    private final Listeners listeners;
    private final Clock clock;

    Schedules(CampaignStore campaigns, Lifecycle lifecycle, Launcher launcher, Listeners listeners, Clock clock) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.launcher = launcher;
        this.listeners = listeners;
        this.clock = clock;
    }

    Campaign schedule(CampaignId id, Schedule schedule) {
        Instant now = clock.instant();
        Campaign scheduled = lifecycle.change(id, CampaignAction.SCHEDULE, c -> c.schedule(schedule, now));
        listeners.wakeUp();
        return scheduled;
    }

    Campaign unschedule(CampaignId id) {
        Instant now = clock.instant();
        Campaign[] before = new Campaign[1];
        Campaign after = lifecycle.change(id, CampaignAction.UNSCHEDULE, c -> {
            before[0] = c;
            return c.unschedule(now);
        });
        tell(before[0], Unscheduling.BY_USER, "unscheduled by the host", now);
        return after;
    }

    /** After an accepted edit: a campaign that lost its schedule is reported with the problems that cost it. */
    void afterEdit(Campaign before, Campaign after) {
        if (before.state() == CampaignState.SCHEDULED && after.state() != CampaignState.SCHEDULED) {
            List<Violation> problems = after.validation().violations();
            String message = problems.isEmpty()
                    ? "the edited campaign cannot launch at its start" + " (its end or hours no longer fit the start)"
                    : describe(problems);
            tell(before, Unscheduling.INVALID_AFTER_EDIT, message, after.updatedAt());
        }
    }

    /** Launches the SCHEDULED campaigns due at {@code now}; answers the next start ahead. */
    Optional<Instant> runDue(Instant now) {
        Optional<Instant> next = Optional.empty();
        Optional<CampaignId> after = Optional.empty();
        List<Campaign> page;
        do {
            page = campaigns.findByState(CampaignState.SCHEDULED, after, CAMPAIGN_PAGE);
            for (Campaign campaign : page) {
                try {
                    next = Dispatcher.earliest(next, runOne(campaign, now));
                } catch (RuntimeException e) {
                    LOG.error(
                            "scheduled campaign {} could not be launched in this run; tried again at the next",
                            campaign.id(),
                            e);
                    listeners.failure(Optional.of(campaign.id()), EngineFailure.CAMPAIGN_RUN, e);
                }
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } while (page.size() == CAMPAIGN_PAGE);
        return next;
    }

    private Optional<Instant> runOne(Campaign campaign, Instant now) {
        Schedule schedule = campaign.schedule().orElseThrow();
        if (schedule.isMissedAt(now)) {
            unscheduleIfStill(
                    campaign,
                    Unscheduling.START_WINDOW_MISSED,
                    "no engine launched it between its start " + schedule.startAt() + " and its latest start "
                            + schedule.latestStart().get(),
                    now);
            return Optional.empty();
        }
        if (!schedule.isDueAt(now)) {
            return Optional.of(schedule.startAt());
        }
        try {
            launcher.launchScheduled(campaign, now);
        } catch (CampaignKitException refused) {
            if (!isRefusal(refused)) {
                throw refused;
            }
            unscheduleIfStill(
                    campaign,
                    Unscheduling.LAUNCH_REFUSED,
                    "the launch at its start was refused: " + refused.getMessage(),
                    now);
        }
        return Optional.empty();
    }

    private static boolean isRefusal(CampaignKitException e) {
        return e instanceof IncompleteAudienceException
                || e instanceof CampaignValidationException
                || e instanceof io.campaignkit.core.campaign.IllegalCampaignActionException
                || REFUSALS.contains(e.code());
    }

    /** Unschedules the campaign if it still has the schedule it was read with (another engine may have acted). */
    private void unscheduleIfStill(Campaign read, String code, String message, Instant now) {
        boolean[] ours = {false};
        lifecycle.change(read.id(), CampaignAction.UNSCHEDULE, stored -> {
            ours[0] = stored.state() == CampaignState.SCHEDULED
                    && stored.schedule().equals(read.schedule());
            return ours[0] ? stored.unschedule(now) : stored;
        });
        if (ours[0]) {
            LOG.warn("campaign {} unscheduled: {}", read.id(), message);
            tell(read, code, message, now);
        }
    }

    private void tell(Campaign before, String code, String message, Instant at) {
        before.schedule()
                .ifPresent(
                        schedule -> listeners.unscheduled(new Unscheduling(before.id(), schedule, code, message, at)));
    }

    private static String describe(List<Violation> problems) {
        return problems.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
