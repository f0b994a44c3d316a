package io.campaignkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcCampaignStores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list --project --state --bot --channel} keeps the campaigns that match every filter given, of the
 * program's tenant only; {@code --limit} lists one page by campaign id and says the {@code --after} of the
 * next; bad filters are usage errors naming the option.
 */
class ListFiltersCommandTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void campaignsOfTwoProjectsBotsAndChannelsAndAnotherTenants() {
        Path file = dir.resolve("db/campaignkit");
        store = "jdbc:h2:file:" + file;
        try (JdbcCampaignStore stored = JdbcCampaignStores.h2File(file)) {
            stored.insert(campaign("c-1", "cli", "cobranza", "cli-bot", SenderKey.of("simulated", "cli")));
            stored.insert(campaign("c-2", "cli", "ventas", "ventas-bot", SenderKey.of("twilio", "+15005550006")));
            Campaign active = campaign("c-3", "cli", "cobranza", "ventas-bot", SenderKey.of("twilio", "+15005550006"));
            stored.insert(active.launch(T0.plusSeconds(3)));
            stored.insert(campaign("c-4", "cli", "cobranza", "cli-bot", SenderKey.of("simulated", "cli")));
            // another tenant's campaign with the same project, bot and channel: never listed by the program
            stored.insert(campaign("x-1", "host-app", "cobranza", "cli-bot", SenderKey.of("simulated", "cli")));
        }
    }

    @Test
    void eachFilterAndTheirCombinationKeepTheMatchingCampaigns() throws IOException {
        assertThat(listed()).containsExactly("c-1", "c-2", "c-3", "c-4");
        assertThat(listed("--project", "cobranza")).containsExactly("c-1", "c-3", "c-4");
        assertThat(listed("--state", "active")).containsExactly("c-3");
        assertThat(listed("--bot", "ventas-bot")).containsExactly("c-2", "c-3");
        assertThat(listed("--channel", "twilio")).containsExactly("c-2", "c-3");
        assertThat(listed("--project", "cobranza", "--state", "READY", "--bot", "cli-bot", "--channel", "simulated"))
                .containsExactly("c-1", "c-4");
        assertThat(listed("--project", "nowhere")).isEmpty();
        CliRun none = CliRun.of("list", "--store", store, "--project", "nowhere");
        assertThat(none.errLines()).singleElement().asString().endsWith("that match the filters");
    }

    @Test
    void aPageByIdSaysTheAfterOfTheNextPage() throws IOException {
        CliRun first = CliRun.of("list", "--store", store, "--project", "cobranza", "--limit", "2", "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(ids(first)).containsExactly("c-1", "c-3");
        assertThat(first.errLines()).singleElement().asString().endsWith("--after c-3");
        CliRun last = CliRun.of("list", "--store", store, "--project", "cobranza", "--limit", "2", "--after", "c-3");
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.out().lines().skip(1).map(line -> line.split("\\s+")[0]))
                .containsExactly("c-4");
        assertThat(last.err()).isEmpty();
    }

    @Test
    void badPagingAndFiltersAreUsageErrorsNamingTheOption() {
        CliRun afterAlone = CliRun.of("list", "--store", store, "--after", "c-1");
        CliRun tooLarge = CliRun.of("list", "--store", store, "--limit", "501");
        CliRun badState = CliRun.of("list", "--store", store, "--state", "RUNNING");
        CliRun badCursor = CliRun.of("list", "--store", store, "--limit", "2", "--after", "no spaces");
        CliRun blankBot = CliRun.of("list", "--store", store, "--bot", " ");
        for (CliRun run : List.of(afterAlone, tooLarge, badState, badCursor, blankBot)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(CampaignKitCli.EXIT_USAGE);
        }
        assertThat(afterAlone.err()).contains("--after").contains("--limit");
        assertThat(tooLarge.err()).contains("--limit 501");
        assertThat(badState.err()).contains("--state").contains("RUNNING");
        assertThat(badCursor.err()).contains("--after");
        assertThat(blankBot.err()).contains("--bot");
    }

    private List<String> listed(String... filters) throws IOException {
        List<String> args = new ArrayList<>(List.of("list", "--store", store, "--json"));
        args.addAll(List.of(filters));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ids(run);
    }

    private static List<String> ids(CliRun run) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode campaign : new ObjectMapper().readTree(run.out())) {
            ids.add(campaign.get("campaign").asText());
        }
        return ids;
    }

    private static Campaign campaign(String id, String tenant, String project, String bot, SenderKey sender) {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .name("Campaign " + id)
                .botFlowId(bot)
                .channel(sender)
                .message(TemplateMessage.of(InlineTemplate.of("Hola")))
                .audience(AudienceReference.importedList("contacts.tsv"))
                .build();
        // created a second apart, so "oldest first" is the id order too
        return Campaign.create(
                CampaignId.of(id),
                tenant,
                project,
                CampaignKind.LIVE,
                configuration,
                T0.plusSeconds(Integer.parseInt(id.substring(2))));
    }
}
