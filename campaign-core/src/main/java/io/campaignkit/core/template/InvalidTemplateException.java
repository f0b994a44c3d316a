package io.campaignkit.core.template;

import io.campaignkit.core.CampaignKitException;

/**
 * A template text could not be read: a named placeholder, a gap in the numbering, an unclosed
 * placeholder. {@link #problem()} says which, {@link #index()} where. The message quotes the
 * offending placeholder and says how to write it, for instance
 * {@code placeholders are numbered only: write {{1}}, {{2}}, ... instead of {{name}} (at index 5 of "Hola {{name}}")}.
 */
public final class InvalidTemplateException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code InvalidTemplateException}. */
    public static final String CODE = "INVALID_TEMPLATE";

    /** What is wrong with the template text. */
    public enum Problem {
        /** A placeholder holds a name, such as {@code {{name}}}: only numbers are accepted. */
        NAMED_PLACEHOLDER,
        /** The numbers used skip one: {@code {{1}}} and {@code {{3}}} without {@code {{2}}}. */
        NUMBERING_GAP,
        /** Two opening braces with no closing pair after them. */
        UNCLOSED_PLACEHOLDER,
        /** {@code {{}}} with nothing inside. */
        EMPTY_PLACEHOLDER,
        /** Anything else inside braces: {@code {{0}}}, {@code {{01}}}, {@code {{1.5}}}, a number above the maximum. */
        INVALID_PLACEHOLDER
    }

    private final Problem problem;
    private final String text;
    private final int index;

    InvalidTemplateException(Problem problem, String text, int index, String message) {
        super(
                CODE,
                message
                        + (index >= 0
                                ? " (at index " + index + " of \"" + abbreviate(text) + "\")"
                                : " (in \"" + abbreviate(text) + "\")"),
                false);
        this.problem = problem;
        this.text = text;
        this.index = index;
    }

    public Problem problem() {
        return problem;
    }

    /** The whole template text that was refused. */
    public String text() {
        return text;
    }

    /** Where the offending placeholder starts in {@link #text()}, or -1 when the problem has no single place (a gap). */
    public int index() {
        return index;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
