package io.campaignkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.hours.LocalHours;
import org.junit.jupiter.api.Test;

/** Local hours are the configuration's last token: a configuration stored before they existed reads as not local. */
class CampaignCodecLocalHoursTest {

    @Test
    void aConfigurationWrittenBeforeLocalHoursReadsWithout() {
        CampaignConfiguration plain = CampaignConfiguration.custom().name("antes").build();
        String now = CampaignCodec.encodeConfiguration(plain);
        assertThat(now).endsWith("~"); // the absent local hours
        String before = now.substring(0, now.length() - 1);
        assertThat(CampaignCodec.decodeConfiguration(before)).isEqualTo(plain);
        assertThat(CampaignCodec.decodeConfiguration(now)).isEqualTo(plain);
    }

    @Test
    void localHoursAreWrittenInTheirTextForm() {
        CampaignConfiguration local = CampaignConfiguration.custom().name("local")
                .localHours(LocalHours.fromField("ZONA")).build();
        String text = CampaignCodec.encodeConfiguration(local);
        assertThat(text).endsWith("10:local:ZONA");
        assertThat(CampaignCodec.decodeConfiguration(text)).isEqualTo(local);
    }
}
