package io.campaignkit.core.campaign;

import io.campaignkit.core.CampaignKitException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A campaign refused an action in its current state: launching a finished campaign, editing an
 * active one, deleting an active one. The message names the campaign, its state and the action;
 * {@link #state()} and {@link #action()} give them to programs. The campaign is unchanged.
 *
 * <p>Codes: {@value #ILLEGAL_TRANSITION} in general, {@value #CAMPAIGN_FROZEN} for an edit of an
 * ACTIVE campaign, and {@value CampaignValidationException#CODE} (a {@link CampaignValidationException})
 * for a launch of a campaign that is not valid.
 */
public class IllegalCampaignActionException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The state does not allow the action. */
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    /** An ACTIVE campaign's configuration cannot change. */
    public static final String CAMPAIGN_FROZEN = "CAMPAIGN_FROZEN";

    private final CampaignId campaignId;
    private final CampaignState state;
    private final transient @Nullable DispatchState dispatch;
    private final CampaignAction action;

    IllegalCampaignActionException(
            String code,
            CampaignId campaignId,
            CampaignState state,
            @Nullable DispatchState dispatch,
            CampaignAction action,
            String why) {
        super(
                code,
                "cannot " + action + " campaign " + campaignId + ": it is " + state
                        + (dispatch == null ? "" : " (" + dispatch.label() + ")") + (why.isEmpty() ? "" : ", " + why));
        this.campaignId = campaignId;
        this.state = state;
        this.dispatch = dispatch;
        this.action = action;
    }

    public CampaignId campaignId() {
        return campaignId;
    }

    /** The state the campaign was (and still is) in. */
    public CampaignState state() {
        return state;
    }

    /** The dispatch state of an ACTIVE campaign; empty in other states. */
    public Optional<DispatchState> dispatch() {
        return Optional.ofNullable(dispatch);
    }

    /** The action that was refused. */
    public CampaignAction action() {
        return action;
    }
}
