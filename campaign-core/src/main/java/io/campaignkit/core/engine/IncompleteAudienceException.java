package io.campaignkit.core.engine;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.internal.Arguments;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A launch was refused because of its audience: contacts missing required custom data (code
 * {@value #INCOMPLETE_CUSTOM_DATA}), test numbers the contact directory does not have
 * ({@value #UNKNOWN_TEST_NUMBER}), or no usable audience at all ({@value #NO_AUDIENCE}). The
 * campaign stays READY; contacts appended to an ACTIVE campaign are refused with it too, and none is added.
 */
public final class IncompleteAudienceException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    public static final String INCOMPLETE_CUSTOM_DATA = "INCOMPLETE_CUSTOM_DATA";
    public static final String UNKNOWN_TEST_NUMBER = "UNKNOWN_TEST_NUMBER";
    public static final String NO_AUDIENCE = "NO_AUDIENCE";
    /** Most problems listed (the count says how many there were). */
    public static final int MAX_LISTED = 100;

    /** One contact's problem: its phone and what is wrong. */
    public record Problem(String phone, String message) {
        public Problem {
            Arguments.requireNonBlank(phone, "phone");
            Arguments.requireNonBlank(message, "message");
        }
    }

    private final transient List<Problem> problems;
    private final long problemCount;

    public IncompleteAudienceException(String code, CampaignId campaignId, List<Problem> problems, long problemCount) {
        this(code, campaignId, "was not launched", problems, problemCount);
    }

    /**
     * A refusal of contacts given to a campaign another way than at its launch.
     *
     * @param outcome what became of the campaign, for the message: {@code "was not launched"}, {@code "took
     *     none of the contacts"}
     */
    public IncompleteAudienceException(
            String code, CampaignId campaignId, String outcome, List<Problem> problems, long problemCount) {
        super(
                code,
                "campaign " + campaignId + " " + outcome + ": " + problemCount + " contact(s) refused ("
                        + code + "): "
                        + problems.stream()
                                .map(p -> p.phone() + " " + p.message())
                                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** The first {@value #MAX_LISTED} problems. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many contacts were refused. */
    public long problemCount() {
        return problemCount;
    }
}
