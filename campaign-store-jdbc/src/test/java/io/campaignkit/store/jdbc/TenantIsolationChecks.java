package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.port.CampaignNotFoundException;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.Conversation;
import io.campaignkit.core.port.ConversationSweep;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.FunnelStep;
import io.campaignkit.core.port.Lease;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.core.port.ReceivedMessage;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientCounts;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.port.RecipientUpdate;
import io.campaignkit.core.port.StatusReason;
import io.campaignkit.core.port.Suppression;
import io.campaignkit.core.port.UnmatchedStatus;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's store never reads or changes another tenant's data: for every store operation, another
 * tenant's ids are refused (not found) or invisible, and the other tenant's rows stay as they were.
 * Tenant {@code globex} owns everything here; the checks go through the store of tenant {@code acme}.
 */
abstract class TenantIsolationChecks {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");
    private static final SenderKey SENDER = new SenderKey("whatsapp-cloud", "globex-number");
    private static final StatusReason DONE = StatusReason.of("CAMPAIGN_FINISHED", "finished", true);

    private JdbcCampaignStore everyTenant;
    private JdbcCampaignStore globex;
    private JdbcCampaignStore acme;
    private Campaign theirs;
    private Campaign theirDraft;
    private Conversation theirConversation;
    /** The lease globex holds phone(1) under: acme's updates carry it, so only the tenant can stop them. */
    private Lease theirLease;

    /** A store serving every tenant, on an empty database. */
    protected abstract JdbcCampaignStore newStore();

    @BeforeEach
    void globexOwnsACampaignWithEverything() {
        everyTenant = newStore();
        globex = everyTenant.forTenant("globex");
        acme = everyTenant.forTenant("acme");
        theirs = campaign("g-1").launch(T0.plusSeconds(1));
        globex.insert(theirs);
        theirDraft = campaign("g-2");
        globex.insert(theirDraft);
        globex.insertRecipients(
                theirs.id(),
                List.of(
                        NewRecipient.pending(contact(0), T0),
                        NewRecipient.pending(contact(1), T0),
                        NewRecipient.pending(contact(2), T0)),
                T0);
        Recipient sent = globex.claimForSending(theirs.id(), new Lease("globex-node", T0.plusSeconds(30)), 1, T0)
                .get(0);
        globex.apply(
                List.of(new RecipientUpdate.Accepted(sent.key(), sent.lease().orElseThrow(), "wamid.globex", T0)));
        theirLease = globex.claimForSending(theirs.id(), new Lease("globex-node", T0.plusSeconds(30)), 1, T0)
                .get(0)
                .lease()
                .orElseThrow();
        globex.engage(SENDER, theirs.id(), List.of(phone(0)));
        globex.suppress(new Suppression(Optional.empty(), phone(5), Suppression.HOST, T0));
        theirConversation = globex.openOrContinue(theirs.id(), phone(0), T0);
        globex.enqueueInbound(theirConversation.id(), theirs.id(), phone(0), ReceivedMessage.text("in-1", "hola", T0));
        globex.recordFunnelStep(new FunnelStep(theirs.id(), phone(0), "PROMISED", T0));
        globex.markEventHandled("whatsapp:evt-1", T0);
        globex.keepUnmatchedStatus(new UnmatchedStatus(
                "whatsapp", "wamid.early", Optional.empty(), DeliveryState.DELIVERED, Optional.empty(), T0));
    }

    @AfterEach
    void close() {
        everyTenant.close();
    }

    @Test
    void zonesOfAnotherTenantsRecipientsAreInvisibleAndNotClaimed() {
        globex.insertRecipients(
                theirs.id(),
                List.of(new NewRecipient(contact(7), T0, Optional.empty(), Optional.of("Europe/Madrid"))),
                T0);
        var acmeWindows = acme.windows().orElseThrow();
        assertThat(acmeWindows.pendingZones(theirs.id())).isEmpty();
        assertThat(acmeWindows.nextDueIn(theirs.id(), java.util.Set.of("Europe/Madrid")))
                .isEmpty();
        assertThat(acmeWindows.claimDueIn(
                        theirs.id(),
                        java.util.Set.of("Europe/Madrid"),
                        new Lease("acme-node", T0.plusSeconds(30)),
                        10,
                        T0))
                .isEmpty();
        var globexWindows = globex.windows().orElseThrow();
        assertThat(globexWindows.pendingZones(theirs.id())).containsExactly("Europe/Madrid");
        assertThat(globexWindows.claimDueIn(
                        theirs.id(),
                        java.util.Set.of("Europe/Madrid"),
                        new Lease("globex-node", T0.plusSeconds(30)),
                        10,
                        T0))
                .extracting(Recipient::phone)
                .containsExactly(phone(7));
    }

