package io.campaignkit.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A schedule's send window, and a project's versioned changes and limits. */
class ScheduleAndProjectTest {

    private static final Instant NINE = Instant.parse("2026-12-24T15:00:00Z");
    private static final Instant NOON = NINE.plusSeconds(3 * 3600);

    @Test
    void aScheduleIsDueFromItsStartUntilItsLatestStartInclusive() {
        Schedule windowed = Schedule.at(NINE).latestStart(NOON);

        assertThat(windowed.isDueAt(NINE.minusSeconds(1))).isFalse();
        assertThat(windowed.isDueAt(NINE)).isTrue();
        assertThat(windowed.isDueAt(NOON)).isTrue();
        assertThat(windowed.isMissedAt(NOON)).isFalse();
        assertThat(windowed.isDueAt(NOON.plusMillis(1))).isFalse();
        assertThat(windowed.isMissedAt(NOON.plusMillis(1))).isTrue();

        Schedule open = Schedule.at(NINE);
        assertThat(open.isDueAt(NOON.plusSeconds(86_400))).isTrue();
        assertThat(open.isMissedAt(NOON.plusSeconds(86_400))).isFalse();
    }

    @Test
    void aLatestStartMustComeAfterTheStart() {
        for (Instant tooEarly : new Instant[] {NINE, NINE.minusSeconds(1)}) {
            assertThatThrownBy(() -> Schedule.at(NINE).latestStart(tooEarly))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.argument()).isEqualTo("latestStart"));
        }
    }

    @Test
    void aProjectChangesByVersionsAndAnArchivedOneStaysArchived() {
        Project project = Project.create("acme", "cobranza", "Cobranza", NINE);
        assertThat(project.isArchived()).isFalse();

        Project renamed = project.rename(" Cobranza 2026 ", NOON);
        assertThat(renamed.name()).isEqualTo("Cobranza 2026");
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(renamed.updatedAt()).isEqualTo(NOON);
        assertThat(renamed.rename("Cobranza 2026", NOON.plusSeconds(1))).isSameAs(renamed);

        Project archived = renamed.archive(NOON.plusSeconds(60));
        assertThat(archived.isArchived()).isTrue();
        assertThat(archived.version()).isEqualTo(2);
        assertThat(archived.archivedAt()).contains(NOON.plusSeconds(60));
        assertThat(archived.archive(NOON.plusSeconds(120))).isSameAs(archived);
    }

    @Test
    void aProjectRefusesTextsBeyondTheLimitAndANegativeVersionNamingTheArgument() {
        String longest = "x".repeat(Project.MAX_LENGTH);
        assertThat(Project.create("acme", "p", longest, NINE).name()).isEqualTo(longest);
        assertThatThrownBy(() -> Project.create("acme", "p", longest + "x", NINE))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("name"))
                .hasMessageContaining("at most " + Project.MAX_LENGTH);
        Project project = Project.create("acme", "p", "n", NINE);
        assertThatThrownBy(() -> new Project("acme", "p", "n", NINE, NINE, project.archivedAt(), -1))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("version"));
        assertThat(new Project("acme", "p", "n", NINE, NINE, project.archivedAt(), 0).version())
                .isZero();
    }

    @Test
    void aSenderIsBoundOnceAndABindingReachesOnlyTheContactsOfItsCondition() {
        SenderKey twilio = SenderKey.of("twilio", "+15550001");
        ChannelBinding binding =
                ChannelBinding.of(twilio, CampaignFixtures.MESSAGE).onlyFor(ContactCondition.hasFlag("sms"));
        CampaignConfiguration.Builder builder =
                CampaignFixtures.liveConfiguration().toBuilder().addChannel(binding);

        assertThatThrownBy(() -> builder.addChannel(ChannelBinding.of(twilio, CampaignFixtures.MESSAGE)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("channel"));
        assertThatThrownBy(() -> builder.addChannel(
                        ChannelBinding.of(SenderKey.of("whatsapp-cloud", "109876543210"), CampaignFixtures.MESSAGE)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> builder.channels(java.util.List.of()))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("channels"));

        io.campaignkit.core.contact.PhoneNumber phone = io.campaignkit.core.contact.PhoneNumber.parse("+525500998877");
        assertThat(binding.reaches(io.campaignkit.core.contact.Contact.builder(phone)
                        .tag("sms")
                        .build()))
                .isTrue();
        assertThat(binding.reaches(io.campaignkit.core.contact.Contact.of(phone)))
                .isFalse();
        assertThat(ChannelBinding.of(twilio, CampaignFixtures.MESSAGE)
                        .reaches(io.campaignkit.core.contact.Contact.of(phone)))
                .isTrue();
    }
}
