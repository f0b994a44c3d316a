package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A media message on its own: an image, a video, an audio clip or voice note, or a document, which the
 * provider fetches from a public link, optionally with a caption and, for a document, the file name the
 * contact sees. Like {@link TextContent} it is free-form: on WhatsApp it goes only within the
 * customer-service window. A channel sends it only when its {@link ChannelCapabilities#mediaMessageKinds()}
 * has its kind; an adapter that gets another kind fails the send with {@link SendErrorClass#CONTENT_PERMANENT}.
 *
 * @param kind     {@link MediaKind#IMAGE}, {@link MediaKind#VIDEO}, {@link MediaKind#AUDIO} or {@link MediaKind#DOCUMENT}
 * @param link     an absolute {@code https} or {@code http} URL the provider can fetch
 * @param caption  text shown with the media; not blank when present, and never on {@link MediaKind#AUDIO}
 *                 (neither WhatsApp nor a voice note shows one)
 * @param fileName the document's file name, such as {@code recibo.pdf}; not blank, only on a {@link MediaKind#DOCUMENT}
 * @param voiceNote whether this audio is a recorded voice note rather than an audio file: WhatsApp then shows it as
 *                 a voice message (microphone icon, played status, transcription; Meta wants an OGG file with the
 *                 OPUS codec for it); a channel without voice notes sends it as plain audio. Only on
 *                 {@link MediaKind#AUDIO}
 */
public record MediaContent(
        MediaKind kind, URI link, Optional<String> caption, Optional<String> fileName, boolean voiceNote)
        implements MessageContent {

    /** The kinds a media message takes. */
    public static final Set<MediaKind> KINDS =
            Set.of(MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.DOCUMENT);

    /**
     * Validates; every argument is checked and a bad one is named in the error.
     *
     * @param kind see {@link #kind()}
     * @param link see {@link #link()}
     * @param caption see {@link #caption()}
     * @param fileName see {@link #fileName()}
     * @param voiceNote see {@link #voiceNote()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public MediaContent {
        Checks.notNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    "kind must be one of IMAGE, VIDEO, AUDIO, DOCUMENT for a media message (was " + kind + ")");
        }
        Checks.notNull(link, "link");
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!link.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || link.getHost() == null) {
            throw new IllegalArgumentException(
                    "link must be an absolute https or http URL the provider can fetch (was " + link + ")");
        }
        Checks.optional(caption, "caption");
        caption.ifPresent(text -> Checks.notBlank(text, "caption"));
        if (caption.isPresent() && kind == MediaKind.AUDIO) {
            throw new IllegalArgumentException(
                    "caption must be absent on an AUDIO message (was '" + caption.get() + "')");
        }
        Checks.optional(fileName, "fileName");
        fileName.ifPresent(name -> Checks.notBlank(name, "fileName"));
        if (fileName.isPresent() && kind != MediaKind.DOCUMENT) {
            throw new IllegalArgumentException(
                    "fileName is only for a DOCUMENT, not " + kind + " (was '" + fileName.get() + "')");
        }
        if (voiceNote && kind != MediaKind.AUDIO) {
            throw new IllegalArgumentException("voiceNote is only for AUDIO, not " + kind);
        }
    }

    /**
     * Media that is not a voice note.
     *
     * @param kind see {@link #kind()}
     * @param link see {@link #link()}
     * @param caption see {@link #caption()}
     * @param fileName see {@link #fileName()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public MediaContent(MediaKind kind, URI link, Optional<String> caption, Optional<String> fileName) {
        this(kind, link, caption, fileName, false);
    }

    /**
     * A recorded voice note: {@link MediaKind#AUDIO} with {@link #voiceNote()} set.
     *
     * @param link the absolute URL of the recording (for WhatsApp an OGG file with the OPUS codec)
     * @return the content
     * @throws IllegalArgumentException when the link is invalid
     */
    public static MediaContent voiceNoteAt(URI link) {
        return new MediaContent(MediaKind.AUDIO, link, Optional.empty(), Optional.empty(), true);
    }

    /**
     * Media without caption or file name.
     *
     * @param kind the kind, one of {@link #KINDS}
     * @param link the absolute URL
     * @return the content
     * @throws IllegalArgumentException when an argument is invalid
     */
    public static MediaContent of(MediaKind kind, URI link) {
        return new MediaContent(kind, link, Optional.empty(), Optional.empty());
    }

    /**
     * A copy with a caption.
     *
     * @param text the caption, not blank
     * @return a new content
     * @throws IllegalArgumentException when the caption is blank or this is audio
     */
    public MediaContent withCaption(String text) {
        return new MediaContent(kind, link, Optional.of(Checks.notBlank(text, "caption")), fileName, voiceNote);
    }

    /**
     * A copy with a file name (documents only).
     *
     * @param name the file name, not blank
     * @return a new content
     * @throws IllegalArgumentException when the name is blank or this is not a document
     */
    public MediaContent withFileName(String name) {
        return new MediaContent(kind, link, caption, Optional.of(Checks.notBlank(name, "fileName")), voiceNote);
    }
}
