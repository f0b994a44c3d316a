package io.campaignkit.store.jdbc.internal;

import io.campaignkit.store.jdbc.JdbcDialect.Input;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's bulk load, {@code COPY ... FROM STDIN} through pgjdbc's {@code CopyManager}: the rows go as CSV
 * text in one stream, with no statement to plan and no array parameter to build and parse. Only this class
 * names pgjdbc's types, so the store runs without the driver's copy API (another driver, a pool that cannot
 * unwrap its connection, a module that cannot read the driver): {@link PostgreSqlDialect} then takes the
 * array insert.
 */
final class PostgreSqlCopy {

    private PostgreSqlCopy() {}

    /** Whether {@code connection} is pgjdbc's, reachable through {@link Connection#unwrap}. */
    static boolean reachable(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Loads {@code rows} into {@code table} in the caller's transaction. A row the database refuses (a value too
     * long, a key already taken) fails the whole load with PostgreSQL's message, which names the table, the
     * line (the row's position from 1) and the column; the caller's transaction then rolls back, so nothing
     * of the batch stays.
     */
    static void copyIn(Connection connection, String table, List<Input> columns, List<Object[]> rows)
            throws SQLException {
        CsvBytes data = csv(table, columns, rows);
        String command = "COPY " + table + " ("
                + columns.stream().map(Input::name).collect(Collectors.joining(", "))
                + ") FROM STDIN WITH (FORMAT csv)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(command);
        try {
            copy.writeToCopy(data.array(), 0, data.size());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // a failure before endCopy: the server drops what it received
            }
        }
    }

    /**
     * The rows as CSV, UTF-8, written straight into one byte array (no text of the whole batch, no string per
     * number): a null is an empty field, every text is quoted (so an empty text stays empty, and a value of
     * {@code \.} cannot end the data), a quote inside doubled; tabs, newlines and backslashes are plain
     * characters inside quotes.
     */
    static CsvBytes csv(String table, List<Input> columns, List<Object[]> rows) throws SQLException {
        CsvBytes out = new CsvBytes(rows.size() * 16 * columns.size());
        for (int row = 0; row < rows.size(); row++) {
            Object[] values = rows.get(row);
            for (int column = 0; column < columns.size(); column++) {
                if (column > 0) {
                    out.put((byte) ',');
                }
                append(out, values[column], columns.get(column), table, row);
            }
            out.put((byte) '\n');
        }
        return out;
    }

    private static void append(CsvBytes out, @Nullable Object value, Input column, String table, int row)
            throws SQLException {
        if (value == null) {
            return;
        }
        if (column.type() != Types.VARCHAR) {
            if (value instanceof Long number) {
                out.putLong(number);
            } else if (value instanceof Integer number) {
                out.putLong(number);
            } else {
                out.putAscii(value.toString()); // a Boolean: true / false
            }
            return;
        }
        String string = (String) value;
        if (string.indexOf('\0') >= 0) {
            // PostgreSQL's text cannot hold NUL: said here, with the row, rather than as an encoding error
            throw new SQLException(
                    "COPY " + table + ", row " + (row + 1) + ", column " + column.name()
                            + ": the text holds a NUL character (U+0000), which PostgreSQL cannot store",
                    "22021");
        }
        out.putQuoted(string);
    }
}
