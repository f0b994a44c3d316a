package io.campaignkit.core.campaign;

import static io.campaignkit.core.campaign.CampaignFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignValidationTest {

    private static CampaignValidation live(CampaignConfiguration configuration) {
        return CampaignValidation.of(CampaignKind.LIVE, configuration);
    }

    @Test
    void a_complete_configuration_is_valid() {
        CampaignValidation validation = live(CampaignFixtures.liveConfiguration());

        assertThat(validation.isValid()).isTrue();
        assertThat(validation.violations()).isEmpty();
        assertThat(validation.summary()).isEqualTo("valid");
    }

    @Test
    void every_missing_and_invalid_field_is_listed_at_once() {
        CampaignConfiguration configuration = CampaignConfiguration.custom()
                .message(TemplateMessage.of(
                        InlineTemplate.of("Hola {{1}}, debes {{2}} al {{3}}"),
                        Binding.contactName(),
                        Binding.customField("MONTO")))
                .deliveryPlan(DeliveryPlan.custom()
                        .startAt(T0)
                        .endAt(T0.minusSeconds(1))
                        .build())
                .build();

        CampaignValidation validation = live(configuration);

        assertThat(validation.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("name", Violation.MISSING),
                        tuple("botFlowId", Violation.MISSING),
                        tuple("channel", Violation.MISSING),
                        tuple("message.{{2}}", Violation.UNKNOWN_FIELD),
                        tuple("message.{{3}}", Violation.UNBOUND_PLACEHOLDER),
                        tuple("audience", Violation.MISSING),
                        tuple("deliveryPlan.endAt", Violation.END_BEFORE_START));
        assertThat(validation.violations())
                .allSatisfy(v -> assertThat(v.message()).isNotBlank());
        assertThat(validation.summary()).contains("MONTO", "{{3}}");
    }

    @Test
    void a_binding_to_a_field_the_schema_lacks_is_named() {
        CampaignValidation validation = live(CampaignFixtures.liveConfiguration().toBuilder()
                .schema(CustomDataSchema.custom()
                        .required("NOMBRE", FieldType.TEXT)
                        .build())
                .build());

        assertThat(validation.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("message.{{2}}");
            assertThat(v.code()).isEqualTo(Violation.UNKNOWN_FIELD);
            assertThat(v.message()).contains("MONTO");
        });
    }

    @Test
    void a_binding_without_placeholder_is_listed() {
        CampaignValidation validation = live(CampaignFixtures.liveConfiguration().toBuilder()
                .message(TemplateMessage.of(
                        ChannelTemplate.of("hola", "es", "Hola {{1}}"),
                        Binding.contactName(),
                        Binding.literal("sobra")))
                .build());

        assertThat(validation.has("message.{{2}}", Violation.EXTRA_BINDING)).isTrue();
    }

    @Test
    void a_schema_without_audience_says_the_data_has_nowhere_to_go() {
        CampaignValidation validation = live(
                CampaignFixtures.liveConfiguration().toBuilder().clearAudience().build());

        assertThat(validation.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("audience");
            assertThat(v.code()).isEqualTo(Violation.MISSING);
            assertThat(v.message()).contains("schema");
        });
    }

    @Test
    void a_test_campaign_needs_a_list_of_test_numbers() {
        CampaignConfiguration withImportedList = CampaignFixtures.testConfiguration().toBuilder()
                .audience(AudienceReference.importedList("junio.xlsx"))
                .build();
        CampaignConfiguration withoutAudience =
                CampaignFixtures.testConfiguration().toBuilder().clearAudience().build();

        assertThat(CampaignValidation.of(CampaignKind.TEST, CampaignFixtures.testConfiguration())
                        .isValid())
                .isTrue();
        assertThat(CampaignValidation.of(CampaignKind.TEST, withImportedList)
                        .has("audience", Violation.TEST_AUDIENCE_REQUIRED))
                .isTrue();
        assertThat(CampaignValidation.of(CampaignKind.TEST, withoutAudience).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("test numbers"));
    }

    @Test
    void a_live_campaign_cannot_use_test_numbers() {
        assertThat(live(CampaignFixtures.testConfiguration()).has("audience", Violation.TEST_AUDIENCE_IN_LIVE))
                .isTrue();
    }

    @Test
    void test_contacts_custom_data_is_checked_against_the_schema() {
        Contact complete = Contact.builder(PhoneNumber.parse("+525512345678"))
                .customData(CustomData.of(Map.of("MONTO", new FieldValue.Number(BigDecimal.TEN))))
                .build();
        Contact lacking = Contact.of(PhoneNumber.parse("+525587654321"));
        CampaignConfiguration configuration = CampaignFixtures.liveConfiguration().toBuilder()
                .audience(new AudienceReference.TestAudience(List.of(complete, lacking)))
                .build();

        CampaignValidation validation = CampaignValidation.of(CampaignKind.TEST, configuration);

        assertThat(validation.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("audience.contacts[1].MONTO");
            assertThat(v.code()).isEqualTo("MISSING_VALUE");
            assertThat(v.message()).contains("+525587654321");
        });
    }

    @Test
    void hours_that_never_open_are_invalid() {
        CampaignValidation validation = live(CampaignFixtures.liveConfiguration().toBuilder()
                .activeHours(ActiveHours.builder(ZoneOffset.UTC).build())
                .build());

        assertThat(validation.has("activeHours", Violation.HOURS_NEVER_OPEN)).isTrue();
    }

    @Test
    void at_launch_an_end_that_has_passed_is_invalid() {
        CampaignConfiguration configuration = CampaignFixtures.liveConfiguration().toBuilder()
                .deliveryPlan(DeliveryPlan.custom().endAt(T0).build())
                .build();

        assertThat(live(configuration).isValid()).isTrue();
        assertThat(CampaignValidation.atLaunch(CampaignKind.LIVE, configuration, T0.minusSeconds(1))
                        .isValid())
                .isTrue();
        assertThat(CampaignValidation.atLaunch(CampaignKind.LIVE, configuration, T0)
                        .has("deliveryPlan.endAt", Violation.END_IN_PAST))
                .isTrue();
    }

    @Test
    void at_launch_hours_whose_last_opening_has_passed_are_invalid() {
        ActiveHours onlyOnce = ActiveHours.parse("2026-06-01 09:00-10:00", ZoneOffset.UTC);
        CampaignConfiguration configuration = CampaignFixtures.liveConfiguration().toBuilder()
                .activeHours(onlyOnce)
                .build();

        assertThat(live(configuration).isValid()).isTrue();
        assertThat(CampaignValidation.atLaunch(CampaignKind.LIVE, configuration, T0.plus(Duration.ofDays(1)))
                        .has("activeHours", Violation.HOURS_NEVER_OPEN))
                .isTrue();
    }

    @Test
    void null_arguments_are_named() {
        assertThatThrownBy(() -> CampaignValidation.of(null, CampaignConfiguration.empty()))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("kind"));
        assertThatThrownBy(() -> CampaignValidation.of(CampaignKind.LIVE, null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("configuration"));
        assertThatThrownBy(() -> CampaignValidation.atLaunch(CampaignKind.LIVE, CampaignConfiguration.empty(), null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("now"));
    }
}
