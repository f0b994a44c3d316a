package io.campaignkit.core.engine.internal;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.RecipientZone;
import io.campaignkit.core.hours.ZonedHours;
import io.campaignkit.core.port.InboundQueue;
import io.campaignkit.core.port.QueuedInbound;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hours a contact's replies are handled in ({@link Conversations}): the campaign's active hours,
 * or with local hours the same hours on the contact's own wall clock, its zone resolved as at launch
 * (from the recipient's custom data, else its number). A contact whose zone field is invalid, or
 * whose zones never overlap, is read in the hours' own zone: its reply is still answered. With local
 * hours the campaign's queue holds contacts of many clocks: a drain hands over those whose window is
 * open and leaves the rest queued (and, to keep each contact's order, a contact's later messages
 * behind its held ones).
 */
final class ReplyHours {

    /** Whether a contact's replies may go to the bot at an instant, and when that next is. */
    interface Window {
        boolean isOpenAt(Instant instant);

        Optional<Instant> nextOpening(Instant from);

        /**
         * The start of the closed period {@code now} is in: the last minute the hours were open, plus
         * one. Schedules change at whole minutes, so a minute-by-minute look back is exact.
         */
        default Instant closedSince(Instant now) {
            Instant probe = now.truncatedTo(ChronoUnit.MINUTES);
            Instant limit = now.minus(CLOSED_PERIOD_SEARCH);
            try {
                while (probe.isAfter(limit)) {
                    Instant previous = probe.minus(1, ChronoUnit.MINUTES);
                    if (isOpenAt(previous)) {
                        return probe;
                    }
                    probe = previous;
                }
            } catch (RuntimeException beyondSupportedRange) {
                return probe;
            }
            return limit;
        }
    }

    /** How far back to look for the start of a closed period: longer than any weekly gap. */
    private static final Duration CLOSED_PERIOD_SEARCH = Duration.ofDays(8);

    private final RecipientStore recipients;
    private final InboundQueue inbound;
    private final LocalTimes localTimes;
    private final int batchSize;
    /**
     * Local hours: contacts whose queued messages a drain left under its lease (their window closed):
     * the first such message's sequence and until when the leases hold them. A later message of the
     * contact waits while they hold, so each contact's messages reach the bot in order.
     */
    private final Map<List<Object>, Held> heldClosed = new ConcurrentHashMap<>();

    private record Held(long sequence, Instant until) {}

    ReplyHours(RecipientStore recipients, InboundQueue inbound, LocalTimes localTimes, int batchSize) {
        this.recipients = recipients;
        this.inbound = inbound;
        this.localTimes = localTimes;
        this.batchSize = batchSize;
    }

    /**
     * Local hours: when every queued message (of the first page) waits for its contact's window, the
     * earliest of their openings; empty when some may go to the bot now (or none opens again).
     */
    Optional<Instant> allClosedUntil(Campaign campaign, Instant now) {
        Optional<Instant> earliest = Optional.empty();
        for (QueuedInbound queued : inbound.queuedInbound(campaign.id(), -1, batchSize)) {
            Window local = of(campaign, queued.phone(), now);
            if (local.isOpenAt(now)) {
                return Optional.empty();
            }
            earliest = Dispatcher.earliest(earliest, local.nextOpening(now));
        }
        return earliest;
    }

    /**
     * Local hours, for a queued message a drain claimed under a lease expiring at {@code lease}: empty
     * when it goes to the bot now; else when to look again (its window closed, or an earlier message of
     * its contact still held), and it stays queued under that lease.
     */
    Optional<Instant> holdUntil(Campaign campaign, QueuedInbound queued, Instant now, Instant lease) {
        List<Object> contact = List.of(campaign.id(), queued.phone());
        Held held = heldClosed.get(contact);
        boolean live = held != null && held.until().isAfter(now);
        Window local = of(campaign, queued.phone(), now);
        boolean behindAHeldOne = held != null && live && queued.sequence() > held.sequence();
        if (behindAHeldOne || !local.isOpenAt(now)) {
            long first = held != null && live ? Math.min(held.sequence(), queued.sequence()) : queued.sequence();
            heldClosed.put(contact, new Held(first, lease));
            return Optional.of(local.nextOpening(now)
                    .map(open -> open.isAfter(lease) ? open : lease)
                    .orElse(lease));
        }
        if (!live) {
            heldClosed.remove(contact);
        }
        return Optional.empty();
    }

    Window of(Campaign campaign, PhoneNumber phone, Instant now) {
        ActiveHours hours = campaign.configuration().activeHours();
        if (!LocalTimes.isOn(campaign)) {
            return window(hours);
        }
        Contact contact = recipients
                .findRecipient(new RecipientKey(campaign.id(), phone))
                .map(Recipient::contact)
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
