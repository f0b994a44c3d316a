package io.campaignkit.core.engine.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldViolation;
import io.campaignkit.core.engine.IncompleteAudienceException;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.port.AudienceSource;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientQuery;
import io.campaignkit.core.port.RecipientStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a launch's audience (the host's imported list, a segment or test numbers of the contact
 * directory, or another campaign's recipients filtered by outcome) and checks it: complete custom
 * data when required, test numbers the directory knows, a retargeting source of the same tenant that
 * was launched.
 */
final class LaunchAudiences {

    private static final int DIRECTORY_PAGE = ContactDirectory.MAX_PAGE_SIZE;
    private static final String CODE_MISSING_DIRECTORY = "NO_CONTACT_DIRECTORY";

    private final Optional<ContactDirectory> directory;
    private final Optional<AudienceSource> source;
    private final CampaignStore campaigns;
    private final RecipientStore recipients;
    private final int pageSize;

    LaunchAudiences(
            Optional<ContactDirectory> directory,
            Optional<AudienceSource> source,
            CampaignStore campaigns,
            RecipientStore recipients,
            int pageSize) {
        this.directory = directory;
        this.source = source;
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.pageSize = pageSize;
    }

    /**
     * Whether the engine reads {@code audience} itself: segments, TEST audiences and other campaigns'
     * recipients, imported lists with a source.
     */
    boolean readableByEngine(@Nullable AudienceReference audience) {
        return audience instanceof AudienceReference.Segment
                || audience instanceof AudienceReference.TestAudience
                || audience instanceof AudienceReference.CampaignRecipients
                || audience instanceof AudienceReference.ImportedList && source.isPresent();
    }

    /** The audience of a launch, refused when it lacks custom data the request requires. */
    Audience readChecked(Campaign campaign, LaunchRequest request) {
        Audience contacts = read(campaign, request, false);
        if (requiresCompleteData(campaign, request)) {
            checkComplete(campaign, contacts);
        }
        return contacts;
    }

    /** Whether a launch refuses contacts lacking required custom data: by default all but a segment's. */
    static boolean requiresCompleteData(Campaign campaign, LaunchRequest request) {
        return request.requireCompleteData()
                .orElse(!(campaign.configuration().audience().orElse(null) instanceof AudienceReference.Segment));
    }

    /** The audience as something that can be walked twice without holding it in memory. */
    interface Audience {
        void forEach(Consumer<Contact> action);
    }

    /**
     * The campaign's audience: the request's imported contacts, or the directory's segment or test
     * numbers. A resumed preparation ({@code resuming}) leaves out test numbers the directory no
     * longer has instead of refusing.
     */
    Audience read(Campaign campaign, LaunchRequest request, boolean resuming) {
        AudienceReference audience = campaign.configuration().audience().orElse(null);
        if (request.importedContacts().isPresent()) {
            Iterable<Contact> contacts = request.importedContacts().get();
            return contacts::forEach;
        }
        if (audience instanceof AudienceReference.Segment segment) {
            ContactDirectory directory = directory(campaign);
            return action -> {
                try (Stream<Contact> stream = directory.streamSegment(segment, DIRECTORY_PAGE)) {
                    // a contact with no tag is never in a segment, whatever the directory answers
                    stream.filter(segment::matches)
                            .filter(contact -> !contact.isUntagged())
                            .forEach(action);
                }
            };
        }
        if (audience instanceof AudienceReference.TestAudience test) {
            return testAudience(campaign, test, resuming);
        }
        if (audience instanceof AudienceReference.CampaignRecipients retargeted) {
            return recipientsOf(campaign, retargeted);
        }
        if (audience instanceof AudienceReference.ImportedList list && source.isPresent()) {
            Iterable<Contact> contacts = source.get().importedList(campaign, list);
            return contacts::forEach;
        }
        throw new IncompleteAudienceException(
                IncompleteAudienceException.NO_AUDIENCE,
                campaign.id(),
                List.of(new IncompleteAudienceException.Problem(
                        "-",
                        "an imported-list campaign is launched with its contacts: "
                                + "LaunchRequest.importedContacts(...)")),
                1);
    }

