package io.campaignkit.core.port;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.internal.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * A campaign accepted an action: created, edited, launched, started sending, paused, resumed,
 * done sending, finished or deleted.
 *
 * @param campaignId the campaign
 * @param action the accepted action
 * @param from the state before ({@code to} for CREATE)
 * @param to the state after ({@code from} for DELETE)
 * @param dispatch the dispatch state after the action, when ACTIVE
 * @param version the campaign's version after the action
 * @param at when it happened
 */
public record CampaignLifecycleEvent(
        CampaignId campaignId,
        CampaignAction action,
        CampaignState from,
        CampaignState to,
        Optional<DispatchState> dispatch,
        long version,
        Instant at) {

    public CampaignLifecycleEvent {
        Arguments.requireNonNull(campaignId, "campaignId");
        Arguments.requireNonNull(action, "action");
        Arguments.requireNonNull(from, "from");
        Arguments.requireNonNull(to, "to");
        Arguments.requireNonNull(dispatch, "dispatch");
        Arguments.requireNonNull(at, "at");
    }

    /** The event of {@code action} turning {@code before} into {@code after}, at {@code after.updatedAt()}. */
    public static CampaignLifecycleEvent of(CampaignAction action, Campaign before, Campaign after) {
        Arguments.requireNonNull(action, "action");
        Arguments.requireNonNull(before, "before");
        Arguments.requireNonNull(after, "after");
        Arguments.require(before.id().equals(after.id()), "after", "before and after must be the same campaign");
        return new CampaignLifecycleEvent(
                after.id(),
                action,
                before.state(),
                after.state(),
                after.dispatch(),
                after.version(),
                after.updatedAt());
    }
}
