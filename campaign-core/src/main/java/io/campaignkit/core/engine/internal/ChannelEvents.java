package io.campaignkit.core.engine.internal;

import io.campaignkit.channel.SendFailure;
import io.campaignkit.channel.event.ChannelEvent;
import io.campaignkit.channel.event.InboundMessage;
import io.campaignkit.channel.event.OptIn;
import io.campaignkit.channel.event.OptOut;
import io.campaignkit.channel.event.StatusUpdate;
import io.campaignkit.channel.event.UnsupportedMessage;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.EngineFailure;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientStore;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionList;
import io.campaignkit.core.port.TrackingStore;
import io.campaignkit.core.port.UnmatchedStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a channel's verified events: status reports merge into recipients (unknown ones are kept
 * aside), inbound messages go to conversations (each once, however often the webhook comes, and
 * stored for their hand-over before the webhook is answered),
 * opt-outs and opt-ins change the suppression list of the sender.
 */
final class ChannelEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelEvents.class);

    private final RecipientStore recipients;
    private final TrackingStore tracking;
    private final SuppressionList suppressions;
    private final int batchSize;
    private final Clock clock;
    private final Listeners listeners;
    private final Lifecycle lifecycle;
    private final Conversations conversations;
    private final Fallbacks fallbacks;

    ChannelEvents(
            RecipientStore recipients,
            TrackingStore tracking,
            SuppressionList suppressions,
            int batchSize,
            Clock clock,
            Listeners listeners,
            Lifecycle lifecycle,
            Conversations conversations,
            Fallbacks fallbacks) {
        this.recipients = recipients;
        this.tracking = tracking;
        this.suppressions = suppressions;
        this.batchSize = batchSize;
        this.clock = clock;
        this.listeners = listeners;
        this.lifecycle = lifecycle;
        this.conversations = conversations;
        this.fallbacks = fallbacks;
    }

    void apply(String channelId, List<ChannelEvent> events) {
        // status reports are merged in one store call per run of them; anything else flushes the
        // run first, so a reply is applied after the statuses that came before it
        List<RecipientUpdate> statuses = new ArrayList<>();
        for (ChannelEvent event : events) {
            if (event instanceof StatusUpdate status) {
                statuses.addAll(onStatus(channelId, status));
                continue;
            }
            flush(statuses);
            if (event instanceof InboundMessage inbound) {
                String key = channelId + "|" + inbound.deduplicationKey();
                if (!tracking.wasEventHandled(key)) {
                    // marked only once its hand-over is stored (see onInbound): marked first, a crash in
                    // between would have the provider's retry refused as a duplicate, and the reply lost
                    conversations.onInbound(channelId, inbound, () -> tracking.markEventHandled(key, clock.instant()));
                }
            } else if (event instanceof OptOut optOut) {
                Optional<PhoneNumber> phone = phone(optOut.from());
                phone.ifPresentOrElse(
                        number -> suppressions.suppress(new Suppression(
                                Optional.of(new SenderKey(channelId, optOut.to())),
                                number,
                                Suppression.CHANNEL_OPT_OUT,
                                optOut.timestamp(),
                                optOutReason(optOut))),
                        () -> unreadable(
                                channelId,
                                "an opt-out from '" + optOut.from()
                                        + "', which is no phone number, so no contact was suppressed ("
                                        + optOut.deduplicationKey() + ")"));
            } else if (event instanceof OptIn optIn) {
                Optional<PhoneNumber> phone = phone(optIn.from());
                phone.ifPresentOrElse(
                        number -> suppressions.lift(Optional.of(new SenderKey(channelId, optIn.to())), number),
                        () -> unreadable(
                                channelId,
                                "an opt-in from '" + optIn.from()
                                        + "', which is no phone number, so no suppression was lifted ("
                                        + optIn.deduplicationKey() + ")"));
            } else if (event instanceof UnsupportedMessage unsupported) {
                unreadable(
                        channelId,
                        "an event it could not read (" + unsupported.providerType() + ", "
                                + unsupported.deduplicationKey() + "): " + unsupported.description());
            }
        }
        flush(statuses);
    }

    /** What the contact sent to opt out, as the suppression's reason; the keyword is cut to a reason's length. */
    private static Optional<String> optOutReason(OptOut optOut) {
        return optOut.keyword()
                .map(keyword -> "opted out with '"
                        + keyword.strip()
                                .substring(0, Math.min(keyword.strip().length(), Suppression.MAX_REASON_LENGTH - 20))
                        + "'");
    }

    /**
     * An event the engine cannot act on: logged as a warning and told to the listener as an
     * {@link EngineFailure#CHANNEL_EVENT_UNREADABLE}, never dropped in silence.
     */
    private void unreadable(String channelId, String what) {
        String message = "channel " + channelId + " reported " + what;
        LOG.warn(message);
        listeners.failure(
                Optional.empty(), EngineFailure.CHANNEL_EVENT_UNREADABLE, new IllegalArgumentException(message));
    }

    private void flush(List<RecipientUpdate> statuses) {
        for (int from = 0; from < statuses.size(); from += batchSize) {
            lifecycle.emit(recipients.apply(statuses.subList(from, Math.min(statuses.size(), from + batchSize))));
        }
        statuses.clear();
    }

    /**
     * The merge of a status report; none when its message is unknown (then kept aside) or a reply's.
     *
     * <p>A report without a correlation id can overtake the receipt of its own send: it is kept aside,
     * and the send collects what was kept once its receipt is recorded. The receipt may land between
     * the lookup here and the keeping, after the send has already collected, so the lookup is made
     * once more after keeping; whichever side takes the kept report (the store hands it out once)
     * applies it, so it is applied exactly once in every interleaving.
     */
    private List<RecipientUpdate> onStatus(String channelId, StatusUpdate status) {
        DeliveryState state = switch (status.status()) {
            case SENT -> DeliveryState.SENT;
            case DELIVERED -> DeliveryState.DELIVERED;
            case READ -> DeliveryState.READ;
            case FAILED -> DeliveryState.FAILED;
        };
        Optional<StatusReason> reason = status.failure().map(ChannelEvents::reasonOf);
        Optional<Recipient> recipient = recipients
                .findByProviderMessageId(status.providerMessageId())
                .or(() -> status.correlationId().flatMap(recipients::findByCorrelationId));
        if (recipient.isPresent()) {
            if (recipient.get().earlierAttempts().stream()
                    .anyMatch(attempt -> attempt.providerMessageId()
                            .filter(status.providerMessageId()::equals)
                            .isPresent())) {
                return List.of(); // a status of the message it fell back from (found by correlation id): its attempt is
                // over
            }
            Optional<RecipientUpdate> fallback = status.failure()
                    .flatMap(failure ->
                            fallbacks.onFailedStatus(recipient.get(), failure, reason.orElseThrow(), clock.instant()));
            return List.of(fallback.orElseGet(
                    () -> new RecipientUpdate.StatusReached(recipient.get().key(), state, reason, status.timestamp())));
        }
        if (tracking.wasEventHandled(Replies.REPLY_MARK + status.providerMessageId())) {
            return List.of();
        }
        tracking.keepUnmatchedStatus(new UnmatchedStatus(
                channelId, status.providerMessageId(), status.correlationId(), state, reason, status.timestamp()));
        Optional<Recipient> landedMeanwhile = recipients.findByProviderMessageId(status.providerMessageId());
        if (landedMeanwhile.isEmpty()) {
            return List.of();
        }
        List<RecipientUpdate> kept = new ArrayList<>();
        for (UnmatchedStatus taken : tracking.takeUnmatchedStatuses(status.providerMessageId())) {
            kept.add(new RecipientUpdate.StatusReached(
                    landedMeanwhile.get().key(), taken.state(), taken.reason(), taken.at()));
        }
        return kept;
    }

    static StatusReason reasonOf(SendFailure failure) {
        return new StatusReason(
                failure.errorClass().name(),
                failure.providerMessage(),
                failure.providerCode(),
                !failure.errorClass().isRetryable());
    }

    private static Optional<PhoneNumber> phone(String number) {
        try {
            return Optional.of(PhoneNumber.parse(number));
        } catch (RuntimeException notAPhone) {
            return Optional.empty();
        }
    }
}
