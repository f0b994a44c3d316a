package io.campaignkit.desk.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.Author;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskHours;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.SurveyLauncher;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskChannel;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.DeskStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The conversation's way through the desk apart from the agents' actions: the bot's hand-off, the contact's
 * messages, the engine's closes, the campaign's end, the timed closes of {@link #runDue} and the assignment
 * of waiting conversations; each operation is one write ({@link #settled}), what the contact sees after it.
 */
abstract class DeskFlow extends DeskBase {

    /** Who closed a conversation when no agent did. */
    static final String BY_INACTIVITY = "INACTIVITY";

    static final String BY_OUT_OF_HOURS = "OUT_OF_HOURS";

    static final String BY_CAMPAIGN_FINISHED = "CAMPAIGN_FINISHED";

    /** The disposition of a close by the campaign finishing: the campaign's list has none for it. */
    public static final String CAMPAIGN_FINISHED_DISPOSITION = "CAMPAIGN_FINISHED";

    DeskFlow(
            DeskStorage storage,
            DeskChannel channel,
            Clock clock,
            Optional<Duration> historyCeiling,
            SurveyLauncher survey) {
        super(storage, channel, clock, historyCeiling, survey);
    }

    @Override
    public DeskConversation handOff(Handoff handoff) {
        Checks.nonNull(handoff, "handoff");
        return locked(() -> {
            Instant now = clock.instant();
            DeskSettings campaign = settingsOrRefuse(handoff.campaignId());
            DeskConversation stored = settled(() -> {
                if (storage.conversations()
                        .findConversation(handoff.conversationId())
                        .isPresent()) {
                    throw DeskRefusedException.of(
                            DeskRefusedException.ILLEGAL_STATE,
                            "conversation " + handoff.conversationId() + " was already handed off");
                }
                Map<String, String> fields = new HashMap<>();
                handoff.fields()
                        .forEach((name, value) ->
                                fields.put(name, fieldOrRefuse(campaign, name).normalize(value)));
                Optional<String> previous =
                        storage
                                .conversations()
                                .findConversations(DeskQuery.all().phone(handoff.phone()))
                                .stream()
                                .filter(c -> c.exclusiveAgent().isPresent()
                                        && c.queue().equals(campaign.queue()))
                                .max(Comparator.comparing(DeskConversation::handedOffAt)
                                        .thenComparingLong(DeskConversation::queuePosition))
                                .flatMap(DeskConversation::exclusiveAgent);
                // the store places it in the queue in the same write: no other desk can see a later position first
                return storage.conversations()
                        .enqueue(DeskConversation.handedOff(
                                handoff.conversationId(),
                                handoff.campaignId(),
                                handoff.phone(),
                                campaign.queue(),
                                previous,
                                0,
                                handoff.note(),
                                fields,
                                now));
            });
            note(stored, now, "handed off by the bot" + (handoff.note().isEmpty() ? "" : ": " + handoff.note()));
            Optional<DeskHours> hours = campaign.hours();
            if (hours.isPresent() && !hours.get().hours().isOpenAt(now)) {
                outOfHoursMessage(stored, hours.get());
                if (hours.get().action() == OutOfHoursPolicy.Action.CLOSE) {
                    closeBySystem(
                            stored.id(), open -> campaign.dispositions().inactivity(), BY_OUT_OF_HOURS, now, false);
                }
            }
            assignWaiting(now);
            return storage.conversations().findConversation(stored.id()).orElseThrow();
        });
    }

    @Override
    public boolean onInbound(String conversationId, String messageId, String text, Instant receivedAt) {
        Checks.nonBlank(conversationId, "conversationId");
        Checks.nonBlank(messageId, "messageId");
        Checks.nonNull(text, "text");
        Checks.nonNull(receivedAt, "receivedAt");
        return locked(() -> {
            if (storage.conversations()
                    .findConversation(conversationId)
                    .filter(DeskConversation::isOpen)
                    .isEmpty()) {
                return false;
            }
            Optional<TranscriptEntry> kept = storage.transcripts()
                    .append(new TranscriptEntry(
                            conversationId,
                            0,
                            receivedAt,
                            Author.CONTACT,
                            Optional.empty(),
                            "TEXT",
                            text,
                            Optional.of(messageId)));
            if (kept.isPresent()) {
                touch(conversationId, builder -> builder.activityAt(clock.instant()));
            }
            return true;
        });
    }

    @Override
    public boolean conversationEnded(String conversationId, String reason) {
        Checks.nonBlank(conversationId, "conversationId");
        Checks.nonBlank(reason, "reason");
        return locked(() -> {
            Instant now = clock.instant();
            boolean finished = BY_CAMPAIGN_FINISHED.equals(reason);
            Optional<DeskConversation> closed = closeBySystem(
                    conversationId,
                    open -> finished
                            ? CAMPAIGN_FINISHED_DISPOSITION
                            : settingsOf(open).dispositions().inactivity(),
                    reason,
                    now,
                    BY_INACTIVITY.equals(reason));
            assignWaiting(now);
            return closed.isPresent();
        });
    }

    @Override
    public int finishCampaign(CampaignId campaignId) {
        Checks.nonNull(campaignId, "campaignId");
        return locked(() -> {
            Instant now = clock.instant();
            int closed = 0;
            for (DeskConversation conversation : storage.conversations()
                    .findConversations(DeskQuery.inStates(DeskState.WAITING, DeskState.WITH_AGENT)
                            .campaign(campaignId))) {
                if (closeBySystem(
                                conversation.id(),
                                open -> CAMPAIGN_FINISHED_DISPOSITION,
                                BY_CAMPAIGN_FINISHED,
                                now,
                                false)
                        .isPresent()) {
                    closed++;
                }
            }
            assignWaiting(now);
            return closed;
        });
    }

    @Override
    public void runDue() {
        locked(() -> {
            Instant now = clock.instant();
            Map<CampaignId, Optional<DeskSettings>> settings = new HashMap<>();
            for (DeskConversation listed : storage.conversations()
                    .findConversations(DeskQuery.inStates(DeskState.WAITING, DeskState.WITH_AGENT))) {
                Optional<DeskSettings> campaign = settings.computeIfAbsent(
                        listed.campaignId(), id -> storage.settings().findSettings(id));
                if (campaign.isEmpty()) {
                    continue;
                }
                DeskSettings rules = campaign.get();
                // decided again on each attempt: another desk may have closed it or the contact written since
                closeIf(
                        listed.id(),
                        conversation -> !conversation
                                .lastActivityAt()
                                .plus(rules.inactivityTimeout())
                                .isAfter(now),
                        rules,
                        BY_INACTIVITY,
                        now,
                        true);
                closeIf(
                        listed.id(),
                        conversation -> conversation.state() == DeskState.WAITING
                                && rules.hours().isPresent()
                                && HoursRules.closesAtOpening(rules.hours().get(), conversation, now),
                        rules,
                        BY_OUT_OF_HOURS,
                        now,
                        false);
            }
            assignWaiting(now);
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers (under the lock)

    private void closeIf(
            String conversationId,
            Predicate<DeskConversation> due,
            DeskSettings rules,
            String by,
            Instant now,
            boolean startsSurvey) {
        closeBySystem(
                conversationId,
                open -> due.test(open) ? rules.dispositions().inactivity() : null,
                by,
                now,
                startsSurvey);
    }

    private void outOfHoursMessage(DeskConversation conversation, DeskHours hours) {
        if (hours.messageOn()) {
            AgentMessage.Text text = new AgentMessage.Text(hours.message().orElseThrow());
            channel.send(conversation, text);
            storage.transcripts()
                    .append(new TranscriptEntry(
                            conversation.id(),
                            0,
                            clock.instant(),
                            Author.SYSTEM,
                            Optional.empty(),
                            text.kind(),
                            text.text(),
                            Optional.empty()));
        }
    }

    /** Gives waiting conversations to free agents, first come first served, where the hours allow. */
    void assignWaiting(Instant now) {
        // outside hours nothing is assigned; what waited through closed hours under "apply to queued" and
        // CLOSE is closed by the next runDue(), not given to an agent first
        Map<CampaignId, Optional<DeskSettings>> settings = new HashMap<>();
        Function<DeskConversation, Optional<DeskSettings>> settingsOf = conversation -> settings.computeIfAbsent(
                conversation.campaignId(), id -> storage.settings().findSettings(id));
        settled(() -> {
            assignment.assignWaiting(
                    now,
                    conversation -> settingsOf
                            .apply(conversation)
                            .flatMap(DeskSettings::hours)
                            .map(hours -> hours.hours().isOpenAt(now)
                                    && !HoursRules.closesAtOpening(hours, conversation, now))
                            .orElse(true),
                    conversation -> settingsOf.apply(conversation).map(DeskSettings::method));
            return null;
        });
    }
}
