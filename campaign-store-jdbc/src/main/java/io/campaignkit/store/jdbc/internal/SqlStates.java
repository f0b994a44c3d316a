package io.campaignkit.store.jdbc.internal;

import java.sql.SQLException;

/** SQL states both built-in dialects report alike (the SQL standard's). */
final class SqlStates {

    /** A unique or primary-key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    /** A serialization failure; H2 also reports a deadlock so. */
    static final String SERIALIZATION_FAILURE = "40001";

    private SqlStates() {}

    /** Whether the failure, or the failure of a batch's statement, is a unique violation. */
    static boolean isUniqueViolation(SQLException failure) {
        if (UNIQUE_VIOLATION.equals(failure.getSQLState())) {
            return true;
        }
        SQLException next = failure.getNextException(); // a failed batch reports its statement's failure here
        return next != null && next != failure && UNIQUE_VIOLATION.equals(next.getSQLState());
    }
}
