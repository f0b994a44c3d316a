package io.campaignkit.store.jdbc;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.port.rules.CounterKey;
import io.campaignkit.core.port.rules.CounterValues;
import io.campaignkit.store.jdbc.internal.H2Dialect;
import io.campaignkit.store.jdbc.internal.PostgreSqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import javax.sql.DataSource;

/**
 * What differs between the databases the JDBC store runs on: one implementation per database, the
 * shape of db-scheduler's {@code JdbcCustomization}. Every other statement of the store is the same
 * text on every database; the store's row classes take a dialect and never ask which database they
 * are on. {@link #H2} and {@link #POSTGRESQL} are built in; {@link #detect} picks one from the data
 * source, and {@link JdbcCampaignStore.Builder#dialect} sets one.
 *
 * <p><b>A third database.</b> Implement this interface (each method states what the store relies on),
 * put the database's own Flyway migrations (its indexes) under {@code db/campaignkit/<migrationFolder()>}
 * on the class path, beside the shared {@code db/campaignkit/common}, and pass the dialect to the
 * builder. The testkit's {@code StorageContractKit} and {@code PacingStoreContractKit} then tell whether
 * it keeps every rule (claims never handed out twice, counters exact, exclusivity), as they do for the
 * two built in. The module's README walks through it.
 */
public interface JdbcDialect {

    /** H2 2.x: the embedded default, for one application instance. */
    JdbcDialect H2 = new H2Dialect();

    /** PostgreSQL 13 or later: for several application instances sharing the work. */
    JdbcDialect POSTGRESQL = new PostgreSqlDialect();

    /**
     * The built-in dialect of the database behind {@code dataSource}, from its product name.
     *
     * @throws InvalidArgumentException naming {@code dataSource} if it is null or neither H2 nor PostgreSQL
     * @throws JdbcStoreException if no connection can be made
     */
    static JdbcDialect detect(DataSource dataSource) {
        if (dataSource == null) {
            throw new InvalidArgumentException("dataSource", "dataSource must not be null");
        }
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException failure) {
            throw new JdbcStoreException("could not connect to detect the database: " + failure.getMessage(), failure);
        }
        String normalized = String.valueOf(product).toLowerCase(Locale.ROOT);
        if (normalized.contains("h2")) {
            return H2;
        }
        if (normalized.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new InvalidArgumentException(
                "dataSource",
                "the JDBC store runs on H2 or PostgreSQL, not on " + product
                        + " (another database needs a JdbcDialect of its own, given to the builder)");
    }

    /** The database's name, in capitals, as the store's {@code toString} shows it ({@code H2}, {@code POSTGRESQL}). */
    String name();

    /** The folder of this database's own migrations, {@code db/campaignkit/<folder>}, applied with {@code common}'s. */
    String migrationFolder();

    // ---------------------------------------------------------------- failures

    /**
     * Whether the database aborted the transaction for a conflict that a new attempt may not meet (a
     * deadlock, a serialization failure, a lock timeout): the store then runs the whole transaction again,
     * a few times.
     */
    boolean isRetryable(SQLException failure);

    /** Whether {@code failure} is a unique or primary-key violation (for a batch: of the row that failed). */
    boolean isUniqueViolation(SQLException failure);

    // ---------------------------------------------------------------- inserts and upserts

    /**
     * Runs {@code insert} (an {@code INSERT ... VALUES} of one row), keeping a row that is already there;
     * answers whether the row was added. A duplicate must neither fail nor abort the transaction.
     */
    boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException;

    /**
     * Inserts the {@code rows} not stored yet with {@code insert} (an {@code INSERT ... VALUES} of one
     * row), as one JDBC batch. A database whose insert can skip duplicates inserts them all; one that
     * cannot asks {@code absent} for the rows not there yet and inserts those, and a row that another
     * transaction inserts meanwhile then fails the batch with a {@linkplain #isUniqueViolation unique
     * violation}: the caller runs its transaction again.
     */
    <R> void insertAllIfAbsent(
            Connection connection, String insert, Collection<R> rows, AbsentRows<R> absent, RowBinder<R> binder)
            throws SQLException;

    /**
     * An insert-or-update statement of one row: its parameters are {@code keyColumns} then
     * {@code valueColumns}, in order; an existing row with those keys takes the values.
     */
    String upsert(String table, List<String> keyColumns, List<String> valueColumns);

    // ---------------------------------------------------------------- recipients by state

    /**
     * The column that orders the recipients in {@code state} by {@code column} in their index. By default
     * {@code column} itself: the database's index holds only the rows in that state (PostgreSQL's partial
     * indexes, {@code ... WHERE state = 'PENDING'}), and every query pairs it with its {@code state = ...}
     * condition. H2, which has no partial indexes, answers generated columns: {@code state_at} (its migration
     * V44), the time of the row's state, in one index led by the state, so a state's rows are one range of it
     * ordered by that time; and {@code pending_zone} (V40), the zone while PENDING and NULL otherwise.
     *
     * @param state {@code PENDING}, {@code SENDING} or {@code SENT}
     * @param column {@code due_at}, {@code local_zone}, {@code lease_expires_at} or {@code sent_at}
     */
    default String whileIn(String state, String column) {
        return column;
    }

