package io.campaignkit.core.template;

import io.campaignkit.core.internal.Arguments;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of rendering a {@link TemplateMessage} for one contact: either the values to send
 * ({@link Rendered}) or the reason this contact cannot be sent to ({@link Unresolved}). Rendering
 * never throws for a contact's data: the engine renders once per recipient and records failures.
 */
public sealed interface RenderResult permits RenderResult.Rendered, RenderResult.Unresolved {

    /** Whether the message could be rendered. */
    boolean isRendered();

    /**
     * The message for one contact.
     *
     * @param parameters the value of each placeholder, in order: {@code parameters.get(0)} fills {@code {{1}}}
     * @param text the rendered text of an {@link InlineTemplate}; empty for a {@link ChannelTemplate},
     *     which the provider renders
     */
    record Rendered(List<String> parameters, Optional<String> text) implements RenderResult {
        public Rendered {
            parameters = List.copyOf(Arguments.requireNoNullElements(parameters, "parameters"));
            Arguments.requireNonNull(text, "text");
        }

        @Override
        public boolean isRendered() {
            return true;
        }
    }

    /**
     * This contact cannot be sent to.
     *
     * @param placeholder the number of the first placeholder that could not be filled
     * @param binding its binding, or empty when the placeholder has none
     * @param reason a sentence naming the binding and what the contact lacks
     */
    record Unresolved(int placeholder, Optional<Binding> binding, String reason) implements RenderResult {
        /** The code recorded for a recipient skipped because of this. */
        public static final String CODE = "UNRESOLVED_BINDING";

        public Unresolved {
            Arguments.requirePositive(placeholder, "placeholder");
            Arguments.requireNonNull(binding, "binding");
            Arguments.requireNonBlank(reason, "reason");
        }

        @Override
        public boolean isRendered() {
            return false;
        }
    }
}
