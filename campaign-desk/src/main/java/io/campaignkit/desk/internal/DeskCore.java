package io.campaignkit.desk.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.Author;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.ConversationView;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskHours;
import io.campaignkit.desk.DeskMetrics;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.Handoff;
import io.campaignkit.desk.Role;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The desk's operations: each checks every rule first, then writes; they take turns under one lock. */
public final class DeskCore extends DeskBase {

    /** Who closed a conversation when no agent did. */
    static final String BY_INACTIVITY = "INACTIVITY";
    static final String BY_OUT_OF_HOURS = "OUT_OF_HOURS";
    static final String BY_CAMPAIGN_FINISHED = "CAMPAIGN_FINISHED";
    /** The disposition of a close by the campaign finishing: the campaign's list has none for it. */
    public static final String CAMPAIGN_FINISHED_DISPOSITION = "CAMPAIGN_FINISHED";

    public DeskCore(DeskStorage storage, DeskChannel channel, Clock clock, Optional<Duration> historyCeiling,
            SurveyLauncher survey) {
        super(storage, channel, clock, historyCeiling, survey);
    }

    @Override
    public void configure(Actor actor, DeskSettings newSettings) {
        Checks.nonNull(newSettings, "settings");
        Access.requires(Checks.nonNull(actor, "actor"), Role.ADMINISTRATOR, "configuring a campaign's desk");
        Optional<Duration> window = newSettings.policies().historyWindow();
        if (window.isPresent() && historyCeiling.isPresent() && window.get().compareTo(historyCeiling.get()) > 0) {
            throw DeskRefusedException.policy(ConversationPolicies.HISTORY, "a history window of " + window.get()
                    + " exceeds this tenant's ceiling of " + historyCeiling.get());
        }
        locked(() -> settings.put(newSettings.campaignId(), newSettings));
    }

    @Override
    public Agent registerAgent(Actor actor, Agent agent) {
        Checks.nonNull(agent, "agent");
        Access.requires(Checks.nonNull(actor, "actor"), Role.ADMINISTRATOR, "registering an agent");
        return locked(() -> storage.agents().saveAgent(agent));
    }

