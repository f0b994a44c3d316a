package io.campaignkit.core.port.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The recipient state machine of {@link RecipientRules}, one rule per check. */
class RecipientRulesTest {

    static final CampaignId CAMPAIGN = CampaignId.of("c-1");
    static final PhoneNumber PHONE = PhoneNumber.parse("+14155550100");
    static final RecipientKey KEY = new RecipientKey(CAMPAIGN, PHONE);
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final Lease LEASE = new Lease("node-a", T0.plusSeconds(30));
    static final Lease OTHER = new Lease("node-b", T0.plusSeconds(60));
    static final StatusReason TIMEOUT = StatusReason.of("TIMEOUT", "no answer", false);
    static final StatusReason REJECTED = StatusReason.of("REJECTED", "bad number", true);

    static Recipient pending() {
        return Recipient.of(CAMPAIGN, 0, NewRecipient.pending(Contact.of(PHONE), T0), T0);
    }

    static Recipient sending() {
        return RecipientRules.claim(pending(), LEASE, T0);
    }

    static Recipient sent() {
        return RecipientRules.apply(sending(), new RecipientUpdate.Accepted(KEY, LEASE, "m-1", T0.plusSeconds(1)))
                .orElseThrow();
    }

    static RecipientUpdate.StatusReached report(DeliveryState state, int second) {
        return new RecipientUpdate.StatusReached(
                KEY,
                state,
                state == DeliveryState.FAILED ? Optional.of(REJECTED) : Optional.empty(),
                T0.plusSeconds(second));
    }

    @Nested
    class ClaimsAndRecovery {

        @Test
        void aClaimMakesAPendingRecipientSendingUnderTheLeaseWithOneMoreAttempt() {
            Recipient claimed = RecipientRules.claim(pending(), LEASE, T0.plusSeconds(2));
            assertThat(claimed.state()).isEqualTo(DeliveryState.SENDING);
            assertThat(claimed.lease()).contains(LEASE);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.updatedAt()).isEqualTo(T0.plusSeconds(2));
        }

