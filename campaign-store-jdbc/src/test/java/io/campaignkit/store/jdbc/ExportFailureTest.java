package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.port.NewRecipient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An export that fails midway with a failure the store would otherwise retry (a serialization failure, SQL state
 * 40001: on PostgreSQL also what a replica answers when recovery cancels a long read) is thrown, not run again:
 * a second attempt would hand the rows already exported to the caller a second time.
 */
class ExportFailureTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("export-failure");
    private static final int RECIPIENTS = 30;
    private static final int ROWS_BEFORE_THE_FAILURE = 10;

    private final JdbcConnectionPool pool = H2Databases.fresh();

    /** Rows the recipients' query may still give before it fails; negative: it never fails. */
    private final AtomicInteger rowsLeft = new AtomicInteger(-1);

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void aFailureMidwayIsThrownAndNoRecipientIsExportedTwice() {
        JdbcCampaignStore store =
                JdbcCampaignStore.builder().dataSource(failingRecipientReads()).build();
        store.save(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"), OptionalLong.empty());
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 1; i <= RECIPIENTS; i++) {
            added.add(NewRecipient.pending(RecipientCountChecks.contact(i), RecipientCountChecks.START));
        }
        store.insertRecipients(CAMPAIGN, added, RecipientCountChecks.START);

        List<Long> exported = new ArrayList<>();
        rowsLeft.set(ROWS_BEFORE_THE_FAILURE);
        assertThatThrownBy(() ->
                        store.exportRecipients(CAMPAIGN, (recipient, steps) -> exported.add(recipient.sequence())))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("exporting recipients of export-failure");
        assertThat(exported).hasSize(ROWS_BEFORE_THE_FAILURE).doesNotHaveDuplicates();

        exported.clear(); // the caller runs the export again, whole
        store.exportRecipients(CAMPAIGN, (recipient, steps) -> exported.add(recipient.sequence()));
        assertThat(exported).hasSize(RECIPIENTS).doesNotHaveDuplicates().isSorted();
    }

    /** The pool, its reads of ck_recipient failing with SQL state 40001 once {@link #rowsLeft} runs out. */
    private DataSource failingRecipientReads() {
        return proxy(
                DataSource.class,
                pool,
                (method, args, result) -> method.getName().equals("getConnection")
                        ? proxy(
                                Connection.class,
                                result,
                                (cm, cargs, statement) -> cm.getName().equals("prepareStatement")
                                                && String.valueOf(cargs[0]).contains("FROM ck_recipient")
                                        ? proxy(
                                                PreparedStatement.class,
                                                statement,
                                                (sm, sargs, rows) ->
                                                        sm.getName().equals("executeQuery")
                                                                ? failing((ResultSet) rows)
                                                                : rows)
                                        : statement)
                        : result);
    }

    private ResultSet failing(ResultSet rows) {
        return proxy(ResultSet.class, rows, (method, args, result) -> {
            if (method.getName().equals("next")
                    && Boolean.TRUE.equals(result)
                    && rowsLeft.get() >= 0
                    && rowsLeft.getAndDecrement() == 0) {
                rowsLeft.set(-1); // once
                throw new SQLException("could not serialize access", "40001");
            }
            return result;
        });
    }

    private interface After {
        Object apply(java.lang.reflect.Method method, Object[] args, Object result) throws SQLException;
    }

    private static <T> T proxy(Class<T> type, Object target, After after) {
        return type.cast(Proxy.newProxyInstance(
                ExportFailureTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                    return after.apply(method, args, result);
                }));
    }
}