    // ---------------------------------------------------------------- lists of values

    /** A hint, placed right after a table's name, to read it through {@code index}; empty where the planner picks it. */
    String useIndex(String index);

    /** A predicate: {@code column} is one of {@code count} values, bound with {@link #bindAnyOf}. */
    String anyOf(String column, int count);

    /** Binds the values of an {@link #anyOf} predicate from parameter {@code first}; returns the next parameter's index. */
    int bindAnyOf(Connection connection, PreparedStatement statement, int first, Collection<String> values)
            throws SQLException;

    // ---------------------------------------------------------------- claims

    /**
     * Locks and reads the first rows of a claim, skipping rows another transaction holds, so that
     * claimers on any number of nodes take disjoint rows without waiting for each other. Only rows that
     * meet the claim's condition when locked are returned, in the claim's order.
     */
    <T> List<T> lockForClaim(Connection connection, RecipientClaim claim, RowReader<T> reader) throws SQLException;

    /**
     * Optional, for speed: takes a claim's rows as {@link #lockForClaim} does and, in the same statement,
     * sets {@code assignments} on them ({@code column = expression, ...}, on the row as {@code r}), returning
     * each row <em>as it was before</em>, in the claim's order: one round trip per claim. A row another claimer
     * holds is skipped, or waited for and then left out if it no longer meets the condition; no row is ever
     * in two claims. Empty when the database has no such statement; the store then locks with
     * {@link #lockForClaim} and writes the rows back.
     *
     * @param values binds the assignments' parameters, from the index it is given
     */
    default <T> Optional<List<T>> claimAndSet(
            Connection connection,
            RecipientClaim claim,
            String assignments,
            ParameterBinder values,
            RowReader<T> reader)
            throws SQLException {
        return Optional.empty();
    }

    // ---------------------------------------------------------------- set-based changes

    /**
     * Optional, for speed: whether the database runs data-modifying statements inside {@code WITH} and
     * returns their rows ({@code WITH x AS (UPDATE ... RETURNING ...) SELECT ...}, PostgreSQL's form); the
     * store then takes pacing permits in one statement. {@code false} by default.
     */
    default boolean updatesInWith() {
        return false;
    }

    /**
     * Optional, for speed: changes many recipients in one statement, each with its own values. The
     * statement locks (in (campaign, phone) order) the rows of {@code ck_recipient} that {@code inputs} name
     * and that meet {@code guard}, sets {@code assignments} on them, and returns them as they were before
     * when {@code returning} names columns. In {@code guard} and {@code assignments} the row is {@code r}
     * and its inputs {@code v.<name>}; the first two inputs are {@code campaign_id} and {@code phone}.
     * Empty when the database cannot: the store then locks, reads and writes back row by row.
     *
     * @param rows one array per recipient, its values in the order of {@code inputs}
     * @param returning the columns to return, or empty for none (the answer is then an empty list)
     */
    default <T> Optional<List<T>> updateRecipients(
            Connection connection,
            Optional<String> tenantId,
            List<Input> inputs,
            List<Object[]> rows,
            String guard,
            String assignments,
            String returning,
            RowReader<T> reader)
            throws SQLException {
        return Optional.empty();
    }

    /**
     * Optional, for speed: inserts many rows of {@code table} in one statement (PostgreSQL's {@code unnest} of
     * array parameters), answering whether it did; {@code false} when the database has no such path, and
     * the store then inserts with a JDBC batch. A row already there (by any unique key) is skipped, without
     * failing or aborting the transaction, as {@link #insertAllIfAbsent} does; rows are inserted in their order.
     *
     * @param columns the columns, named and typed as {@link Input}s
     * @param rows one array per row, its values in the order of {@code columns}; strings, longs, ints, booleans or nulls
     */
    default boolean insertMany(Connection connection, String table, List<Input> columns, List<Object[]> rows)
            throws SQLException {
        return false;
    }

    /**
     * Optional, for speed: {@link #insertMany}, answering the value of {@code answered} (a text column) of each
     * row it inserted, so a caller learns which rows were already there without reading them; empty when the
     * database has no such path.
     */
    default Optional<List<String>> insertManyAnswering(
            Connection connection, String table, List<Input> columns, List<Object[]> rows, String answered)
            throws SQLException {
        return Optional.empty();
    }

