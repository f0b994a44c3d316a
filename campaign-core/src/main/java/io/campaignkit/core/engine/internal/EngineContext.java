package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.DeliverySemantics;
import io.campaignkit.core.engine.UnroutedMessageHandler;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignListener;
import io.campaignkit.core.port.CampaignStorage;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.ConversationStore;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.RecipientEvent;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything the engine's parts share: the ports, the settings, and a few helpers. */
public final class EngineContext {

    /** Code of the error raised when a campaign names a channel the engine has no adapter for. */
    public static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";

    private static final Logger LOG = LoggerFactory.getLogger(EngineContext.class);

    final CampaignStore campaigns;
    final RecipientStore recipients;
    final EngagementStore engagements;
    final SuppressionList suppressions;
    final ConversationStore conversations;
    final InboundQueue inbound;
    final TrackingStore tracking;
    final ChannelRegistry channels;
    final BotFlowRegistry botFlows;
    final Optional<ContactDirectory> directory;
    final Clock clock;
    final CampaignListener listener;
    final UnroutedMessageHandler unrouted;
    final String ownerId;
    final Duration leaseDuration;
    final int maxInFlight;
    final int batchSize;
    final RetryPolicy retryPolicy;
    final DeliverySemantics semantics;
    final RandomGenerator random;
    final Duration conversationIdleTimeout;
    final int senderBurst;
    final PacingStore pacing;
    /** The engine-wide lock: host operations, runs and webhooks of one process take turns under it. */
    final ReentrantLock lock = new ReentrantLock();
    /** The host's code, run outside {@link #lock}. */
    final HostCalls host;
    private final List<Runnable> wakeUpListeners = new CopyOnWriteArrayList<>();

    public EngineContext(CampaignStorage storage, ChannelRegistry channels, BotFlowRegistry botFlows,
            Optional<ContactDirectory> directory, Clock clock, CampaignListener listener, UnroutedMessageHandler unrouted,
            String ownerId, Duration leaseDuration, int maxInFlight, int batchSize, RetryPolicy retryPolicy,
            DeliverySemantics semantics, RandomGenerator random, Duration conversationIdleTimeout, int senderBurst,
            Executor callbackExecutor) {
        this.campaigns = storage.campaigns();
        this.recipients = storage.recipients();
        this.engagements = storage.engagements();
        this.suppressions = storage.suppressions();
        this.conversations = storage.conversations();
        this.inbound = storage.inbound();
        this.tracking = storage.tracking();
        this.channels = channels;
        this.botFlows = botFlows;
        this.directory = directory;
        this.clock = clock;
        this.listener = listener;
        this.unrouted = unrouted;
        this.ownerId = ownerId;
        this.leaseDuration = leaseDuration;
        this.maxInFlight = maxInFlight;
        this.batchSize = batchSize;
        this.retryPolicy = retryPolicy;
        this.semantics = semantics;
        this.random = random;
        this.conversationIdleTimeout = conversationIdleTimeout;
        this.senderBurst = senderBurst;
        this.pacing = storage.pacing();
        this.host = new HostCalls(callbackExecutor, lock);
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    public RecipientStore recipients() {
        return recipients;
    }

    public TrackingStore tracking() {
        return tracking;
    }

    public SuppressionList suppressions() {
        return suppressions;
    }

    public Clock clock() {
        return clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** A lease from {@code now}; whole milliseconds, which every store keeps exactly, as leases are compared for equality. */
    Lease newLease(Instant now) {
        Instant expiry = now.plus(leaseDuration).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new Lease(ownerId, expiry.isAfter(now) ? expiry : expiry.plusMillis(1));
    }

    ChannelBinding binding(Campaign campaign) {
        return campaign.configuration().channel().orElseThrow(() -> new CampaignKitException(UNKNOWN_CHANNEL,
                "campaign " + campaign.id() + " has no channel"));
    }

    static SenderKey senderKey(ChannelBinding binding) {
        return new SenderKey(binding.channelTypeId(), binding.senderId());
    }

    SenderKey senderKey(Campaign campaign) {
        return senderKey(binding(campaign));
    }

    ChannelAdapter adapter(String channelId) {
        return channels.registeredAdapter(channelId).orElseThrow(() -> new CampaignKitException(UNKNOWN_CHANNEL,
                "no channel adapter is registered for '" + channelId + "'; known: " + channels.channelIds()));
    }

    ChannelAdapter adapter(Campaign campaign) {
        return adapter(binding(campaign).channelTypeId());
    }

    void lifecycle(CampaignLifecycleEvent event) {
        toListener(event, () -> listener.onLifecycleEvent(event));
    }

    void recipientEvent(RecipientEvent event) {
        toListener(event, () -> listener.onRecipientEvent(event));
    }

    void failure(Optional<io.campaignkit.core.campaign.CampaignId> campaignId, String source, Throwable error) {
        EngineFailure failure = new EngineFailure(campaignId, source, error, now());
        toListener(failure, () -> listener.onEngineFailure(failure));
    }

    /** Hands an event to the listener outside the lock, after the events emitted before it. */
    void toListener(Object event, Runnable call) {
        if (listener == CampaignListener.NONE) {
            return;
        }
        host.run(HostCalls.LISTENER, () -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("campaign listener failed on {}", event, e);
            }
        });
    }

    /** Registers a callback run whenever new work may be due sooner than the last answer of runDue. */
    public void addWakeUpListener(Runnable listener) {
        wakeUpListeners.add(listener);
    }

    void wakeUp() {
        for (Runnable wakeUp : wakeUpListeners) {
            try {
                wakeUp.run();
            } catch (RuntimeException e) {
                LOG.warn("wake-up listener failed", e);
            }
        }
    }
}
