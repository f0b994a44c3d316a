package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL new recipients are bulk-loaded with {@code COPY ... FROM STDIN} ({@code JdbcDialect#loadNew});
 * the array insert ({@code insertMany}) is what a connection without pgjdbc's copy API gets. Both must store
 * the same rows, texts that CSV treats specially included, and a load the database refuses must leave nothing
 * behind and say which row and column it refused.
 */
class PostgresCopyLoadTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("copy-load");
    private static final Instant T0 = RecipientCountChecks.START;

    /** The texts CSV and COPY give a meaning to, and unicode beyond the basic plane. */
    private static final List<String> AWKWARD = List.of(
            "tab\there",
            "line\nbreak and\r\ncarriage return",
            "back\\slash \\N \\. and \\t",
            "\\.",
            "\"quoted\" and a lone \" quote",
            "comma, semicolon; pipe|",
            "ñandú — 漢字 😀 \u200b zero width",
            "'single' quotes",
            "ends with a backslash \\");

    @Test
    void theCopyLoadStoresTheSameRowsAsTheArrayInsert() throws SQLException {
        List<NewRecipient> added = awkwardRecipients();

        List<Recipient> copied = loadInto(PostgresDatabase.freshStore(), added);
        List<List<String>> copiedRows = rawRows(PostgresDatabase.pool());

        JdbcCampaignStore arrays = JdbcCampaignStore.builder()
                .dataSource(PostgresDatabase.pool())
                .dialect(new ArrayInsertDialect())
                .build();
        PostgresDatabase.truncate();
        List<Recipient> inserted = loadInto(arrays, added);

        assertThat(copied).isEqualTo(inserted).hasSize(added.size());
        assertThat(rawRows(PostgresDatabase.pool())).isEqualTo(copiedRows);
        assertThat(copiedRows)
                .anySatisfy(row -> assertThat(row.get(1)).isNull()) // a contact without a name
                .anySatisfy(row -> assertThat(row.get(2)).contains("\\."));
    }

    @Test
    void aRefusedRowFailsTheWholeLoadNamingItAndLeavesNothingBehind() {
        JdbcCampaignStore store = PostgresDatabase.freshStore();
        store.save(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"), OptionalLong.empty());
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(NewRecipient.pending(RecipientCountChecks.contact(i), T0));
        }
        // contact_name is VARCHAR(1000): the fourth row is refused by the database, mid-load
        added.set(
                3,
                NewRecipient.pending(
                        Contact.builder(RecipientCountChecks.contact(3).phone())
                                .name("x".repeat(1_001))
                                .build(),
                        T0));

        assertThatThrownBy(() -> store.insertRecipients(CAMPAIGN, added, T0))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("adding recipients to " + CAMPAIGN)
                .hasMessageContaining("COPY ck_recipient, line 4, column contact_name");
        assertThat(store.findRecipients(CAMPAIGN, -1, 100)).isEmpty();
        assertThat(store.counts(CAMPAIGN).total()).isZero();

        // nothing was handed out either: the next load starts at the first sequence
        List<Recipient> again = store.insertRecipients(CAMPAIGN, added.subList(0, 3), T0);
        assertThat(again).extracting(Recipient::sequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aNulCharacterIsRefusedNamingTheRowAndColumn() {
        JdbcCampaignStore store = PostgresDatabase.freshStore();
        store.save(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"), OptionalLong.empty());
        List<NewRecipient> added = List.of(
                NewRecipient.pending(RecipientCountChecks.contact(1), T0),
                NewRecipient.pending(
                        Contact.builder(RecipientCountChecks.contact(2).phone())
                                .name("nul\0inside")
                                .build(),
                        T0));

        assertThatThrownBy(() -> store.insertRecipients(CAMPAIGN, added, T0))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("COPY ck_recipient, row 2, column contact_name")
                .hasMessageContaining("NUL");
        assertThat(store.findRecipients(CAMPAIGN, -1, 100)).isEmpty();
    }

    private static List<Recipient> loadInto(JdbcCampaignStore store, List<NewRecipient> added) {
        store.save(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"), OptionalLong.empty());
        List<Recipient> answered = store.insertRecipients(CAMPAIGN, added, T0);
        assertThat(store.findRecipients(CAMPAIGN, -1, 1_000)).isEqualTo(answered);
        assertThat(store.counts(CAMPAIGN).total()).isEqualTo(added.size());
        return answered;
    }

    private static List<NewRecipient> awkwardRecipients() {
        List<NewRecipient> added = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = AWKWARD.get(i);
            Contact contact = Contact.builder(PhoneNumber.parse(String.format("+5255%08d", i)))
                    .name(text)
                    .tag(text)
                    .valuedTag("note", text)
                    .customData(CustomData.builder()
                            .put("text", new FieldValue.Text(text))
                            .put("amount", new FieldValue.Number(new BigDecimal("1480.50")))
                            .put("since", new FieldValue.Date(LocalDate.of(2026, 1, 5)))
                            .build())
                    .build();
            added.add(NewRecipient.pending(contact, T0.plusSeconds(i)));
        }
        added.add(NewRecipient.pending(Contact.of(PhoneNumber.parse("+525599999999")), T0)); // nulls: no name, no data
        added.add(NewRecipient.skipped(
                RecipientCountChecks.contact(77), T0, StatusReason.of("OPTED_OUT", "said \"stop\"\tat\n9:00", true)));
        return added;
    }

    /** The stored columns as text, in sequence order: what the two paths must agree on byte for byte. */
    private static List<List<String>> rawRows(DataSource dataSource) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT phone, contact_name, contact_data, state, outcome_code, outcome_message,"
                                + " outcome_permanent::text, due_at::text, local_zone FROM ck_recipient ORDER BY seq");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 9; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** PostgreSQL without the bulk load: the array insert, as a connection pgjdbc's copy API cannot reach gets. */
    private static final class ArrayInsertDialect implements JdbcDialect {

        private final JdbcDialect postgres = JdbcDialect.POSTGRESQL;

        @Override
        public String name() {
            return postgres.name();
        }

        @Override
        public String migrationFolder() {
            return postgres.migrationFolder();
        }

        @Override
        public boolean isRetryable(SQLException failure) {
            return postgres.isRetryable(failure);
        }

        @Override
        public boolean isUniqueViolation(SQLException failure) {
            return postgres.isUniqueViolation(failure);
        }

        @Override
        public boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
            return postgres.insertIfAbsent(connection, insert, binder);
        }

        @Override
        public <R> void insertAllIfAbsent(
                Connection connection, String insert, Collection<R> rows, AbsentRows<R> absent, RowBinder<R> binder)
                throws SQLException {
            postgres.insertAllIfAbsent(connection, insert, rows, absent, binder);
        }

        @Override
        public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
            return postgres.upsert(table, keyColumns, valueColumns);
        }

        @Override
        public String useIndex(String index) {
            return postgres.useIndex(index);
        }

        @Override
        public String anyOf(String column, int count) {
            return postgres.anyOf(column, count);
        }

        @Override
        public int bindAnyOf(Connection connection, PreparedStatement statement, int first, Collection<String> values)
                throws SQLException {
            return postgres.bindAnyOf(connection, statement, first, values);
        }

        @Override
        public <T> List<T> lockForClaim(Connection connection, RecipientClaim claim, RowReader<T> reader)
                throws SQLException {
            return postgres.lockForClaim(connection, claim, reader);
        }

        @Override
        public boolean insertMany(Connection connection, String table, List<Input> columns, List<Object[]> rows)
                throws SQLException {
            return postgres.insertMany(connection, table, columns, rows);
        }

        @Override
        public void addToRecipientCounters(
                Connection connection, Optional<String> tenantId, SortedMap<CounterKey, CounterValues> deltas)
                throws SQLException {
            postgres.addToRecipientCounters(connection, tenantId, deltas);
        }

        @Override
        public Optional<String> statisticsRefresh(String table) {
            return postgres.statisticsRefresh(table);
        }
    }
}
