package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.ChannelCapabilities;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldViolation;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientChange;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.RenderResult;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Launches a READY campaign: checks the audience (complete custom data when required, test numbers
 * in the directory), makes the campaign ACTIVE, then adds its recipients batch by batch, each one
 * PENDING or SKIPPED with its reason (unresolved binding, opted out, engaged in another campaign).
 */
final class Launcher {

    private static final int DIRECTORY_PAGE = ContactDirectory.MAX_PAGE_SIZE;
    private static final String CODE_MISSING_DIRECTORY = "NO_CONTACT_DIRECTORY";
    /** Code of the refusal to launch a campaign whose message its channel cannot send. */
    static final String CHANNEL_CANNOT_CARRY = "CHANNEL_CANNOT_CARRY";

    private final EngineContext context;
    private final Lifecycle lifecycle;

    Launcher(EngineContext context, Lifecycle lifecycle) {
        this.context = context;
        this.lifecycle = lifecycle;
    }

    Campaign launch(CampaignId id, LaunchRequest request) {
        Campaign campaign = lifecycle.find(id);
        checkChannelCarries(campaign);
        AudienceReference audience = campaign.configuration().audience().orElse(null);
        Audience contacts = audienceOf(campaign, audience, request);
        boolean completeData = request.requireCompleteData()
                .orElse(!(audience instanceof AudienceReference.Segment));
        if (completeData) {
            checkComplete(campaign, contacts);
        }
        Instant now = context.now();
        Campaign launched = lifecycle.change(id, CampaignAction.LAUNCH, stored -> {
            Campaign planned = request.startAt()
                    .map(start -> stored.reconfigure(stored.configuration().toBuilder()
                            .deliveryPlan(withStart(stored.configuration().deliveryPlan(), start)).build(), now))
                    .orElse(stored);
            return planned.launch(now);
        });
        Instant dueAt = launched.configuration().deliveryPlan().effectiveStart(now);
        addRecipients(launched, contacts, dueAt, now);
        context.wakeUp();
        return launched;
    }

    /** The campaign's channel must be known to the engine and able to carry its message. */
    private void checkChannelCarries(Campaign campaign) {
        if (campaign.configuration().channel().isEmpty() || campaign.configuration().message().isEmpty()) {
            return; // launching reports the incomplete configuration
        }
        ChannelCapabilities capabilities = context.adapter(campaign).capabilities();
        boolean template = campaign.configuration().message().get().template() instanceof ChannelTemplate;
        if (template ? !capabilities.templates() : !capabilities.freeFormText()) {
            throw new CampaignKitException(CHANNEL_CANNOT_CARRY, "campaign " + campaign.id() + " sends "
                    + (template ? "a channel template" : "an inline text") + ", which channel '"
                    + context.binding(campaign).channelTypeId() + "' cannot send");
        }
    }

    private static DeliveryPlan withStart(DeliveryPlan plan, Instant start) {
        DeliveryPlan.Builder builder = DeliveryPlan.custom().pace(plan.pace()).startAt(start);
        plan.endAt().ifPresent(builder::endAt);
        return builder.build();
    }

    /** The audience as something that can be walked twice without holding it in memory. */
    private interface Audience {
        void forEach(Consumer<Contact> action);
    }

    private Audience audienceOf(Campaign campaign, AudienceReference audience, LaunchRequest request) {
        if (request.importedContacts().isPresent()) {
            Iterable<Contact> contacts = request.importedContacts().get();
            return contacts::forEach;
        }
        if (audience instanceof AudienceReference.Segment segment) {
            ContactDirectory directory = directory(campaign);
            return action -> {
                try (Stream<Contact> stream = directory.streamSegment(segment, DIRECTORY_PAGE)) {
                    // a contact with no tag is never in a segment, whatever the directory answers
                    stream.filter(segment::matches).filter(contact -> !contact.isUntagged()).forEach(action);
                }
            };
        }
        if (audience instanceof AudienceReference.TestAudience test) {
            return testAudience(campaign, test);
        }
        throw new IncompleteAudienceException(IncompleteAudienceException.NO_AUDIENCE, campaign.id(), List.of(
                new IncompleteAudienceException.Problem("-", "an imported-list campaign is launched with its contacts: "
                        + "LaunchRequest.importedContacts(...)")), 1);
    }

    private Audience testAudience(Campaign campaign, AudienceReference.TestAudience test) {
        ContactDirectory directory = directory(campaign);
        List<Contact> resolved = new ArrayList<>();
        List<IncompleteAudienceException.Problem> unknown = new ArrayList<>();
        for (Contact listed : test.contacts()) {
            Optional<Contact> known = directory.find(listed.phone());
            if (known.isEmpty()) {
                unknown.add(new IncompleteAudienceException.Problem(listed.phone().e164(),
                        "is not in the contact directory"));
                continue;
            }
            Contact contact = known.get();
            // the test list's own data (a name, custom data) wins, so operators can try the message
            if (!listed.customData().isEmpty()) {
                contact = contact.withCustomData(listed.customData());
            }
            resolved.add(contact);
        }
        if (!unknown.isEmpty()) {
            throw new IncompleteAudienceException(IncompleteAudienceException.UNKNOWN_TEST_NUMBER, campaign.id(),
                    unknown, unknown.size());
        }
        return resolved::forEach;
    }

