package io.campaignkit.desk.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.desk.Actor;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.ConversationDesk;
import io.campaignkit.desk.ConversationView;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskMetrics;
import io.campaignkit.desk.DeskRefusedException;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.DeskState;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.Role;
import io.campaignkit.desk.SurveyLauncher;
import io.campaignkit.desk.TranscriptEntry;
import io.campaignkit.desk.port.DeskChannel;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.DeskStorage;
import io.campaignkit.desk.port.StaleDeskDataException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The desk's state, lock, lookups and reads; {@link DeskCore} adds the operations that change things. */
abstract class DeskBase implements ConversationDesk {

    /** How often an operation is tried when its writes keep losing races: each loss means another desk progressed. */
    static final int ATTEMPTS = 16;

    final DeskStorage storage;
    final DeskChannel channel;
    final Clock clock;
    final Optional<Duration> historyCeiling;
    final SurveyLauncher survey;
    final Assignment assignment;
    private final ReentrantLock lock = new ReentrantLock();

    DeskBase(
            DeskStorage storage,
            DeskChannel channel,
            Clock clock,
            Optional<Duration> historyCeiling,
            SurveyLauncher survey) {
        this.storage = storage;
        this.channel = channel;
        this.clock = clock;
        this.historyCeiling = historyCeiling;
        this.survey = survey;
        this.assignment = new Assignment(storage);
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code attempt} (read, decide by the rules, one write) and, when its write lost a race to another
     * desk on the same store, runs it again from fresh reads: a race the desk can settle never reaches the
     * host. An attempt writes once ({@code saveTogether} for several rows), so a lost one changed nothing.
     */
    static <T> T settled(Supplier<T> attempt) {
        StaleDeskDataException lost = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (StaleDeskDataException stale) {
                lost = stale;
            }
        }
        throw Objects.requireNonNull(lost);
    }

    @Override
    public Optional<DeskSettings> settings(CampaignId campaignId) {
        Checks.nonNull(campaignId, "campaignId");
        return locked(() -> storage.settings().findSettings(campaignId));
    }

    @Override
    public ConversationView view(Actor actor, String conversationId) {
        Checks.nonNull(actor, "actor");
        return locked(() -> {
            DeskConversation conversation = conversationOrRefuse(conversationId);
            Access.actsOn(actor, conversation, "viewing");
            String number = settingsOf(conversation).policies().showContactNumber()
                    ? conversation.phone().e164()
                    : Texts.masked(conversation.phone());
            return new ConversationView(
                    conversation.id(),
                    conversation.state(),
                    conversation.agentId(),
                    number,
                    conversation.note(),
                    conversation.fields(),
                    conversation.disposition());
        });
    }

    @Override
    public List<TranscriptEntry> history(Actor actor, String conversationId) {
        Checks.nonNull(actor, "actor");
        return locked(() -> {
            DeskConversation conversation = conversationOrRefuse(conversationId);
            Access.actsOn(actor, conversation, "reading the history");
            Optional<Duration> window = HoursRules.effectiveWindow(
                    settingsOf(conversation).policies().historyWindow(), historyCeiling);
            Instant since = window.map(clock.instant()::minus).orElse(Instant.EPOCH);
            return storage.transcripts().transcript(conversationId, since);
        });
    }

    @Override
    public List<TranscriptEntry> transcript(Actor actor, String conversationId) {
        Access.requires(Checks.nonNull(actor, "actor"), Role.ADMINISTRATOR, "reading a whole transcript");
        return locked(() -> storage.transcripts()
                .transcript(conversationOrRefuse(conversationId).id(), Instant.EPOCH));
    }

    @Override
    public boolean isWithDesk(PhoneNumber phone) {
        Checks.nonNull(phone, "phone");
        return locked(() -> !storage.conversations()
                .findConversations(DeskQuery.inStates(DeskState.WAITING, DeskState.WITH_AGENT)
                        .phone(phone))
                .isEmpty());
    }

    @Override
    public Optional<DeskConversation> find(String conversationId) {
        Checks.nonBlank(conversationId, "conversationId");
        return locked(() -> storage.conversations().findConversation(conversationId));
    }

    @Override
    public DeskMetrics metrics(CampaignId campaignId, Optional<String> agentId) {
        Checks.nonNull(campaignId, "campaignId");
        Checks.nonNull(agentId, "agentId");
        return locked(() -> Reports.metrics(
                storage.conversations().findConversations(DeskQuery.all().campaign(campaignId)), agentId));
    }

    @Override
    public String exportCsv(Actor actor, CampaignId campaignId) {
        Access.requires(Checks.nonNull(actor, "actor"), Role.ADMINISTRATOR, "exporting conversations");
        Checks.nonNull(campaignId, "campaignId");
        return locked(() -> Reports.csv(
                storage.conversations().findConversations(DeskQuery.all().campaign(campaignId))));
    }

    @Override
    public String exportJson(Actor actor, CampaignId campaignId) {
        Access.requires(Checks.nonNull(actor, "actor"), Role.ADMINISTRATOR, "exporting conversations");
        Checks.nonNull(campaignId, "campaignId");
        return locked(() -> Reports.json(
                storage.conversations().findConversations(DeskQuery.all().campaign(campaignId)),
                id -> storage.transcripts().transcript(id, Instant.EPOCH)));
    }

    /**
     * Closes the conversation if it is open and {@code disposition} gives one for it (null: it stays open), as
     * one write with its agent; then the note, the channel's close and the survey, once. Empty when it was not
     * closed.
     */
    Optional<DeskConversation> closeBySystem(
            String conversationId,
            Function<DeskConversation, @Nullable String> disposition,
            String by,
            Instant now,
            boolean startsSurvey) {
        Optional<DeskConversation> closed = settled(() -> {
            Optional<DeskConversation> open =
                    storage.conversations().findConversation(conversationId).filter(DeskConversation::isOpen);
            if (open.isEmpty()) {
                return Optional.<DeskConversation>empty();
            }
            String code = disposition.apply(open.get());
            if (code == null) {
                return Optional.<DeskConversation>empty();
            }
            DeskConversation change =
                    open.get().toBuilder().closed(code, by, now).build();
            storage.conversations()
                    .saveTogether(
                            List.of(change),
                            idled(now, open.get().agentId().stream().toList()));
            return Optional.of(change);
        });
        closed.ifPresent(done -> {
            note(
                    done,
                    now,
                    "closed by " + by + " with disposition "
                            + done.disposition().orElseThrow());
            channel.closed(done);
            Optional<String> surveyFlow = settingsOf(done).surveyBotFlowId();
            if (startsSurvey && surveyFlow.isPresent()) {
                survey.startSurvey(done, surveyFlow.get());
            }
        });
        return closed.flatMap(done -> storage.conversations().findConversation(done.id()));
    }

    /** Re-reads the conversation and saves {@code change} of it while it is open, again when a race was lost. */
    void touch(String conversationId, UnaryOperator<DeskConversation.Builder> change) {
        settled(() -> storage.conversations()
                .findConversation(conversationId)
                .filter(DeskConversation::isOpen)
                .map(open -> save(change.apply(open.toBuilder()).build())));
    }

    // ---------------------------------------------------------------- lookups (under the lock)

    /** The agents, as read now, whose load a write changes: each idle from {@code now}. */
    List<Agent> idled(Instant now, Collection<String> agentIds) {
        return agentIds.stream()
                .distinct()
                .sorted()
                .map(id -> storage.agents().findAgent(id))
                .flatMap(Optional::stream)
                .map(agent -> agent.withIdleSince(now))
                .toList();
    }

    void note(DeskConversation conversation, Instant now, String text) {
        storage.transcripts().append(TranscriptEntry.note(conversation.id(), now, text));
    }

    DeskConversation save(DeskConversation conversation) {
        return storage.conversations().saveConversation(conversation);
    }

    List<DeskConversation> withAgent(String agentId) {
        return storage.conversations()
                .findConversations(DeskQuery.inStates(DeskState.WITH_AGENT).agent(agentId));
    }

    DeskSettings settingsOf(DeskConversation conversation) {
        return settingsOrRefuse(conversation.campaignId());
    }

    DeskSettings settingsOrRefuse(CampaignId campaignId) {
        return storage.settings()
                .findSettings(campaignId)
                .orElseThrow(() -> DeskRefusedException.of(
                        DeskRefusedException.NOT_FOUND, "campaign " + campaignId + " has no desk settings"));
    }

    static FieldDefinition fieldOrRefuse(DeskSettings campaign, String name) {
        return campaign.field(name)
                .orElseThrow(() -> new InvalidArgumentException(
                        name,
                        "campaign "
                                + campaign.campaignId() + " has no field " + name + "; its fields are "
                                + campaign.fields().stream()
                                        .map(FieldDefinition::name)
                                        .toList()));
    }

    Agent agentOrRefuse(String agentId) {
        return storage.agents()
                .findAgent(agentId)
                .orElseThrow(() -> DeskRefusedException.of(DeskRefusedException.NOT_FOUND, "no agent " + agentId));
    }

    DeskConversation conversationOrRefuse(String conversationId) {
        Checks.nonBlank(conversationId, "conversationId");
        return storage.conversations()
                .findConversation(conversationId)
                .orElseThrow(() -> DeskRefusedException.of(
                        DeskRefusedException.NOT_FOUND, "the desk has no conversation " + conversationId));
    }

    DeskConversation openOrRefuse(String conversationId) {
        DeskConversation conversation = conversationOrRefuse(conversationId);
        if (!conversation.isOpen()) {
            throw DeskRefusedException.of(
                    DeskRefusedException.ILLEGAL_STATE,
                    "conversation " + conversationId + " is closed ("
                            + conversation.disposition().orElse("?") + ")");
        }
        return conversation;
    }
}
