package io.campaignkit.channel;

import io.campaignkit.channel.internal.Checks;
import java.net.URI;
import java.util.Optional;

/**
 * A media attachment, referenced either by a URL the provider can fetch or by an id the provider
 * already holds (an uploaded media id). Exactly one of {@link #url()} and {@link #providerMediaId()}
 * is present.
 *
 * @param kind            the kind of media
 * @param url             a URL the provider (outbound) or the host (inbound) can fetch
 * @param providerMediaId an id known to the provider, for media uploaded before
 * @param mimeType        the MIME type when known, such as {@code image/jpeg}
 */
public record MediaReference(
        MediaKind kind, Optional<URI> url, Optional<String> providerMediaId, Optional<String> mimeType) {

    /**
     * Validates that exactly one of url and providerMediaId is present; every argument is checked and a bad one is named in the error.
     *
     * @param kind see {@link #kind()}
     * @param url see {@link #url()}
     * @param providerMediaId see {@link #providerMediaId()}
     * @param mimeType see {@link #mimeType()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public MediaReference {
        Checks.notNull(kind, "kind");
        Checks.optional(url, "url");
        Checks.optional(providerMediaId, "providerMediaId");
        Checks.optional(mimeType, "mimeType");
        if (url.isPresent() == providerMediaId.isPresent()) {
            throw new IllegalArgumentException("exactly one of url and providerMediaId must be present (url="
                    + url.orElse(null) + ", providerMediaId=" + providerMediaId.orElse(null) + ")");
        }
        providerMediaId.ifPresent(id -> Checks.notBlank(id, "providerMediaId"));
        mimeType.ifPresent(type -> Checks.notBlank(type, "mimeType"));
    }

    /**
     * Media the provider fetches from a URL.
     *
     * @param kind the kind of media, not null
     * @param url  an absolute URL, not null
     * @return the reference
     */
    public static MediaReference ofUrl(MediaKind kind, URI url) {
        Checks.notNull(url, "url");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("url must be absolute (was " + url + ")");
        }
        return new MediaReference(kind, Optional.of(url), Optional.empty(), Optional.empty());
    }

    /**
     * Media the provider already holds under an id.
     *
     * @param kind            the kind of media, not null
     * @param providerMediaId the provider's media id, not blank
     * @return the reference
     */
    public static MediaReference ofProviderId(MediaKind kind, String providerMediaId) {
        return new MediaReference(
                kind,
                Optional.empty(),
                Optional.of(Checks.notBlank(providerMediaId, "providerMediaId")),
                Optional.empty());
    }

    /**
     * A copy with the given MIME type.
     *
     * @param type the MIME type, not blank
     * @return a new reference
     */
    public MediaReference withMimeType(String type) {
        return new MediaReference(kind, url, providerMediaId, Optional.of(Checks.notBlank(type, "mimeType")));
    }
}
