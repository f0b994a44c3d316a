package io.campaignkit.core.engine.internal;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignAction;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.TestSend;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.CampaignLifecycleEvent;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.port.ContactDirectory;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.DuplicateCampaignException;
import io.campaignkit.core.port.RecipientStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Test sends: a TEST campaign derived from a campaign's current configuration (its audience the test
 * numbers, every hour open, a short life), launched at once under the launch's rules. The source
 * campaign is only read.
 */
final class TestSends {

    private static final String SUFFIX = "-test-";

    private final CampaignStore campaigns;
    private final RecipientStore recipients;
    private final Lifecycle lifecycle;
    private final Launcher launcher;
    private final Listeners listeners;
    private final Clock clock;
    private final Optional<ContactDirectory> directory;

    TestSends(
            CampaignStore campaigns,
            RecipientStore recipients,
            Lifecycle lifecycle,
            Launcher launcher,
            Listeners listeners,
            Clock clock,
            Optional<ContactDirectory> directory) {
        this.directory = directory;
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.lifecycle = lifecycle;
        this.launcher = launcher;
        this.listeners = listeners;
        this.clock = clock;
    }

    TestSend send(CampaignId sourceId, List<PhoneNumber> numbers) {
        Campaign source = lifecycle.find(sourceId);
        Instant now = clock.instant();
        Campaign test = create(source, derived(source, testContacts(numbers), now), now);
        Campaign launched;
        try {
            launched = launcher.launch(test.id(), LaunchRequest.fromDirectory());
        } catch (CampaignKitException refused) {
            campaigns.find(test.id()).filter(Campaign::isDeletable).ifPresent(campaigns::delete); // nothing left behind
            throw refused;
        }
        List<TestSend.NotSent> notSent = recipients.findRecipients(test.id(), -1, numbers.size()).stream()
                .filter(r -> r.state() == DeliveryState.SKIPPED && r.outcome().isPresent())
                .map(r -> new TestSend.NotSent(r.phone(), r.outcome().get()))
                .toList();
        return new TestSend(sourceId, launched, notSent);
    }

    /**
     * The test numbers as the directory knows them (their name and custom data fill the message as a
     * customer's would); an unknown one is left bare, and the launch refuses it by name.
     */
    private List<Contact> testContacts(List<PhoneNumber> numbers) {
        return numbers.stream()
                .map(phone -> directory.flatMap(d -> d.find(phone)).orElseGet(() -> Contact.of(phone)))
                .toList();
    }

    /** The source's configuration with the test numbers as audience, open every hour, ending after the test's life. */
    private static CampaignConfiguration derived(Campaign source, List<Contact> contacts, Instant now) {
        CampaignConfiguration configuration = source.configuration();
        return configuration.toBuilder()
                .name(configuration.name().orElse(source.id().value()) + " (test)")
                .audience(new AudienceReference.TestAudience(contacts))
                .activeHours(ActiveHours.alwaysOpen(configuration.activeHours().zone()))
                .clearLocalHours() // a test is sent now, whatever the clocks of its numbers
                .deliveryPlan(DeliveryPlan.custom()
                        .pace(configuration.deliveryPlan().pace())
                        .endAt(now.plus(TestSend.LIFETIME))
                        .build())
                .build();
    }

    /** Stores the TEST campaign under an id that names its source and the instant. */
    private Campaign create(Campaign source, CampaignConfiguration configuration, Instant now) {
        String stem = source.id().value();
        stem = stem.substring(0, Math.min(stem.length(), CampaignId.MAX_LENGTH - SUFFIX.length() - 14));
        long stamp = now.toEpochMilli();
        for (int attempt = 0; ; attempt++) {
            CampaignId id = CampaignId.of(stem + SUFFIX + Long.toString(stamp + attempt, 36));
            Campaign test =
                    Campaign.create(id, source.tenantId(), source.projectId(), CampaignKind.TEST, configuration, now);
            try {
                campaigns.insert(test);
            } catch (DuplicateCampaignException taken) {
                continue;
            }
            listeners.lifecycle(CampaignLifecycleEvent.of(CampaignAction.CREATE, test, test));
            return test;
        }
    }
}
