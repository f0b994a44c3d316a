package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.PreflightProblem;
import io.campaignkit.channel.SmsSegments;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignValidation;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.CampaignPlan;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.PreflightException;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.RenderResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

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
    private final Exclusivity exclusivity;
    private final BusyContacts busy;
    private final Pacing pacing;
    private final ChannelRoutes routes;
    private final int batchSize;
    private final Clock clock;
    private final LocalTimes localTimes;

    Planner(
            Lifecycle lifecycle,
            LaunchAudiences audiences,
            Launcher launcher,
            SuppressionList suppressions,
            Exclusivity exclusivity,
            BusyContacts busy,
            Pacing pacing,
            ChannelRoutes routes,
            int batchSize,
            Clock clock,
            LocalTimes localTimes) {
        this.lifecycle = lifecycle;
        this.audiences = audiences;
        this.launcher = launcher;
        this.suppressions = suppressions;
        this.exclusivity = exclusivity;
        this.busy = busy;
        this.pacing = pacing;
        this.routes = routes;
        this.batchSize = batchSize;
        this.clock = clock;
        this.localTimes = localTimes;
    }

    CampaignPlan plan(CampaignId id, LaunchRequest request) {
        Campaign campaign = lifecycle.find(id);
        if (!campaign.state().allowsEdit()) {
            throw new CampaignKitException(
                    CampaignEngine.NOT_PLANNABLE,
                    "campaign " + id + " is " + campaign.state()
                            + "; only a campaign not launched yet (DRAFT or READY) can be planned");
        }
        Instant now = clock.instant();
        CampaignValidation validation = CampaignValidation.atLaunch(campaign.kind(), campaign.configuration(), now);
        if (!validation.isValid()) {
            throw new CampaignKitException(
                    CampaignEngine.NOT_PLANNABLE,
                    "campaign " + id + " cannot be launched as it is: " + validation.summary());
        }
        launcher.checkChannelCarries(campaign);
        launcher.checkBotFlowKnown(campaign);
        localTimes.checkSupported(campaign);
        DeliveryPlan delivery = campaign.configuration().deliveryPlan();
        Instant start = request.startAt().orElse(delivery.effectiveStart(now));
        // as at the launch: a campaign that starts later asks about busy contacts only before each send
        Tally tally = new Tally(campaign, start, !start.isAfter(now));
        List<PreflightProblem> preflight = launcher.preflightProblems(campaign);
        audiences.read(campaign, request, false).forEach(tally::add);
        tally.flush();
        SendLimits limits = pacing.limitsFor(campaign);
        Map<String, CampaignPlan.ZonePlan> perZone = Map.of();
        Projection projection;
        if (LocalTimes.isOn(campaign)) {
            LocalProjection local = LocalProjection.of(
                    tally.zoneOrder,
                    tally.zoneHours,
                    start,
                    limits.campaignLimit(),
                    limits.senderLimit(),
                    delivery.endAt());
            projection = local.overall();
            perZone = local.perZone();
        } else {
            projection = Projection.of(
                    tally.wouldSend,
                    start,
                    limits.campaignLimit(),
                    limits.senderLimit(),
                    campaign.configuration().activeHours(),
                    delivery.endAt());
        }
        List<String> warnings = new ArrayList<>();
        if (!preflight.isEmpty()) {
            warnings.add("the launch would be refused (" + PreflightException.PREFLIGHT_FAILED + "): "
                    + Preflight.channelsNamed(campaign) + " would refuse the message: "
                    + preflight.stream()
                            .map(PreflightProblem::toString)
                            .collect(java.util.stream.Collectors.joining("; ")));
        }
        Long incomplete = tally.skipped.get(CampaignPlan.INCOMPLETE_CUSTOM_DATA);
        if (incomplete != null && LaunchAudiences.requiresCompleteData(campaign, request)) {
            warnings.add("the launch would be refused: " + incomplete
                    + " contacts lack custom data the campaign's schema requires");
        }
        tally.availabilityFailure.ifPresent(failure ->
                warnings.add("the contact-availability check failed (" + failure + "); busy contacts are not counted"));
        if (tally.busyWaited > 0) {
            warnings.add(tally.busyWaited + " contacts are busy now; the campaign waits up to "
                    + campaign.configuration().busyContactWait() + " for each, then skips it ("
                    + SkipReasons.CONTACT_BUSY + ")");
        }
        if (projection.unsent() > 0) {
            warnings.add(projection.unsent() + " contacts would not be sent before "
                    + delivery.endAt().map(Instant::toString).orElse("the active hours stop opening"));
        }
        SenderKey sender = limits.sender();
        Map<String, Long> perChannel = tally.perChannel;
        return new CampaignPlan(
                id,
                now,
                tally.audience,
                tally.duplicates,
                tally.wouldSend,
                tally.skipped,
                perChannel,
                sender,
                limits.campaignLimit(),
                limits.senderLimit(),
                campaign.configuration().activeHours(),
                projection.first(),
                projection.last(),
                projection.unsent(),
                tally.sms(),
                warnings,
                preflight,
                perZone);
    }

    /** The audience walked in batches, as the launch walks it. */
    private final class Tally {
        private final Campaign campaign;
        private final boolean asksBusy;
        private final CustomDataSchema schema;
        /** Whether any binding sends an inline text (SMS): its segments are counted. */
        private final boolean inline;

        private final List<SenderKey> senders;
        private final Set<PhoneNumber> seen = new HashSet<>();
        private final List<Contact> batch = new ArrayList<>();
        private final Map<String, Long> skipped = new HashMap<>();
        /** Contacts who would be sent, by the channel type of the first binding that reaches them. */
        private final Map<String, Long> perChannel = new HashMap<>();

        private final List<Integer> bindings = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final Instant start;
        /** Local hours: the zone key of each would-send contact, in the launch's order; the hours by zone key. */
        private final List<String> zoneOrder = new ArrayList<>();
        /** The zone keys of this batch's would-send contacts, before {@link LocalTimes#zoneByZone}. */
        private final List<String> batchZones = new ArrayList<>();

        private final List<RecipientZone> zones = new ArrayList<>();
        private final Map<String, ZonedHours> zoneHours = new HashMap<>();
        private long audience;
        private long duplicates;
        private long wouldSend;
        /** Busy now, kept PENDING for the campaign's busy-contact wait (counted in wouldSend). */
        private long busyWaited;

        private Optional<String> availabilityFailure = Optional.empty();
        private long gsm7;
        private long ucs2;
        private long segments;
        private int maxSegments;

        Tally(Campaign campaign, Instant start, boolean asksBusy) {
            this.campaign = campaign;
            this.start = start;
            this.asksBusy = asksBusy;
            this.schema = campaign.configuration().schema();
            this.inline = ChannelRoutes.bindings(campaign).stream().anyMatch(Tally::inline);
            this.senders = List.copyOf(ChannelRoutes.senders(campaign));
        }

        private static boolean inline(ChannelBinding binding) {
            return binding.message().template() instanceof InlineTemplate;
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
            List<RecipientZone> zones = this.zones;
            Map<Integer, List<PhoneNumber>> byBinding = new TreeMap<>();
            for (Contact contact : batch) {
                if (!schema.isEmpty() && !schema.check(contact.customData()).isEmpty()) {
                    skip(CampaignPlan.INCOMPLETE_CUSTOM_DATA);
                    continue;
                }
                OptionalInt binding = ChannelRoutes.firstReaching(campaign, contact, 0);
                if (binding.isEmpty()) {
                    skip(SkipReasons.NO_CHANNEL);
                    continue;
                }
                RenderResult rendered = ChannelRoutes.binding(campaign, binding.getAsInt())
                        .message()
                        .render(contact);
                if (rendered instanceof RenderResult.Unresolved) {
                    skip(SkipReasons.UNRESOLVED_BINDING);
                    continue;
                }
                if (LocalTimes.isOn(campaign)) {
                    LocalTimes.ZoneOrSkip zone = localTimes.zoneOf(campaign, contact, start);
                    if (zone.skipReason().isPresent()) {
                        skip(zone.skipReason().get().code());
                        continue;
                    }
                    zones.add(zone.zone());
                } else {
                    zones.add(null);
                }
                candidates.add(contact);
                bindings.add(binding.getAsInt());
                byBinding
                        .computeIfAbsent(binding.getAsInt(), index -> new ArrayList<>())
                        .add(contact.phone());
                texts.add(((RenderResult.Rendered) rendered).text().orElse(""));
            }
            Set<PhoneNumber> suppressed = new HashSet<>();
            byBinding.forEach((binding, phones) -> routes.optOutSenders(campaign, binding)
                    .forEach(sender -> suppressed.addAll(suppressions.suppressedAmong(sender, phones))));
            Set<PhoneNumber> busyNow = busyAmong(byBinding, suppressed);
            // the launch's question, on every sender of the campaign and across scopes, read only
            Set<PhoneNumber> held = exclusivity.heldAmong(
                    campaign, senders, candidates.stream().map(Contact::phone).toList());
            boolean waits = !campaign.configuration().busyContactWait().isZero();
            for (int i = 0; i < candidates.size(); i++) {
                Contact contact = candidates.get(i);
                ChannelBinding binding = ChannelRoutes.binding(campaign, bindings.get(i));
                if (suppressed.contains(contact.phone())) {
                    skip(SkipReasons.OPTED_OUT);
                } else if (busyNow.contains(contact.phone()) && !waits) {
                    skip(SkipReasons.CONTACT_BUSY);
                } else if (held.contains(contact.phone())) {
                    skip(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
                } else {
                    if (busyNow.contains(contact.phone())) {
                        busyWaited++;
                    }
                    wouldSend++;
                    RecipientZone zone = zones.get(i);
                    if (zone != null) {
                        batchZones.add(zone.key());
                        zoneHours.computeIfAbsent(
                                zone.key(),
                                key -> localTimes.hoursIn(
                                        campaign.configuration().activeHours(), zone));
                    }
                    perChannel.merge(binding.sender().channelType(), 1L, Long::sum);
                    if (inline(binding)) {
                        count(SmsSegments.of(texts.get(i)));
                    }
                }
            }
            zoneOrder.addAll(LocalTimes.zoneByZone(batchZones, key -> key));
            batchZones.clear();
            batch.clear();
            texts.clear();
            zones.clear();
            bindings.clear();
        }

        /** The busy ones now, as the launch would ask (a failing check is the launch's to report). */
        private Set<PhoneNumber> busyAmong(Map<Integer, List<PhoneNumber>> byBinding, Set<PhoneNumber> suppressed) {
            if (!asksBusy) {
                return Set.of();
            }
            Set<PhoneNumber> busyNow = new HashSet<>();
            for (Map.Entry<Integer, List<PhoneNumber>> binding : byBinding.entrySet()) {
                List<PhoneNumber> asked = binding.getValue().stream()
                        .filter(phone -> !suppressed.contains(phone))
                        .toList();
                try {
                    busyNow.addAll(busy.busyAmong(
                            campaign,
                            ChannelRoutes.binding(campaign, binding.getKey()).sender(),
                            asked));
                } catch (RuntimeException failure) {
                    availabilityFailure = Optional.of(String.valueOf(failure.getMessage()));
                }
            }
            return busyNow;
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
            return inline
                    ? Optional.of(new CampaignPlan.SmsTotals(gsm7, ucs2, segments, maxSegments))
                    : Optional.empty();
        }
    }
}
