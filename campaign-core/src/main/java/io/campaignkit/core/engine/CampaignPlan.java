package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What launching a campaign now would do, computed by {@link CampaignEngine#plan} without sending
 * anything or engaging anyone (a dry run).
 *
 * <p>The projection assumes the sender is free for this campaign alone (other campaigns on the same
 * sender share its limit and would slow it down), that every send is accepted at once, and that the
 * campaign is not paused. Under those assumptions the engine grants its permits at the same instants
 * the projection does, so the projected finish is the instant of the last first message.
 *
 * @param campaign         the campaign planned
 * @param plannedAt        when the plan was made (the engine's clock)
 * @param audience         distinct contacts in the audience
 * @param duplicates       audience entries left out because their number was already listed
 * @param wouldSend        contacts who would be sent the first message
 * @param skipped          contacts who would be skipped, by reason code ({@link SkipReasons}, plus
 *                         {@link #INCOMPLETE_CUSTOM_DATA} for contacts lacking required custom data)
 * @param perChannel       contacts who would be sent, by channel type
 * @param sender           the sender the campaign sends from
 * @param campaignPace     the campaign's pace, with its burst
 * @param senderLimit      the sender's limit, with the engine's sender burst
 * @param activeHours      the hours in which the campaign sends
 * @param projectedStart   the first send, empty when nothing would be sent
 * @param projectedFinish  the last send, empty when nothing would be sent or the hours never open
 * @param unsentAtEnd      contacts the campaign's end instant would leave unsent
 * @param sms              the SMS segments of the messages, when the message is an inline text
 *                         (what a channel template becomes is up to the provider)
 * @param warnings         what would make the launch refuse or the run fall short, in sentences
 * @param preflight        what the channel would refuse of the message: the problems a launch now
 *                         would be refused for ({@link PreflightException}); empty when none
 * @param perZone          with {@linkplain io.campaignkit.core.hours.LocalHours local hours}, the contacts who
 *                         would be sent by {@linkplain io.campaignkit.core.hours.RecipientZone#key() zone key},
 *                         each zone's projected start and finish (its own window, the campaign's shared pace);
 *                         empty without local hours
 */
public record CampaignPlan(
        CampaignId campaign,
        Instant plannedAt,
        long audience,
        long duplicates,
        long wouldSend,
        Map<String, Long> skipped,
        Map<String, Long> perChannel,
        SenderKey sender,
        RateLimit campaignPace,
        RateLimit senderLimit,
        ActiveHours activeHours,
        Optional<Instant> projectedStart,
        Optional<Instant> projectedFinish,
        long unsentAtEnd,
        Optional<SmsTotals> sms,
        List<String> warnings,
        List<io.campaignkit.channel.PreflightProblem> preflight,
        Map<String, ZonePlan> perZone) {

    /** Skip code of a contact lacking custom data the campaign's schema requires. */
    public static final String INCOMPLETE_CUSTOM_DATA = "INCOMPLETE_CUSTOM_DATA";

    /** Validates and copies. */
    public CampaignPlan {
        Arguments.requireNonNull(campaign, "campaign");
        Arguments.requireNonNull(plannedAt, "plannedAt");
        skipped = Collections.unmodifiableMap(new TreeMap<>(Arguments.requireNoNullEntries(skipped, "skipped")));
        perChannel =
                Collections.unmodifiableMap(new TreeMap<>(Arguments.requireNoNullEntries(perChannel, "perChannel")));
        Arguments.requireNonNull(sender, "sender");
        Arguments.requireNonNull(campaignPace, "campaignPace");
        Arguments.requireNonNull(senderLimit, "senderLimit");
        Arguments.requireNonNull(activeHours, "activeHours");
        Arguments.requireNonNull(projectedStart, "projectedStart");
        Arguments.requireNonNull(projectedFinish, "projectedFinish");
        Arguments.requireNonNull(sms, "sms");
        warnings = List.copyOf(Arguments.requireNonNull(warnings, "warnings"));
        preflight = List.copyOf(Arguments.requireNoNullElements(preflight, "preflight"));
        perZone = Collections.unmodifiableMap(new TreeMap<>(Arguments.requireNoNullEntries(perZone, "perZone")));
    }

    /** Contacts who would not be sent: the sum of {@link #skipped()}. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The SMS segments the messages would take.
     *
     * @param gsm7Messages   messages that fit the GSM 7-bit alphabet
     * @param ucs2Messages   messages that need UCS-2 (an accented vowel other than é, an emoji)
     * @param totalSegments  segments of all messages together: what the provider bills and paces
     * @param maxSegments    segments of the longest message
     */
    public record SmsTotals(long gsm7Messages, long ucs2Messages, long totalSegments, int maxSegments) {}

    /**
     * One recipient zone of a local-hours plan.
     *
     * @param wouldSend        contacts of the zone who would be sent
     * @param projectedStart   the zone's first send, empty when none would be sent
     * @param projectedFinish  the zone's last send, empty when none would be sent
     * @param unsentAtEnd      contacts of the zone the end instant (or hours that stop opening) would leave unsent
     */
    public record ZonePlan(
            long wouldSend, Optional<Instant> projectedStart, Optional<Instant> projectedFinish, long unsentAtEnd) {

        public ZonePlan {
            Arguments.requireNonNull(projectedStart, "projectedStart");
            Arguments.requireNonNull(projectedFinish, "projectedFinish");
        }
    }
}