    private ContactDirectory directory(Campaign campaign) {
        return context.directory.orElseThrow(() -> new CampaignKitException(CODE_MISSING_DIRECTORY, "campaign "
                + campaign.id() + " needs a contact directory (segment or TEST audience); the engine has none"));
    }

    private void checkComplete(Campaign campaign, Audience contacts) {
        CustomDataSchema schema = campaign.configuration().schema();
        if (schema.isEmpty()) {
            return;
        }
        List<IncompleteAudienceException.Problem> problems = new ArrayList<>();
        long[] count = {0};
        contacts.forEach(contact -> {
            List<FieldViolation> violations = schema.check(contact.customData());
            if (!violations.isEmpty()) {
                count[0]++;
                if (problems.size() < IncompleteAudienceException.MAX_LISTED) {
                    problems.add(new IncompleteAudienceException.Problem(contact.phone().e164(), violations.stream()
                            .map(FieldViolation::message).collect(Collectors.joining(", "))));
                }
            }
        });
        if (count[0] > 0) {
            throw new IncompleteAudienceException(IncompleteAudienceException.INCOMPLETE_CUSTOM_DATA, campaign.id(),
                    problems, count[0]);
        }
    }

    private void addRecipients(Campaign campaign, Audience contacts, Instant dueAt, Instant now) {
        TemplateMessage message = campaign.configuration().message().orElseThrow();
        SenderKey sender = context.senderKey(campaign);
        List<Contact> batch = new ArrayList<>(CampaignStore.MAX_BATCH);
        Set<PhoneNumber> batchPhones = new HashSet<>();
        contacts.forEach(contact -> {
            if (!batchPhones.add(contact.phone())) {
                return; // the store drops duplicates across batches; within one, drop them here
            }
            batch.add(contact);
            if (batch.size() == CampaignStore.MAX_BATCH) {
                insertBatch(campaign, sender, message, batch, dueAt, now);
                batch.clear();
                batchPhones.clear();
            }
        });
        if (!batch.isEmpty()) {
            insertBatch(campaign, sender, message, batch, dueAt, now);
        }
    }

    private void insertBatch(Campaign campaign, SenderKey sender, TemplateMessage message, List<Contact> batch,
            Instant dueAt, Instant now) {
        List<NewRecipient> added = new ArrayList<>(batch.size());
        List<Optional<StatusReason>> skips = new ArrayList<>(batch.size());
        for (Contact contact : batch) {
            RenderResult rendered = message.render(contact);
            skips.add(rendered instanceof RenderResult.Unresolved unresolved
                    ? Optional.of(StatusReason.of(SkipReasons.UNRESOLVED_BINDING, unresolved.reason(), true))
                    : Optional.empty());
        }
        Set<PhoneNumber> suppressed = context.suppressions.suppressedAmong(sender,
                batch.stream().map(Contact::phone).toList());
        List<PhoneNumber> toEngage = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            if (skips.get(i).isEmpty() && suppressed.contains(contact.phone())) {
                skips.set(i, Optional.of(StatusReason.of(SkipReasons.OPTED_OUT,
                        contact.phone() + " opted out of " + sender.senderId(), true)));
            }
            if (skips.get(i).isEmpty()) {
                toEngage.add(contact.phone());
            }
        }
        Set<PhoneNumber> engagedElsewhere = toEngage.isEmpty() ? Set.of()
                : context.engagements.engage(sender, campaign.id(), toEngage);
        for (int i = 0; i < batch.size(); i++) {
            Contact contact = batch.get(i);
            Optional<StatusReason> skip = skips.get(i);
            if (skip.isEmpty() && engagedElsewhere.contains(contact.phone())) {
                skip = Optional.of(StatusReason.of(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN, contact.phone()
                        + " is engaged in another active campaign on " + sender.senderId(), true));
            }
            added.add(skip.map(reason -> NewRecipient.skipped(contact, now, reason))
                    .orElseGet(() -> NewRecipient.pending(contact, dueAt)));
        }
        List<Recipient> inserted = context.recipients.insertRecipients(campaign.id(), added, now);
        List<RecipientChange> skippedNow = new ArrayList<>();
        for (Recipient recipient : inserted) {
            if (recipient.state() == DeliveryState.SKIPPED) {
                Recipient before = recipient.withState(DeliveryState.PENDING, now);
                skippedNow.add(new RecipientChange(before, recipient));
            }
        }
        lifecycle.emit(skippedNow);
    }
}
