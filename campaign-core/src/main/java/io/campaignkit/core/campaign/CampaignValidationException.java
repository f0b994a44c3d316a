package io.campaignkit.core.campaign;

import java.util.List;

/**
 * A campaign cannot be launched because its configuration is missing fields or invalid;
 * {@link #violations()} lists every problem at once, and the message spells them out.
 */
public final class CampaignValidationException extends IllegalCampaignActionException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code CampaignValidationException}. */
    public static final String CODE = "CAMPAIGN_INVALID";

    private final transient CampaignValidation validation;

    CampaignValidationException(
            CampaignId campaignId, CampaignState state, CampaignAction action, CampaignValidation validation) {
        super(
                CODE,
                campaignId,
                state,
                null,
                action,
                "and its configuration has " + validation.violations().size() + " problem(s): " + validation.summary());
        this.validation = validation;
    }

    /** Every missing or invalid field. */
    public List<Violation> violations() {
        return validation.violations();
    }

    public CampaignValidation validation() {
        return validation;
    }
}
