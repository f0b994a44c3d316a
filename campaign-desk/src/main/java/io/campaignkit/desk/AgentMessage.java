package io.campaignkit.desk;

import io.campaignkit.channel.MediaContent;
import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.desk.internal.Checks;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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

        @Override
        public String kind() {
            return "TEXT";
        }

        @Override
        public String transcriptText() {
            return text;
        }
    }

    /**
     * Media by link: an image, a video, an audio clip or a document (a voice note is {@link VoiceNote}).
     *
     * @param mediaKind IMAGE, VIDEO, AUDIO or DOCUMENT
     * @param url an absolute https (or http) link the channel's provider fetches
     * @param caption shown with it (not on audio)
     * @param fileName a document's file name as the contact sees it
     */
    record Media(MediaKind mediaKind, URI url, Optional<String> caption, Optional<String> fileName)
            implements AgentMessage {
        public Media {
            Checks.nonNull(mediaKind, "mediaKind");
            Checks.nonNull(url, "url");
            Checks.nonNull(caption, "caption");
            Checks.nonNull(fileName, "fileName");
            checkedMedia(mediaKind, url, caption, fileName);
        }

        /** Media whose kind is told by the link's file extension (.jpg, .mp4, .ogg, ...); a document when unknown. */
        public Media(URI url, Optional<String> caption) {
            this(kindOf(Checks.nonNull(url, "url")), url, caption, Optional.empty());
        }

        @Override
        public String kind() {
            return "MEDIA";
        }

        @Override
        public String transcriptText() {
            return url + caption.map(text -> " " + text).orElse("");
        }

        /** As the channel sends it. */
        public MediaContent content() {
            return checkedMedia(mediaKind, url, caption, fileName);
        }

        private static MediaKind kindOf(URI url) {
            String path = Optional.ofNullable(url.getPath()).orElse("").toLowerCase(Locale.ROOT);
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return switch (extension) {
                case "jpg", "jpeg", "png", "webp", "gif" -> MediaKind.IMAGE;
                case "mp4", "3gp", "mov" -> MediaKind.VIDEO;
                case "ogg", "opus", "mp3", "aac", "amr", "m4a" -> MediaKind.AUDIO;
                default -> MediaKind.DOCUMENT;
            };
        }
    }

    /** A voice note by link (an audio clip; WhatsApp wants OGG with the OPUS codec). */
    record VoiceNote(URI url) implements AgentMessage {
        public VoiceNote {
            Checks.nonNull(url, "url");
            checkedMedia(MediaKind.AUDIO, url, Optional.empty(), Optional.empty());
        }

        @Override
        public String kind() {
            return "VOICE_NOTE";
        }

        @Override
        public String transcriptText() {
            return url.toString();
        }

        /** As the channel sends it: audio marked as a voice note (WhatsApp shows it as a voice message). */
        public MediaContent content() {
            return MediaContent.voiceNoteAt(url);
        }
    }

    /** The channel's media message, its arguments checked as it checks them, a bad one named. */
    private static MediaContent checkedMedia(
            MediaKind kind, URI url, Optional<String> caption, Optional<String> fileName) {
        try {
            return new MediaContent(kind, url, caption, fileName);
        } catch (IllegalArgumentException bad) {
            throw new InvalidArgumentException("media", "agent media: " + bad.getMessage());
        }
    }

    /**
     * An approved template: the one message that may go once the channel's customer-service window closed.
     *
     * @param name the template's name as approved by the provider
     * @param language its language code, such as {@code es_MX}
     * @param parameters the values of its body placeholders, in order
     */
    record Template(String name, String language, List<String> parameters) implements AgentMessage {
        public Template {
            Checks.nonBlank(name, "name");
            Checks.nonBlank(language, "language");
            parameters = List.copyOf(Checks.noNulls(parameters, "parameters"));
        }

        @Override
        public String kind() {
            return "TEMPLATE";
        }

        @Override
        public String transcriptText() {
            return name + " " + parameters;
        }

        /** As the channel sends it. */
        public TemplateContent content() {
            try {
                return TemplateContent.of(name, language, parameters);
            } catch (IllegalArgumentException bad) {
                throw new InvalidArgumentException("template", "agent template: " + bad.getMessage());
            }
        }
    }
}
