package io.campaignkit.core.campaign;

import static io.campaignkit.core.campaign.CampaignFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The limits of the campaign's values at their exact edges, and what tells two campaigns apart. */
class CampaignValueLimitsTest {

    private static void assertRefuses(ThrowingCallable call, String argument) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo(argument));
    }

    @Test
    void aPaceMayReachButNotPassItsMaximaAndPrintsItsBurstOnlyWhenItHasOne() {
        assertThat(new Pace(Pace.MAX_PER_SECOND, Pace.Unit.SECOND, Pace.MAX_PER_SECOND).burst())
                .isEqualTo(Pace.MAX_PER_SECOND);
        assertThat(new Pace(Pace.MAX_PER_SECOND * 3600, Pace.Unit.HOUR, 0).messages())
                .isEqualTo(Pace.MAX_PER_SECOND * 3600);
        assertRefuses(() -> new Pace(Pace.MAX_PER_SECOND + 1, Pace.Unit.SECOND, 0), "messages");
        assertRefuses(() -> new Pace(10, Pace.Unit.SECOND, Pace.MAX_PER_SECOND + 1), "burst");
        assertRefuses(() -> new Pace(10, Pace.Unit.SECOND, -1), "burst");
        assertThat(new Pace(10, Pace.Unit.SECOND, 0)).hasToString("10/s");
        assertThat(new Pace(10, Pace.Unit.HOUR, 1)).hasToString("10/h burst 1");
    }

    @Test
    void aNameMayHaveExactlyTheMaximumLength() {
        String longest = "n".repeat(CampaignConfiguration.MAX_NAME_LENGTH);
        assertThat(CampaignConfiguration.custom()
                        .name(" " + longest + " ")
                        .build()
                        .name())
                .contains(longest);
        assertRefuses(() -> CampaignConfiguration.custom().name(longest + "n"), "name");
    }

    @Test
    void anOutcomeCodeHoldsNoSeparatorAnywhere() {
        for (String code : List.of(",OPTED_OUT", "OPTED,OUT", ":OPTED_OUT", "OPTED:OUT")) {
            assertRefuses(() -> new OutcomeFilter.Outcome(OutcomeFilter.Kind.SKIPPED, Optional.of(code)), "code");
        }
        assertRefuses(() -> new OutcomeFilter.Outcome(OutcomeFilter.Kind.UNKNOWN, Optional.of("X")), "code");
        assertRefuses(() -> new OutcomeFilter.Outcome(OutcomeFilter.Kind.FAILED, Optional.of(" ")), "code");
        assertThat(new OutcomeFilter.Outcome(OutcomeFilter.Kind.FAILED, Optional.of(" 131026 ")).code())
                .contains("131026");
    }

    @Test
    void aSegmentNeedsNamedCriteriaAndATestAudienceAtMostFiftyNumbers() {
        assertRefuses(() -> AudienceReference.segment(Set.of(" ")), "tags");
        assertRefuses(() -> new AudienceReference.Segment(Set.of(), Map.of(" ", "x")), "valuedTags");
        assertRefuses(() -> new AudienceReference.Segment(Set.of(), Map.of()), "tags");

        List<Contact> fifty = new ArrayList<>();
        for (int i = 0; i < AudienceReference.TestAudience.MAX_CONTACTS; i++) {
            fifty.add(Contact.of(PhoneNumber.parse("+5255009988" + (10 + i))));
        }
        assertThat(new AudienceReference.TestAudience(fifty).contacts()).hasSize(50);
        List<Contact> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(Contact.of(PhoneNumber.parse("+525500998899")));
        assertRefuses(() -> new AudienceReference.TestAudience(fiftyOne), "contacts");
    }

    @Test
    void campaignsDifferByTheirContentAndKeepTheirTenantAndProject() {
        Campaign ready = CampaignFixtures.ready();
        assertThat(ready.tenantId()).isEqualTo("acme");
        assertThat(ready.projectId()).isEqualTo("cobranza");
        assertThat(ready).isEqualTo(CampaignFixtures.ready()).isNotEqualTo(CampaignFixtures.draft());
        assertThat(ready).isNotEqualTo(ready.edit(c -> c.name("Otra"), T0));

        Campaign active = CampaignFixtures.active();
        assertThat(active.isFinishing()).isFalse();
        assertThat(active.isPreparing()).isFalse();
        assertThat(active.startFinishing(FinishReason.BY_USER, T0).isFinishing())
                .isTrue();
        assertThat(ready.launchPreparing("node-a", T0).isPreparing()).isTrue();
    }

    @Test
    void reschedulingToTheSameScheduleIsNoChange() {
        Schedule schedule = Schedule.at(T0.plus(Duration.ofHours(2)));
        Campaign scheduled = CampaignFixtures.ready().schedule(schedule, T0);

        assertThat(scheduled.schedule(schedule, T0.plusSeconds(5))).isSameAs(scheduled);
        Campaign moved = scheduled.schedule(Schedule.at(T0.plus(Duration.ofHours(3))), T0);
        assertThat(moved.version()).isEqualTo(scheduled.version() + 1);
    }
}
