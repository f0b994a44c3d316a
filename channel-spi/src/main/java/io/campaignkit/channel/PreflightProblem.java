package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;

/**
 * One reason a campaign's message cannot go out on a channel, found before launch
 * ({@link ChannelAdapter#preflight}). The engine refuses the launch with every problem listed, and
 * its dry run shows them.
 *
 * @param subject what is wrong, one of the constants ({@link #SENDER}, {@link #TEMPLATE_NAME},
 *                {@link #LANGUAGE}, {@link #PARAMETERS}, {@link #MESSAGE}) or an adapter's own word
 * @param problem what is wrong with it and what to do instead, for a person; not blank
 */
public record PreflightProblem(String subject, String problem) {

    /** The sender id (its form for this channel). */
    public static final String SENDER = "sender";
    /** The template's name or provider id. */
    public static final String TEMPLATE_NAME = "template-name";
    /** The template's language code. */
    public static final String LANGUAGE = "language";
    /** The values of the message's placeholders (their number, their form). */
    public static final String PARAMETERS = "parameters";
    /** The message as a whole (its kind, its length). */
    public static final String MESSAGE = "message";

    /**
     * Validates.
     *
     * @param subject see {@link #subject()}
     * @param problem see {@link #problem()}
     * @throws IllegalArgumentException when either is blank
     */
    public PreflightProblem {
        Checks.notBlank(subject, "subject");
        Checks.notBlank(problem, "problem");
    }

    @Override
    public String toString() {
        return subject + ": " + problem;
    }
}
