package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The hours a contact's replies are handled in ({@link Conversations}): the campaign's active hours,
 * or with local hours the same hours on the contact's own wall clock, its zone resolved as at launch
 * (from the recipient's custom data, else its number). A contact whose zone field is invalid, or
 * whose zones never overlap, is read in the hours' own zone: its reply is still answered.
 */
final class ReplyHours {

    /** Whether a contact's replies may go to the bot at an instant, and when that next is. */
    interface Window {
        boolean isOpenAt(Instant instant);

        Optional<Instant> nextOpening(Instant from);
    }

    private final RecipientStore recipients;
    private final LocalTimes localTimes;

    ReplyHours(RecipientStore recipients, LocalTimes localTimes) {
        this.recipients = recipients;
        this.localTimes = localTimes;
    }

    Window of(Campaign campaign, PhoneNumber phone, Instant now) {
        ActiveHours hours = campaign.configuration().activeHours();
        if (!LocalTimes.isOn(campaign)) {
            return window(hours);
        }
        Contact contact = recipients.findRecipient(new RecipientKey(campaign.id(), phone)).map(Recipient::contact)
                .orElseGet(() -> Contact.builder(phone).build());
        RecipientZone zone = localTimes.zoneOf(campaign, contact, now).zone();
        if (zone == null) {
            return window(hours);
        }
        ZonedHours local = localTimes.hoursIn(hours, zone);
        return new Window() {
            @Override
            public boolean isOpenAt(Instant instant) {
                return local.isOpenAt(instant);
            }

            @Override
            public Optional<Instant> nextOpening(Instant from) {
                return local.nextOpening(from);
            }
        };
    }

    private static Window window(ActiveHours hours) {
        return new Window() {
            @Override
            public boolean isOpenAt(Instant instant) {
                return hours.isOpenAt(instant);
            }

            @Override
            public Optional<Instant> nextOpening(Instant from) {
                return hours.nextOpening(from);
            }
        };
    }
}
