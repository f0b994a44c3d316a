package io.campaignkit.testkit.engine;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.simulated.Outcome;
import io.campaignkit.channel.simulated.OutcomeMix;
import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.channel.simulated.SimulatedChannelConfiguration;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignEngineBuilder;
import io.campaignkit.core.engine.CampaignMetrics;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import io.campaignkit.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A campaign engine wired for host integration tests: a {@link ManualClock}, a
 * {@link SimulatedChannel} whose webhooks go to the engine, the in-memory store, an in-memory contact
 * directory, recording bots and a recording listener. Time moves only when the scenario says, and
 * runs as fast as the code: a week of campaign takes milliseconds, the same way every time.
 *
 * <pre>{@code
 * CampaignScenario scenario = CampaignScenario.custom().bot("cobranza", bot).build();
 * CampaignId id = scenario.createCampaign(CampaignKind.LIVE, config -> config.name("Junio")...);
 * scenario.engine().launch(id, LaunchRequest.importedContacts(contacts));
 * scenario.runFor(Duration.ofMinutes(5));
 * assertThat(scenario.metrics(id).delivered()).isEqualTo(contacts.size());
 * }</pre>
 *
 * <p>Driving: {@link #runUntil(Instant)} repeatedly lets the engine do what is due, delivers the
 * channel's due answers and webhooks, and moves the clock to the earlier of the engine's and the
 * channel's next instants, until the deadline. A failed campaign run (which the engine only logs
 * and reports) fails the scenario at once. Not thread-safe: one test thread drives it.
 */
public final class CampaignScenario {

    /** The channel id of the scenario's simulated channel. */
    public static final String CHANNEL_ID = SimulatedChannelConfiguration.DEFAULT_ID;
    /** The sender id campaigns of the scenario usually send from. */
    public static final String SENDER_ID = "sender-1";
    /** The tenant of campaigns made by {@link #createCampaign}. */
    public static final String TENANT = "tenant-1";
    /** The project of campaigns made by {@link #createCampaign}. */
    public static final String PROJECT = "project-1";
    /** Most rounds at one instant before {@link #runUntil} reports the engine as stuck. */
    public static final int MAX_ROUNDS_PER_INSTANT = 10_000;

    private final ManualClock clock;
    private final SimulatedChannel channel;
    private final InMemoryCampaignStore store;
    private final InMemoryContactDirectory directory;
    private final RecordingListener listener;
    private final CampaignEngine engine;
    private final List<InboundMessage> unrouted = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterEachStep = new ArrayList<>();
    /** The channels registered besides {@link #channel()}, by id (a campaign's further channel bindings). */
    private final Map<String, SimulatedChannel> moreChannels = new java.util.LinkedHashMap<>();

    private int campaignCounter;
    /** Set when the engine asks its runner to run again (webhooks made work due now, as a fallback does). */
    private final java.util.concurrent.atomic.AtomicBoolean wokenUp = new java.util.concurrent.atomic.AtomicBoolean();

    private CampaignScenario(Builder builder) {
        this.clock = builder.clock;
        SimulatedChannelConfiguration.Builder channelConfig = SimulatedChannelConfiguration.custom()
                .clock(clock)
                .capabilities(builder.capabilities)
                .defaultOutcome(builder.defaultOutcome);
        if (builder.outcomeMix != null) {
            channelConfig.outcomeMix(builder.outcomeMix);
        }
        this.channel = SimulatedChannel.create(channelConfig.build());
        this.store = new InMemoryCampaignStore();
        this.directory = new InMemoryContactDirectory();
        this.listener = new RecordingListener();
        CampaignEngineBuilder engineBuilder = CampaignEngine.builder()
                .store(store)
                .channel(channel)
                .botFlows(BotFlowRegistry.of(builder.bots))
                .contactDirectory(directory)
                .clock(clock)
                .listener(listener)
                .unroutedMessages((channelId, message) -> unrouted.add(message))
                .ownerId("scenario")
                .random(new SplittableRandom(builder.seed))
                .callbackExecutor(Runnable::run) // the host's code on the driving thread: deterministic
                .deliverySemantics(builder.semantics)
                .retryPolicy(builder.retryPolicy)
                .maxInFlight(builder.maxInFlight)
                .conversationIdleTimeout(builder.idleTimeout);
        for (String channelId : builder.moreChannelIds) {
            SimulatedChannel more = SimulatedChannel.create(SimulatedChannelConfiguration.custom()
                    .id(channelId)
                    .clock(clock)
                    .capabilities(builder.capabilities)
                    .defaultOutcome(builder.defaultOutcome)
                    .build());
            moreChannels.put(channelId, more);
            engineBuilder.channel(more);
        }
        builder.engineCustomizer.accept(engineBuilder);
        this.engine = engineBuilder.build();
        channel.deliverWebhooksTo(request -> engine.handleWebhook(CHANNEL_ID, request));
        moreChannels.forEach(
                (channelId, more) -> more.deliverWebhooksTo(request -> engine.handleWebhook(channelId, request)));
        engine.onWakeUp(() -> wokenUp.set(true));
    }