    @Override
    public Agent changeStatus(Actor actor, String agentId, AgentStatus status) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(agentId, "agentId");
        Checks.nonNull(status, "status");
        if (!actor.id().equals(agentId) || actor.role() != Role.AGENT) {
            Access.requires(actor, Role.SUPERVISOR, "changing another agent's status");
        }
        return locked(() -> {
            Instant now = clock.instant();
            Agent agent = agentOrRefuse(agentId);
            Agent changed = storage.agents().saveAgent(agent.withStatus(status, now));
            if (status.isGone()) {
                for (DeskConversation conversation : withAgent(agentId)) {
                    if (settingsOf(conversation).policies().reassignWhenExclusiveOffline()) {
                        save(conversation.toBuilder().waiting(conversation.queuePosition(), now).build());
                        note(conversation, now, "back to the queue: agent " + agentId + " is " + status);
                    }
                }
            }
            assignWaiting(now);
            return storage.agents().findAgent(agentId).orElse(changed);
        });
    }

    @Override
    public DeskConversation handOff(Handoff handoff) {
        Checks.nonNull(handoff, "handoff");
        return locked(() -> {
            Instant now = clock.instant();
            DeskSettings campaign = settingsOrRefuse(handoff.campaignId());
            if (storage.conversations().findConversation(handoff.conversationId()).isPresent()) {
                throw DeskRefusedException.of(DeskRefusedException.ILLEGAL_STATE,
                        "conversation " + handoff.conversationId() + " was already handed off");
            }
            Map<String, String> fields = new HashMap<>();
            handoff.fields().forEach((name, value) -> fields.put(name, fieldOrRefuse(campaign, name).normalize(value)));
            Optional<String> previous = storage.conversations().findConversations(DeskQuery.all().phone(handoff.phone()))
                    .stream().filter(c -> c.exclusiveAgent().isPresent() && c.queue().equals(campaign.queue()))
                    .max(Comparator.comparing(DeskConversation::handedOffAt).thenComparingLong(DeskConversation::queuePosition))
                    .flatMap(DeskConversation::exclusiveAgent);
            DeskConversation waiting = DeskConversation.handedOff(handoff.conversationId(), handoff.campaignId(),
                    handoff.phone(), campaign.queue(), previous, storage.conversations().nextSequence(), handoff.note(),
                    fields, now);
            DeskConversation stored = save(waiting);
            note(stored, now, "handed off by the bot" + (handoff.note().isEmpty() ? "" : ": " + handoff.note()));
            Optional<DeskHours> hours = campaign.hours();
            if (hours.isPresent() && !hours.get().hours().isOpenAt(now)) {
                outOfHoursMessage(stored, hours.get());
                if (hours.get().action() == OutOfHoursPolicy.Action.CLOSE) {
                    stored = closeBySystem(stored, campaign.dispositions().inactivity(), BY_OUT_OF_HOURS, now, false);
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
            Optional<DeskConversation> held = storage.conversations().findConversation(conversationId)
                    .filter(DeskConversation::isOpen);
            if (held.isEmpty()) {
                return false;
            }
            Optional<TranscriptEntry> kept = storage.transcripts().append(new TranscriptEntry(conversationId, 0,
                    receivedAt, Author.CONTACT, Optional.empty(), "TEXT", text, Optional.of(messageId)));
            if (kept.isPresent()) {
                save(held.get().toBuilder().activityAt(clock.instant()).build());
            }
            return true;
        });
    }

    @Override
    public void send(Actor actor, String conversationId, AgentMessage message) {
        Checks.nonNull(actor, "actor");
        Checks.nonNull(message, "message");
        locked(() -> {
            DeskConversation conversation = openOrRefuse(conversationId);
            Access.isAssigned(actor, conversation, "sending a message");
            ConversationPolicies policies = settingsOf(conversation).policies();
            if (message instanceof AgentMessage.Media && !policies.mediaAllowed()) {
                throw DeskRefusedException.policy(ConversationPolicies.MEDIA, "agents may not send media in this campaign");
            }
            if (message instanceof AgentMessage.VoiceNote && !policies.voiceNotesAllowed()) {
                throw DeskRefusedException.policy(ConversationPolicies.VOICE_NOTES, "agents may not send voice notes in this campaign");
            }
            if (!policies.emojiAllowed() && Texts.hasEmoji(message.transcriptText())) {
                throw DeskRefusedException.policy(ConversationPolicies.EMOJI, "agents' messages may not hold emoji in this campaign");
            }
            channel.send(conversation, message); // a closed customer-service window throws here: nothing changed
            Instant now = clock.instant();
            storage.transcripts().append(new TranscriptEntry(conversationId, 0, now, Author.AGENT, Optional.of(actor.id()),
                    message.kind(), message.transcriptText(), Optional.empty()));
            return save(conversation.toBuilder().firstResponseAt(now).activityAt(now).build());
        });
    }

    @Override
    public DeskConversation transfer(Actor actor, String conversationId, String toAgentId) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(toAgentId, "toAgentId");
        return locked(() -> {
            DeskConversation conversation = openOrRefuse(conversationId);
            Access.actsOn(actor, conversation, "transferring");
            DeskSettings campaign = settingsOf(conversation);
            if (!campaign.policies().transferAllowed()) {
                throw DeskRefusedException.policy(ConversationPolicies.TRANSFER, "transfers between agents are not allowed in this campaign");
            }
            if (conversation.state() != DeskState.WITH_AGENT) {
                throw DeskRefusedException.of(DeskRefusedException.ILLEGAL_STATE, "conversation " + conversationId
                        + " is " + conversation.state() + ": only a conversation with an agent is transferred");
            }
            Agent target = agentOrRefuse(toAgentId);
            String from = conversation.agentId().orElseThrow();
            if (from.equals(toAgentId) || !Assignment.hasRoom(target, conversation.queue(), assignment.loads())) {
                throw DeskRefusedException.of(DeskRefusedException.AGENT_UNAVAILABLE, "agent " + toAgentId + " cannot take "
                        + conversationId + ": it must be another agent, ONLINE, serving queue " + conversation.queue()
                        + " and with room (it is " + target.status() + ")");
            }
            Instant now = clock.instant();
            DeskConversation moved = save(conversation.toBuilder().assigned(toAgentId, now)
                    .disposition(campaign.dispositions().transfer()).build());
            idle(from, now);
            idle(toAgentId, now);
            note(moved, now, "transferred from " + from + " to " + toAgentId + " by " + actor.id());
            assignWaiting(now);
            return storage.conversations().findConversation(conversationId).orElse(moved);
        });
    }

    @Override
    public int massTransfer(Actor actor, String fromAgentId, Optional<String> toAgentId) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(fromAgentId, "fromAgentId");
        Checks.nonNull(toAgentId, "toAgentId");
        Access.requires(actor, Role.SUPERVISOR, "a mass transfer");
        return locked(() -> {
            agentOrRefuse(fromAgentId);
            Optional<Agent> target = toAgentId.map(this::agentOrRefuse);
            if (target.isPresent() && (target.get().status() != AgentStatus.ONLINE || target.get().id().equals(fromAgentId))) {
                throw DeskRefusedException.of(DeskRefusedException.AGENT_UNAVAILABLE, "agent " + target.get().id()
                        + " cannot take the conversations of " + fromAgentId + ": it must be another, ONLINE agent (it is "
                        + target.get().status() + ")");
            }
            Instant now = clock.instant();
            Map<String, Integer> loads = assignment.loads();
            int moved = 0;
            for (DeskConversation conversation : withAgent(fromAgentId)) {
                String disposition = settingsOf(conversation).dispositions().massTransfer();
                DeskConversation.Builder change = conversation.toBuilder().disposition(disposition);
                if (target.isPresent() && Assignment.hasRoom(target.get(), conversation.queue(), loads)) {
                    change.assigned(target.get().id(), now);
                    loads.merge(target.get().id(), 1, Integer::sum);
                } else {
                    change.waiting(conversation.queuePosition(), now).exclusiveAgent(Optional.empty());
                }
                DeskConversation saved = save(change.build());
                note(saved, now, "mass transfer from " + fromAgentId + " by " + actor.id() + " to "
                        + saved.agentId().orElse("the queue"));
                moved++;
            }
            if (moved > 0) {
                idle(fromAgentId, now);
                target.ifPresent(agent -> idle(agent.id(), now));
            }
            assignWaiting(now);
            return moved;
        });
    }

    @Override
    public DeskConversation close(Actor actor, String conversationId, String disposition) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(disposition, "disposition");
        return locked(() -> {
            DeskConversation conversation = openOrRefuse(conversationId);
            Access.actsOn(actor, conversation, "closing");
            DeskSettings campaign = settingsOf(conversation);
            if (!campaign.dispositions().agentClose().contains(disposition)) {
                throw DeskRefusedException.of(DeskRefusedException.UNKNOWN_DISPOSITION, "disposition " + disposition
                        + " is not one of the campaign's " + campaign.dispositions().agentClose());
            }
            List<String> missing = campaign.fields().stream().filter(FieldDefinition::required)
                    .map(FieldDefinition::name).filter(name -> !conversation.fields().containsKey(name)).toList();
            if (!missing.isEmpty()) {
                throw DeskRefusedException.fields(missing);
            }
            if (conversation.firstResponseAt().isEmpty() && !campaign.policies().closeWithoutAnswerAllowed()) {
                throw DeskRefusedException.policy(ConversationPolicies.CLOSE_WITHOUT_ANSWER,
                        "conversation " + conversationId + " was never answered by an agent");
            }
            Instant now = clock.instant();
            DeskConversation closed = closeBySystem(conversation, disposition, actor.id(), now, true);
            assignWaiting(now);
            return closed;
        });
    }

    @Override
    public DeskConversation setField(Actor actor, String conversationId, String field, String value) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(field, "field");
        return locked(() -> {
            DeskConversation conversation = openOrRefuse(conversationId);
            Access.actsOn(actor, conversation, "filling a field");
            String normalized = fieldOrRefuse(settingsOf(conversation), field).normalize(value);
            Map<String, String> fields = new HashMap<>(conversation.fields());
            fields.put(field, normalized);
            return save(conversation.toBuilder().fields(fields).build());
        });
    }

    @Override
    public DeskConversation recordSurveyAnswer(String conversationId, String question, String answer) {
        Checks.nonBlank(question, "question");
        Checks.nonNull(answer, "answer");
        return locked(() -> {
            DeskConversation conversation = conversationOrRefuse(conversationId);
            if (conversation.state() != DeskState.CLOSED || settingsOf(conversation).surveyBotFlowId().isEmpty()) {
                throw DeskRefusedException.of(DeskRefusedException.ILLEGAL_STATE, "conversation " + conversationId
                        + " takes survey answers only once closed, in a campaign with a survey bot");
            }
            Map<String, String> answers = new HashMap<>(conversation.surveyAnswers());
            answers.put(question, answer);
            return save(conversation.toBuilder().surveyAnswers(answers).build());
        });
    }

    @Override
    public boolean conversationEnded(String conversationId, String reason) {
        Checks.nonBlank(conversationId, "conversationId");
        Checks.nonBlank(reason, "reason");
        return locked(() -> {
            Optional<DeskConversation> open = storage.conversations().findConversation(conversationId).filter(DeskConversation::isOpen);
            if (open.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            boolean finished = BY_CAMPAIGN_FINISHED.equals(reason);
            closeBySystem(open.get(), finished ? CAMPAIGN_FINISHED_DISPOSITION : settingsOf(open.get()).dispositions().inactivity(),
                    reason, now, BY_INACTIVITY.equals(reason));
            assignWaiting(now);
            return true;
        });
    }

    @Override
    public int finishCampaign(CampaignId campaignId) {
        Checks.nonNull(campaignId, "campaignId");
        return locked(() -> {
            Instant now = clock.instant();
            List<DeskConversation> open = storage.conversations().findConversations(
                    DeskQuery.inStates(DeskState.WAITING, DeskState.WITH_AGENT).campaign(campaignId));
            open.forEach(conversation -> closeBySystem(conversation, CAMPAIGN_FINISHED_DISPOSITION, BY_CAMPAIGN_FINISHED, now, false));
            assignWaiting(now);
            return open.size();
        });
    }

    @Override
    public void runDue() {
        locked(() -> {
            Instant now = clock.instant();
            for (DeskConversation conversation : storage.conversations().findConversations(
                    DeskQuery.inStates(DeskState.WAITING, DeskState.WITH_AGENT))) {
                Optional<DeskSettings> campaign = Optional.ofNullable(settings.get(conversation.campaignId()));
                if (campaign.isEmpty()) {
                    continue;
                }
                if (!conversation.lastActivityAt().plus(campaign.get().inactivityTimeout()).isAfter(now)) {
                    closeBySystem(conversation, campaign.get().dispositions().inactivity(), BY_INACTIVITY, now, true);
                } else if (conversation.state() == DeskState.WAITING && campaign.get().hours().isPresent()
                        && HoursRules.closesAtOpening(campaign.get().hours().get(), conversation, now)) {
                    closeBySystem(conversation, campaign.get().dispositions().inactivity(), BY_OUT_OF_HOURS, now, false);
                }
            }
            assignWaiting(now);
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers (under the lock)

    private DeskConversation closeBySystem(DeskConversation conversation, String disposition, String by, Instant now,
            boolean startsSurvey) {
        Optional<String> agent = conversation.agentId();
        DeskConversation closed = save(conversation.toBuilder().closed(disposition, by, now).build());
        agent.ifPresent(id -> idle(id, now));
        note(closed, now, "closed by " + by + " with disposition " + disposition);
        channel.closed(closed);
        Optional<String> surveyFlow = settingsOf(closed).surveyBotFlowId();
        if (startsSurvey && surveyFlow.isPresent()) {
            survey.startSurvey(closed, surveyFlow.get());
        }
        return closed;
    }

    private void outOfHoursMessage(DeskConversation conversation, DeskHours hours) {
        if (hours.messageOn()) {
            AgentMessage.Text text = new AgentMessage.Text(hours.message().orElseThrow());
            channel.send(conversation, text);
            storage.transcripts().append(new TranscriptEntry(conversation.id(), 0, clock.instant(), Author.SYSTEM,
                    Optional.empty(), text.kind(), text.text(), Optional.empty()));
        }
    }

    private void assignWaiting(Instant now) {
        // outside hours nothing is assigned; what waited through closed hours under "apply to queued" and
        // CLOSE is closed by the next runDue(), not given to an agent first
        assignment.assignWaiting(now, conversation -> settingsOf(conversation).hours()
                .map(hours -> hours.hours().isOpenAt(now) && !HoursRules.closesAtOpening(hours, conversation, now))
                .orElse(true),
                conversation -> Optional.ofNullable(settings.get(conversation.campaignId())).map(DeskSettings::method));
    }

}
