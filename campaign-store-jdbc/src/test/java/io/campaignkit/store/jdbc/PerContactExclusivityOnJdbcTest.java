package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.channel.simulated.SimulatedChannel;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.BotFlowRegistry;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.time.ManualClock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PER_CONTACT exclusivity scope on the database: two engines (two processes) launching campaigns
 * of one tenant on two senders at the same moment never both hold a contact; the database's key on the
 * tenant-wide engagement decides.
 */
class PerContactExclusivityOnJdbcTest {

    private static final String BOT = "bot";
    private static final BotFlow SILENT = (context, message, reply) -> {};

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void twoEnginesLaunchingOnTwoSendersAtOnceNeverBothHoldAContact() throws Exception {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine one = engine(channel, clock, "one");
        CampaignEngine two = engine(channel, clock, "two");
        one.create(CampaignId.of("a"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-1"));
        two.create(CampaignId.of("b"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-2"));
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            contacts.add(Contact.builder(PhoneNumber.parse(String.format("+5255%08d", 20_000_000 + i)))
                    .build());
        }
        launchAtOnce(one, two, contacts);

        for (Contact contact : contacts) {
            Recipient inA = store.findRecipient(new RecipientKey(CampaignId.of("a"), contact.phone()))
                    .orElseThrow();
            Recipient inB = store.findRecipient(new RecipientKey(CampaignId.of("b"), contact.phone()))
                    .orElseThrow();
            assertThat(List.of(inA.state(), inB.state()))
                    .as(contact.phone().e164())
                    .containsExactlyInAnyOrder(DeliveryState.PENDING, DeliveryState.SKIPPED);
            Recipient skipped = inA.state() == DeliveryState.SKIPPED ? inA : inB;
            assertThat(skipped.outcome().orElseThrow().code()).isEqualTo(SkipReasons.ALREADY_IN_ACTIVE_CAMPAIGN);
        }
    }

    @Test
    void acrossScopesAContactHeldByACampaignOfTheOtherScopeIsLeftToIt() {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        ExclusivityScope[] scope = {ExclusivityScope.PER_SENDER};
        CampaignEngine engine = engine(channel, clock, "one", tenant -> scope[0]);
        List<Contact> contacts = List.of(contact(1), contact(2));
        engine.create(CampaignId.of("s1"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-1"));
        engine.launch(CampaignId.of("s1"), LaunchRequest.importedContacts(List.of(contact(1))));
        scope[0] = ExclusivityScope.PER_CONTACT;
        engine.create(CampaignId.of("c2"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-2"));
        engine.launch(CampaignId.of("c2"), LaunchRequest.importedContacts(contacts));
        scope[0] = ExclusivityScope.PER_SENDER;
        engine.create(CampaignId.of("s3"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-3"));
        engine.launch(CampaignId.of("s3"), LaunchRequest.importedContacts(List.of(contact(2), contact(3))));

        assertThat(state("c2", contact(1))).isEqualTo(DeliveryState.SKIPPED); // held by s1 on sender-1
        assertThat(state("c2", contact(2))).isEqualTo(DeliveryState.PENDING);
        assertThat(state("s3", contact(2))).isEqualTo(DeliveryState.SKIPPED); // held by c2 on every sender
        assertThat(state("s3", contact(3))).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void twoEnginesLaunchingUnderTheTwoScopesAtOnceNeverBothHoldAContact() throws Exception {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        CampaignEngine perSender =
                engine(channel, clock, "one", ExclusivityPolicy.everyTenant(ExclusivityScope.PER_SENDER));
        CampaignEngine perContact = engine(channel, clock, "two");
        perSender.create(CampaignId.of("a"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-1"));
        perContact.create(CampaignId.of("b"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-2"));
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            contacts.add(contact(i));
        }
        launchAtOnce(perSender, perContact, contacts);

        for (Contact contact : contacts) {
            assertThat(List.of(state("a", contact), state("b", contact)))
                    .as(contact.phone().e164())
                    .contains(DeliveryState.SKIPPED);
        }
    }

    @Test
    void twoEnginesLaunchingWithOverlappedBatchesAtOnceNeverBothHoldAContact() throws Exception {
        ManualClock clock = ManualClock.ofDefaults();
        SimulatedChannel channel = SimulatedChannel.withClock(clock);
        ExclusivityPolicy perContact = ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT);
        CampaignEngine one = engine(channel, clock, "one", perContact, true);
        CampaignEngine two = engine(channel, clock, "two", perContact, true);
        one.create(CampaignId.of("a"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-1"));
        two.create(CampaignId.of("b"), "t", "p", CampaignKind.LIVE, configuration(channel.id(), "sender-2"));
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            contacts.add(contact(i));
        }
        launchAtOnce(one, two, contacts);

        for (Contact contact : contacts) {
            assertThat(List.of(state("a", contact), state("b", contact)))
                    .as(contact.phone().e164())
                    .containsExactlyInAnyOrder(DeliveryState.PENDING, DeliveryState.SKIPPED);
        }
    }

    /** Launches campaign a on {@code one} with {@code contacts} and b on {@code two} with them reversed, at once. */
    private static void launchAtOnce(CampaignEngine one, CampaignEngine two, List<Contact> contacts) throws Exception {
        List<Contact> reversed = new ArrayList<>(contacts);
        Collections.reverse(reversed);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Campaign> a = CompletableFuture.supplyAsync(
                () -> await(go, () -> one.launch(CampaignId.of("a"), LaunchRequest.importedContacts(contacts))));
        CompletableFuture<Campaign> b = CompletableFuture.supplyAsync(
                () -> await(go, () -> two.launch(CampaignId.of("b"), LaunchRequest.importedContacts(reversed))));
        go.countDown();
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
    }

    private static Contact contact(int index) {
        return Contact.builder(PhoneNumber.parse(String.format("+5255%08d", 30_000_000 + index)))
                .build();
    }

    private DeliveryState state(String campaign, Contact contact) {
        return store.findRecipient(new RecipientKey(CampaignId.of(campaign), contact.phone()))
                .orElseThrow()
                .state();
    }

    private CampaignEngine engine(SimulatedChannel channel, ManualClock clock, String owner) {
        return engine(channel, clock, owner, ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT));
    }

    private CampaignEngine engine(SimulatedChannel channel, ManualClock clock, String owner, ExclusivityPolicy policy) {
        return engine(channel, clock, owner, policy, false);
    }

    /** Overlapping: batches of 20, each admitted on the launch's own thread while the one before is stored. */
    private CampaignEngine engine(
            SimulatedChannel channel, ManualClock clock, String owner, ExclusivityPolicy policy, boolean overlapping) {
        return CampaignEngine.builder()
                .store(store)
                .channel(channel)
                .clock(clock)
                .ownerId(owner)
                .botFlows(BotFlowRegistry.of(Map.of(BOT, SILENT)))
                .callbackExecutor(Runnable::run)
                .exclusivity(policy)
                .batchSize(overlapping ? 20 : CampaignEngine.DEFAULT_BATCH_SIZE)
                .overlapLaunchBatches(overlapping)
                .build();
    }

    private static CampaignConfiguration configuration(String channelId, String senderId) {
        return CampaignConfiguration.custom()
                .name("Per contact " + senderId)
                .botFlowId(BOT)
                .channel(channelId, senderId)
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("list"))
                .activeHours(ActiveHours.alwaysOpen(ZoneOffset.UTC))
                .build();
    }

    private static <T> T await(CountDownLatch latch, Supplier<T> action) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
