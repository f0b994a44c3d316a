package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code exportRecipients} hands out every recipient once, in sequence order, each with exactly its own funnel
 * steps in the order {@code funnelSteps} gives (time, then name): over more recipients than one fetch, with the
 * phones' order the reverse of the sequence's (a merge on the phone would misplace steps), steps recorded out of
 * order and at the same instant, and steps the export must leave out (another campaign's, a phone that is no
 * recipient). On PostgreSQL and H2.
 */
class RecipientExportOrderTest {

    private static final CampaignId CAMPAIGN = CampaignId.of("export-order");
    private static final CampaignId OTHER = CampaignId.of("export-other");
    private static final Instant T0 = RecipientCountChecks.START;
    private static final int RECIPIENTS = 2_345; // more than two fetches of a thousand

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    @Test
    void postgresqlExportsEachRecipientInSequenceWithExactlyItsStepsInOrder() {
        exportsEachRecipientInSequenceWithExactlyItsStepsInOrder(PostgresDatabase.freshStore());
    }

    @Test
    void h2ExportsEachRecipientInSequenceWithExactlyItsStepsInOrder() {
        JdbcCampaignStore store = H2Databases.freshStore();
        closing.add(store);
        exportsEachRecipientInSequenceWithExactlyItsStepsInOrder(store);
    }

    private static void exportsEachRecipientInSequenceWithExactlyItsStepsInOrder(JdbcCampaignStore store) {
        store.save(RecipientCountChecks.readyCampaign(CAMPAIGN.value(), "acme"), OptionalLong.empty());
        store.save(RecipientCountChecks.readyCampaign(OTHER.value(), "acme"), OptionalLong.empty());
        List<NewRecipient> added = new ArrayList<>();
        for (int i = RECIPIENTS; i > 0; i--) { // the first sequence gets the highest phone
            added.add(NewRecipient.pending(RecipientCountChecks.contact(i), T0));
        }
        store.insertRecipients(CAMPAIGN, added, T0);
        store.insertRecipients(OTHER, added.subList(0, 10), T0);
        for (int i = RECIPIENTS; i > 0; i -= 7) {
            Contact contact = RecipientCountChecks.contact(i);
            step(store, CAMPAIGN, contact, "menu", T0.plusSeconds(2));
            step(store, CAMPAIGN, contact, "pay", T0.plusSeconds(1));
            step(store, CAMPAIGN, contact, "ask", T0.plusSeconds(1)); // same instant as "pay": ordered by name
            step(store, CAMPAIGN, contact, "greeting", T0);
        }
        step(store, CAMPAIGN, RecipientCountChecks.contact(1), "last", T0); // the last recipient in sequence
        step(store, OTHER, RecipientCountChecks.contact(RECIPIENTS - 1), "elsewhere", T0);
        step(store, CAMPAIGN, RecipientCountChecks.contact(RECIPIENTS + 1), "no recipient", T0);

        List<Recipient> exported = new ArrayList<>();
        List<List<FunnelStep>> steps = new ArrayList<>();
        store.exportRecipients(CAMPAIGN, (recipient, itsSteps) -> {
            exported.add(recipient);
            steps.add(itsSteps);
        });

        assertThat(exported).isEqualTo(everyRecipient(store));
        assertThat(exported).extracting(Recipient::sequence).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < exported.size(); i++) {
            assertThat(steps.get(i))
                    .as("the steps of %s", exported.get(i).phone())
                    .isEqualTo(store.funnelSteps(CAMPAIGN, exported.get(i).phone()));
        }
        assertThat(steps.get(0)).extracting(FunnelStep::step).containsExactly("greeting", "ask", "pay", "menu");
        assertThat(steps.get(1)).isEmpty(); // the other campaign's step of this phone stays there
        assertThat(steps.get(RECIPIENTS - 1)).extracting(FunnelStep::step).containsExactly("last");
        assertThat(steps.stream().mapToInt(List::size).sum()).isEqualTo(4 * ((RECIPIENTS + 6) / 7) + 1);
    }

    private static List<Recipient> everyRecipient(JdbcCampaignStore store) {
        List<Recipient> all = new ArrayList<>();
        long after = -1;
        for (List<Recipient> page; !(page = store.findRecipients(CAMPAIGN, after, 1_000)).isEmpty(); ) {
            all.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
        return all;
    }

    private static void step(JdbcCampaignStore store, CampaignId campaign, Contact contact, String name, Instant at) {
        store.recordFunnelStep(new FunnelStep(campaign, contact.phone(), name, at));
    }
}