    /** The test numbers as the directory knows them; unknown ones refuse a launch, and are left out of a resumed one. */
    private Audience testAudience(Campaign campaign, AudienceReference.TestAudience test, boolean resuming) {
        ContactDirectory directory = directory(campaign);
        List<Contact> resolved = new ArrayList<>();
        List<IncompleteAudienceException.Problem> unknown = new ArrayList<>();
        for (Contact listed : test.contacts()) {
            Optional<Contact> known = directory.find(listed.phone());
            if (known.isEmpty()) {
                unknown.add(new IncompleteAudienceException.Problem(
                        listed.phone().e164(), "is not in the contact directory"));
                continue;
            }
            Contact contact = known.get();
            // the test list's own data (a name, custom data) wins, so operators can try the message
            if (!listed.customData().isEmpty()) {
                contact = contact.withCustomData(listed.customData());
            }
            resolved.add(contact);
        }
        if (!unknown.isEmpty() && !resuming) {
            throw new IncompleteAudienceException(
                    IncompleteAudienceException.UNKNOWN_TEST_NUMBER, campaign.id(), unknown, unknown.size());
        }
        return resolved::forEach;
    }

    /**
     * The source campaign's recipients whose outcome matches, a page at a time through the store, each
     * as the contact the source stored. The source must be another campaign of the same tenant that was
     * launched (ACTIVE or FINISHED): before its launch it has no recipients to choose from.
     */
    private Audience recipientsOf(Campaign campaign, AudienceReference.CampaignRecipients retargeted) {
        CampaignId sourceId = retargeted.source();
        Optional<Campaign> found =
                campaigns.find(sourceId).filter(c -> c.tenantId().equals(campaign.tenantId()));
        String refusal = sourceId.equals(campaign.id())
                ? "a campaign cannot take its audience from its own recipients"
                : found.isEmpty()
                        ? "the source campaign " + sourceId + " does not exist for tenant " + campaign.tenantId()
                        : found.get().state() != CampaignState.ACTIVE
                                        && found.get().state() != CampaignState.FINISHED
                                ? "the source campaign " + sourceId + " is "
                                        + found.get().state() + " and has no recipients yet; launch it first"
                                : null;
        if (refusal != null) {
            throw new IncompleteAudienceException(
                    IncompleteAudienceException.NO_AUDIENCE,
                    campaign.id(),
                    List.of(new IncompleteAudienceException.Problem("-", refusal)),
                    1);
        }
        return action -> {
            long after = -1;
            while (true) {
                List<Recipient> page = recipients.findRecipients(
                        new RecipientQuery.ByOutcome(sourceId, retargeted.outcomes(), after, pageSize));
                if (page.isEmpty()) {
                    return;
                }
                page.forEach(recipient -> action.accept(recipient.contact()));
                after = page.get(page.size() - 1).sequence();
            }
        };
    }

    private ContactDirectory directory(Campaign campaign) {
        return directory.orElseThrow(() -> new CampaignKitException(
                CODE_MISSING_DIRECTORY,
                "campaign " + campaign.id()
                        + " needs a contact directory (segment or TEST audience); the engine has none"));
    }

    /** Refuses, naming each contact (up to a limit), an audience in which contacts lack data the schema requires. */
    void checkComplete(Campaign campaign, Audience contacts) {
        checkComplete(campaign, contacts, "was not launched");
    }

    /** As {@link #checkComplete(Campaign, Audience)}; {@code outcome} says what became of the campaign. */
    void checkComplete(Campaign campaign, Audience contacts, String outcome) {
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
                    problems.add(new IncompleteAudienceException.Problem(
                            contact.phone().e164(),
                            violations.stream().map(FieldViolation::message).collect(Collectors.joining(", "))));
                }
            }
        });
        if (count[0] > 0) {
            throw new IncompleteAudienceException(
                    IncompleteAudienceException.INCOMPLETE_CUSTOM_DATA, campaign.id(), outcome, problems, count[0]);
        }
    }
}
