package io.campaignkit.desk.internal;

import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.AgentMessage;
import io.campaignkit.desk.AgentStatus;
import io.campaignkit.desk.Author;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.Role;
import io.campaignkit.desk.SurveyLauncher;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskChannel;
import io.campaignkit.desk.port.DeskStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's operations: each checks every rule first, then writes; they take turns under one lock. An
 * operation's change is one write ({@link #settled}: tried again from fresh reads when another desk on the
 * same store won a race); what the contact sees (a message, the survey) goes after the write, once. Here the
 * actions of administrators, supervisors and agents; {@link DeskFlow} the hand-off, inbound messages and
 * system closes; {@link DeskBase} the state and reads.
 */
public final class DeskCore extends DeskFlow {

    public DeskCore(
            DeskStorage storage,
            DeskChannel channel,
            Clock clock,
            Optional<Duration> historyCeiling,
            SurveyLauncher survey) {
        super(storage, channel, clock, historyCeiling, survey);
    }

    @Override
    public DeskSettings configure(Actor actor, DeskSettings newSettings) {
        Checks.nonNull(newSettings, "settings");
        Access.requires(Checks.nonNull(actor, "actor"), Role.ADMINISTRATOR, "configuring a campaign's desk");
        Optional<Duration> window = newSettings.policies().historyWindow();
        if (window.isPresent() && historyCeiling.isPresent() && window.get().compareTo(historyCeiling.get()) > 0) {
            throw DeskRefusedException.policy(
                    ConversationPolicies.HISTORY,
                    "a history window of " + window.get() + " exceeds this tenant's ceiling of "
                            + historyCeiling.get());
        }
        // not settled: a stale version means the host edited settings another desk changed since it read them
        return locked(() -> {
            DeskSettings stored = storage.settings().saveSettings(newSettings);
            assignWaiting(clock.instant());
            return stored;
        });
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
            List<DeskConversation> requeued = settled(() -> {
                Agent agent = agentOrRefuse(agentId);
                List<DeskConversation> back = new ArrayList<>();
                if (status.isGone()) {
                    for (DeskConversation conversation : withAgent(agentId)) {
                        if (settingsOf(conversation).policies().reassignWhenExclusiveOffline()) {
                            back.add(conversation.toBuilder()
                                    .waiting(conversation.queuePosition(), now)
                                    .build());
                        }
                    }
                }
                storage.conversations().saveTogether(back, List.of(agent.withStatus(status, now)));
                return back;
            });
            requeued.forEach(
                    conversation -> note(conversation, now, "back to the queue: agent " + agentId + " is " + status));
            assignWaiting(now);
            return agentOrRefuse(agentId);
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
                throw DeskRefusedException.policy(
                        ConversationPolicies.MEDIA, "agents may not send media in this campaign");
            }
            if (message instanceof AgentMessage.VoiceNote && !policies.voiceNotesAllowed()) {
                throw DeskRefusedException.policy(
                        ConversationPolicies.VOICE_NOTES, "agents may not send voice notes in this campaign");
            }
            if (!policies.emojiAllowed() && Texts.hasEmoji(message.transcriptText())) {
                throw DeskRefusedException.policy(
                        ConversationPolicies.EMOJI, "agents' messages may not hold emoji in this campaign");
            }
            channel.send(conversation, message); // a closed customer-service window throws here: nothing changed
            Instant now = clock.instant();
            storage.transcripts()
                    .append(new TranscriptEntry(
                            conversationId,
                            0,
                            now,
                            Author.AGENT,
                            Optional.of(actor.id()),
                            message.kind(),
                            message.transcriptText(),
                            Optional.empty()));
            // the message went: a lost race only delays recording its time, it is never sent again
            touch(conversationId, builder -> builder.firstResponseAt(now).activityAt(now));
            return null;
        });
    }

    @Override
    public DeskConversation transfer(Actor actor, String conversationId, String toAgentId) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(toAgentId, "toAgentId");
        return locked(() -> {
            Instant now = clock.instant();
            DeskConversation moved = settled(() -> {
                DeskConversation conversation = openOrRefuse(conversationId);
                Access.actsOn(actor, conversation, "transferring");
                DeskSettings campaign = settingsOf(conversation);
                if (!campaign.policies().transferAllowed()) {
                    throw DeskRefusedException.policy(
                            ConversationPolicies.TRANSFER, "transfers between agents are not allowed in this campaign");
                }
                if (conversation.state() != DeskState.WITH_AGENT) {
                    throw DeskRefusedException.of(
                            DeskRefusedException.ILLEGAL_STATE,
                            "conversation " + conversationId + " is " + conversation.state()
                                    + ": only a conversation with an agent is transferred");
                }
                Agent target = agentOrRefuse(toAgentId); // read before the loads: its version guards its room
                String from = conversation.agentId().orElseThrow();
                if (from.equals(toAgentId) || !Assignment.hasRoom(target, conversation.queue(), assignment.loads())) {
                    throw DeskRefusedException.of(
                            DeskRefusedException.AGENT_UNAVAILABLE,
                            "agent " + toAgentId
                                    + " cannot take " + conversationId
                                    + ": it must be another agent, ONLINE, serving queue "
                                    + conversation.queue() + " and with room (it is " + target.status() + ")");
                }
                DeskConversation changed = conversation.toBuilder()
                        .assigned(toAgentId, now)
                        .disposition(campaign.dispositions().transfer())
                        .build();
                List<Agent> agents = new ArrayList<>(idled(now, List.of(from)));
                agents.add(target.withIdleSince(now));
                storage.conversations().saveTogether(List.of(changed), agents);
                note(changed, now, "transferred from " + from + " to " + toAgentId + " by " + actor.id());
                return changed;
            });
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
            Instant now = clock.instant();
            List<DeskConversation> moved = settled(() -> {
                agentOrRefuse(fromAgentId);
                Optional<Agent> target = toAgentId.map(this::agentOrRefuse);
                if (target.isPresent()
                        && (target.get().status() != AgentStatus.ONLINE
                                || target.get().id().equals(fromAgentId))) {
                    throw DeskRefusedException.of(
                            DeskRefusedException.AGENT_UNAVAILABLE,
                            "agent " + target.get().id()
                                    + " cannot take the conversations of " + fromAgentId
                                    + ": it must be another, ONLINE agent (it is "
                                    + target.get().status() + ")");
                }
                Map<String, Integer> loads = assignment.loads();
                List<DeskConversation> changes = new ArrayList<>();
                for (DeskConversation conversation : withAgent(fromAgentId)) {
                    String disposition = settingsOf(conversation).dispositions().massTransfer();
                    DeskConversation.Builder change = conversation.toBuilder().disposition(disposition);
                    if (target.isPresent() && Assignment.hasRoom(target.get(), conversation.queue(), loads)) {
                        change.assigned(target.get().id(), now);
                        loads.merge(target.get().id(), 1, Integer::sum);
                    } else {
                        change.waiting(conversation.queuePosition(), now).exclusiveAgent(Optional.empty());
                    }
                    changes.add(change.build());
                }
                List<Agent> agents = new ArrayList<>();
                if (!changes.isEmpty()) {
                    agents.addAll(idled(now, List.of(fromAgentId)));
                    target.ifPresent(agent -> agents.add(agent.withIdleSince(now)));
                }
                storage.conversations().saveTogether(changes, agents);
                return changes;
            });
            moved.forEach(saved -> note(
                    saved,
                    now,
                    "mass transfer from " + fromAgentId + " by " + actor.id() + " to "
                            + saved.agentId().orElse("the queue")));
            assignWaiting(now);
            return moved.size();
        });
    }

    @Override
    public DeskConversation close(Actor actor, String conversationId, String disposition) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(disposition, "disposition");
        return locked(() -> {
            Instant now = clock.instant();
            openOrRefuse(conversationId);
            DeskConversation closed = closeBySystem(
                            conversationId,
                            conversation -> {
                                Access.actsOn(actor, conversation, "closing");
                                DeskSettings campaign = settingsOf(conversation);
                                if (!campaign.dispositions().agentClose().contains(disposition)) {
                                    throw DeskRefusedException.of(
                                            DeskRefusedException.UNKNOWN_DISPOSITION,
                                            "disposition " + disposition + " is not one of the campaign's "
                                                    + campaign.dispositions().agentClose());
                                }
                                List<String> missing = campaign.fields().stream()
                                        .filter(FieldDefinition::required)
                                        .map(FieldDefinition::name)
                                        .filter(name -> !conversation.fields().containsKey(name))
                                        .toList();
                                if (!missing.isEmpty()) {
                                    throw DeskRefusedException.fields(missing);
                                }
                                if (conversation.firstResponseAt().isEmpty()
                                        && !campaign.policies().closeWithoutAnswerAllowed()) {
                                    throw DeskRefusedException.policy(
                                            ConversationPolicies.CLOSE_WITHOUT_ANSWER,
                                            "conversation " + conversationId + " was never answered by an agent");
                                }
                                return disposition;
                            },
                            actor.id(),
                            now,
                            true)
                    .orElseThrow(() -> DeskRefusedException.of(
                            DeskRefusedException.ILLEGAL_STATE,
                            "conversation " + conversationId + " was closed meanwhile"));
            assignWaiting(now);
            return closed;
        });
    }

    @Override
    public DeskConversation setField(Actor actor, String conversationId, String field, String value) {
        Checks.nonNull(actor, "actor");
        Checks.nonBlank(field, "field");
        return locked(() -> settled(() -> {
            DeskConversation conversation = openOrRefuse(conversationId);
            Access.actsOn(actor, conversation, "filling a field");
            String normalized = fieldOrRefuse(settingsOf(conversation), field).normalize(value);
            Map<String, String> fields = new HashMap<>(conversation.fields());
            fields.put(field, normalized);
            return save(conversation.toBuilder().fields(fields).build());
        }));
    }

    @Override
    public DeskConversation recordSurveyAnswer(String conversationId, String question, String answer) {
        Checks.nonBlank(question, "question");
        Checks.nonNull(answer, "answer");
        return locked(() -> settled(() -> {
            DeskConversation conversation = conversationOrRefuse(conversationId);
            if (conversation.state() != DeskState.CLOSED
                    || settingsOf(conversation).surveyBotFlowId().isEmpty()) {
                throw DeskRefusedException.of(
                        DeskRefusedException.ILLEGAL_STATE,
                        "conversation " + conversationId
                                + " takes survey answers only once closed, in a campaign with a survey bot");
            }
            Map<String, String> answers = new HashMap<>(conversation.surveyAnswers());
            answers.put(question, answer);
            return save(conversation.toBuilder().surveyAnswers(answers).build());
        }));
    }
}
