package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.dispatch.pacing.PacingStore;
import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SendLimits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcPacingStore} adds to the pacing contract: tenant scope, rows, limit changes. */
class JdbcPacingStoreTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "109876543210");
    private static final SendLimits LIMITS = new SendLimits(
            CampaignId.of("c-1"),
            RateLimit.perHour(1).withBurst(2),
            SENDER,
            RateLimit.perHour(1).withBurst(9));

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @AfterEach
    void dropDatabase() {
        store.close();
    }

    @Test
    void eachTenantPacesWithItsOwnRows() {
        PacingStore acme = JdbcPacingStore.on(store.forTenant("acme"));
        PacingStore globex = JdbcPacingStore.on(store.forTenant("globex"));
        assertThat(acme.tryAcquire(LIMITS, 10, T0)).isEqualTo(3);
        assertThat(globex.tryAcquire(LIMITS, 10, T0))
                .as("another tenant's bucket of the same ids")
                .isEqualTo(3);
        globex.forget(LIMITS.campaign());
        assertThat(acme.availablePermits(LIMITS, T0))
                .as("globex forgot its own campaign, not acme's")
                .isZero();
        assertThat(globex.availablePermits(LIMITS, T0)).isEqualTo(3);
        assertThat(rows("SELECT COUNT(*) FROM ck_pacing_bucket WHERE scope = 'acme'"))
                .isEqualTo(2);
    }

    @Test
    void readsWriteNoTimelineAndTakesWriteBothRows() {
        PacingStore pacing = JdbcPacingStore.on(store);
        pacing.tryAcquire(LIMITS, 1, T0);
        pacing.availablePermits(LIMITS, T0.plusSeconds(60));
        pacing.nextPermitAt(LIMITS, T0.plusSeconds(90));
        long t0Nanos = T0.getEpochSecond() * 1_000_000_000L;
        assertThat(rows("SELECT COUNT(*) FROM ck_pacing_bucket WHERE scope = '*' AND last_at = " + t0Nanos))
                .isEqualTo(2);
        pacing.tryAcquire(LIMITS, 1, T0.plusSeconds(120));
        assertThat(rows("SELECT COUNT(*) FROM ck_pacing_bucket WHERE last_at = " + (t0Nanos + 120_000_000_000L)))
                .isEqualTo(2);
    }

    @Test
    void aChangedLimitKeepsTheWholePermitsUpToItsCapacity() {
        PacingStore pacing = JdbcPacingStore.on(store);
        assertThat(pacing.tryAcquire(LIMITS, 1, T0)).isEqualTo(1); // the campaign keeps 2 of 3, the sender 9 of 10
        SendLimits faster = new SendLimits(
                LIMITS.campaign(),
                RateLimit.perSecond(1).withBurst(1),
                SENDER,
                RateLimit.perSecond(1).withBurst(4));
        assertThat(pacing.availablePermits(faster, T0))
                .as("2 whole permits kept, within the new capacity")
                .isEqualTo(2);
        SendLimits smallerSender =
                new SendLimits(LIMITS.campaign(), LIMITS.campaignLimit(), SENDER, RateLimit.perHour(1));
        assertThat(pacing.tryAcquire(smallerSender, 10, T0))
                .as("9 sender permits cut to the new capacity of 1")
                .isEqualTo(1);
    }

    @Test
    void instantsARowCannotHoldAndAMissingStoreAreRefusedByName() {
        PacingStore pacing = JdbcPacingStore.on(store);
        assertThatThrownBy(() -> pacing.holdSender(LIMITS, Instant.MAX))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("until");
        assertThatThrownBy(() -> pacing.tryAcquire(LIMITS, 1, JdbcPacingStore.EARLIEST.minusNanos(1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("now");
        assertThatThrownBy(() -> JdbcPacingStore.on(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("store");
        assertThat(pacing.tryAcquire(LIMITS, 1, JdbcPacingStore.LATEST))
                .as("the last storable instant works")
                .isEqualTo(1);
    }

    @Test
    void toStringNamesTheDatabaseAndTenant() {
        assertThat(JdbcPacingStore.on(store.forTenant("acme"))).hasToString("JdbcPacingStore[H2, tenant=acme]");
    }

    private long rows(String query) {
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
