package io.campaignkit.testkit.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskHours;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.port.DeskSettingsStore;
import io.campaignkit.desk.port.StaleDeskDataException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract kit of {@link DeskSettingsStore}: extend it and return a new, empty store from {@link #store()},
 * the same data seen by a new store instance from {@link #reopened()} (a restart), and another tenant's store
 * on the same data from {@link #otherTenant()}. The checks are grouped by rule in {@code @Nested} classes.
 */
public abstract class DeskSettingsStoreContractKit extends DeskContractSupport {

    /** For subclasses. */
    protected DeskSettingsStoreContractKit() {}

    /** A new, empty store. */
    protected abstract DeskSettingsStore store();

    /** A new store instance on the data of the last {@link #store()}, for the same tenant: the store after a restart. */
    protected abstract DeskSettingsStore reopened();

    /** A store of another tenant on the data of the last {@link #store()}. */
    protected abstract DeskSettingsStore otherTenant();

    private DeskSettingsStore store;

    @BeforeEach
    void newStore() {
        store = store();
    }

    /** Settings with every part set: policies, four dispositions, typed fields, a survey, hours with an exception. */
    protected static DeskSettings everyPart(String campaign) {
        ActiveHours hours = ActiveHours.builder(ZoneId.of("America/Mexico_City"))
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 30))
                .on(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))
                .closedOn(LocalDate.of(2026, 12, 25))
                .build();
        return DeskSettings.of(
                        CampaignId.of(campaign),
                        "cobranza",
                        AssignmentMethod.ROUND_ROBIN,
                        new Dispositions(
                                "SIN_RESPUESTA",
                                "TRANSFERIDA",
                                "REASIGNACION",
                                List.of("PAGO_PROMETIDO", "NO_INTERESADO")))
                .withPolicies(ConversationPolicies.PERMISSIVE
                        .withMedia(false)
                        .withShowContactNumber(false)
                        .withHistoryHours(48)
                        .withVoiceNotes(false)
                        .withEmoji(false))
                .withFields(List.of(
                        FieldDefinition.text("NOTA", false),
                        FieldDefinition.number("MONTO", true),
                        FieldDefinition.date("FECHA_PAGO", false),
                        FieldDefinition.option("RESULTADO", true, List.of("PAGA", "NO PAGA", "¿LLAMAR?"))))
                .withSurvey("encuesta-nps")
                .withHours(new DeskHours(
                        hours,
                        OutOfHoursPolicy.Action.CLOSE,
                        true,
                        Optional.of("Atendemos de 9:00 a 18:30; te escribimos mañana"),
                        true))
                .withInactivityTimeout(Duration.ofMinutes(45));
    }

    /** The fewest parts: the defaults of {@link DeskSettings#of}. */
    protected static DeskSettings fewestParts(String campaign) {
        return DeskSettings.of(
                CampaignId.of(campaign),
                "ventas",
                AssignmentMethod.SMART,
                new Dispositions("I", "T", "M", List.of("OK")));
    }

    /** Settings are stored whole and optimistically versioned. */
    @Nested
    @DisplayName("versioned saves")
    public class VersionedSaves {

        @Test
        void firstSettingsAreStoredAtVersionOneAndReadBackWithEveryPart() {
            DeskSettings saved = store.saveSettings(everyPart("c-1"));
            assertThat(saved).isEqualTo(everyPart("c-1").withVersion(1));
            DeskSettings read = store.findSettings(CampaignId.of("c-1")).orElseThrow();
            assertThat(read).isEqualTo(saved);
            assertThat(read.hours().orElseThrow().hours().zone()).isEqualTo(ZoneId.of("America/Mexico_City"));
            assertThat(read.policies().historyWindow()).contains(Duration.ofHours(48));
            assertThat(read.fields().get(3).options()).containsExactly("PAGA", "NO PAGA", "¿LLAMAR?");
        }

        @Test
        void settingsWithTheFewestPartsReadBackEqual() {
            DeskSettings saved = store.saveSettings(fewestParts("c-1"));
            assertThat(store.findSettings(CampaignId.of("c-1"))).contains(saved);
            assertThat(saved.hours()).isEmpty();
            assertThat(saved.surveyBotFlowId()).isEmpty();
            assertThat(saved.policies().historyWindow()).isEmpty();
        }

        @Test
        void aChangeFromTheStoredVersionReplacesEveryPart() {
            DeskSettings first = store.saveSettings(everyPart("c-1"));
            DeskSettings fewer = new DeskSettings(
                    first.campaignId(),
                    "ventas",
                    AssignmentMethod.SMART,
                    ConversationPolicies.PERMISSIVE,
                    first.dispositions(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofMinutes(5),
                    first.version());
            DeskSettings changed = store.saveSettings(fewer);
            assertThat(changed.version()).isEqualTo(2);
            assertThat(store.findSettings(CampaignId.of("c-1"))).contains(changed);
            assertThat(changed.fields()).isEmpty();
            assertThat(changed.hours()).isEmpty();
        }

        @Test
        void aChangeFromAStaleReadIsRefusedAndChangesNothing() {
            DeskSettings first = store.saveSettings(fewestParts("c-1"));
            DeskSettings second = store.saveSettings(first.withInactivityTimeout(Duration.ofMinutes(10)));
            assertThatThrownBy(() -> store.saveSettings(first.withInactivityTimeout(Duration.ofMinutes(99))))
                    .isInstanceOf(StaleDeskDataException.class)
                    .hasMessageContaining("c-1");
            assertThat(store.findSettings(CampaignId.of("c-1"))).contains(second);
        }

        @Test
        void secondFirstSettingsOfACampaignAreRefused() {
            DeskSettings first = store.saveSettings(fewestParts("c-1"));
            assertThatThrownBy(() -> store.saveSettings(everyPart("c-1"))).isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findSettings(CampaignId.of("c-1"))).contains(first);
        }

        @Test
        void aChangeOfSettingsNeverStoredIsRefused() {
            assertThatThrownBy(() -> store.saveSettings(fewestParts("c-1").withVersion(3)))
                    .isInstanceOf(StaleDeskDataException.class);
            assertThat(store.findSettings(CampaignId.of("c-1"))).isEmpty();
        }
    }

    /** Reading. */
    @Nested
    @DisplayName("reading")
    public class Reading {

        @Test
        void everyCampaignsSettingsComeByCampaignId() {
            store.saveSettings(fewestParts("c-3"));
            store.saveSettings(everyPart("c-1"));
            store.saveSettings(fewestParts("c-2"));
            assertThat(store.allSettings().stream()
                            .map(settings -> settings.campaignId().value()))
                    .containsExactly("c-1", "c-2", "c-3");
            assertThat(store.findSettings(CampaignId.of("c-9"))).isEmpty();
        }

        @Test
        void aStoreOnTheSameDataAfterARestartFindsThem() {
            DeskSettings saved = store.saveSettings(everyPart("c-1"));
            DeskSettingsStore restarted = reopened();
            assertThat(restarted.findSettings(CampaignId.of("c-1"))).contains(saved);
            assertThat(restarted.saveSettings(saved.withSurvey("otra")).version())
                    .isEqualTo(2);
        }
    }

    /** A tenant's store sees and changes its own tenant's settings only. */
    @Nested
    @DisplayName("tenants")
    public class Tenants {

        @Test
        void anotherTenantNeitherSeesNorChangesThem() {
            DeskSettings mine = store.saveSettings(everyPart("c-1"));
            DeskSettingsStore other = otherTenant();
            assertThat(other.findSettings(CampaignId.of("c-1"))).isEmpty();
            assertThat(other.allSettings()).isEmpty();
            DeskSettings theirs = other.saveSettings(fewestParts("c-1"));
            assertThat(theirs.version()).isEqualTo(1);
            assertThat(store.findSettings(CampaignId.of("c-1"))).contains(mine);
            assertThat(other.findSettings(CampaignId.of("c-1"))).contains(theirs);
            assertThat(store.allSettings()).containsExactly(mine);
        }
    }
}
