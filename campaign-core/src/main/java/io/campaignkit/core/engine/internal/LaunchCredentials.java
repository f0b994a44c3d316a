package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.ChannelRegistry;
import io.campaignkit.channel.CredentialsCheck;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.PreflightException;
import io.campaignkit.core.port.CampaignStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online half of a launch's preflight: each of the campaign's senders asked of its provider
 * ({@link ChannelAdapter#checkCredentials}) before the engine takes its lock, so a slow provider holds up
 * no send, webhook or other launch, and before anyone is engaged. A refusal refuses the launch with the
 * provider's problems (they name the setting to fix); no answer (a timeout, a refused connection, a 5xx)
 * refuses it too, as retryable: a launch on credentials nobody confirmed would pause at its first send,
 * with contacts already engaged. An adapter without an online check launches as before, logged as having
 * no preflight. The host turns it all off with {@code checkCredentialsAtLaunch(false)}.
 */
final class LaunchCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchCredentials.class);

    /**
     * How long the engine waits for an answer at most. The adapter answers within its own request timeout
     * (the SPI says so); this only keeps an adapter that breaks that promise from holding a launch forever.
     */
    static final Duration CEILING = Duration.ofSeconds(60);

    private final boolean enabled;
    private final CampaignStore campaigns;
    private final ChannelRegistry channels;

    LaunchCredentials(boolean enabled, CampaignStore campaigns, ChannelRegistry channels) {
        this.enabled = enabled;
        this.campaigns = campaigns;
        this.channels = channels;
    }

    /**
     * Refuses the launch of campaign {@code id} when a provider refuses one of its senders or does not answer.
     * Checks nothing when turned off, or when the campaign is unknown or past launching (the launch under the
     * lock says so), or for a channel the engine does not know (the launch names it).
     *
     * @throws PreflightException the refusal; nothing was engaged
     */
    void check(CampaignId id) {
        if (!enabled) {
            return;
        }
        Optional<Campaign> found = campaigns.find(id);
        if (found.isEmpty() || !found.get().state().allowsEdit() || found.get().isPreparing()) {
            return;
        }
        Campaign campaign = found.get();
        Map<SenderKey, CompletableFuture<CredentialsCheck>> asked = new LinkedHashMap<>();
        for (ChannelBinding binding : ChannelRoutes.bindings(campaign)) {
            SenderKey sender = binding.sender();
            Optional<ChannelAdapter> adapter = channels.registeredAdapter(sender.channelType());
            if (adapter.isPresent() && !asked.containsKey(sender)) {
                asked.put(sender, ask(adapter.get(), sender.senderId()));
            }
        }
        List<PreflightProblem> refused = new ArrayList<>();
        for (Map.Entry<SenderKey, CompletableFuture<CredentialsCheck>> entry : asked.entrySet()) {
            SenderKey sender = entry.getKey();
            CredentialsCheck answer = await(entry.getValue());
            if (answer instanceof CredentialsCheck.Refused refusal) {
                refused.addAll(asked.size() == 1 ? refusal.problems() : located(sender, refusal.problems()));
            } else if (answer instanceof CredentialsCheck.NotChecked notChecked) {
                throw PreflightException.credentialsNotChecked(
                        id, sender.channelType(), sender.senderId(), notChecked.reason());
            } else if (answer instanceof CredentialsCheck.Unsupported unsupported) {
                LOG.info(
                        "campaign {}: channel '{}' has no preflight ({}); launching without an online check of"
                                + " sender {}",
                        id,
                        sender.channelType(),
                        unsupported.reason(),
                        sender.senderId());
            } else if (answer instanceof CredentialsCheck.Accepted accepted) {
                LOG.debug(
                        "campaign {}: channel '{}' accepted sender {}: {}",
                        id,
                        sender.channelType(),
                        sender.senderId(),
                        accepted.detail());
            }
        }
        if (!refused.isEmpty()) {
            throw new PreflightException(id, Preflight.channelsNamed(campaign), refused);
        }
    }

    private static CompletableFuture<CredentialsCheck> ask(ChannelAdapter adapter, String senderId) {
        try {
            return adapter.checkCredentials(senderId).toCompletableFuture();
        } catch (RuntimeException e) {
            // the SPI says it never throws; one that does has not checked anything
            return CompletableFuture.completedFuture(
                    new CredentialsCheck.NotChecked("channel '" + adapter.id() + "' failed to check: " + e));
        }
    }

    private static CredentialsCheck await(CompletableFuture<CredentialsCheck> answer) {
        try {
            CredentialsCheck check = answer.get(CEILING.toMillis(), TimeUnit.MILLISECONDS);
            return check != null ? check : new CredentialsCheck.NotChecked("the check answered nothing");
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new CredentialsCheck.NotChecked("no answer within " + CEILING.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new CredentialsCheck.NotChecked("the check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CredentialsCheck.NotChecked("interrupted while waiting for the check");
        }
    }

    private static List<PreflightProblem> located(SenderKey sender, List<PreflightProblem> problems) {
        return problems.stream()
                .map(problem -> new PreflightProblem(
                        problem.subject(),
                        "channel " + sender.channelType() + " " + sender.senderId() + ": " + problem.problem()))
                .toList();
    }
}
