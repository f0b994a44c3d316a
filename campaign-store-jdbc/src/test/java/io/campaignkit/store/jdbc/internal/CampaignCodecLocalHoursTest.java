package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.hours.LocalHours;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Local hours are one of the configuration's tagged optional settings: written only when set, so a
 * configuration stored before they existed (or without them) reads as not local, and they read back
 * whatever other tagged settings stand beside them.
 */
class CampaignCodecLocalHoursTest {

    @Test
    void aConfigurationWithoutLocalHoursWritesNoTagAndReadsWithout() {
        CampaignConfiguration plain =
                CampaignConfiguration.custom().name("antes").build();
        String text = CampaignCodec.encodeConfiguration(plain);
        assertThat(text).doesNotContain("localHours");
        assertThat(CampaignCodec.decodeConfiguration(text)).isEqualTo(plain);
    }

    @Test
    void localHoursAreATaggedSettingInTheirTextForm() {
        CampaignConfiguration local = CampaignConfiguration.custom()
                .name("local")
                .localHours(LocalHours.fromField("ZONA"))
                .build();
        String text = CampaignCodec.encodeConfiguration(local);
        assertThat(text).endsWith("10:localHours10:local:ZONA");
        assertThat(CampaignCodec.decodeConfiguration(text)).isEqualTo(local);
    }

    @Test
    void localHoursReadBackBesideTheBusyContactWaitInEitherOrder() {
        CampaignConfiguration busyOnly = CampaignConfiguration.custom()
                .name("ambos")
                .busyContactWait(Duration.ofMinutes(30))
                .build();
        CampaignConfiguration both =
                busyOnly.toBuilder().localHours(LocalHours.fromPhoneNumbers()).build();
        String busyText = CampaignCodec.encodeConfiguration(busyOnly);
        String bothText = CampaignCodec.encodeConfiguration(both);
        assertThat(CampaignCodec.decodeConfiguration(busyText)).isEqualTo(busyOnly); // as an earlier release wrote it
        assertThat(CampaignCodec.decodeConfiguration(bothText)).isEqualTo(both);
        String localTag = bothText.substring(busyText.length());
        String reordered = busyText.substring(0, busyText.indexOf("15:busyContactWait"))
                + localTag
                + busyText.substring(busyText.indexOf("15:busyContactWait"));
        assertThat(CampaignCodec.decodeConfiguration(reordered)).isEqualTo(both);
    }
}
