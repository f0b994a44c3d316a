package io.campaignkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.internal.Checks;
import io.campaignkit.desk.internal.DeskCore;
import io.campaignkit.desk.port.DeskChannel;
import io.campaignkit.desk.port.DeskStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The conversation desk: the bot hands a conversation off ({@link #handOff}), the desk queues it and
 * assigns it to an agent of the campaign's queue (round robin or smart), the agent answers, transfers or
 * closes it with a disposition. Every operation takes an {@link Actor}; a refused one throws
 * {@link DeskRefusedException} and changes nothing. The host owns the agents' screens and calls
 * {@link #runDue()} now and then (inactivity, hours); the desk assigns as soon as agents free up.
 *
 * <pre>{@code
 * ConversationDesk desk = ConversationDesk.builder().storage(storage).channel(channel).clock(clock).build();
 * desk.configure(admin, DeskSettings.of(campaignId, "cobranza", AssignmentMethod.SMART, dispositions));
 * desk.registerAgent(admin, Agent.of("ana", 3, Set.of("cobranza"), clock.instant()));
 * desk.changeStatus(Actor.agent("ana"), "ana", AgentStatus.ONLINE);
 * // in the bot flow:
 * desk.handOff(new Handoff(context.conversationId(), context.campaignId(), phone, "quiere pagar", Map.of()));
 * }</pre>
 *
 * <p>One desk instance serves one tenant; its operations take turns under one lock. Several instances on one
 * database stay consistent through the stores' optimistic versions: an operation whose write lost a race to
 * another instance reads again, decides again by the rules and writes again (a bounded number of times), so
 * nothing is assigned twice nor beyond an agent's capacity and the host sees no stale failure for a race the
 * desk can settle; a refusal after it is the rules' answer to what the other instance did. Only
 * {@link #configure} from stale settings and {@link #registerAgent} of an id that exists throw
 * {@link io.campaignkit.desk.port.StaleDeskDataException}: those races are the host's (two administrators
 * editing one campaign).
 */
public interface ConversationDesk {

    /**
     * Stores a campaign's desk settings (administrator): its first ones at version 0, or a change of the ones
     * {@link #settings} answered, at their version. They are kept in the store, so a desk restarted on it (or
     * another desk on it) finds them without configuring again. Answers them as stored.
     *
     * @throws io.campaignkit.desk.port.StaleDeskDataException if the campaign has settings already (version 0)
     *     or they changed since they were read: read them again and apply the change to what is stored
     */
    DeskSettings configure(Actor actor, DeskSettings settings);

    /** The campaign's stored desk settings, with their version, if it has any. */
    Optional<DeskSettings> settings(CampaignId campaignId);

    /** Adds an agent (administrator). */
    Agent registerAgent(Actor actor, Agent agent);

    /** Changes an agent's status (the agent itself, a supervisor or an administrator); may assign or reassign. */
    Agent changeStatus(Actor actor, String agentId, AgentStatus status);

    /** The bot hands its conversation off: WAITING, then WITH_AGENT as soon as an agent has room. */
    DeskConversation handOff(Handoff handoff);

    /**
     * A contact's message in a conversation the desk holds (WAITING or WITH_AGENT): kept in the transcript
     * (once per message id). Answers false when the desk does not hold the conversation: the bot's.
     */
    boolean onInbound(String conversationId, String messageId, String text, Instant receivedAt);

    /** An agent sends a message in its conversation, on the conversation's channel. */
    void send(Actor actor, String conversationId, AgentMessage message);

    /** Transfers a conversation to another ONLINE agent with room, with the transfer disposition. */
    DeskConversation transfer(Actor actor, String conversationId, String toAgentId);

    /**
     * Moves every open conversation of {@code fromAgentId} to {@code toAgentId} (it may go over nobody's
     * capacity: what does not fit waits), or back to the queue when empty (supervisor or administrator).
     * Answers how many moved.
     */
    int massTransfer(Actor actor, String fromAgentId, Optional<String> toAgentId);

    /** Closes a conversation with one of the campaign's agent dispositions; refused while a required field is empty. */
    DeskConversation close(Actor actor, String conversationId, String disposition);

    /** Sets a dynamic field (the assigned agent, a supervisor or administrator). */
    DeskConversation setField(Actor actor, String conversationId, String field, String value);

    /** Stores a survey answer on a closed conversation whose campaign has a survey bot. */
    DeskConversation recordSurveyAnswer(String conversationId, String question, String answer);

    /**
     * The engine closed the conversation ({@code CAMPAIGN_FINISHED}, {@code INACTIVITY}, {@code OUT_OF_HOURS}, ...):
     * if the desk holds it open, it closes too, with the campaign-finished disposition or the inactivity one
     * (and the survey only after inactivity). Answers whether it closed.
     */
    boolean conversationEnded(String conversationId, String reason);

    /** Closes conversations of a finishing campaign (no survey). Answers how many. */
    int finishCampaign(CampaignId campaignId);

    /** Inactivity closes, out-of-hours actions and assignment; the host calls it now and then. */
    void runDue();

    /** The conversation as the actor's screen shows it (number masked unless the policy shows it). */
    ConversationView view(Actor actor, String conversationId);

    /** The transcript an agent may see: within the campaign's history window, capped by the desk's ceiling. */
    List<TranscriptEntry> history(Actor actor, String conversationId);

    /** The whole transcript, for exports (administrator). */
    List<TranscriptEntry> transcript(Actor actor, String conversationId);

    /** Whether the contact waits for or is with an agent: busy for other campaigns. */
    boolean isWithDesk(PhoneNumber phone);

    /** The desk's conversation, if it holds or held it. */
    Optional<DeskConversation> find(String conversationId);

    /** Metrics of a campaign, or of one agent in it. */
    DeskMetrics metrics(CampaignId campaignId, Optional<String> agentId);

    /** Per-conversation export of a campaign as CSV (administrator). */
    String exportCsv(Actor actor, CampaignId campaignId);

    /** Per-conversation export of a campaign as JSON (administrator). */
    String exportJson(Actor actor, CampaignId campaignId);

    /**
     * Refuses unless {@code actor} has {@code role} (an administrator has every role): for the host's own
     * campaign operations (creating, editing, launching, finishing and deleting need an administrator).
     */
    static void requireRole(Actor actor, Role role, String action) {
        Checks.nonNull(actor, "actor");
        Checks.nonNull(role, "role");
        if (actor.role() != role
                && actor.role() != Role.ADMINISTRATOR
                && !(role == Role.AGENT && actor.role() == Role.SUPERVISOR)) {
            throw DeskRefusedException.role(role, action);
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds a desk; storage and channel are required. */
    final class Builder {
        private @Nullable DeskStorage storage;
        private @Nullable DeskChannel channel;
        private Clock clock = Clock.systemUTC();
        private Optional<Duration> historyCeiling = Optional.empty();
        private SurveyLauncher survey = (closed, flow) -> {};

        private Builder() {}

        public Builder storage(DeskStorage value) {
            storage = Checks.nonNull(value, "storage");
            return this;
        }

        public Builder channel(DeskChannel value) {
            channel = Checks.nonNull(value, "channel");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Checks.nonNull(value, "clock");
            return this;
        }

        /** The tenant's ceiling on the history window (its plan): no campaign's window goes beyond it. */
        public Builder historyCeiling(Duration ceiling) {
            Checks.require(
                    Checks.nonNull(ceiling, "historyCeiling").compareTo(Duration.ZERO) > 0,
                    "historyCeiling",
                    "historyCeiling must be positive, was " + ceiling);
            historyCeiling = Optional.of(ceiling);
            return this;
        }

        public Builder surveyLauncher(SurveyLauncher value) {
            survey = Checks.nonNull(value, "surveyLauncher");
            return this;
        }

        public ConversationDesk build() {
            return new DeskCore(
                    Checks.nonNull(storage, "storage"),
                    Checks.nonNull(channel, "channel"),
                    clock,
                    historyCeiling,
                    survey);
        }
    }
}
