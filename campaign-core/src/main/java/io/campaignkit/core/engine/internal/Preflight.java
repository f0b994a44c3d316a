package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelAdapter;
import io.campaignkit.channel.MessageContent;
import io.campaignkit.channel.MessagePlan;
import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.TextContent;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.ChannelBinding;
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
 * Before a launch engages anyone, what each of the campaign's channels would refuse of its binding's
 * message: the rules every channel shares (from its capabilities), then the adapter's own
 * ({@link ChannelAdapter#preflight}).
 * The launch is refused with every problem listed, rather than the campaign pausing at its first send;
 * the dry run shows the same list.
 */
final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private final ChannelAdapters adapters;

    Preflight(ChannelAdapters adapters) {
        this.adapters = adapters;
    }

    /** Refuses the launch of {@code campaign} when one of its channels would refuse its message. */
    void check(Campaign campaign) {
        List<PreflightProblem> problems = problems(campaign);
        if (!problems.isEmpty()) {
            throw new PreflightException(campaign.id(), channelsNamed(campaign), problems);
        }
    }

    /** The campaign's channel types, as a refusal names them: {@code whatsapp-cloud}, or {@code whatsapp-cloud, twilio}. */
    static String channelsNamed(Campaign campaign) {
        List<String> types = ChannelRoutes.bindings(campaign).stream()
                .map(binding -> binding.sender().channelType())
                .distinct()
                .toList();
        return types.isEmpty() ? ChannelAdapters.senderKey(campaign).channelType() : String.join(", ", types);
    }

    /**
     * Every problem found, binding by binding; those of a binding after the first say which channel they
     * concern. Empty for a campaign without channel or message (its validation says so).
     */
    List<PreflightProblem> problems(Campaign campaign) {
        List<ChannelBinding> bindings = ChannelRoutes.bindings(campaign);
        List<PreflightProblem> problems = new ArrayList<>();
        for (int index = 0; index < bindings.size(); index++) {
            ChannelBinding binding = bindings.get(index);
            String where = "channel " + (index + 1) + " (" + binding.sender().channelType() + " "
                    + binding.sender().senderId() + "): ";
            for (PreflightProblem problem : problems(binding)) {
                problems.add(index == 0 ? problem : new PreflightProblem(problem.subject(), where + problem.problem()));
            }
        }
        return List.copyOf(problems);
    }

    private List<PreflightProblem> problems(ChannelBinding binding) {
        ChannelAdapter adapter = adapters.adapter(binding.sender().channelType());
        TemplateMessage message = binding.message();
        List<PreflightProblem> problems = new ArrayList<>();
        inlineTextLength(message, adapter.capabilities().maxBodyLength()).ifPresent(problems::add);
        MessagePlan plan = new MessagePlan(binding.sender().senderId(), withPlaceholders(message));
        try {
            problems.addAll(adapter.preflight(plan));
        } catch (RuntimeException e) {
            // the SPI says preflight never throws; an adapter that does must not hide the other problems
            LOG.warn("the preflight of channel '{}' failed", adapter.id(), e);
            problems.add(new PreflightProblem(
                    PreflightProblem.MESSAGE, "channel '" + adapter.id() + "' could not check the message: " + e));
        }
        return problems;
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
        return Optional.of(new PreflightProblem(
                PreflightProblem.MESSAGE,
                "the text is " + fixed
                        + " characters before any contact's value is put in, and the channel carries at most "
                        + maxBodyLength
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
