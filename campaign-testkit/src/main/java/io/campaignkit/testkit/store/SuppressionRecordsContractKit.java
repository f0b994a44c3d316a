package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.SuppressionRecords;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link SuppressionRecords}: a phone's suppressions read back as stored (where,
 * since when, who, why), and only on the senders asked about. Extend it in your store's tests and
 * return a new, empty storage from {@link #storage()} whose suppression list implements
 * {@link SuppressionRecords} (or override {@link #records()}); {@link StorageContractKit} runs it, and
 * skips it for a storage that keeps no records.
 */
public abstract class SuppressionRecordsContractKit extends StoreContractSupport {

    /** For subclasses. */
    protected SuppressionRecordsContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected SuppressionRecordsContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** The records under test: by default the storage's suppression list. */
    protected SuppressionRecords records() {
        Assumptions.assumeTrue(
                storage().suppressions() instanceof SuppressionRecords,
                "the storage's suppression list keeps no records");
        return (SuppressionRecords) storage().suppressions();
    }

    /** What is read back. */
    @Nested
    @DisplayName("reading a phone's suppressions")
    public class Reading {

        @Test
        void everySenderAndPerSenderSuppressionsComeBackAsStored() {
            Suppression everywhere = new Suppression(
                    Optional.empty(),
                    phone(1),
                    Suppression.HOST,
                    at(10),
                    Optional.of("asked by phone to the call centre"));
            Suppression onSender = new Suppression(
                    Optional.of(DEFAULT_SENDER),
                    phone(1),
                    Suppression.CHANNEL_OPT_OUT,
                    at(20),
                    Optional.of("opted out with 'STOP'"));
            suppressions().suppress(everywhere);
            suppressions().suppress(onSender);
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER)))
                    .containsExactlyInAnyOrder(everywhere, onSender);
            assertThat(records().suppressionsOf(phone(1), List.of())).containsExactly(everywhere);
        }

        @Test
        void aSuppressionWithoutReasonComesBackWithoutOne() {
            Suppression plain = new Suppression(Optional.of(DEFAULT_SENDER), phone(1), Suppression.HOST, at(10));
            suppressions().suppress(plain);
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER)))
                    .containsExactly(plain);
        }

        @Test
        void suppressingAgainKeepsTheLatestAndLiftingRemovesIt() {
            suppressions()
                    .suppress(new Suppression(
                            Optional.of(DEFAULT_SENDER), phone(1), Suppression.HOST, at(10), Optional.of("first")));
            Suppression latest = new Suppression(
                    Optional.of(DEFAULT_SENDER), phone(1), Suppression.CHANNEL_OPT_OUT, at(30), Optional.of("second"));
            suppressions().suppress(latest);
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER)))
                    .containsExactly(latest);
            suppressions().lift(Optional.of(DEFAULT_SENDER), phone(1));
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER)))
                    .isEmpty();
        }
    }

    /** The query is bounded: other senders and other phones are not read. */
    @Nested
    @DisplayName("bounds")
    public class Bounds {

        @Test
        void onlyTheSendersAskedAboutAreRead() {
            SenderKey other = SenderKey.of("twilio", "+15005550006");
            Suppression onOther = new Suppression(Optional.of(other), phone(1), Suppression.CHANNEL_OPT_OUT, at(10));
            suppressions().suppress(onOther);
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER)))
                    .isEmpty();
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER, other)))
                    .containsExactly(onOther);
        }

        @Test
        void otherPhonesAreNotRead() {
            suppressions().suppress(new Suppression(Optional.empty(), phone(2), Suppression.HOST, at(10)));
            suppressions().suppress(new Suppression(Optional.of(DEFAULT_SENDER), phone(3), Suppression.HOST, at(10)));
            assertThat(records().suppressionsOf(phone(1), List.of(DEFAULT_SENDER)))
                    .isEmpty();
        }
    }

    private PhoneNumber phone(int index) {
        return contact(index).phone();
    }
}
