package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.Recipient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which of a campaign's channel bindings a contact is sent on: the first that can reach it at launch,
 * the next that can reach it on a fallback; and whose opt-outs hold for it: those of its binding's
 * sender, or of every sender of the campaign when its tenant says an opt-out on one channel holds
 * on all of them.
 */
final class ChannelRoutes {

    private final Predicate<String> optOutsAcrossChannels;

    ChannelRoutes(Predicate<String> optOutsAcrossChannels) {
        this.optOutsAcrossChannels = optOutsAcrossChannels;
    }

    static List<ChannelBinding> bindings(Campaign campaign) {
        return campaign.configuration().channels();
    }

    /** The binding a recipient is sent on. */
    static ChannelBinding binding(Campaign campaign, int index) {
        List<ChannelBinding> bindings = bindings(campaign);
        if (index >= bindings.size()) {
            throw new IllegalStateException("campaign " + campaign.id() + " has " + bindings.size()
                    + " channel bindings, a recipient names binding " + index);
        }
        return bindings.get(index);
    }

    /** The first binding from {@code from} on that can reach {@code contact}; empty when none can. */
    static OptionalInt firstReaching(Campaign campaign, Contact contact, int from) {
        List<ChannelBinding> bindings = bindings(campaign);
        for (int i = from; i < bindings.size(); i++) {
            if (bindings.get(i).reaches(contact)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The binding a recipient falls back to from its current one; empty when it has no later one. */
    static OptionalInt fallbackOf(Campaign campaign, Recipient recipient) {
        return firstReaching(campaign, recipient.contact(), recipient.binding() + 1);
    }

    /** The campaign's senders, in binding order, each once. */
    static Set<SenderKey> senders(Campaign campaign) {
        Set<SenderKey> senders = new LinkedHashSet<>();
        bindings(campaign).forEach(binding -> senders.add(binding.sender()));
        return senders;
    }

    /** The senders whose opt-outs keep a contact on binding {@code index} from being sent to. */
    Set<SenderKey> optOutSenders(Campaign campaign, int index) {
        if (bindings(campaign).size() > 1 && optOutsAcrossChannels.test(campaign.tenantId())) {
            return senders(campaign);
        }
        return Set.of(binding(campaign, index).sender());
    }
}