    /** The channel registered with {@code channelId}: {@link #channel()} or one of {@link Builder#moreChannel}. */
    public SimulatedChannel channel(String channelId) {
        if (CHANNEL_ID.equals(channelId)) {
            return channel;
        }
        SimulatedChannel more = moreChannels.get(channelId);
        if (more == null) {
            throw new IllegalArgumentException("the scenario has no channel '" + channelId + "'; it has " + CHANNEL_ID
                    + (moreChannels.isEmpty() ? "" : " and " + moreChannels.keySet()));
        }
        return more;
    }

    private void deliverDueEvents() {
        channel.deliverDueEvents();
        moreChannels.values().forEach(SimulatedChannel::deliverDueEvents);
    }

    private Optional<Instant> channelsNextDue() {
        Optional<Instant> next = channel.nextDueInstant();
        for (SimulatedChannel more : moreChannels.values()) {
            next = earliest(next, more.nextDueInstant());
        }
        return next;
    }

    /** A builder with the defaults: a clock at {@link ManualClock#DEFAULT_START}, the simulated channel's defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A scenario with every default and no bot. */
    public static CampaignScenario ofDefaults() {
        return custom().build();
    }

    public CampaignEngine engine() {
        return engine;
    }

    public ManualClock clock() {
        return clock;
    }

    public SimulatedChannel channel() {
        return channel;
    }

    public InMemoryCampaignStore store() {
        return store;
    }

    public InMemoryContactDirectory directory() {
        return directory;
    }

    public RecordingListener listener() {
        return listener;
    }

    /** Inbound messages of contacts in no active campaign, as the host's fallback received them. */
    public List<InboundMessage> unroutedMessages() {
        return List.copyOf(unrouted);
    }

    /** Runs {@code check} after every step of {@link #runUntil} (invariant checks of simulations). */
    public CampaignScenario afterEachStep(Runnable check) {
        afterEachStep.add(check);
        return this;
    }

    /**
     * Creates a campaign on the scenario's channel and {@link #SENDER_ID}, configured by
     * {@code configuration} (which may override the channel).
     */
    public CampaignId createCampaign(CampaignKind kind, Consumer<CampaignConfiguration.Builder> configuration) {
        CampaignConfiguration.Builder builder = CampaignConfiguration.custom().channel(CHANNEL_ID, SENDER_ID);
        configuration.accept(builder);
        CampaignId id = CampaignId.of("campaign-" + (++campaignCounter));
        engine.create(id, TENANT, PROJECT, kind, builder.build());
        return id;
    }

    /** Launches an imported-list campaign with {@code contacts}. */
    public Campaign launch(CampaignId id, List<Contact> contacts) {
        return engine.launch(id, LaunchRequest.importedContacts(contacts));
    }

    /** A contact writes to {@code senderId} now; the message travels the signed webhook path at once. */
    public void inbound(String from, String senderId, String text) {
        channel.scheduleInbound(from, senderId, text, Duration.ZERO);
        channel.deliverDueEvents();
        step();
    }

    /** A contact writes to {@link #SENDER_ID} now. */
    public void inbound(String from, String text) {
        inbound(from, SENDER_ID, text);
    }

    /** Delivers one event through the channel's signed webhook path now. */
    public void deliver(ChannelEvent event) {
        channel.scheduleEvent(event, clock.instant());
        channel.deliverDueEvents();
        step();
    }

    /** Runs until {@code duration} from now has passed. */
    public CampaignScenario runFor(Duration duration) {
        return runUntil(clock.instant().plus(duration));
    }

