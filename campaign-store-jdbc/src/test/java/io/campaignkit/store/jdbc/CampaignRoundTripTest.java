package io.campaignkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.Campaign;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.port.NewRecipient;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.HeaderMedia;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.TemplateMessage;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every part of a campaign and of a contact survives the database: what the store gives back equals
 * what it was given, through every lifecycle state. (The contract kit's campaigns are plain; these
 * use every kind of template, binding, audience, schema field, schedule and policy.)
 */
class CampaignRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-06-01T15:00:00.123456789Z");
    private static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("MONTO", FieldType.NUMBER)
            .required("VENCE", FieldType.DATE)
            .optional("NOTA", FieldType.TEXT)
            .build();

    private final JdbcCampaignStore store = H2Databases.freshStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCampaignWithEveryPartComesBackEqualInEveryState() {
        Campaign ready = Campaign.create(CampaignId.of("rich:1"), "acme", "cobranza", CampaignKind.TEST, rich(), T0);
        store.insert(ready);
        assertThat(store.find(ready.id())).contains(ready);
        Campaign launched = ready.launchAt(T0.plusSeconds(3600), T0.plusSeconds(1));
        store.update(launched, ready.version());
        assertThat(store.find(ready.id())).contains(launched);
        Campaign paused = launched.pause(PauseReason.BY_USER, T0.plusSeconds(7200));
        store.update(paused, launched.version());
        assertThat(store.find(ready.id())).contains(paused);
        Campaign finished = paused.finish(FinishReason.BY_USER, T0.plusSeconds(9000));
        store.update(finished, paused.version());
        assertThat(store.find(ready.id())).contains(finished);
    }

    @Test
    void localHoursComeBackAndACampaignWithoutThemIsNotLocal() {
        for (io.campaignkit.core.hours.LocalHours local : List.of(
                io.campaignkit.core.hours.LocalHours.fromPhoneNumbers(),
                io.campaignkit.core.hours.LocalHours.fromField("NOTA"))) {
            CampaignConfiguration configuration =
                    rich().toBuilder().localHours(local).build();
            Campaign campaign = Campaign.create(
                    CampaignId.of("local:" + local.toText()), "acme", "cobranza", CampaignKind.TEST, configuration, T0);
            store.insert(campaign);
            assertThat(store.find(campaign.id())).contains(campaign);
            assertThat(store.find(campaign.id()).orElseThrow().configuration().localHours())
                    .contains(local);
        }
        Campaign plain = Campaign.create(CampaignId.of("plain"), "acme", "cobranza", CampaignKind.TEST, rich(), T0);
        store.insert(plain);
        assertThat(store.find(plain.id()).orElseThrow().configuration().localHours())
                .isEmpty();
    }

    @Test
    void preparingAndFinishingCampaignsComeBackEqual() {
        Campaign ready = Campaign.create(CampaignId.of("rich:2"), "acme", "cobranza", CampaignKind.TEST, rich(), T0);
        store.insert(ready);
        Campaign preparing = ready.launchPreparing("engine-1 ~ \"a:b\"", T0.plusSeconds(1));
        store.update(preparing, ready.version());
        assertThat(store.find(ready.id())).contains(preparing);
        Campaign takenOver = preparing.renewPreparation("engine-2", T0.plusSeconds(400));
        store.update(takenOver, preparing.version());
        assertThat(store.find(ready.id())).contains(takenOver);
        Campaign finishing = takenOver.startFinishing(FinishReason.END_REACHED, T0.plusSeconds(500));
        store.update(finishing, takenOver.version());
        assertThat(store.find(ready.id())).contains(finishing);
        Campaign finished = finishing.finish(FinishReason.END_REACHED, T0.plusSeconds(600));
        store.update(finished, finishing.version());
        assertThat(store.find(ready.id())).contains(finished);
        assertThat(store.findByState(
                        io.campaignkit.core.campaign.CampaignState.FINISHED, java.util.Optional.empty(), 10))
                .contains(finished);
    }

    @Test
    void anInlineTemplateWithSegmentAudienceComesBackEqual() {
        CampaignConfiguration sms = CampaignConfiguration.custom()
                .name("SMS: ñandú \"quoted\" 1:2~3")
                .botFlowId("bot")
                .channel("twilio", "+15005550006")
                .message(TemplateMessage.of(
                        InlineTemplate.of("Hola {{1}}, debes {{2}}"),
                        Binding.contactName(),
                        Binding.valuedTag("saldo")))
                .audience(AudienceReference.segment(Set.of("morosos", "vip")))
                .outOfHoursPolicy(OutOfHoursPolicy.queue())
                .build();
        Campaign draft = Campaign.create(CampaignId.of("sms-1"), "acme", "sms", CampaignKind.LIVE, sms, T0);
        store.insert(draft);
        assertThat(store.find(draft.id())).contains(draft);
    }

    @Test
    void aCampaignWithSeveralChannelsConditionsAndATimedFallbackComesBackEqual() {
        CampaignConfiguration channels = rich().toBuilder()
                .channelCondition(io.campaignkit.core.campaign.ContactCondition.parse("CANAL=WhatsApp ~ 3:x"))
                .addChannel(io.campaignkit.core.campaign.ChannelBinding.of(
                                io.campaignkit.core.campaign.SenderKey.of("twilio", "+15005550006"),
                                TemplateMessage.of(
                                        InlineTemplate.of("Hola {{1}}, debes {{2}}"),
                                        Binding.contactName(),
                                        Binding.customField("MONTO")))
                        .onlyFor(io.campaignkit.core.campaign.ContactCondition.hasFlag("sms")))
                .addChannel(io.campaignkit.core.campaign.ChannelBinding.of(
                        io.campaignkit.core.campaign.SenderKey.of("twilio", "MG0123"),
                        TemplateMessage.of(InlineTemplate.of("Hola"))))
                .fallbackAfter(java.time.Duration.ofMinutes(45))
                .busyContactWait(java.time.Duration.ofMinutes(10))
                .build();
        Campaign draft =
                Campaign.create(CampaignId.of("channels-1"), "acme", "cobranza", CampaignKind.TEST, channels, T0);
        store.insert(draft);

        assertThat(store.find(draft.id())).contains(draft);
        assertThat(store.find(draft.id()).orElseThrow().configuration().channels())
                .hasSize(3);
    }

    @Test
    void aRecipientsBindingComesBackEqual() {
        Campaign campaign = Campaign.create(CampaignId.of("c-2"), "acme", "cobranza", CampaignKind.LIVE, rich(), T0);
        store.insert(campaign);
        Recipient added = store.insertRecipients(
                        campaign.id(),
                        List.of(NewRecipient.pending(richContact(), T0).onBinding(1)),
                        T0)
                .get(0);

        assertThat(added.binding()).isEqualTo(1);
        assertThat(store.findRecipient(added.key())).contains(added);
    }

    @Test
    void aRetargetedAudienceComesBackEqualWithItsOutcomesAndCodes() {
        CampaignConfiguration retry = rich().toBuilder()
                .audience(AudienceReference.recipientsOf(
                        CampaignId.of("c:julio.1"),
                        io.campaignkit.core.campaign.OutcomeFilter.custom()
                                .failedWith("131026")
                                .unknown()
                                .skippedFor("ALREADY_IN_ACTIVE_CAMPAIGN")
                                .notRead()
                                .build()))
                .build();
        Campaign draft = Campaign.create(CampaignId.of("retry-1"), "acme", "cobranza", CampaignKind.LIVE, retry, T0);
        store.insert(draft);
        assertThat(store.find(draft.id())).contains(draft);
    }

    @Test
    void aContactWithTagsValuedTagsAndCustomDataComesBackEqual() {
        Campaign campaign = Campaign.create(CampaignId.of("c-1"), "acme", "cobranza", CampaignKind.LIVE, rich(), T0);
        store.insert(campaign);
        Contact plain = Contact.of(PhoneNumber.parse("+525500000001"));
        List<Recipient> added = store.insertRecipients(
                campaign.id(), List.of(NewRecipient.pending(richContact(), T0), NewRecipient.pending(plain, T0)), T0);
        assertThat(store.findRecipient(
                        new RecipientKey(campaign.id(), richContact().phone())))
                .contains(added.get(0));
        assertThat(store.findRecipient(new RecipientKey(campaign.id(), plain.phone())))
                .contains(added.get(1));
        assertThat(added.get(0).contact()).isEqualTo(richContact());
    }

    private static CampaignConfiguration rich() {
        ActiveHours hours = ActiveHours.builder(ZoneId.of("America/Mexico_City"))
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(14, 0))
                .on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(16, 0), LocalTime.of(20, 30))
                .on(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(13, 0))
                .closedOn(LocalDate.of(2026, 9, 16))
                .exception(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(12, 0))
                .build();
        TemplateMessage message = TemplateMessage.of(
                        ChannelTemplate.of(
                                "recordatorio_pago", "es_MX", "Hola {{1}}, tu saldo de {{2}} vence el {{3}}. {{4}}"),
                        Binding.contactName("cliente"),
                        Binding.customField("MONTO"),
                        Binding.customField("VENCE"),
                        Binding.literal("Gracias: {{no}} ~ 5:x"))
                .withHeaderMedia(
                        HeaderMedia.link(HeaderMedia.Type.DOCUMENT, URI.create("https://example.com/estado.pdf")));
        return CampaignConfiguration.custom()
                .name("Cobranza junio")
                .botFlowId("cobranza-bot")
                .channel("whatsapp-cloud", "109876543210")
                .message(message)
                .audience(new AudienceReference.TestAudience(List.of(richContact())))
                .schema(SCHEMA)
                .activeHours(hours)
                .deliveryPlan(DeliveryPlan.custom()
                        .startAt(T0.plusSeconds(3600))
                        .pace(Pace.perHour(3000).withBurst(5))
                        .endAt(T0.plusSeconds(86_400 * 7))
                        .build())
                .outOfHoursPolicy(OutOfHoursPolicy.close().withAutoReply("Te respondemos mañana a las 9:00"))
                .busyContactWait(java.time.Duration.ofMinutes(45))
                .build();
    }

    private static Contact richContact() {
        return Contact.builder(PhoneNumber.parse("+525512345678"))
                .name("María José")
                .tag("vip")
                .tag("morosos")
                .valuedTag("saldo", "1,234.50")
                .valuedTag("plaza", "CDMX")
                .build()
                .withCustomData(
                        SCHEMA.parse(Map.of("MONTO", "1234.50", "VENCE", "2026-06-30", "NOTA", "línea 1\nlínea 2")));
    }
}
