package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A pre-approved template with its values. The adapter maps it to its provider: on WhatsApp Cloud the
 * name and language of the template; on Twilio the content SID (as the name) with the body
 * parameters as the numbered content variables {@code 1..n}.
 *
 * @param name           the template's name (or provider id), not blank
 * @param language       the template's language code, such as {@code es_MX}, not blank
 * @param bodyParameters the values of the placeholders {@code {{1}}..{{n}}}, in order
 * @param headerMedia    the header image, video or document, when the template has one
 * @param buttons        the values of dynamic buttons
 */
public record TemplateContent(
        String name,
        String language,
        List<String> bodyParameters,
        Optional<MediaReference> headerMedia,
        List<ButtonParameter> buttons)
        implements MessageContent {

    /**
     * Validates and copies; every argument is checked and a bad one is named in the error.
     *
     * @param name see {@link #name()}
     * @param language see {@link #language()}
     * @param bodyParameters see {@link #bodyParameters()}
     * @param headerMedia see {@link #headerMedia()}
     * @param buttons see {@link #buttons()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public TemplateContent {
        Checks.notBlank(name, "name");
        Checks.notBlank(language, "language");
        bodyParameters = Checks.listOf(bodyParameters, "bodyParameters");
        Checks.optional(headerMedia, "headerMedia");
        buttons = Checks.listOf(buttons, "buttons");
        if (buttons.size() > 1
                && buttons.stream().mapToInt(ButtonParameter::index).distinct().count() != buttons.size()) {
            throw new IllegalArgumentException("buttons must have distinct indexes (were " + buttons + ")");
        }
    }

    /**
     * A template with body parameters only.
     *
     * @param name           the template's name, not blank
     * @param language       the language code, not blank
     * @param bodyParameters the placeholder values in order, not null
     * @return the content
     */
    public static TemplateContent of(String name, String language, List<String> bodyParameters) {
        return new TemplateContent(name, language, bodyParameters, Optional.empty(), List.of());
    }

    /**
     * A copy with a header media.
     *
     * @param media the header media, not null
     * @return a new content
     */
    public TemplateContent withHeaderMedia(MediaReference media) {
        return new TemplateContent(
                name, language, bodyParameters, Optional.of(Checks.notNull(media, "media")), buttons);
    }

    /**
     * A copy with these button parameters.
     *
     * @param buttonParameters the button values, not null
     * @return a new content
     */
    public TemplateContent withButtons(List<ButtonParameter> buttonParameters) {
        return new TemplateContent(name, language, bodyParameters, headerMedia, buttonParameters);
    }
}