        @Test
        void onlyAPendingRecipientIsClaimedAndOnlyASendingOneRecovered() {
            assertThatThrownBy(() -> RecipientRules.claim(sending(), LEASE, T0))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> RecipientRules.recover(pending(), LEASE, T0))
                    .isInstanceOf(InvalidArgumentException.class);
        }

        @Test
        void aRecoveryMovesTheRecipientUnderTheSurvivorsLeaseWithoutAnAttempt() {
            Recipient recovered = RecipientRules.recover(sending(), OTHER, T0.plusSeconds(40));
            assertThat(recovered.state()).isEqualTo(DeliveryState.SENDING);
            assertThat(recovered.lease()).contains(OTHER);
            assertThat(recovered.attempts()).isEqualTo(1);
        }

        @Test
        void skippingSetsTheReasonAndClearsTheLease() {
            Recipient skipped = RecipientRules.skip(sending(), REJECTED, T0);
            assertThat(skipped.state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(skipped.outcome()).contains(REJECTED);
            assertThat(skipped.lease()).isEmpty();
        }
    }

    @Nested
    class SendOutcomes {

        @Test
        void acceptedMakesItSentWithTheProviderIdAndClearsTheLease() {
            Recipient sent = sent();
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
            assertThat(sent.providerMessageId()).contains("m-1");
            assertThat(sent.sentAt()).contains(T0.plusSeconds(1));
            assertThat(sent.lease()).isEmpty();
        }

        @Test
        void everyOutcomeUnderAnotherLeaseChangesNothing() {
            Recipient held = sending();
            List<RecipientUpdate> stale = List.of(
                    new RecipientUpdate.Accepted(KEY, OTHER, "m-2", T0),
                    new RecipientUpdate.Failed(KEY, OTHER, REJECTED, T0),
                    new RecipientUpdate.Unknown(KEY, OTHER, TIMEOUT, T0),
                    new RecipientUpdate.RetryLater(KEY, OTHER, T0.plusSeconds(9), TIMEOUT, T0),
                    new RecipientUpdate.Unclaimed(KEY, OTHER, T0, T0),
                    new RecipientUpdate.Skipped(KEY, Optional.of(OTHER), REJECTED, T0),
                    new RecipientUpdate.Skipped(KEY, Optional.empty(), REJECTED, T0));
            for (RecipientUpdate update : stale) {
                assertThat(RecipientRules.apply(held, update))
                        .as(update.toString())
                        .isEmpty();
            }
        }

        @Test
        void aLateReceiptOrFailureSettlesAnUnknownRecipient() {
            Recipient unknown = RecipientRules.apply(sending(), new RecipientUpdate.Unknown(KEY, LEASE, TIMEOUT, T0))
                    .orElseThrow();
            assertThat(unknown.state()).isEqualTo(DeliveryState.UNKNOWN);
            assertThat(unknown.outcome()).contains(TIMEOUT);
            assertThat(RecipientRules.apply(unknown, new RecipientUpdate.Accepted(KEY, OTHER, "m-1", T0))
                            .orElseThrow()
                            .state())
                    .isEqualTo(DeliveryState.SENT);
            Recipient failed = RecipientRules.apply(unknown, new RecipientUpdate.Failed(KEY, OTHER, REJECTED, T0))
                    .orElseThrow();
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.outcome()).contains(REJECTED);
        }

        @Test
        void retryLaterReturnsItPendingAtTheRetryTimeKeepingTheAttempt() {
            Recipient retried = RecipientRules.apply(
                            sending(), new RecipientUpdate.RetryLater(KEY, LEASE, T0.plusSeconds(9), TIMEOUT, T0))
                    .orElseThrow();
            assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(retried.dueAt()).isEqualTo(T0.plusSeconds(9));
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.outcome()).contains(TIMEOUT);
            assertThat(retried.lease()).isEmpty();
        }

        @Test
        void unclaimedReturnsItPendingAndTakesTheAttemptBack() {
            Recipient given = RecipientRules.apply(
                            sending(), new RecipientUpdate.Unclaimed(KEY, LEASE, T0.plusSeconds(5), T0))
                    .orElseThrow();
            assertThat(given.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(given.dueAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(given.attempts()).isZero();
            assertThat(given.lease()).isEmpty();
        }

        @Test
        void aNeverClaimedRecipientIsSkippedOnlyWhilePending() {
            RecipientUpdate skip = new RecipientUpdate.Skipped(KEY, Optional.empty(), REJECTED, T0);
            assertThat(RecipientRules.apply(pending(), skip).orElseThrow().state())
                    .isEqualTo(DeliveryState.SKIPPED);
            assertThat(RecipientRules.apply(sent(), skip)).isEmpty();
            assertThat(RecipientRules.apply(
                                    sending(), new RecipientUpdate.Skipped(KEY, Optional.of(LEASE), REJECTED, T0))
                            .orElseThrow()
                            .lease())
                    .isEmpty();
        }

        @Test
        void aReceiptAfterItsOwnStatusFillsTheProviderIdOnceAndNothingElse() {
            Recipient early = RecipientRules.apply(sending(), report(DeliveryState.DELIVERED, 3))
                    .orElseThrow();
            assertThat(early.providerMessageId()).isEmpty();
            Recipient filled = RecipientRules.apply(
                            early, new RecipientUpdate.Accepted(KEY, LEASE, "m-1", T0.plusSeconds(1)))
                    .orElseThrow();
            assertThat(filled.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(filled.providerMessageId()).contains("m-1");
            assertThat(RecipientRules.apply(filled, new RecipientUpdate.Accepted(KEY, LEASE, "m-9", T0)))
                    .isEmpty();
        }
    }

    @Nested
    class StatusMerges {

        @Test
        void reportsDoNotMovePendingOrSkippedRecipients() {
            assertThat(RecipientRules.apply(pending(), report(DeliveryState.DELIVERED, 1)))
                    .isEmpty();
            assertThat(RecipientRules.apply(
                            RecipientRules.skip(pending(), REJECTED, T0), report(DeliveryState.READ, 1)))
                    .isEmpty();
        }

        @Test
        void aHigherReportFillsTheLowerTimesAndClearsAFailure() {
            Recipient failed = RecipientRules.apply(sent(), report(DeliveryState.FAILED, 2))
                    .orElseThrow();
            assertThat(failed.outcome()).contains(REJECTED);
            Recipient read =
                    RecipientRules.apply(failed, report(DeliveryState.READ, 3)).orElseThrow();
            assertThat(read.state()).isEqualTo(DeliveryState.READ);
            assertThat(read.outcome()).isEmpty();
            assertThat(read.deliveredAt()).contains(T0.plusSeconds(3));
            assertThat(read.readAt()).contains(T0.plusSeconds(3));
            assertThat(read.sentAt()).contains(T0.plusSeconds(1));
        }
    }

    /** Issue 23, defect 1: a reply changes the recipient only when the campaign's message was accepted (or UNKNOWN). */
    @Nested
    class Replies {

        @Test
        void aReplyToAnAcceptedMessageIsRepliedAndFillsTheLowerTimes() {
            Recipient replied = RecipientRules.apply(sent(), report(DeliveryState.REPLIED, 3))
                    .orElseThrow();
            assertThat(replied.state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(List.of(replied.deliveredAt(), replied.readAt(), replied.repliedAt()))
                    .containsOnly(Optional.of(T0.plusSeconds(3)));
            assertThat(replied.sentAt()).contains(T0.plusSeconds(1));
            assertThat(RecipientRules.apply(replied, report(DeliveryState.REPLIED, 9)))
                    .as("the first reply wins")
                    .isEmpty();
        }

        @Test
        void aReplyLeavesAFailedRecipientFailedWithItsReasonAndNoTimes() {
            Recipient failed = RecipientRules.apply(sending(), new RecipientUpdate.Failed(KEY, LEASE, REJECTED, T0))
                    .orElseThrow();
            assertThat(RecipientRules.apply(failed, report(DeliveryState.REPLIED, 3)))
                    .isEmpty();
            Recipient failedAfterSent = RecipientRules.apply(sent(), report(DeliveryState.FAILED, 2))
                    .orElseThrow();
            assertThat(RecipientRules.apply(failedAfterSent, report(DeliveryState.REPLIED, 3)))
                    .isEmpty();
        }

        @Test
        void aReplyWhileTheSendIsUnansweredChangesNothingAndATransientAnswerStillRetries() {
            assertThat(RecipientRules.apply(sending(), report(DeliveryState.REPLIED, 1)))
                    .isEmpty();
            Recipient retried = RecipientRules.apply(
                            sending(),
                            new RecipientUpdate.RetryLater(KEY, LEASE, T0.plusSeconds(60), TIMEOUT, T0.plusSeconds(2)))
                    .orElseThrow();
            assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(RecipientRules.apply(retried, report(DeliveryState.REPLIED, 3)))
                    .isEmpty();
            assertThat(RecipientRules.apply(pending(), report(DeliveryState.REPLIED, 3)))
                    .isEmpty();
            assertThat(RecipientRules.apply(
                            RecipientRules.skip(pending(), REJECTED, T0), report(DeliveryState.REPLIED, 3)))
                    .isEmpty();
        }

        @Test
        void aReplyAfterAnUnknownOutcomeIsAnsweredUnconfirmedUntilTheSendItselfIsReported() {
            Recipient unknown = RecipientRules.apply(sending(), new RecipientUpdate.Unknown(KEY, LEASE, TIMEOUT, T0))
                    .orElseThrow();
            Recipient answered = RecipientRules.apply(unknown, report(DeliveryState.REPLIED, 5))
                    .orElseThrow();
            assertThat(answered.state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(answered.repliedAt()).contains(T0.plusSeconds(5));
            assertThat(List.of(answered.sentAt(), answered.deliveredAt(), answered.readAt()))
                    .containsOnly(Optional.empty());
            assertThat(answered.providerMessageId()).isEmpty();
            Recipient confirmed = RecipientRules.apply(
                            answered, new RecipientUpdate.Accepted(KEY, LEASE, "m-1", T0.plusSeconds(1)))
                    .orElseThrow();
            assertThat(confirmed.state()).isEqualTo(DeliveryState.REPLIED);
            assertThat(confirmed.providerMessageId()).contains("m-1");
            assertThat(confirmed.sentAt()).contains(T0.plusSeconds(1));
        }

        @Test
        void aLowerReportFillsOnlyAnEmptyTime() {
            Recipient read =
                    RecipientRules.apply(sent(), report(DeliveryState.READ, 5)).orElseThrow();
            assertThat(RecipientRules.apply(read, report(DeliveryState.DELIVERED, 4)))
                    .isEmpty();
            assertThat(RecipientRules.apply(read, report(DeliveryState.FAILED, 6)))
                    .isEmpty();
        }
    }
}
