package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.MediaKind;
import io.campaignkit.channel.MediaReference;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.TemplateContent;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.HeaderMedia;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;

/** A campaign's message, rendered for one contact, as the channel's content. */
final class MessageContents {

    private MessageContents() {}

    static MessageContent content(TemplateMessage message, RenderResult.Rendered rendered) {
        if (message.template() instanceof ChannelTemplate template) {
            TemplateContent content =
                    TemplateContent.of(template.name(), template.languageCode(), rendered.parameters());
            if (message.headerMedia().isPresent()) {
                content = content.withHeaderMedia(media(message.headerMedia().get()));
            }
            return content;
        }
        return TextContent.of(rendered.text().orElseThrow());
    }

    static MediaKind kindOf(HeaderMedia media) {
        return switch (media.type()) {
            case IMAGE -> MediaKind.IMAGE;
            case VIDEO -> MediaKind.VIDEO;
            case DOCUMENT -> MediaKind.DOCUMENT;
        };
    }

    private static MediaReference media(HeaderMedia media) {
        MediaKind kind = kindOf(media);
        return media.link()
                .map(link -> MediaReference.ofUrl(kind, link))
                .orElseGet(
                        () -> MediaReference.ofProviderId(kind, media.mediaId().orElseThrow()));
    }
}
