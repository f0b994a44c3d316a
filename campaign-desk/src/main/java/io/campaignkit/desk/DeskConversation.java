package io.campaignkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A conversation the bot handed to the desk. Its id is the engine's conversation id.
 *
 * @param id the engine's conversation id
 * @param campaignId its campaign
 * @param phone the contact (agent-facing views mask it unless the campaign's policy shows it)
 * @param queue the queue it waits in
 * @param state WAITING, WITH_AGENT or CLOSED
 * @param agentId the agent that has it, exactly when WITH_AGENT
 * @param exclusiveAgent the contact's previous agent, tried first by smart assignment
 * @param queuePosition the desk-wide sequence of its entry in the queue, given by the store as it stores the hand-off
 *     ({@link io.campaignkit.desk.port.DeskConversationStore#enqueue}): waiting conversations are assigned in this order
 * @param handedOffAt when the bot handed it off
 * @param enteredQueueAt when it last entered the queue
 * @param firstAssignedAt when an agent first got it
 * @param firstResponseAt when an agent first wrote in it
 * @param lastActivityAt when the contact or an agent last wrote (inactivity runs from here)
 * @param closedAt when it closed
 * @param disposition the disposition of its last close or transfer; every close has one
 * @param closedBy who closed it ({@code INACTIVITY}, {@code OUT_OF_HOURS}, an agent's id, ...)
 * @param note the bot's note at the handoff
 * @param fields the dynamic fields' values, by name
 * @param surveyAnswers the survey bot's answers, by question
 * @param version the store's optimistic version (0: not stored yet)
 */
public record DeskConversation(
        String id,
        CampaignId campaignId,
        PhoneNumber phone,
        String queue,
        DeskState state,
        Optional<String> agentId,
        Optional<String> exclusiveAgent,
        long queuePosition,
        Instant handedOffAt,
        Instant enteredQueueAt,
        Optional<Instant> firstAssignedAt,
        Optional<Instant> firstResponseAt,
        Instant lastActivityAt,
        Optional<Instant> closedAt,
        Optional<String> disposition,
        Optional<String> closedBy,
        String note,
        Map<String, String> fields,
        Map<String, String> surveyAnswers,
        long version) {

    public DeskConversation {
        Checks.nonBlank(id, "id");
        Checks.nonNull(campaignId, "campaignId");
        Checks.nonNull(phone, "phone");
        Checks.nonBlank(queue, "queue");
        Checks.nonNull(state, "state");
        Checks.require(state != DeskState.BOT, "state", "the desk keeps conversations from their handoff on");
        Checks.nonNull(agentId, "agentId");
        Checks.require(
                agentId.isPresent() == (state == DeskState.WITH_AGENT),
                "agentId",
                "a conversation has an agent exactly when it is WITH_AGENT (" + id + " is " + state + ")");
        Checks.nonNull(exclusiveAgent, "exclusiveAgent");
        Checks.nonNull(handedOffAt, "handedOffAt");
        Checks.nonNull(enteredQueueAt, "enteredQueueAt");
        Checks.nonNull(firstAssignedAt, "firstAssignedAt");
        Checks.nonNull(firstResponseAt, "firstResponseAt");
        Checks.nonNull(lastActivityAt, "lastActivityAt");
        Checks.nonNull(closedAt, "closedAt");
        Checks.nonNull(disposition, "disposition");
        Checks.nonNull(closedBy, "closedBy");
        Checks.require(
                closedAt.isPresent() == (state == DeskState.CLOSED), "closedAt", "closedAt is set exactly when CLOSED");
        Checks.require(
                state != DeskState.CLOSED || disposition.isPresent() && closedBy.isPresent(),
                "disposition",
                "every close carries its disposition and who closed");
        Checks.nonNull(note, "note");
        fields = Map.copyOf(new TreeMap<>(Checks.noNullEntries(fields, "fields")));
        surveyAnswers = Map.copyOf(new TreeMap<>(Checks.noNullEntries(surveyAnswers, "surveyAnswers")));
        Checks.require(version >= 0, "version", "version is not negative");
    }

    /**
     * A conversation just handed off, waiting at {@code queuePosition} (the desk passes 0: the store's
     * {@link io.campaignkit.desk.port.DeskConversationStore#enqueue} gives the position).
     */
    public static DeskConversation handedOff(
            String id,
            CampaignId campaignId,
            PhoneNumber phone,
            String queue,
            Optional<String> exclusiveAgent,
            long queuePosition,
            String note,
            Map<String, String> fields,
            Instant now) {
        return new DeskConversation(
                id,
                campaignId,
                phone,
                queue,
                DeskState.WAITING,
                Optional.empty(),
                exclusiveAgent,
                queuePosition,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                note,
                fields,
                Map.of(),
                0);
    }

    public boolean isOpen() {
        return state != DeskState.CLOSED;
    }

    public boolean isWithAgent(String agent) {
        return agentId.filter(agent::equals).isPresent();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A changed copy; {@link #build()} checks the result as the constructor does. */
    public static final class Builder {
        private final DeskConversation from;
        private DeskState state;
        private Optional<String> agentId;
        private Optional<String> exclusiveAgent;
        private long queuePosition;
        private Instant enteredQueueAt;
        private Optional<Instant> firstAssignedAt;
        private Optional<Instant> firstResponseAt;
        private Instant lastActivityAt;
        private Optional<Instant> closedAt;
        private Optional<String> disposition;
        private Optional<String> closedBy;
        private Map<String, String> fields;
        private Map<String, String> surveyAnswers;
        private long version;

        private Builder(DeskConversation from) {
            this.from = from;
            state = from.state;
            agentId = from.agentId;
            exclusiveAgent = from.exclusiveAgent;
            queuePosition = from.queuePosition;
            enteredQueueAt = from.enteredQueueAt;
            firstAssignedAt = from.firstAssignedAt;
            firstResponseAt = from.firstResponseAt;
            lastActivityAt = from.lastActivityAt;
            closedAt = from.closedAt;
            disposition = from.disposition;
            closedBy = from.closedBy;
            fields = from.fields;
            surveyAnswers = from.surveyAnswers;
            version = from.version;
        }

        /** Back to the queue at {@code position}, without an agent. */
        public Builder waiting(long position, Instant now) {
            state = DeskState.WAITING;
            agentId = Optional.empty();
            queuePosition = position;
            enteredQueueAt = now;
            return this;
        }

        /** With {@code agent} from {@code now}; it becomes the contact's exclusive agent. */
        public Builder assigned(String agent, Instant now) {
            state = DeskState.WITH_AGENT;
            agentId = Optional.of(agent);
            exclusiveAgent = Optional.of(agent);
            if (firstAssignedAt.isEmpty()) {
                firstAssignedAt = Optional.of(now);
            }
            return this;
        }

        public Builder closed(String code, String by, Instant now) {
            state = DeskState.CLOSED;
            agentId = Optional.empty();
            closedAt = Optional.of(now);
            disposition = Optional.of(code);
            closedBy = Optional.of(by);
            return this;
        }

        public Builder disposition(String code) {
            disposition = Optional.of(code);
            return this;
        }

        public Builder exclusiveAgent(Optional<String> agent) {
            exclusiveAgent = agent;
            return this;
        }

        public Builder firstResponseAt(Instant at) {
            if (firstResponseAt.isEmpty()) {
                firstResponseAt = Optional.of(at);
            }
            return this;
        }

        public Builder activityAt(Instant at) {
            if (at.isAfter(lastActivityAt)) {
                lastActivityAt = at;
            }
            return this;
        }

        public Builder fields(Map<String, String> values) {
            fields = values;
            return this;
        }

        public Builder surveyAnswers(Map<String, String> answers) {
            surveyAnswers = answers;
            return this;
        }

        public Builder version(long newVersion) {
            version = newVersion;
            return this;
        }

        public DeskConversation build() {
            return new DeskConversation(
                    from.id,
                    from.campaignId,
                    from.phone,
                    from.queue,
                    state,
                    agentId,
                    exclusiveAgent,
                    queuePosition,
                    from.handedOffAt,
                    enteredQueueAt,
                    firstAssignedAt,
                    firstResponseAt,
                    lastActivityAt,
                    closedAt,
                    disposition,
                    closedBy,
                    from.note,
                    fields,
                    surveyAnswers,
                    version);
        }
    }
}
