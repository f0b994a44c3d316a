package io.campaignkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.port.CampaignQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link CampaignQuery.Listing}, the {@link io.campaignkit.core.port.CampaignStore}'s
 * query of one tenant's campaigns by project, state, bot flow, channel type and sender, paged by id:
 * every filter, the cursor, and that no listing crosses tenants. Extend it in your store's tests and
 * return a new, empty storage from {@link #storage()} (or extend {@link StorageContractKit}, which runs it).
 */
public abstract class CampaignListingContractKit extends StoreContractSupport {

    /** A second sender of the default channel type. */
    protected static final SenderKey SECOND_NUMBER = SenderKey.of("whatsapp-cloud", "555000111");
    /** A sender of another channel type. */
    protected static final SenderKey SMS_NUMBER = SenderKey.of("twilio", "+15005550006");

    /** For subclasses. */
    protected CampaignListingContractKit() {}

    /**
     * For kits that run this one nested: the hooks answer as {@code hooks} does.
     *
     * @param hooks the kit that answers the hooks
     */
    protected CampaignListingContractKit(StoreContractSupport hooks) {
        super(hooks);
    }

    /** Each filter, alone and together. */
    @Nested
    @DisplayName("filters")
    public class Filters {

        @Test
        void aTenantsListingHoldsAllOfItsCampaignsByAscendingIdAndNoOtherTenants() {
            store().insert(ready("a-3", "acme", "cobranza", DEFAULT_SENDER_KEY));
            store().insert(ready("a-1", "acme", "ventas", SMS_NUMBER));
            store().insert(activeCampaign("a-2", SECOND_NUMBER));
            store().insert(ready("b-1", "globex", "cobranza", DEFAULT_SENDER_KEY));
            assertThat(ids(CampaignQuery.Listing.of("acme"))).containsExactly("a-1", "a-2", "a-3");
            assertThat(ids(CampaignQuery.Listing.of("globex"))).containsExactly("b-1");
            assertThat(ids(CampaignQuery.Listing.of("initech"))).isEmpty();
        }

        @Test
        void eachFilterKeepsTheCampaignsThatMatchIt() {
            store().insert(ready("a-1", "acme", "cobranza", DEFAULT_SENDER_KEY));
            store().insert(ready("a-2", "acme", "ventas", SMS_NUMBER));
            store().insert(activeCampaign("a-3", SECOND_NUMBER));
            store().insert(ready("a-4", "acme", "ventas", DEFAULT_SENDER_KEY)
                    .edit(c -> c.botFlowId("ventas-bot"), at(1)));
            CampaignQuery.Listing acme = CampaignQuery.Listing.of("acme");
            assertThat(ids(acme.projectId("ventas"))).containsExactly("a-2", "a-4");
            assertThat(ids(acme.state(CampaignState.ACTIVE))).containsExactly("a-3");
            assertThat(ids(acme.state(CampaignState.READY))).containsExactly("a-1", "a-2", "a-4");
            assertThat(ids(acme.botFlowId("ventas-bot"))).containsExactly("a-4");
            assertThat(ids(acme.botFlowId("contract-kit-flow"))).containsExactly("a-1", "a-2", "a-3");
            assertThat(ids(acme.channelType("whatsapp-cloud"))).containsExactly("a-1", "a-3", "a-4");
            assertThat(ids(acme.channelType("twilio"))).containsExactly("a-2");
            assertThat(ids(acme.channel(DEFAULT_SENDER_KEY))).containsExactly("a-1", "a-4");
            assertThat(ids(acme.channel(SECOND_NUMBER))).containsExactly("a-3");
        }

        @Test
        void filtersTogetherKeepOnlyTheCampaignsThatMatchEveryOne() {
            store().insert(ready("a-1", "acme", "cobranza", DEFAULT_SENDER_KEY));
            store().insert(ready("a-2", "acme", "cobranza", SMS_NUMBER));
            store().insert(activeCampaign("a-3", DEFAULT_SENDER_KEY));
            store().insert(ready("a-4", "acme", "ventas", DEFAULT_SENDER_KEY));
            CampaignQuery.Listing query = CampaignQuery.Listing.of("acme")
                    .projectId("cobranza")
                    .state(CampaignState.READY)
                    .botFlowId("contract-kit-flow")
                    .channelType("whatsapp-cloud")
                    .channel(DEFAULT_SENDER_KEY);
            assertThat(ids(query)).containsExactly("a-1");
            assertThat(ids(query.state(CampaignState.ACTIVE))).containsExactly("a-3");
            assertThat(ids(query.projectId("ventas").state(CampaignState.ACTIVE)))
                    .isEmpty();
        }

        @Test
        void aCampaignWithoutBotFlowOrChannelMatchesNoSuchFilter() {
            store().insert(Campaign.create(
                    CampaignId.of("a-1"),
                    "acme",
                    "cobranza",
                    CampaignKind.LIVE,
                    CampaignConfiguration.custom().name("Borrador").build(),
                    startTime()));
            CampaignQuery.Listing acme = CampaignQuery.Listing.of("acme");
            assertThat(ids(acme.state(CampaignState.DRAFT))).containsExactly("a-1");
            assertThat(ids(acme.botFlowId("contract-kit-flow"))).isEmpty();
            assertThat(ids(acme.channelType("whatsapp-cloud"))).isEmpty();
            assertThat(ids(acme.channel(DEFAULT_SENDER_KEY))).isEmpty();
        }

        @Test
        void aCampaignIsListedUnderItsLatestStateBotFlowAndChannel() {
            Campaign ready = ready("a-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            Campaign edited = ready.edit(c -> c.botFlowId("otro-bot").channel(SMS_NUMBER), at(5));
            store().update(edited, ready.version());
            CampaignQuery.Listing acme = CampaignQuery.Listing.of("acme");
            assertThat(ids(acme.botFlowId("contract-kit-flow"))).isEmpty();
            assertThat(ids(acme.channel(DEFAULT_SENDER_KEY))).isEmpty();
            assertThat(ids(acme.botFlowId("otro-bot").channelType("twilio"))).containsExactly("a-1");
            Campaign launched = edited.launch(at(60));
            store().update(launched, edited.version());
            assertThat(ids(acme.state(CampaignState.READY))).isEmpty();
            assertThat(store().findCampaigns(acme.state(CampaignState.ACTIVE))).containsExactly(launched);
        }

        @Test
        void aDeletedCampaignIsNotListed() {
            Campaign ready = ready("a-1", "acme", "cobranza", DEFAULT_SENDER_KEY);
            store().insert(ready);
            store().delete(ready);
            assertThat(ids(CampaignQuery.Listing.of("acme"))).isEmpty();
            assertThat(ids(CampaignQuery.Listing.of("acme").projectId("cobranza")))
                    .isEmpty();
        }
    }

    /** Pages by ascending id, the last id of a page the cursor of the next. */
    @Nested
    @DisplayName("paging")
    public class Paging {

        @Test
        void pagesHoldEveryMatchOnceInOrder() {
            for (String id : List.of("a-5", "a-1", "a-7", "a-3", "a-2", "a-6", "a-4")) {
                store().insert(ready(id, "acme", "cobranza", DEFAULT_SENDER_KEY));
            }
            store().insert(ready("a-0", "acme", "ventas", DEFAULT_SENDER_KEY));
            assertThat(walk(
                            CampaignQuery.Listing.of("acme")
                                    .projectId("cobranza")
                                    .limit(3),
                            () -> {}))
                    .containsExactly("a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7");
            assertThat(ids(CampaignQuery.Listing.of("acme")
                            .projectId("cobranza")
                            .limit(3)
                            .after(CampaignId.of("a-3"))))
                    .containsExactly("a-4", "a-5", "a-6");
        }

        @Test
        void aCampaignAddedAfterTheCursorIsListedAndOneBeforeItIsNot() {
            for (String id : List.of("a-2", "a-4", "a-6")) {
                store().insert(ready(id, "acme", "cobranza", DEFAULT_SENDER_KEY));
            }
            List<String> inserted = new ArrayList<>(List.of("a-1", "a-5"));
            List<String> listed = walk(CampaignQuery.Listing.of("acme").limit(2), () -> {
                // after the first page (cursor a-4): one campaign before the cursor, one after it
                inserted.forEach(id -> store().insert(ready(id, "acme", "cobranza", DEFAULT_SENDER_KEY)));
                inserted.clear();
            });
            assertThat(listed).containsExactly("a-2", "a-4", "a-5", "a-6");
        }
    }

    /** No listing crosses tenants, whatever the other tenant's projects and campaigns are called. */
    @Nested
    @DisplayName("tenant isolation")
    public class TenantIsolation {

        @Test
        void twoTenantsWithTheSameProjectAndCampaignNamesSeeTheirOwnOnly() {
            store().insert(ready("a-1", "acme", "cobranza", DEFAULT_SENDER_KEY).edit(c -> c.name("Julio"), at(1)));
            store().insert(ready("b-1", "globex", "cobranza", DEFAULT_SENDER_KEY)
                    .edit(c -> c.name("Julio"), at(1)));
            store().insert(ready("b-2", "globex", "cobranza", DEFAULT_SENDER_KEY)
                    .edit(c -> c.name("Julio"), at(1)));
            CampaignQuery.Listing every = CampaignQuery.Listing.of("acme")
                    .projectId("cobranza")
                    .state(CampaignState.READY)
                    .botFlowId("contract-kit-flow")
                    .channel(DEFAULT_SENDER_KEY);
            assertThat(ids(every)).containsExactly("a-1");
            assertThat(ids(every.after(CampaignId.of("a-1")))).isEmpty();
            assertThat(ids(CampaignQuery.Listing.of("globex").projectId("cobranza")))
                    .containsExactly("b-1", "b-2");
            assertThat(ids(CampaignQuery.Listing.of("initech").projectId("cobranza")))
                    .isEmpty();
        }
    }

    /** {@link #readyCampaign} under an id and tenant. */
    protected final Campaign ready(String id, String tenantId, String projectId, SenderKey sender) {
        return readyCampaign(id, tenantId, projectId, sender);
    }

    /** The ids of the one page {@code query} names. */
    protected final List<String> ids(CampaignQuery.Listing query) {
        return store().findCampaigns(query).stream().map(c -> c.id().value()).toList();
    }

    /** The ids of every page from {@code query} on, running {@code betweenPages} after each page. */
    protected final List<String> walk(CampaignQuery.Listing query, Runnable betweenPages) {
        List<String> listed = new ArrayList<>();
        Optional<CampaignQuery.Listing> next = Optional.of(query);
        for (int pages = 1; next.isPresent(); pages++) {
            assertThat(pages)
                    .as("pages of %s: a listing whose cursor does not move never ends", query)
                    .isLessThan(100);
            List<Campaign> page = store().findCampaigns(next.get());
            page.forEach(campaign -> listed.add(campaign.id().value()));
            betweenPages.run();
            next = page.size() < query.limit()
                    ? Optional.empty()
                    : Optional.of(next.get().after(page.get(page.size() - 1).id()));
        }
        return listed;
    }
}
