package io.campaignkit.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.hours.LocalHours;
import org.junit.jupiter.api.Test;

/** Local hours as a setting of the configuration: kept, compared, and checked against the schema. */
class LocalHoursConfigurationTest {

    @Test
    void aConfigurationKeepsItsLocalHoursAndTheyMakeItDifferent() {
        CampaignConfiguration plain = CampaignFixtures.liveConfiguration();
        CampaignConfiguration local =
                plain.toBuilder().localHours(LocalHours.fromPhoneNumbers()).build();
        assertThat(plain.localHours()).isEmpty();
        assertThat(local.localHours()).contains(LocalHours.fromPhoneNumbers());
        assertThat(local).isNotEqualTo(plain);
        assertThat(local.toBuilder().clearLocalHours().build()).isEqualTo(plain);
        assertThat(local.toString()).contains("localHours=local");
        assertThat(CampaignValidation.of(CampaignKind.LIVE, local).isValid()).isTrue();
    }

    @Test
    void aZoneFieldTheSchemaDoesNotHaveIsAViolation() {
        CampaignConfiguration local = CampaignFixtures.liveConfiguration().toBuilder()
                .localHours(LocalHours.fromField("ZONA"))
                .build();
        assertThat(CampaignValidation.of(CampaignKind.LIVE, local).violations()).anySatisfy(violation -> {
            assertThat(violation.field()).isEqualTo("localHours.zoneField");
            assertThat(violation.code()).isEqualTo(Violation.UNKNOWN_FIELD);
            assertThat(violation.message()).contains("ZONA");
        });
    }
}
