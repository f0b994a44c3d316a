package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.dispatch.pacing.RateLimit;
import io.campaignkit.core.dispatch.pacing.SenderKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Token buckets in {@code ck_sender_bucket}, one row per sender, taken under the row's lock: the
 * arithmetic of {@code TokenBucketPacer} (exact integers; a capacity of {@code burst + 1} permits plus
 * the part of a permit refilled within one nanosecond), on a timeline shared by every node. An instant
 * earlier than one a node already asked at refills nothing, so clocks that differ a little between
 * nodes can only make the limit stricter, never looser.
 */
public final class SenderBucketRows {

    /** What one operation found and left in the bucket. */
    public record Grant(int granted, Instant nextPermitAt) {}

    private final Sql sql;
    private final Inserts inserts;

    public SenderBucketRows(Sql sql, boolean postgres) {
        this.sql = sql;
        this.inserts = new Inserts(postgres);
    }

    /** Takes up to {@code wanted} permits (0 only looks) and says when the next one will exist. */
    public Grant take(SenderKey sender, RateLimit limit, int wanted, Instant now) {
        long unitsPerPermit = limit.period().toNanos();
        long unitsPerNano = limit.permits();
        long initial = (limit.burst() + 1L) * unitsPerPermit;
        long capacity = initial + unitsPerNano - 1;
        long nowNanos = Sql.nanos(now);
        return sql.inTransaction("taking permits of " + sender, connection -> {
            inserts.insertIfAbsent(connection, "INSERT INTO ck_sender_bucket (sender_channel, sender_id, units, last_at)"
                    + " VALUES (?, ?, ?, ?)", insert -> {
                        insert.setString(1, sender.channelType());
                        insert.setString(2, sender.senderId());
                        insert.setLong(3, initial);
                        insert.setLong(4, nowNanos);
                    });
            long units;
            long lastAt;
            try (PreparedStatement select = connection.prepareStatement("SELECT units, last_at FROM ck_sender_bucket"
                    + " WHERE sender_channel = ? AND sender_id = ? FOR UPDATE")) {
                select.setString(1, sender.channelType());
                select.setString(2, sender.senderId());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    units = rows.getLong(1);
                    lastAt = rows.getLong(2);
                }
            }
            if (nowNanos > lastAt) {
                long elapsed = nowNanos - lastAt;
                // compare before multiplying: elapsed × P overflows for long idle spells
                units = elapsed >= ceilDiv(capacity - units, unitsPerNano) ? capacity : units + elapsed * unitsPerNano;
                lastAt = nowNanos;
            }
            units = Math.min(units, capacity); // a limit lowered since the row was written
            int granted = (int) Math.min(wanted, units / unitsPerPermit);
            units -= granted * unitsPerPermit;
            write(connection, sender, units, lastAt);
            long wait = units >= unitsPerPermit ? 0 : ceilDiv(unitsPerPermit - units, unitsPerNano);
            return new Grant(granted, Sql.instant(lastAt + wait));
        });
    }

    private static void write(Connection connection, SenderKey sender, long units, long lastAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ck_sender_bucket SET units = ?, last_at = ?"
                + " WHERE sender_channel = ? AND sender_id = ?")) {
            update.setLong(1, units);
            update.setLong(2, lastAt);
            update.setString(3, sender.channelType());
            update.setString(4, sender.senderId());
            update.executeUpdate();
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
