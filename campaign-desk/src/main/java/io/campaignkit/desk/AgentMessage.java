package io.campaignkit.desk;

import io.campaignkit.desk.internal.Checks;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What an agent sends: text, media, a voice note, or a template (the way back in after the customer-service window closed). */
public sealed interface AgentMessage {

    /** The transcript's kind for it. */
    String kind();

    /** The transcript's text for it. */
    String transcriptText();

    record Text(String text) implements AgentMessage {
        public Text {
            Checks.nonBlank(text, "text");
        }

        public String kind() {
            return "TEXT";
        }

        public String transcriptText() {
            return text;
        }
    }

    record Media(URI url, Optional<String> caption) implements AgentMessage {
        public Media {
            Checks.nonNull(url, "url");
            Checks.nonNull(caption, "caption");
        }

        public String kind() {
            return "MEDIA";
        }

        public String transcriptText() {
            return url + caption.map(text -> " " + text).orElse("");
        }
    }

    record VoiceNote(URI url) implements AgentMessage {
        public VoiceNote {
            Checks.nonNull(url, "url");
        }

        public String kind() {
            return "VOICE_NOTE";
        }

        public String transcriptText() {
            return url.toString();
        }
    }

    record Template(String name, String language, List<String> parameters) implements AgentMessage {
        public Template {
            Checks.nonBlank(name, "name");
            Checks.nonBlank(language, "language");
            parameters = List.copyOf(Checks.noNulls(parameters, "parameters"));
        }

        public String kind() {
            return "TEMPLATE";
        }

        public String transcriptText() {
            return name + " " + parameters;
        }
    }
}
