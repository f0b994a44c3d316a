package io.campaignkit.channel.twilio.internal;

import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.event.InboundContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed content of an inbound Twilio message, from its parameters: a WhatsApp quick-reply tap
 * ({@code ButtonPayload}, {@code ButtonText}), a list-picker choice ({@code ListId}, {@code ListTitle},
 * when Twilio sends them), a shared location ({@code Latitude}, {@code Longitude}, {@code Address},
 * {@code Label}), media ({@code MediaUrlN}, {@code MediaContentTypeN}, captioned by {@code Body}) or
 * text ({@code Body}). A message with none of these reaches the bot as unsupported content named
 * {@code empty}, so the contact's turn is not lost.
 */
final class TwilioInboundContent {

    private TwilioInboundContent() {}

    static InboundContent of(Map<String, String> params, List<MediaReference> media) {
        Optional<String> body = present(params, "Body");
        Optional<String> buttonPayload = present(params, "ButtonPayload");
        if (buttonPayload.isPresent()) {
            return new InboundContent.ButtonReply(
                    buttonPayload.get(), present(params, "ButtonText").or(() -> body));
        }
        Optional<String> listId = present(params, "ListId");
        if (listId.isPresent()) {
            return new InboundContent.ListReply(
                    listId.get(), present(params, "ListTitle").or(() -> body), Optional.empty());
        }
        Optional<InboundContent> location = location(params);
        if (location.isPresent()) {
            return location.get();
        }
        if (!media.isEmpty()) {
            return new InboundContent.Media(media, body, Optional.empty());
        }
        return body.<InboundContent>map(InboundContent.Text::new)
                .orElseGet(() -> new InboundContent.Unsupported("empty"));
    }

    private static Optional<InboundContent> location(Map<String, String> params) {
        Optional<String> latitude = present(params, "Latitude");
        Optional<String> longitude = present(params, "Longitude");
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InboundContent.Location(
                    Double.parseDouble(latitude.get().strip()),
                    Double.parseDouble(longitude.get().strip()),
                    present(params, "Label"),
                    present(params, "Address")));
        } catch (IllegalArgumentException notACoordinate) {
            return Optional.of(new InboundContent.Unsupported("location"));
        }
    }

    private static Optional<String> present(Map<String, String> params, String name) {
        return Optional.ofNullable(params.get(name)).filter(value -> !value.isBlank());
    }
}
