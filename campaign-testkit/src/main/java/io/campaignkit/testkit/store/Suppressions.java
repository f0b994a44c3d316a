package io.campaignkit.testkit.store;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Suppression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The suppression list: per sender, or on every sender (no sender). */
final class Suppressions {

    private record Key(Optional<SenderKey> sender, PhoneNumber phone) {}

    private final Map<Key, Suppression> suppressions = new ConcurrentHashMap<>();

    void suppress(Suppression suppression) {
        suppressions.put(new Key(suppression.sender(), suppression.phone()), suppression);
    }

    boolean lift(Optional<SenderKey> sender, PhoneNumber phone) {
        return suppressions.remove(new Key(sender, phone)) != null;
    }

    List<Suppression> suppressionsOf(PhoneNumber phone, Collection<SenderKey> senders) {
        List<Suppression> found = new ArrayList<>();
        Optional.ofNullable(suppressions.get(new Key(Optional.empty(), phone))).ifPresent(found::add);
        for (SenderKey sender : new LinkedHashSet<>(senders)) {
            Optional.ofNullable(suppressions.get(new Key(Optional.of(sender), phone)))
                    .ifPresent(found::add);
        }
        return found;
    }

    Set<PhoneNumber> suppressedAmong(SenderKey sender, Collection<PhoneNumber> phones) {
        if (suppressions.isEmpty()) {
            return Set.of(); // the common case, asked for every claimed batch
        }
        Set<PhoneNumber> suppressed = new LinkedHashSet<>();
        Optional<SenderKey> onSender = Optional.of(sender);
        for (PhoneNumber phone : phones) {
            if (suppressions.containsKey(new Key(onSender, phone))
                    || suppressions.containsKey(new Key(Optional.empty(), phone))) {
                suppressed.add(phone);
            }
        }
        return suppressed;
    }
}
