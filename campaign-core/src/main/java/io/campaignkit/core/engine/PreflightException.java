package io.campaignkit.core.engine;

import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A launch was refused before it engaged anyone because the campaign's channel would refuse its
 * message (code {@value #PREFLIGHT_FAILED}): a sender id of the wrong form, a template name or
 * language the provider cannot have, an inline text where it takes only templates, a text longer than
 * it carries. Every problem found is listed; {@link CampaignEngine#plan} lists the same ones. The
 * campaign stays as it was: fix its configuration and launch again.
 */
public final class PreflightException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of this refusal. */
    public static final String PREFLIGHT_FAILED = "PREFLIGHT_FAILED";

    private final transient List<PreflightProblem> problems;

    /**
     * The refusal of {@code campaign} for {@code problems}.
     *
     * @param campaign the campaign not launched
     * @param channel  its channel type
     * @param problems every problem found; not empty
     */
    public PreflightException(CampaignId campaign, String channel, List<PreflightProblem> problems) {
        super(
                PREFLIGHT_FAILED,
                "campaign " + campaign + " was not launched: channel '" + channel + "' would refuse its message ("
                        + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "): "
                        + problems.stream().map(PreflightProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, the engine's first, then the channel's. */
    public List<PreflightProblem> problems() {
        return problems;
    }
}
