/**
 * The campaign engine, CampaignKit's entry point: {@link io.campaignkit.core.engine.CampaignEngine}
 * (built with {@link io.campaignkit.core.engine.CampaignEngine#builder()}) launches campaigns, sends
 * their first messages at a controlled pace inside active hours, tracks deliveries, routes replies
 * to the campaign's bot and finishes campaigns; {@link io.campaignkit.core.engine.CampaignRunner}
 * runs it on a scheduler in production.
 *
 * <p>Rules the engine keeps, whatever the interleaving: a recipient is written SENDING before the
 * channel is called (so a crash never causes a silent resend); nothing is sent outside the active
 * hours or after a campaign finished; no one-second window holds more sends than the campaign's
 * rate plus burst, nor than its sender's; a contact is engaged in at most one active campaign per
 * sender (decided by the store); status events merge monotonically; a queued reply reaches the bot
 * once, in order, or, if its campaign finished first, the host's
 * {@link io.campaignkit.core.engine.UnroutedMessageHandler}; nothing is sent to a campaign's audience
 * until all of it is in (a launch interrupted half-way is resumed, never half sent); a finish
 * interrupted by a crash is completed, so no contact stays engaged and no conversation open.
 *
 * <p>Suppression is per sender for channel opt-outs (a STOP to one sender does not silence the
 * others) and per sender or global for the host's own entries
 * ({@link io.campaignkit.core.engine.CampaignEngine#suppress}).
 *
 * <h2>Time</h2>
 * The engine never sleeps and never reads the system clock: {@link io.campaignkit.core.engine.CampaignEngine#runDue()} does what is due at
 * the injected clock's instant (start scheduled campaigns, finish those whose end passed, send due
 * recipients within pace and hours, retry failures whose backoff elapsed, recover sends of a
 * crashed process, resume launches and finishes a crashed process left half done, hand queued
 * replies to bots when hours open, close idle conversations) and
 * answers the next instant it has work. {@link io.campaignkit.core.engine.CampaignRunner} calls it on a scheduler; tests call
 * it on a manual clock.
 *
 * <h2>Sending</h2>
 * A recipient is marked SENDING in the store before the channel is called. Channel answers are
 * recorded when their {@code CompletionStage} completes, on the completing thread. Failures follow
 * their class: RATE_LIMITED waits the retry-after (the whole sender waits); TRANSIENT retries with
 * the {@link io.campaignkit.core.dispatch.retry.RetryPolicy} and then fails; RECIPIENT_PERMANENT fails at once; CONTENT_PERMANENT and
 * AUTHENTICATION pause the campaign (the recipient stays pending); UNKNOWN_OUTCOME is recorded
 * UNKNOWN ({@link io.campaignkit.core.engine.DeliverySemantics#AT_MOST_ONCE}) or retried ({@link io.campaignkit.core.engine.DeliverySemantics#AT_LEAST_ONCE}).
 *
 * <h2>The host's code</h2>
 * Bot flows, the listener and the unrouted-message handler run on the {@link io.campaignkit.core.engine.CampaignEngineBuilder#callbackExecutor
 * callback executor}, never under the engine's lock: a bot that waits on a slow system delays neither
 * sending nor a webhook's answer. One contact's messages reach its bot one at a time, in arrival order.
 *
 * <h2>Replies, once</h2>
 * A contact's message for a bot is stored in the {@link io.campaignkit.core.port.InboundQueue} before
 * its webhook is answered, and only then is the webhook marked handled, so a process killed at any
 * point leaves either the provider's retry to be processed or the stored message to be handed over by
 * whichever engine takes it over. The hand-over is claimed like a send: under a lease, marked begun
 * right before the bot is called, acknowledged once the call returned. A process killed between the
 * two leaves the outcome unknown to the engine that takes it over: under {@link io.campaignkit.core.engine.DeliverySemantics#AT_MOST_ONCE}
 * the bot does not get it again and the listener hears
 * {@link io.campaignkit.core.port.EngineFailure#HAND_OVER_INTERRUPTED}; under
 * {@link io.campaignkit.core.engine.DeliverySemantics#AT_LEAST_ONCE} the bot gets it again (twice only if the process that died had
 * called the bot). Engines that live on never hand one message id over twice.
 *
 * <p>A message for the host's {@link io.campaignkit.core.engine.UnroutedMessageHandler} (not from a phone,
 * no campaign to route it to, a finishing campaign, out of hours under CLOSE) is stored the same way
 * first, in the store's {@link io.campaignkit.core.port.UnroutedInbox} when it keeps one (the in-memory and
 * JDBC stores do), and acknowledged once the handler returned; a process killed in between leaves it to any
 * engine's {@code runDue()} once its lease ran out (the handler gets it at least once: twice only if the
 * process died inside the handler's call).
 *
 * <h2>Who may be messaged</h2>
 * A contact is in at most one active campaign per sender, or per tenant, or in any number, as the
 * tenant's {@link io.campaignkit.core.port.ExclusivityScope} says ({@link io.campaignkit.core.engine.CampaignEngineBuilder#exclusivity});
 * under {@code NONE} a reply goes to the campaign that most recently messaged the contact. A contact the
 * host's {@link io.campaignkit.core.port.ContactAvailability} says is busy (an open inbox case) is not
 * messaged: skipped with {@link io.campaignkit.core.engine.SkipReasons#CONTACT_BUSY}, or waited for during its campaign's
 * {@code busyContactWait}. The engine's lock is held while the availability is asked (it must not call the engine).
 *
 * <h2>Several processes</h2>
 * Engines of several processes may share one store: claims are leased and exclusivity is decided by
 * the store. Host operations on one campaign are best sent to one process. Thread-safe.
 */
@NullMarked
package io.campaignkit.core.engine;

import org.jspecify.annotations.NullMarked;