    /**
     * Does everything due up to {@code deadline}: engine runs, channel answers and webhooks, moving the
     * clock from one due instant to the next, and leaves the clock at {@code deadline}.
     *
     * @throws IllegalStateException if the engine keeps having work at one instant (a bug to see)
     */
    public CampaignScenario runUntil(Instant deadline) {
        int roundsHere = 0;
        Instant here = clock.instant();
        while (true) {
            wokenUp.set(false);
            Optional<Instant> engineNext = engine.runDue();
            deliverDueEvents();
            step();
            Optional<Instant> channelNext = channelsNextDue();
            Optional<Instant> next = earliest(engineNext, channelNext);
            Instant now = clock.instant();
            if (wokenUp.getAndSet(false)) {
                next = earliest(next, Optional.of(now)); // as a runner does when woken
            }
            if (next.isEmpty() || next.get().isAfter(deadline)) {
                if (now.isBefore(deadline)) {
                    clock.advanceTo(deadline);
                    continue;
                }
                return this;
            }
            if (next.get().isAfter(now)) {
                clock.advanceTo(next.get());
                here = next.get();
                roundsHere = 0;
            } else if (++roundsHere > MAX_ROUNDS_PER_INSTANT) {
                throw new IllegalStateException(
                        "the engine keeps having work at " + here + " after " + MAX_ROUNDS_PER_INSTANT
                                + " rounds (engine next " + engineNext + ", channel next " + channelNext + ")");
            }
        }
    }

    /** Runs until neither the engine nor the channel has anything due, or {@code limit} from now. */
    public CampaignScenario runUntilIdle(Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        while (true) {
            Optional<Instant> next = earliest(engine.runDue(), channelsNextDue());
            deliverDueEvents();
            step();
            if (next.isEmpty() || next.get().isAfter(deadline)) {
                return this;
            }
            runUntil(next.get());
        }
    }

    public CampaignMetrics metrics(CampaignId id) {
        return engine.metrics(id);
    }

    /** The recipient of {@code phone} in the campaign. */
    public Recipient recipient(CampaignId id, String phone) {
        return store.findRecipient(new RecipientKey(id, PhoneNumber.parse(phone)))
                .orElseThrow(() -> new AssertionError("no recipient " + phone + " in " + id));
    }

    public Campaign campaign(CampaignId id) {
        return engine.find(id).orElseThrow(() -> new AssertionError("no campaign " + id));
    }

    private void step() {
        // a failed campaign run is an engine bug a test must see (the engine itself only logs it)
        for (EngineFailure failure : listener.failures()) {
            if (failure.source().equals(EngineFailure.CAMPAIGN_RUN)) {
                throw new IllegalStateException(
                        "the engine failed running " + failure.campaignId().orElse(null) + " at " + failure.at(),
                        failure.error());
            }
        }
        for (Runnable check : afterEachStep) {
            check.run();
        }
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    /** Builds a {@link CampaignScenario}. */
    public static final class Builder {
        private ManualClock clock = ManualClock.ofDefaults();
        private ChannelCapabilities capabilities = SimulatedChannelConfiguration.DEFAULT_CAPABILITIES;
        private Outcome defaultOutcome = SimulatedChannelConfiguration.DEFAULT_OUTCOME;
        private @Nullable OutcomeMix outcomeMix;
        private final Map<String, BotFlow> bots = new HashMap<>();
        private long seed = 1;
        private DeliverySemantics semantics = CampaignEngine.DEFAULT_DELIVERY_SEMANTICS;
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private int maxInFlight = CampaignEngine.DEFAULT_MAX_IN_FLIGHT;
        private Duration idleTimeout = CampaignEngine.DEFAULT_CONVERSATION_IDLE_TIMEOUT;
        private Consumer<CampaignEngineBuilder> engineCustomizer = builder -> {};
        private final List<String> moreChannelIds = new ArrayList<>();

        private Builder() {}

        public Builder startingAt(Instant start) {
            this.clock = ManualClock.startingAt(start);
            return this;
        }

        public Builder capabilities(ChannelCapabilities capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        /** What the channel does with every unscripted send. */
        public Builder defaultOutcome(Outcome outcome) {
            this.defaultOutcome = outcome;
            return this;
        }

        public Builder outcomeMix(OutcomeMix mix) {
            this.outcomeMix = mix;
            return this;
        }

        public Builder bot(String botFlowId, BotFlow bot) {
            bots.put(botFlowId, bot);
            return this;
        }

        /** The seed of the engine's retry jitter. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder deliverySemantics(DeliverySemantics semantics) {
            this.semantics = semantics;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public Builder maxInFlight(int max) {
            this.maxInFlight = max;
            return this;
        }

        public Builder conversationIdleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Registers one more simulated channel, with id {@code channelId} and the same capabilities and
         * default outcome, for campaigns with several channel bindings; see {@link CampaignScenario#channel(String)}.
         */
        public Builder moreChannel(String channelId) {
            moreChannelIds.add(channelId);
            return this;
        }

        /** Any other engine setting. */
        public Builder engine(Consumer<CampaignEngineBuilder> customizer) {
            this.engineCustomizer = customizer;
            return this;
        }

        public CampaignScenario build() {
            return new CampaignScenario(this);
        }
    }
}
