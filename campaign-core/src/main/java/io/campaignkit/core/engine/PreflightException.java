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
 * it carries; by default also a sender or credentials the provider refused when asked online, before the
 * engine's lock is taken ({@link CampaignEngineBuilder#checkCredentialsAtLaunch}). Every problem found is
 * listed; {@link CampaignEngine#plan} lists the offline ones. The campaign stays as it was: fix its
 * configuration and launch again. A check that got no answer refuses with {@value #CREDENTIALS_NOT_CHECKED}
 * instead ({@link #retryable()}).
 */
public final class PreflightException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of this refusal. */
    public static final String PREFLIGHT_FAILED = "PREFLIGHT_FAILED";

    /**
     * The code of a launch refused because the channel's online credentials check got no answer (a timeout, a
     * refused connection, the provider's 5xx): nothing was engaged, and launching again later may succeed.
     */
    public static final String CREDENTIALS_NOT_CHECKED = "CREDENTIALS_NOT_CHECKED";

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

    private PreflightException(String code, String message, List<PreflightProblem> problems) {
        super(code, message);
        this.problems = List.copyOf(problems);
    }

    /**
     * The refusal of {@code campaign} because the online credentials check of {@code channel}'s sender got no
     * answer ({@value #CREDENTIALS_NOT_CHECKED}; {@link #retryable()}): its one problem, subject
     * {@link PreflightProblem#CREDENTIALS}, says why and how to launch anyway.
     *
     * @param campaign the campaign not launched
     * @param channel  the channel type whose check got no answer
     * @param senderId the sender it checked
     * @param reason   why no answer came, as the adapter said it
     * @return the refusal
     */
    public static PreflightException credentialsNotChecked(
            CampaignId campaign, String channel, String senderId, String reason) {
        PreflightProblem problem = new PreflightProblem(
                PreflightProblem.CREDENTIALS,
                "the online check of sender " + senderId + " got no answer (" + reason
                        + "); nothing was engaged: launch again once the provider answers, or turn the check off"
                        + " (CampaignEngine.builder().checkCredentialsAtLaunch(false))");
        return new PreflightException(
                CREDENTIALS_NOT_CHECKED,
                "campaign " + campaign + " was not launched: channel '" + channel + "' could not check its sender: "
                        + problem,
                List.of(problem));
    }

    /** Whether launching again unchanged may succeed: the check got no answer, rather than a refusal. */
    public boolean retryable() {
        return CREDENTIALS_NOT_CHECKED.equals(code());
    }

    /** Every problem found, the engine's first, then the channel's. */
    public List<PreflightProblem> problems() {
        return problems;
    }
}