    /**
     * Optional, for speed: loads rows expected to be new (the caller knows no unique key of theirs is stored
     * and its locks keep it so, or it set a savepoint to go back to) in one bulk load (PostgreSQL's {@code COPY
     * ... FROM STDIN}), answering whether it did; {@code false} when the database or its driver has no such path,
     * and the store then takes {@link #insertMany} or a JDBC batch. A row the database refuses (a key already
     * stored: a {@linkplain #isUniqueViolation unique violation}) fails the whole load with an {@link SQLException}
     * naming the row and the column, in the caller's transaction, which then rolls back, or back to the savepoint.
     *
     * @param columns the columns, named and typed as {@link Input}s
     * @param rows one array per row, its values in the order of {@code columns}; strings, longs, ints, booleans or nulls
     */
    default boolean loadNew(Connection connection, String table, List<Input> columns, List<Object[]> rows)
            throws SQLException {
        return false;
    }

    /**
     * A per-row input of {@link #updateRecipients} or a column of {@link #insertMany}: its name and its SQL type.
     *
     * @param name the name the statement refers to as {@code v.<name>}
     * @param type {@link java.sql.Types#VARCHAR}, {@link java.sql.Types#BIGINT}, {@link java.sql.Types#INTEGER}
     *     or {@link java.sql.Types#BOOLEAN}
     */
    record Input(String name, int type) {}

    // ---------------------------------------------------------------- counters

    /**
     * Adds {@code deltas} to the rows of {@code ck_recipient_count} (creating missing rows, tenant taken
     * from the campaign row), in the map's order, which is the rows' key order. It must not fail when
     * another transaction creates the same row at the same moment: both additions count.
     *
     * @param tenantId the store's tenant filter on the campaign row, empty for every tenant
     */
    void addToRecipientCounters(
            Connection connection, Optional<String> tenantId, SortedMap<CounterKey, CounterValues> deltas)
            throws SQLException;

    // ---------------------------------------------------------------- statistics

    /**
     * The statement that refreshes the planner's statistics of {@code table}, run when a campaign's
     * recipients pass each power of ten from 1,000; empty when the database needs none.
     */
    Optional<String> statisticsRefresh(String table);

    // ---------------------------------------------------------------- parameters

    /** Binds one statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Binds some of a statement's parameters from {@code first}; answers the index of the next. */
    @FunctionalInterface
    interface ParameterBinder {
        int bind(PreparedStatement statement, int first) throws SQLException;
    }

    /** Binds one row's parameters. */
    @FunctionalInterface
    interface RowBinder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    /** The rows, among some, that are not stored yet (in the order of the given ones). */
    @FunctionalInterface
    interface AbsentRows<R> {
        Collection<R> among(Connection connection, Collection<R> rows) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The rows of {@code ck_recipient} a claim takes: of one campaign, meeting {@code condition}, first in
     * {@code order}, at most {@code limit}.
     *
     * @param columns the columns to read, as the reader reads them
     * @param campaignId the campaign
     * @param tenantId the store's tenant filter, empty for every tenant
     * @param condition a predicate whose first parameter is {@code now} in nanoseconds
     *     ({@code state = 'PENDING' AND due_at <= ?}), followed by one text parameter per {@code values}
     * @param order the order, after the campaign and the state the condition fixes ({@code due_at, seq})
     * @param now the claim's instant
     * @param limit the most rows to lock
     * @param values the condition's text parameters after {@code now} (a claim by local zone: the zone key)
     * @param guard what a row must still meet once locked: the condition itself, or, for a claim that picks its
     *     rows by more than their state and time (a claim across zones picks each zone's first rows with a
     *     subquery), the condition without that pick, a predicate whose only parameter is {@code now}. A
     *     dialect that locks candidates it read before (H2's) checks the guard on each locked row: a pick that
     *     reads the table being changed would be run again for every row
     * @param pick for a claim that picks its rows so, the query of the picked rows ({@code due_at}, {@code seq}
     *     and, on H2, {@code phone}), in claim order, its parameters {@code values}; the condition is then the
     *     guard and {@code seq} among the pick's. Empty otherwise. A dialect may read the picked rows from it
     *     (H2 joins it to the phone's index: it takes a subquery as an index condition only on an index's first
     *     column, so {@code seq IN (pick)} walked the campaign)
     */
    record RecipientClaim(
            String columns,
            String campaignId,
            Optional<String> tenantId,
            String condition,
            String order,
            Instant now,
            int limit,
            List<String> values,
            String guard,
            String pick) {

        /** A claim whose condition has {@code now} as its only parameter, and is its guard; no pick. */
        public RecipientClaim(
                String columns,
                String campaignId,
                Optional<String> tenantId,
                String condition,
                String order,
                Instant now,
                int limit) {
            this(columns, campaignId, tenantId, condition, order, now, limit, List.of(), condition, "");
        }

        /** A claim whose condition is its guard; no pick. */
        public RecipientClaim(
                String columns,
                String campaignId,
                Optional<String> tenantId,
                String condition,
                String order,
                Instant now,
                int limit,
                List<String> values) {
            this(columns, campaignId, tenantId, condition, order, now, limit, values, condition, "");
        }
    }
}
