package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.engine.PreflightException;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a launch engages anyone, what the campaign's channel would refuse of its message: the rules
 * every channel shares (from its capabilities), then the adapter's own ({@link ChannelAdapter#preflight}).
 * The launch is refused with every problem listed, rather than the campaign pausing at its first send;
 * the dry run shows the same list.
 */
final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private final ChannelAdapters adapters;

    Preflight(ChannelAdapters adapters) {
        this.adapters = adapters;
    }

    /** Refuses the launch of {@code campaign} when its channel would refuse its message. */
    void check(Campaign campaign) {
        List<PreflightProblem> problems = problems(campaign);
        if (!problems.isEmpty()) {
            throw new PreflightException(campaign.id(), ChannelAdapters.senderKey(campaign).channelType(), problems);
        }
    }

    /** Every problem found; empty for a campaign without channel or message (its validation says so). */
    List<PreflightProblem> problems(Campaign campaign) {
        if (campaign.configuration().channel().isEmpty() || campaign.configuration().message().isEmpty()) {
            return List.of();
        }
        ChannelAdapter adapter = adapters.adapter(campaign);
        TemplateMessage message = campaign.configuration().message().get();
        List<PreflightProblem> problems = new ArrayList<>();
        inlineTextLength(message, adapter.capabilities().maxBodyLength()).ifPresent(problems::add);
        MessagePlan plan = new MessagePlan(ChannelAdapters.senderKey(campaign).senderId(), withPlaceholders(message));
        try {
            problems.addAll(adapter.preflight(plan));
        } catch (RuntimeException e) {
            // the SPI says preflight never throws; an adapter that does must not hide the other problems
            LOG.warn("the preflight of channel '{}' failed", adapter.id(), e);
            problems.add(new PreflightProblem(PreflightProblem.MESSAGE, "channel '" + adapter.id()
                    + "' could not check the message: " + e));
        }
        return List.copyOf(problems);
    }

    /** An inline text longer than the channel carries before any value is put in cannot fit any contact. */
    private static Optional<PreflightProblem> inlineTextLength(TemplateMessage message, int maxBodyLength) {
        if (!(message.template() instanceof InlineTemplate inline)) {
            return Optional.empty();
        }
        int fixed = inline.text().render(blanks(inline.placeholderCount())).length();
        if (fixed <= maxBodyLength) {
            return Optional.empty();
        }
        return Optional.of(new PreflightProblem(PreflightProblem.MESSAGE, "the text is " + fixed
                + " characters before any contact's value is put in, and the channel carries at most " + maxBodyLength
                + " in one message; shorten it"));
    }

    /** The message as the channel will get it, each contact's value shown as its placeholder {@code {{n}}}. */
    static MessageContent withPlaceholders(TemplateMessage message) {
        List<String> placeholders = new ArrayList<>();
        for (int number = 1; number <= message.template().placeholderCount(); number++) {
            placeholders.add("{{" + number + "}}");
        }
        if (message.template() instanceof ChannelTemplate) {
            return MessageContents.content(message, new RenderResult.Rendered(placeholders, Optional.empty()));
        }
        return TextContent.of(((InlineTemplate) message.template()).text().text());
    }

    private static List<String> blanks(int count) {
        List<String> blanks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blanks.add("");
        }
        return blanks;
    }
}
