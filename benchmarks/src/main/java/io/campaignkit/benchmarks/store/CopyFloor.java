package io.campaignkit.benchmarks.store;

import io.campaignkit.core.contact.Contact;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The launch's floor on PostgreSQL (issue 20): the rows a launch writes, recipients PENDING and their
 * engagements, loaded with nothing but {@code COPY ... FROM STDIN} (pgjdbc's {@code CopyManager}), a batch per
 * transaction as the launch commits them, into the same tables. No lookup, no lock, no counter: what the
 * database itself takes to store and index the same rows durably.
 */
final class CopyFloor {

    private static final String RECIPIENTS = "COPY ck_recipient (tenant_id, campaign_id, seq, phone, contact_name,"
            + " state, attempts, due_at, updated_at, channel_index) FROM STDIN WITH (FORMAT csv)";
    private static final String ENGAGEMENTS = "COPY ck_engagement (sender_channel, sender_id, phone, campaign_id,"
            + " tenant_id) FROM STDIN WITH (FORMAT csv)";

    private CopyFloor() {}

    /** Loads {@code contacts} as recipients of {@code campaignId} (a stored campaign) engaged on {@code sender}. */
    static void load(DataSource dataSource, String campaignId, String sender, Iterator<Contact> contacts, int batchSize)
            throws SQLException {
        StringBuilder recipients = new StringBuilder(batchSize * 96);
        StringBuilder engagements = new StringBuilder(batchSize * 64);
        long seq = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            while (contacts.hasNext()) {
                recipients.setLength(0);
                engagements.setLength(0);
                for (int i = 0; i < batchSize && contacts.hasNext(); i++) {
                    Contact contact = contacts.next();
                    String phone = contact.phone().e164();
                    recipients
                            .append("tenant,")
                            .append(campaignId)
                            .append(',')
                            .append(seq++)
                            .append(',')
                            .append(phone)
                            .append(",\"")
                            .append(contact.name() == null ? "" : contact.name())
                            .append("\",PENDING,0,1767603600000000000,1767603600000000000,0\n");
                    engagements
                            .append("instant,")
                            .append(sender)
                            .append(',')
                            .append(phone)
                            .append(',')
                            .append(campaignId)
                            .append(",tenant\n");
                }
                copyIn(copy, RECIPIENTS, recipients);
                copyIn(copy, ENGAGEMENTS, engagements);
                connection.commit();
            }
        }
    }

    private static void copyIn(CopyManager copy, String command, StringBuilder rows) throws SQLException {
        byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
        var in = copy.copyIn(command);
        in.writeToCopy(data, 0, data.length);
        in.endCopy();
    }
}
