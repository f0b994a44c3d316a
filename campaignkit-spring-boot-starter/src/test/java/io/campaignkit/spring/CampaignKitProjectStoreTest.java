package io.campaignkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.Project;
import io.campaignkit.core.engine.CampaignEngine;
import io.campaignkit.core.port.BotFlow;
import io.campaignkit.core.port.ProjectException;
import io.campaignkit.core.port.ProjectQuery;
import io.campaignkit.core.port.ProjectStore;
import io.campaignkit.store.jdbc.JdbcProjectStore;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Issue 15's leftover: the starter keeps projects in the application's database and gives them to the engine. */
class CampaignKitProjectStoreTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DataSourceAutoConfiguration.class, CampaignKitAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true", "campaignkit.runner.enabled=false")
            .withBean(TestCampaigns.BOT, BotFlow.class, () -> (context, message, reply) -> {});

    @Test
    void theProjectStoreIsOnTheDataSourceAndTheEngineCreatesCampaignsOnlyInKnownProjects() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JdbcProjectStore.class);
            CampaignEngine engine = context.getBean(CampaignEngine.class);

            engine.projects().create("acme", "cobranza", "Cobranza");

            // kept in the database the campaign store uses, seen through the bean
            assertThat(context.getBean(ProjectStore.class).findProjects(new ProjectQuery.ById("acme", "cobranza")))
                    .extracting(Project::name)
                    .containsExactly("Cobranza");
            assertThat(engine.create(
                                    CampaignId.of("c-1"),
                                    "acme",
                                    "cobranza",
                                    CampaignKind.LIVE,
                                    CampaignConfiguration.custom().name("c").build())
                            .id())
                    .isEqualTo(CampaignId.of("c-1"));
            assertThatThrownBy(() -> engine.create(
                            CampaignId.of("c-2"),
                            "acme",
                            "ventas",
                            CampaignKind.LIVE,
                            CampaignConfiguration.custom().name("c").build()))
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            e -> assertThat(e.code()).isEqualTo(ProjectException.PROJECT_NOT_FOUND));
        });
    }

    @Test
    void theApplicationsOwnProjectStoreReplacesTheStartersAndReachesTheEngine() {
        List<Project> saved = new CopyOnWriteArrayList<>();
        ProjectStore own = new ProjectStore() {
            @Override
            public void saveProject(Project project, OptionalLong expectedVersion) {
                saved.add(project);
            }

            @Override
            public List<Project> findProjects(ProjectQuery query) {
                return List.copyOf(saved);
            }
        };
        contexts.withBean("ownProjects", ProjectStore.class, () -> own).run(context -> {
            assertThat(context).doesNotHaveBean(JdbcProjectStore.class);
            context.getBean(CampaignEngine.class).projects().create("acme", "cobranza", "Cobranza");
            assertThat(saved).extracting(Project::id).containsExactly("cobranza");
        });
    }

    @Test
    void projectsCanBeLeftOut() {
        contexts.withPropertyValues("campaignkit.store.projects=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ProjectStore.class);
            CampaignEngine engine = context.getBean(CampaignEngine.class);
            assertThatThrownBy(engine::projects)
                    .isInstanceOfSatisfying(
                            ProjectException.class,
                            e -> assertThat(e.code()).isEqualTo(ProjectException.NO_PROJECT_STORE));
            // without projects, a campaign's project id is not checked
            engine.create(
                    CampaignId.of("c-1"),
                    "acme",
                    "anything",
                    CampaignKind.LIVE,
                    CampaignConfiguration.custom().name("c").build());
        });
    }
}
