package io.campaignkit.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * When a launch's batch of rows expected to be new is loaded whole under a savepoint ({@link Sql#underSavepoint},
 * the dialect's bulk load) rather than the careful way (asking first, or skipping duplicates in the statement):
 * from {@value #LEAST} rows, while the database has the way, and unless the last batch held rows already stored
 * (an audience partly engaged, a launch resumed would fail every load), until a batch taken the careful way finds
 * none. Learnt by one part of a store ({@link RecipientInserts}, {@link EngagementRows}) for all its batches.
 */
final class NewRowLoads {

    /** The least batch loaded whole: below it, a savepoint and a load cost more than they save. */
    static final int LEAST = 64;

    /** Whether the database loads rows in bulk with a savepoint to go back to; learnt at the first load. */
    private volatile boolean available = true;
    /** Whether the last batch held rows already stored. */
    private volatile boolean lastMetTaken;

    /**
     * {@code load}'s answer for a batch of {@code size} rows when it is worth trying and the rows were all new;
     * empty, the transaction as it was, when the caller takes the careful way.
     */
    <T> Optional<T> attempt(Sql sql, Connection connection, int size, Sql.Work<Optional<T>> load) throws SQLException {
        if (size < LEAST || lastMetTaken || !available) {
            return Optional.empty();
        }
        Sql.Attempt<T> attempt = sql.underSavepoint(connection, load);
        if (attempt.keyTaken()) {
            lastMetTaken = true;
        } else if (attempt.answer().isEmpty()) {
            available = false; // no bulk load, or no savepoints, on this database
        }
        return attempt.answer();
    }

    /** What a batch taken the careful way found: whether it held rows already stored. */
    void carefulFound(boolean taken) {
        lastMetTaken = taken;
    }
}
