package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;

/**
 * A message text that CampaignKit renders itself, for channels without provider templates (SMS).
 * Its placeholders follow the rules of {@link TemplateText}.
 */
public record InlineTemplate(TemplateText text) implements MessageTemplate {

    public InlineTemplate {
        Arguments.requireNonNull(text, "text");
    }

    /**
     * Parses {@code text} into an inline template.
     *
     * @throws InvalidTemplateException if the text has named or malformed placeholders or a gap
     * @throws InvalidArgumentException if {@code text} is null or blank
     */
    public static InlineTemplate of(String text) {
        return new InlineTemplate(TemplateText.parse(text));
    }

    @Override
    public int placeholderCount() {
        return text.placeholderCount();
    }
}
