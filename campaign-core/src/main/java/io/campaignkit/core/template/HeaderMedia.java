package io.campaignkit.core.template;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The media shown in a template's header: an image, a video or a document, referenced by a
 * public link the provider fetches or by a media id already uploaded to the provider. Exactly one
 * of {@link #link()} and {@link #mediaId()} is present.
 */
public record HeaderMedia(Type type, Optional<URI> link, Optional<String> mediaId) {

    /** The kind of header media. */
    public enum Type {
        IMAGE,
        VIDEO,
        DOCUMENT
    }

    public HeaderMedia {
        Arguments.requireNonNull(type, "type");
        Arguments.requireNonNull(link, "link");
        Arguments.requireNonNull(mediaId, "mediaId");
        Arguments.require(
                link.isPresent() != mediaId.isPresent(),
                "link",
                "header media needs exactly one of a link and a media id");
        link.ifPresent(HeaderMedia::checkLink);
        mediaId.ifPresent(id -> Arguments.requireNonBlank(id, "mediaId"));
    }

    /**
     * Media the provider fetches from an absolute http(s) link.
     *
     * @throws InvalidArgumentException if an argument is null or the link is not absolute http(s)
     */
    public static HeaderMedia link(Type type, URI link) {
        return new HeaderMedia(type, Optional.of(Arguments.requireNonNull(link, "link")), Optional.empty());
    }

    /** Media already uploaded to the provider under {@code mediaId}. */
    public static HeaderMedia mediaId(Type type, String mediaId) {
        return new HeaderMedia(type, Optional.empty(), Optional.of(Arguments.requireNonBlank(mediaId, "mediaId")));
    }

    private static void checkLink(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        Arguments.require(
                link.isAbsolute() && (scheme.equals("https") || scheme.equals("http")) && link.getHost() != null,
                "link",
                "header media link must be an absolute http(s) URL, was " + link);
    }
}
