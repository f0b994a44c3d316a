package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.SmsSegments;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignValidation;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.EngagementStore;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dry run: reads a campaign's audience and decides, contact by contact, what its launch would
 * (the same render, suppression and engagement questions {@link Launcher} asks, read-only), then
 * projects the sending with {@link Projection}. Nothing is stored, engaged or sent; it runs outside
 * the engine's lock, so a large audience does not hold up sending.
 */
final class Planner {

    private final Lifecycle lifecycle;
    private final LaunchAudiences audiences;
    private final Launcher launcher;
    private final SuppressionList suppressions;
    private final EngagementStore engagements;
    private final Pacing pacing;
    private final int batchSize;
    private final Clock clock;

    Planner(Lifecycle lifecycle, LaunchAudiences audiences, Launcher launcher, SuppressionList suppressions,
            EngagementStore engagements, Pacing pacing, int batchSize, Clock clock) {
        this.lifecycle = lifecycle;
        this.audiences = audiences;
        this.launcher = launcher;
        this.suppressions = suppressions;
        this.engagements = engagements;
        this.pacing = pacing;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    CampaignPlan plan(CampaignId id, LaunchRequest request) {
        Campaign campaign = lifecycle.find(id);
        if (!campaign.state().allowsEdit()) {
            throw new CampaignKitException(CampaignEngine.NOT_PLANNABLE, "campaign " + id + " is " + campaign.state()
                    + "; only a campaign not launched yet (DRAFT or READY) can be planned");
        }
        Instant now = clock.instant();
        CampaignValidation validation = CampaignValidation.atLaunch(campaign.kind(), campaign.configuration(), now);
        if (!validation.isValid()) {
            throw new CampaignKitException(CampaignEngine.NOT_PLANNABLE, "campaign " + id
                    + " cannot be launched as it is: " + validation.summary());
        }
        launcher.checkChannelCarries(campaign);
        launcher.checkBotFlowKnown(campaign);
        Tally tally = new Tally(campaign);
        audiences.read(campaign, request, false).forEach(tally::add);
        tally.flush();
        SendLimits limits = pacing.limitsFor(campaign);
        DeliveryPlan delivery = campaign.configuration().deliveryPlan();
        Projection projection = Projection.of(tally.wouldSend, request.startAt().orElse(delivery.effectiveStart(now)), limits.campaignLimit(),
                limits.senderLimit(), campaign.configuration().activeHours(), delivery.endAt());
        List<String> warnings = new ArrayList<>();
        Long incomplete = tally.skipped.get(CampaignPlan.INCOMPLETE_CUSTOM_DATA);
        if (incomplete != null && LaunchAudiences.requiresCompleteData(campaign, request)) {
            warnings.add("the launch would be refused: " + incomplete
                    + " contacts lack custom data the campaign's schema requires");
        }
        if (projection.unsent() > 0) {
            warnings.add(projection.unsent() + " contacts would not be sent before "
                    + delivery.endAt().map(Instant::toString).orElse("the active hours stop opening"));
        }
        SenderKey sender = limits.sender();
        Map<String, Long> perChannel = tally.perChannel;
        return new CampaignPlan(id, now, tally.audience, tally.duplicates, tally.wouldSend, tally.skipped, perChannel,
                sender, limits.campaignLimit(), limits.senderLimit(), campaign.configuration().activeHours(),
                projection.first(), projection.last(), projection.unsent(), tally.sms(), warnings);
    }

    /** The audience walked in batches, as the launch walks it. */
    private final class Tally {
        private final Campaign campaign;
        private final SenderKey sender;
        private final TemplateMessage message;
        private final CustomDataSchema schema;
        private final boolean inline;
        private final Set<PhoneNumber> seen = new HashSet<>();
        private final List<Contact> batch = new ArrayList<>();
        private final Map<String, Long> skipped = new HashMap<>();
        /** Contacts who would be sent, by the channel type of the first binding that reaches them. */
        private final Map<String, Long> perChannel = new HashMap<>();
        private final List<Integer> bindings = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private long audience;
        private long duplicates;
        private long wouldSend;
        private long gsm7;
        private long ucs2;
        private long segments;
        private int maxSegments;

        Tally(Campaign campaign) {
            this.campaign = campaign;
            this.sender = ChannelAdapters.senderKey(campaign);
            this.message = campaign.configuration().message().orElseThrow();
            this.schema = campaign.configuration().schema();
            this.inline = message.template() instanceof InlineTemplate;
        }

        void add(Contact contact) {
            if (!seen.add(contact.phone())) {
                duplicates++;
                return;
            }
            audience++;
            batch.add(contact);
            if (batch.size() == batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Contact> candidates = new ArrayList<>(batch.size());
            for (Contact contact : batch) {
                if (!schema.isEmpty() && !schema.check(contact.customData()).isEmpty()) {
                    skip(CampaignPlan.INCOMPLETE_CUSTOM_DATA);
                    continue;
                }
                java.util.OptionalInt binding = ChannelRoutes.firstReaching(campaign, contact, 0);
                if (binding.isEmpty()) {
                    skip(SkipReasons.NO_CHANNEL);
                    continue;
                }
                RenderResult rendered = ChannelRoutes.binding(campaign, binding.getAsInt()).message().render(contact);
                if (rendered instanceof RenderResult.Unresolved) {
                    skip(SkipReasons.UNRESOLVED_BINDING);
                    continue;
                }
                candidates.add(contact);
                bindings.add(binding.getAsInt());
                texts.add(((RenderResult.Rendered) rendered).text().orElse(""));
            }
            Set<PhoneNumber> suppressed = candidates.isEmpty() ? Set.of()
                    : suppressions.suppressedAmong(sender, candidates.stream().map(Contact::phone).toList());
            for (int i = 0; i < candidates.size(); i++) {
                Contact contact = candidates.get(i);
                if (suppressed.contains(contact.phone())) {
                    skip(SkipReasons.OPTED_OUT);
                } else if (engagements.engagedCampaign(sender, contact.phone())
                        .filter(holder -> !holder.equals(campaign.id())).isPresent()) {
                    skip(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
                } else {
                    wouldSend++;
                    perChannel.merge(ChannelRoutes.binding(campaign, bindings.get(i)).sender().channelType(), 1L, Long::sum);
                    if (inline) {
                        count(SmsSegments.of(texts.get(i)));
                    }
                }
            }
            batch.clear();
            texts.clear();
            bindings.clear();
        }

        private void skip(String code) {
            skipped.merge(code, 1L, Long::sum);
        }

        private void count(SmsSegments sms) {
            if (sms.encoding() == SmsSegments.Encoding.GSM_7) {
                gsm7++;
            } else {
                ucs2++;
            }
            segments += sms.segments();
            maxSegments = Math.max(maxSegments, sms.segments());
        }

        Optional<CampaignPlan.SmsTotals> sms() {
            return inline ? Optional.of(new CampaignPlan.SmsTotals(gsm7, ucs2, segments, maxSegments)) : Optional.empty();
        }
    }
}
