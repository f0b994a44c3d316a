package io.campaignkit.core.engine;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.port.Suppression;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a contact is suppressed for one tenant, and why ({@link CampaignEngine#suppression}): every
 * suppression that applies to it on the tenant's senders, each with where it applies (one sender, or
 * every sender), since when ({@link Suppression#at()}), who asked ({@link Suppression#source()}) and the
 * reason recorded ({@link Suppression#reason()}).
 *
 * @param tenantId the tenant asked about
 * @param phone the contact
 * @param suppressions every-sender ones first, then by sender, then oldest first
 */
public record SuppressionStatus(String tenantId, PhoneNumber phone, List<Suppression> suppressions) {

    private static final Comparator<Suppression> ORDER = Comparator.comparing(
                    (Suppression s) -> s.sender().isPresent())
            .thenComparing(s -> s.sender().map(SenderKey::channelType).orElse(""))
            .thenComparing(s -> s.sender().map(SenderKey::senderId).orElse(""))
            .thenComparing(Suppression::at);

    public SuppressionStatus {
        Arguments.requireNonBlank(tenantId, "tenantId");
        Arguments.requireNonNull(phone, "phone");
        suppressions = Arguments.requireNoNullElements(suppressions, "suppressions").stream()
                .sorted(ORDER)
                .toList();
    }

    /** Whether any campaign message to the contact would be skipped on some sender of the tenant. */
    public boolean isSuppressed() {
        return !suppressions.isEmpty();
    }

    /** The suppressions on every sender (the host's list). */
    public List<Suppression> everySender() {
        return suppressions.stream().filter(Suppression::isEverySender).toList();
    }

    /** The suppressions that apply on {@code sender}: its own, and those on every sender. */
    public List<Suppression> on(SenderKey sender) {
        Arguments.requireNonNull(sender, "sender");
        Optional<SenderKey> own = Optional.of(sender);
        return suppressions.stream()
                .filter(s -> s.isEverySender() || s.sender().equals(own))
                .toList();
    }
}
