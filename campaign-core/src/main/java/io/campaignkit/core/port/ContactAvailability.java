package io.campaignkit.core.port;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.List;
import java.util.Set;

/**
 * The host says which contacts are busy now (an open case in its inbox, a conversation with an agent),
 * so a campaign does not message them: a busy contact is skipped with
 * {@link io.campaignkit.core.engine.SkipReasons#CONTACT_BUSY}, or kept PENDING for the campaign's
 * {@link io.campaignkit.core.campaign.CampaignConfiguration#busyContactWait() busy-contact wait} and
 * checked again until it is free or the wait is over.
 *
 * <p>The engine asks at launch (for a campaign that starts sending at once) and again just before
 * each send, once per batch of claimed recipients (up to the engine's batch size), so an implementation
 * that queries a database does one query per batch. It is called under the engine's lock: it must
 * answer quickly and must not call the engine. A call that throws sends nothing of that batch: its
 * recipients are given back and checked again later, and the failure is reported as
 * {@link EngineFailure#CONTACT_AVAILABILITY}.
 */
@FunctionalInterface
public interface ContactAvailability {

    /** Nobody is ever busy: the default. */
    ContactAvailability EVERYONE_AVAILABLE = (tenantId, sender, phones) -> Set.of();

    /**
     * Which of {@code phones} are busy now for a campaign of {@code tenantId} sending from
     * {@code sender}.
     *
     * @param phones one or more distinct phones
     * @return the busy ones among {@code phones} (any other phone returned is ignored)
     */
    Set<PhoneNumber> busyAmong(String tenantId, SenderKey sender, List<PhoneNumber> phones);
}
