package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.Schedule;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.engine.CampaignPage;
import io.campaignkit.core.port.CampaignQuery;
import io.campaignkit.core.port.CampaignStore;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.testkit.store.InMemoryCampaignStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Paging through any listing ({@link CampaignQuery.Listing}, any combination of filters, any page size)
 * returns every campaign that matches exactly once, in ascending id order, while campaigns (of the
 * tenant and of another tenant with the same project ids) are inserted between the pages: each one
 * inserted after the cursor is listed if it matches, none before it is, and no other tenant's campaign
 * ever is. The oracle is written here, apart from the stores. On the in-memory store, H2 and PostgreSQL,
 * through {@link CampaignPage#read}, the engine's paging.
 */
class CampaignListingProperties {

    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final List<String> PROJECTS = List.of("cobranza", "ventas", "soporte");
    private static final List<String> BOTS = List.of("bot-a", "bot-b");
    private static final List<SenderKey> SENDERS = List.of(
            SenderKey.of("whatsapp-cloud", "1098"),
            SenderKey.of("whatsapp-cloud", "2099"),
            SenderKey.of("twilio", "+15005550006"));
    private static final List<CampaignState> STATES = List.of(CampaignState.values());
    private static final AtomicInteger TRIES = new AtomicInteger();

    private static JdbcConnectionPool h2Pool;
    private static JdbcCampaignStore h2;

    /** One campaign to insert: the tenant's, or the other tenant's with the same names. */
    record Spec(
            int number,
            boolean otherTenant,
            int project,
            Optional<Integer> bot,
            Optional<Integer> sender,
            CampaignState state) {}

    /** The listing's filters, as indexes into the lists above. */
    record Filter(
            Optional<Integer> project,
            Optional<CampaignState> state,
            Optional<Integer> bot,
            Optional<String> channelType,
            Optional<Integer> sender,
            int pageSize) {}

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void inMemory(
            @ForAll("specs") List<Spec> initial,
            @ForAll("filters") Filter filter,
            @ForAll("insertsBetweenPages") List<List<Spec>> inserts) {
        check(new InMemoryCampaignStore(), initial, filter, inserts);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void onH2(
            @ForAll("specs") List<Spec> initial,
            @ForAll("filters") Filter filter,
            @ForAll("insertsBetweenPages") List<List<Spec>> inserts) {
        check(h2(), initial, filter, inserts);
    }

    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void onPostgres(
            @ForAll("specs") List<Spec> initial,
            @ForAll("filters") Filter filter,
            @ForAll("insertsBetweenPages") List<List<Spec>> inserts) {
        check(PostgresDatabase.freshStore(), initial, filter, inserts);
    }

    private static void check(CampaignStore store, List<Spec> initial, Filter filter, List<List<Spec>> inserts) {
        String tag = "k" + TRIES.incrementAndGet();
        String tenant = "tenant-" + tag;
        Set<Integer> used = new HashSet<>();
        List<Campaign> matchingBefore = new ArrayList<>();
        for (Spec spec : initial) {
            insert(store, tag, tenant, spec, used)
                    .filter(c -> matches(c, tenant, filter))
                    .ifPresent(matchingBefore::add);
        }
        CampaignQuery.Listing query = listing(tenant, filter);
        List<Campaign> listed = new ArrayList<>();
        List<Campaign> mustFollow = new ArrayList<>();
        Set<CampaignId> mustNotBeListed = new HashSet<>();
        Optional<CampaignQuery.Listing> next = Optional.of(query);
        int page = 0;
        while (next.isPresent()) {
            CampaignPage campaigns = CampaignPage.read(store, next.get());
            assertThat(campaigns.campaigns().size()).isLessThanOrEqualTo(filter.pageSize());
            listed.addAll(campaigns.campaigns());
            next = campaigns.next();
            if (next.isPresent() && page < inserts.size()) {
                CampaignId cursor = campaigns.nextAfter().orElseThrow();
                for (Spec spec : inserts.get(page)) {
                    insert(store, tag, tenant, spec, used)
                            .filter(c -> matches(c, tenant, filter))
                            .ifPresent(c -> {
                                if (c.id().compareTo(cursor) > 0) {
                                    mustFollow.add(c);
                                } else {
                                    mustNotBeListed.add(c.id());
                                }
                            });
                }
            }
            page++;
        }
        List<CampaignId> ids = listed.stream().map(Campaign::id).toList();
        assertThat(ids)
                .as("ascending, each once")
                .isSortedAccordingTo(CampaignId::compareTo)
                .doesNotHaveDuplicates();
        assertThat(listed).as("only the tenant's matching campaigns").allMatch(c -> matches(c, tenant, filter));
        assertThat(matchingBefore)
                .as("every campaign that matched before the walk is listed")
                .allMatch(listed::contains);
        assertThat(mustFollow)
                .as("every matching campaign inserted after the cursor is listed")
                .allMatch(listed::contains);
        assertThat(ids).as("none inserted before the cursor is listed").noneMatch(mustNotBeListed::contains);
        assertThat(listed).hasSize(matchingBefore.size() + mustFollow.size());
    }

    private static CampaignQuery.Listing listing(String tenant, Filter filter) {
        CampaignQuery.Listing query = CampaignQuery.Listing.of(tenant).limit(filter.pageSize());
        if (filter.project().isPresent()) {
            query = query.projectId(PROJECTS.get(filter.project().get()));
        }
        if (filter.state().isPresent()) {
            query = query.state(filter.state().get());
        }
        if (filter.bot().isPresent()) {
            query = query.botFlowId(BOTS.get(filter.bot().get()));
        }
        if (filter.channelType().isPresent()) {
            query = query.channelType(filter.channelType().get());
        }
        if (filter.sender().isPresent()) {
            SenderKey sender = SENDERS.get(filter.sender().get());
            if (filter.channelType().isEmpty() || filter.channelType().get().equals(sender.channelType())) {
                query = query.channel(sender);
            }
        }
        return query;
    }

    /** The oracle: what the listing must keep, written without the stores' code. */
    private static boolean matches(Campaign campaign, String tenant, Filter filter) {
        CampaignQuery.Listing query = listing(tenant, filter);
        CampaignConfiguration configuration = campaign.configuration();
        return campaign.tenantId().equals(tenant)
                && query.projectId().map(campaign.projectId()::equals).orElse(true)
                && query.state().map(state -> campaign.state() == state).orElse(true)
                && query.botFlowId()
                        .map(bot -> configuration.botFlowId().equals(Optional.of(bot)))
                        .orElse(true)
                && query.channelType()
                        .map(type -> configuration
                                .channel()
                                .map(SenderKey::channelType)
                                .equals(Optional.of(type)))
                        .orElse(true)
                && query.channel()
                        .map(sender -> configuration.channel().equals(Optional.of(sender)))
                        .orElse(true);
    }

    /** Inserts the campaign {@code spec} describes, unless its number is used in this try; the tenant's only are returned. */
    private static Optional<Campaign> insert(
            CampaignStore store, String tag, String tenant, Spec spec, Set<Integer> used) {
        if (!used.add(spec.number())) {
            return Optional.empty();
        }
        CampaignConfiguration.Builder configuration = CampaignConfiguration.custom()
                .name("Julio")
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es_MX", "Hola {{1}}"), Binding.contactName("cliente")))
                .audience(AudienceReference.importedList("contacts.csv"));
        spec.bot().ifPresent(bot -> configuration.botFlowId(BOTS.get(bot)));
        spec.sender().ifPresent(sender -> configuration.channel(SENDERS.get(sender)));
        Campaign campaign = Campaign.create(
                CampaignId.of(tag + "n" + String.format("%05d", spec.number())),
                spec.otherTenant() ? "other-" + tag : tenant,
                PROJECTS.get(spec.project()),
                CampaignKind.LIVE,
                configuration.build(),
                NOW);
        if (campaign.state() == CampaignState.READY) {
            campaign = switch (spec.state()) {
                case SCHEDULED -> campaign.schedule(Schedule.at(NOW.plusSeconds(3600)), NOW);
                case ACTIVE -> campaign.launch(NOW);
                case FINISHED -> campaign.launch(NOW).finish(FinishReason.BY_USER, NOW.plusSeconds(1));
                default -> campaign;
            };
        }
        store.insert(campaign);
        return spec.otherTenant() ? Optional.empty() : Optional.of(campaign);
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return spec().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<List<Spec>>> insertsBetweenPages() {
        return spec().list().ofMaxSize(4).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, PROJECTS.size() - 1).optional(0.4),
                        Arbitraries.of(STATES).optional(0.4),
                        Arbitraries.integers().between(0, BOTS.size() - 1).optional(0.3),
                        Arbitraries.of("whatsapp-cloud", "twilio").optional(0.3),
                        Arbitraries.integers().between(0, SENDERS.size() - 1).optional(0.2),
                        Arbitraries.integers().between(1, 7))
                .as(Filter::new);
    }

    private static Arbitrary<Spec> spec() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.integers().between(0, 4).map(n -> n == 0),
                        Arbitraries.integers().between(0, PROJECTS.size() - 1),
                        Arbitraries.integers().between(0, BOTS.size() - 1).optional(0.85),
                        Arbitraries.integers().between(0, SENDERS.size() - 1).optional(0.85),
                        Arbitraries.of(STATES))
                .as(Spec::new);
    }

    private static synchronized JdbcCampaignStore h2() {
        if (h2 == null) {
            h2Pool = H2Databases.fresh();
            h2 = JdbcCampaignStore.builder().dataSource(h2Pool).build();
        }
        return h2;
    }

    @AfterContainer
    static synchronized void dropDatabase() throws SQLException {
        if (h2Pool != null) {
            RecipientCountsMigrationTest.dispose(h2Pool);
            h2Pool = null;
            h2 = null;
        }
    }
}
