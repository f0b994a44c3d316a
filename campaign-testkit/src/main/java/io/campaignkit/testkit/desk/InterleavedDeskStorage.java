package io.campaignkit.testkit.desk;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.desk.Agent;
import io.campaignkit.desk.DeskConversation;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.port.AgentStore;
import io.campaignkit.desk.port.DeskConversationStore;
import io.campaignkit.desk.port.DeskQuery;
import io.campaignkit.desk.port.DeskSettingsStore;
import io.campaignkit.desk.port.DeskStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Any desk storage with a hook before each versioned write (of conversations, agents or settings), to race
 * two desks deterministically: give one desk this storage and, with {@link #beforeWrite}, run another desk's
 * operation (on the plain storage) between the first one's reads and its write, as a second instance on the
 * same database would. No threads, no sleeps. Not thread-safe: one test thread drives it.
 */
public final class InterleavedDeskStorage {

    private final DeskStorage target;
    private final TreeMap<Integer, List<Runnable>> steps = new TreeMap<>();
    private int writes;
    private boolean interleaving;

    private InterleavedDeskStorage(DeskStorage target) {
        this.target = target;
    }

    /** Hooks on {@code target}'s writes. */
    public static InterleavedDeskStorage over(DeskStorage target) {
        return new InterleavedDeskStorage(Objects.requireNonNull(target, "target"));
    }

    /**
     * Runs {@code step} just before the {@code nth} write from now (1: the next one) reaches the store. A step
     * that writes through this storage itself does not trigger steps.
     */
    public InterleavedDeskStorage beforeWrite(int nth, Runnable step) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts writes from 1, was " + nth);
        }
        steps.computeIfAbsent(writes + nth, write -> new ArrayList<>()).add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** How many writes went through this storage (tried: a stale one counts). */
    public int writes() {
        return writes;
    }

    /** Whether steps are still waiting for their write. */
    public boolean hasPendingSteps() {
        return !steps.isEmpty();
    }

    /** Runs the steps whose write never came, in order, and forgets them: the other desk's operations came later. */
    public void runPendingSteps() {
        while (!steps.isEmpty()) {
            run(steps.pollFirstEntry().getValue());
        }
    }

    /** The storage to give the racing desk. */
    public DeskStorage storage() {
        Conversations conversations = new Conversations();
        return new DeskStorage(conversations, conversations, target.transcripts(), new Settings());
    }

    private void beforeWrite() {
        if (interleaving) {
            return;
        }
        writes++;
        List<Runnable> due = steps.remove(writes);
        if (due != null) {
            run(due);
        }
    }

    private void run(List<Runnable> due) {
        interleaving = true;
        try {
            due.forEach(Runnable::run);
        } finally {
            interleaving = false;
        }
    }

    private final class Conversations implements DeskConversationStore, AgentStore {
        @Override
        public DeskConversation saveConversation(DeskConversation conversation) {
            beforeWrite();
            return target.conversations().saveConversation(conversation);
        }

        @Override
        public void saveTogether(List<DeskConversation> conversations, List<Agent> agents) {
            beforeWrite();
            target.conversations().saveTogether(conversations, agents);
        }

        @Override
        public Optional<DeskConversation> findConversation(String id) {
            return target.conversations().findConversation(id);
        }

        @Override
        public List<DeskConversation> findConversations(DeskQuery query) {
            return target.conversations().findConversations(query);
        }

        @Override
        public DeskConversation enqueue(DeskConversation conversation) {
            beforeWrite();
            return target.conversations().enqueue(conversation);
        }

        @Override
        public Agent saveRotated(DeskConversation conversation, Agent agent) {
            beforeWrite();
            return target.conversations().saveRotated(conversation, agent);
        }

        @Override
        public Agent saveAgent(Agent agent) {
            beforeWrite();
            return target.agents().saveAgent(agent);
        }

        @Override
        public Optional<Agent> findAgent(String id) {
            return target.agents().findAgent(id);
        }

        @Override
        public List<Agent> agents() {
            return target.agents().agents();
        }
    }

    private final class Settings implements DeskSettingsStore {
        @Override
        public DeskSettings saveSettings(DeskSettings settings) {
            beforeWrite();
            return target.settings().saveSettings(settings);
        }

        @Override
        public Optional<DeskSettings> findSettings(CampaignId campaignId) {
            return target.settings().findSettings(campaignId);
        }

        @Override
        public List<DeskSettings> allSettings() {
            return target.settings().allSettings();
        }
    }
}
