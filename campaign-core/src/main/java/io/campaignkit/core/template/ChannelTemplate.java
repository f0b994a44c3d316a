package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.util.regex.Pattern;

/**
 * A template approved at the channel's provider, identified by its name and language code (as
 * WhatsApp requires: {@code promo_may}, {@code es_MX}). CampaignKit does not render it: it sends
 * the name, the language and the ordered parameter values, and the provider fills them in.
 *
 * <p>Make it from the approved body text with {@link #of(String, String, String)}, which counts
 * the placeholders and refuses named ones, or from the parameter count alone with
 * {@link #withParameterCount(String, String, int)}.
 *
 * @param name the provider's template name (or content id), without white space
 * @param languageCode a language code such as {@code es}, {@code es_MX} or {@code en-US}
 * @param placeholderCount how many body parameters the approved template takes
 */
public record ChannelTemplate(String name, String languageCode, int placeholderCount) implements MessageTemplate {

    /** Longest template name accepted (WhatsApp's own limit). */
    public static final int MAX_NAME_LENGTH = 512;

    private static final Pattern NAME = Pattern.compile("\\S+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*");

    public ChannelTemplate {
        Arguments.requireNonBlank(name, "name");
        Arguments.requireNonBlank(languageCode, "languageCode");
        Arguments.require(
                name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches(),
                "name",
                "template name '" + name + "' must be 1 to " + MAX_NAME_LENGTH + " characters without white space");
        Arguments.require(
                LANGUAGE.matcher(languageCode).matches(),
                "languageCode",
                "language code '" + languageCode + "' is not a language code such as es, es_MX or en-US");
        Arguments.require(
                placeholderCount >= 0 && placeholderCount <= TemplateText.MAX_PLACEHOLDERS,
                "placeholderCount",
                "placeholderCount must be between 0 and " + TemplateText.MAX_PLACEHOLDERS + ", was "
                        + placeholderCount);
    }

    /**
     * A channel template described by its approved body text, whose placeholders are counted.
     *
     * @throws InvalidTemplateException if the body has named or malformed placeholders or a gap
     * @throws InvalidArgumentException if an argument is null, blank or malformed
     */
    public static ChannelTemplate of(String name, String languageCode, String body) {
        return new ChannelTemplate(name, languageCode, TemplateText.parse(body).placeholderCount());
    }

    /** A channel template whose approved body takes {@code placeholderCount} parameters. */
    public static ChannelTemplate withParameterCount(String name, String languageCode, int placeholderCount) {
        return new ChannelTemplate(name, languageCode, placeholderCount);
    }
}
