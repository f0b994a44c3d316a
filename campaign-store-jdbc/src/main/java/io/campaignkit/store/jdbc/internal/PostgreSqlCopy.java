package io.campaignkit.store.jdbc.internal;

import io.campaignkit.store.jdbc.JdbcDialect.Input;
import java.nio.charset.StandardCharsets;
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
        byte[] data = csv(table, columns, rows);
        String command = "COPY " + table + " ("
                + columns.stream().map(Input::name).collect(Collectors.joining(", "))
                + ") FROM STDIN WITH (FORMAT csv)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(command);
        try {
            copy.writeToCopy(data, 0, data.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // a failure before endCopy: the server drops what it received
            }
        }
    }

    /**
     * The rows as CSV: a null is an empty field, every text is quoted (so an empty text stays empty, and a
     * value of {@code \.} cannot end the data), a quote inside doubled; tabs, newlines and backslashes are
     * plain characters inside quotes.
     */
    static byte[] csv(String table, List<Input> columns, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 64 * columns.size() / 4);
        for (int row = 0; row < rows.size(); row++) {
            Object[] values = rows.get(row);
            for (int column = 0; column < columns.size(); column++) {
                if (column > 0) {
                    text.append(',');
                }
                append(text, values[column], columns.get(column), table, row);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder text, @Nullable Object value, Input column, String table, int row)
            throws SQLException {
        if (value == null) {
            return;
        }
        if (column.type() != Types.VARCHAR) {
            text.append(value); // a Long, Integer or Boolean: digits, or true / false
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
        text.append('"');
        int from = 0;
        for (int quote = string.indexOf('"'); quote >= 0; quote = string.indexOf('"', from)) {
            text.append(string, from, quote + 1).append('"');
            from = quote + 1;
        }
        text.append(string, from, string.length()).append('"');
    }
}
