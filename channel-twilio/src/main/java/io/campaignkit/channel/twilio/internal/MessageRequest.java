package io.campaignkit.channel.twilio.internal;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One Twilio "create message" call, before the SDK sees it: exactly the parameters to post.
 * Exactly one of {@code from} / {@code messagingServiceSid}; at least one of body, media, content.
 *
 * @param to                  {@code +E164} or {@code whatsapp:+E164}
 * @param from                sender address, or {@code null} when a Messaging Service sends
 * @param messagingServiceSid {@code MG…}, or {@code null}
 * @param body                free text, or {@code null}
 * @param mediaUrls           public media URLs, possibly empty
 * @param contentSid          {@code HX…} Content template, or {@code null}
 * @param contentVariables    JSON object of the template's variables, or {@code null}
 * @param statusCallback      where Twilio reports this message's statuses
 * @param validityPeriodSeconds seconds the message may wait in Twilio's queue, or {@code null}
 */
public record MessageRequest(
        String to,
        String from,
        String messagingServiceSid,
        String body,
        List<URI> mediaUrls,
        String contentSid,
        String contentVariables,
        URI statusCallback,
        Integer validityPeriodSeconds) {

    public MessageRequest {
        Objects.requireNonNull(to, "to");
        mediaUrls = List.copyOf(Objects.requireNonNull(mediaUrls, "mediaUrls"));
        if ((from == null) == (messagingServiceSid == null)) {
            throw new IllegalArgumentException("exactly one of from / messagingServiceSid is required");
        }
        if (body == null && mediaUrls.isEmpty() && contentSid == null) {
            throw new IllegalArgumentException("a message needs a body, media or a content template");
        }
        if (contentSid != null && (body != null || !mediaUrls.isEmpty())) {
            // Twilio: with ContentSid, Body and MediaUrl are not sent; the template carries them.
            throw new IllegalArgumentException("a content template message takes no body or media URLs");
        }
        if ("null".equals(body)) {
            // The SDK silently drops any parameter whose value is the string "null".
            throw new IllegalArgumentException("body: the literal text \"null\" cannot be sent through the Twilio SDK");
        }
    }
}
