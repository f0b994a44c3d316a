package io.campaignkit.core.engine.internal;

import io.campaignkit.core.dispatch.retry.RetryPolicy;
import io.campaignkit.core.engine.DeliverySemantics;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The engine's settings, as the builder checked them; {@link EngineCore} hands each part only the
 * ones it uses.
 *
 * @param ownerId this engine's name on the leases it takes
 * @param leaseDuration how long a claim holds its recipients before another engine may take them over
 * @param maxInFlight sends awaiting their channel's answer, at most, engine-wide
 * @param batchSize recipients per store call
 * @param retryPolicy when failed sends are tried again
 * @param semantics what an unanswered send becomes
 * @param conversationIdleTimeout how long a conversation stays open without activity
 * @param senderBurst permits a sender's bucket holds beyond its per-second rate
 * @param optOutsAcrossChannels the tenants for whom an opt-out on one of a campaign's channels keeps the
 *     contact from being sent on its other channels too
 * @param checkCredentialsAtLaunch whether a launch first asks each sender's provider online
 *     ({@link LaunchCredentials})
 * @param overlapLaunchBatches whether a launch admits its next batch on a thread of its own while it stores
 *     the current one ({@link LaunchBatches})
 */
public record EngineSettings(
        String ownerId,
        Duration leaseDuration,
        int maxInFlight,
        int batchSize,
        RetryPolicy retryPolicy,
        DeliverySemantics semantics,
        Duration conversationIdleTimeout,
        int senderBurst,
        Predicate<String> optOutsAcrossChannels,
        boolean checkCredentialsAtLaunch,
        boolean overlapLaunchBatches) {}