    @Test
    void campaignsOfAnotherTenantAreInvisibleAndCannotBeWritten() {
        assertThat(acme.find(theirs.id())).isEmpty();
        assertThat(acme.findByState(CampaignState.ACTIVE, Optional.empty(), 10)).isEmpty();
        assertThat(acme.findByProject("globex", "project", Optional.empty(), 10))
                .isEmpty();
        assertThatThrownBy(() -> acme.insert(campaign("g-3"))).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> acme.update(
                        theirs.pause(io.campaignkit.core.campaign.PauseReason.BY_USER, T0.plusSeconds(2)),
                        theirs.version()))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThatThrownBy(() -> acme.delete(theirDraft)).isInstanceOf(CampaignNotFoundException.class);
        assertThat(globex.find(theirs.id())).contains(theirs);
        assertThat(globex.find(theirDraft.id())).contains(theirDraft);
        assertThat(everyTenant.findByState(CampaignState.ACTIVE, Optional.empty(), 10))
                .containsExactly(theirs);
    }

    @Test
    void recipientsOfAnotherTenantAreInvisibleAndUnchanged() {
        RecipientCounts before = globex.counts(theirs.id());
        RecipientKey key = new RecipientKey(theirs.id(), phone(2));
        assertThatThrownBy(() -> acme.insertRecipients(theirs.id(), List.of(NewRecipient.pending(contact(9), T0)), T0))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(acme.claimForSending(theirs.id(), new Lease("acme-node", T0.plusSeconds(30)), 10, T0))
                .isEmpty();
        assertThat(acme.claimExpiredSending(
                        theirs.id(), new Lease("acme-node", T0.plusSeconds(90)), 10, T0.plusSeconds(60)))
                .isEmpty();
        assertThat(acme.apply(List.of(
                        new RecipientUpdate.Skipped(key, Optional.empty(), DONE, T0),
                        new RecipientUpdate.StatusReached(
                                new RecipientKey(theirs.id(), phone(0)), DeliveryState.READ, Optional.empty(), T0),
                        new RecipientUpdate.Unknown(new RecipientKey(theirs.id(), phone(1)), theirLease, DONE, T0))))
                .isEmpty();
        assertThat(acme.skipPending(theirs.id(), DONE, 10, T0)).isEmpty();
        assertThat(acme.findRecipient(key)).isEmpty();
        assertThat(acme.isRecipient(theirs.id(), phone(2))).isFalse();
        assertThat(acme.findByProviderMessageId("wamid.globex")).isEmpty();
        assertThat(acme.findByCorrelationId(key.correlationId())).isEmpty();
        assertThat(acme.findRecipients(theirs.id(), -1, 10)).isEmpty();
        assertThat(acme.findRecipients(
                        new io.campaignkit.core.port.RecipientQuery.AwaitingDelivery(theirs.id(), 1, 10)))
                .isEmpty();
        assertThat(acme.apply(List.of(new RecipientUpdate.Rerouted(
                        new RecipientKey(theirs.id(), phone(0)), Optional.empty(), 0, 1, DONE, T0, T0))))
                .isEmpty();
        assertThat(acme.findRecipients(new io.campaignkit.core.port.RecipientQuery.ByOutcome(
                        theirs.id(),
                        io.campaignkit.core.campaign.OutcomeFilter.custom()
                                .notReplied()
                                .build(),
                        -1,
                        10)))
                .isEmpty();
        assertThat(globex.findRecipients(new io.campaignkit.core.port.RecipientQuery.ByOutcome(
                        theirs.id(),
                        io.campaignkit.core.campaign.OutcomeFilter.custom()
                                .notReplied()
                                .build(),
                        -1,
                        10)))
                .hasSize(3);
        assertThat(acme.nextDueAt(theirs.id(), T0)).isEmpty();
        assertThat(acme.wakeUps(theirs.id(), T0).nextLeaseExpiry()).isEmpty();
        assertThat(acme.counts(theirs.id())).isEqualTo(RecipientCounts.empty());
        assertThat(globex.counts(theirs.id())).isEqualTo(before);
        assertThat(globex.findByProviderMessageId("wamid.globex")).isPresent();
        assertThat(globex.nextDueAt(theirs.id(), T0)).contains(T0);
        assertThat(globex.findRecipients(
                        new io.campaignkit.core.port.RecipientQuery.AwaitingDelivery(theirs.id(), 1, 10)))
                .hasSize(1);
    }

    @Test
    void engagementsOfAnotherTenantAreInvisibleAndNotReleased() {
        assertThatThrownBy(() -> acme.engage(SENDER, theirs.id(), List.of(phone(1))))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(acme.engagedCampaign(SENDER, phone(0))).isEmpty();
        assertThat(acme.releaseEngagements(theirs.id(), 10)).isZero();
        assertThat(globex.engagedCampaign(SENDER, phone(0))).contains(theirs.id());
    }

    @Test
    void suppressionsOfATenantApplyToItAloneAndOnlyItLiftsThem() {
        acme.suppress(new Suppression(Optional.empty(), phone(6), Suppression.HOST, T0));
        assertThat(acme.lift(Optional.empty(), phone(5))).isFalse();
        assertThat(globex.suppressedAmong(SENDER, List.of(phone(5), phone(6)))).containsExactly(phone(5));
        assertThat(acme.suppressedAmong(SENDER, List.of(phone(5), phone(6)))).containsExactly(phone(6));
        everyTenant.suppress(new Suppression(Optional.empty(), phone(7), Suppression.HOST, T0));
        assertThat(acme.suppressedAmong(SENDER, List.of(phone(7))))
                .as("the host's own list applies to every tenant")
                .containsExactly(phone(7));
    }

    @Test
    void conversationsOfAnotherTenantAreInvisibleAndUnchanged() {
        assertThatThrownBy(() -> acme.openOrContinue(theirs.id(), phone(0), T0.plusSeconds(5)))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(acme.findOpenConversation(theirs.id(), phone(0))).isEmpty();
        assertThat(globex.findOpenConversation(theirs.id(), phone(0)).map(Conversation::id))
                .as("the tenant itself finds it")
                .contains(theirConversation.id());
        assertThat(acme.findConversation(theirConversation.id())).isEmpty();
        acme.touchConversation(theirConversation.id(), T0.plusSeconds(9));
        assertThat(acme.tryMarkAutoReply(theirConversation.id(), T0, T0.plusSeconds(9)))
                .isFalse();
        assertThat(acme.closeConversation(theirConversation.id(), Conversation.BY_BOT, T0.plusSeconds(9)))
                .isEmpty();
        ConversationSweep sweep =
                acme.closeConversations(theirs.id(), Optional.empty(), Conversation.CAMPAIGN_FINISHED, 10, T0);
        assertThat(sweep.closed()).isEmpty();
        assertThat(sweep.oldestActivity()).isEmpty();
        assertThat(globex.findConversation(theirConversation.id())).contains(theirConversation);
    }

    @Test
    void queuedMessagesOfAnotherTenantAreInvisibleAndKept() {
        assertThatThrownBy(() -> acme.enqueueInbound(
                        theirConversation.id(), theirs.id(), phone(0), ReceivedMessage.text("in-2", "otra", T0)))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(acme.claimQueued(theirs.id(), new Lease("acme-node", T0.plusSeconds(30)), 10, T0))
                .isEmpty();
        acme.acknowledgeQueued(theirs.id(), List.of(0L));
        assertThat(acme.countQueued(theirs.id())).isZero();
        assertThat(globex.countQueued(theirs.id())).isEqualTo(1);
        assertThat(globex.claimQueued(theirs.id(), new Lease("globex-node", T0.plusSeconds(30)), 10, T0))
                .hasSize(1);
    }

    @Test
    void trackingOfAnotherTenantIsInvisible() {
        assertThat(acme.wasEventHandled("whatsapp:evt-1")).isFalse();
        assertThat(acme.takeUnmatchedStatuses("wamid.early")).isEmpty();
        assertThat(acme.countUnmatchedStatuses()).isZero();
        assertThatThrownBy(() -> acme.recordFunnelStep(new FunnelStep(theirs.id(), phone(1), "PAID", T0)))
                .isInstanceOf(CampaignNotFoundException.class);
        assertThat(acme.funnelSteps(theirs.id(), phone(0))).isEmpty();
        assertThat(acme.funnelCounts(theirs.id())).isEmpty();
        assertThat(globex.wasEventHandled("whatsapp:evt-1")).isTrue();
        assertThat(globex.countUnmatchedStatuses()).isEqualTo(1);
        assertThat(globex.funnelCounts(theirs.id())).containsEntry("PROMISED", 1L);
    }

    @Test
    void listingsOfAnotherTenantAreEmptyWhateverTheFilters() {
        CampaignQuery.Listing theirListing = CampaignQuery.Listing.of("globex")
                .projectId("project")
                .botFlowId("bot")
                .channel(SENDER);
        assertThat(acme.findCampaigns(theirListing)).isEmpty();
        assertThat(acme.findCampaigns(theirListing.state(CampaignState.ACTIVE))).isEmpty();
        assertThat(acme.findCampaigns(CampaignQuery.Listing.of("acme").projectId("project")))
                .isEmpty();
        assertThat(globex.findCampaigns(theirListing)).containsExactly(theirs, theirDraft);
        assertThat(everyTenant.findCampaigns(CampaignQuery.Listing.of("acme"))).isEmpty();
    }

    @Test
    void projectsOfAnotherTenantAreInvisibleAndCannotBeWritten() {
        ProjectStore theirProjects = JdbcProjectStore.on(globex);
        ProjectStore ourProjects = JdbcProjectStore.on(acme);
        Project project = Project.create("globex", "project", "Globex project", T0);
        theirProjects.saveProject(project, OptionalLong.empty());
        assertThat(ourProjects.findProjects(new ProjectQuery.ById("globex", "project")))
                .isEmpty();
        assertThat(ourProjects.findProjects(
                        ProjectQuery.ByTenant.of("globex", 10).withArchived()))
                .isEmpty();
        assertThatThrownBy(() -> ourProjects.saveProject(project.archive(T0.plusSeconds(1)), OptionalLong.of(0)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() ->
                        ourProjects.saveProject(Project.create("globex", "other", "Other", T0), OptionalLong.empty()))
                .isInstanceOf(InvalidArgumentException.class);
        Project ours = Project.create("acme", "project", "Acme project", T0);
        ourProjects.saveProject(ours, OptionalLong.empty());
        assertThat(theirProjects.findProjects(ProjectQuery.ByTenant.of("globex", 10)))
                .containsExactly(project);
        assertThat(ourProjects.findProjects(ProjectQuery.ByTenant.of("acme", 10)))
                .containsExactly(ours);
    }

    @Test
    void suppressionRecordsOfAnotherTenantAreInvisible() {
        acme.suppress(new Suppression(Optional.of(SENDER), phone(5), Suppression.HOST, T0, Optional.of("acme's")));
        assertThat(acme.suppressionsOf(phone(5), List.of(SENDER)))
                .singleElement()
                .satisfies(ours -> assertThat(ours.reason()).contains("acme's"));
        assertThat(globex.suppressionsOf(phone(5), List.of(SENDER)))
                .singleElement()
                .satisfies(theirsToo -> assertThat(theirsToo.sender()).isEmpty());
    }

    @Test
    void aTenantsStoreCannotBeTurnedIntoAnotherTenants() {
        assertThatThrownBy(() -> acme.forTenant("globex")).isInstanceOf(InvalidArgumentException.class);
        assertThat(acme.forTenant("acme").tenantId()).contains("acme");
    }

    private static Campaign campaign(String id) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Globex " + id)
                .botFlowId("bot")
                .channel(SENDER.channelType(), SENDER.senderId())
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("globex.csv"))
                .build();
        return Campaign.create(CampaignId.of(id), "globex", "project", CampaignKind.LIVE, configuration, T0);
    }

    private static PhoneNumber phone(int index) {
        return contact(index).phone();
    }

    private static Contact contact(int index) {
        return Contact.builder(PhoneNumber.parse(String.format("+5255%08d", 20_000_000 + index)))
                .name("C" + index)
                .build();
    }
}
