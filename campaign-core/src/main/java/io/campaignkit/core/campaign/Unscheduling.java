package io.campaignkit.core.campaign;

import io.campaignkit.core.internal.Arguments;
import java.time.Instant;

/**
 * A {@link CampaignState#SCHEDULED SCHEDULED} campaign went back to READY (or DRAFT) without being
 * launched, and why. The engine tells the listener
 * ({@link io.campaignkit.core.port.CampaignListener#onUnscheduled}).
 *
 * @param campaignId the campaign
 * @param schedule the schedule it had
 * @param code {@link #BY_USER}, {@link #INVALID_AFTER_EDIT}, {@link #START_WINDOW_MISSED} or {@link #LAUNCH_REFUSED}
 * @param message what happened, for people
 * @param at when
 */
public record Unscheduling(CampaignId campaignId, Schedule schedule, String code, String message, Instant at) {

    /** The host unscheduled it. */
    public static final String BY_USER = "BY_USER";
    /** An edit made the campaign invalid (or its schedule impossible); the message lists the problems. */
    public static final String INVALID_AFTER_EDIT = "INVALID_AFTER_EDIT";
    /** No engine launched it before the schedule's latest start. */
    public static final String START_WINDOW_MISSED = "START_WINDOW_MISSED";
    /** At its start the launch was refused (the audience could not be read, the configuration no longer valid...). */
    public static final String LAUNCH_REFUSED = "LAUNCH_REFUSED";

    public Unscheduling {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(schedule, "schedule");
        Arguments.requireNonBlank(code, "code");
        Arguments.requireNonNull(message, "message");
        Arguments.requireNonNull(at, "at");
    }
}
