package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.desk.AssignmentMethod;
import io.campaignkit.desk.ConversationPolicies;
import io.campaignkit.desk.DeskHours;
import io.campaignkit.desk.DeskSettings;
import io.campaignkit.desk.Dispositions;
import io.campaignkit.desk.FieldDefinition;
import io.campaignkit.desk.FieldType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's desk settings as {@link Tokens} text (the campaign id and the version have columns of their
 * own). The first token is the format version, so a later release can read what an earlier one wrote; the
 * desk hours keep {@link ActiveHours}' canonical text form.
 */
final class DeskSettingsCodec {

    private static final String FORMAT = "1";

    private DeskSettingsCodec() {}

    static String encode(DeskSettings settings) {
        Tokens.Writer out = new Tokens.Writer()
                .str(FORMAT)
                .str(settings.queue())
                .str(settings.method().name());
        ConversationPolicies policies = settings.policies();
        out.bool(policies.mediaAllowed())
                .bool(policies.transferAllowed())
                .bool(policies.showContactNumber())
                .str(policies.historyWindow().map(Duration::toString).orElse(null))
                .bool(policies.reassignWhenExclusiveOffline())
                .bool(policies.closeWithoutAnswerAllowed())
                .bool(policies.emojiAllowed())
                .bool(policies.voiceNotesAllowed());
        Dispositions dispositions = settings.dispositions();
        out.str(dispositions.inactivity()).str(dispositions.transfer()).str(dispositions.massTransfer());
        strings(out, dispositions.agentClose());
        out.num(settings.fields().size());
        for (FieldDefinition field : settings.fields()) {
            out.str(field.name()).str(field.type().name()).bool(field.required());
            strings(out, field.options());
        }
        out.opt(settings.surveyBotFlowId());
        Optional<DeskHours> hours = settings.hours();
        out.bool(hours.isPresent());
        hours.ifPresent(desk -> out.str(desk.hours().zone().getId())
                .str(desk.hours().toText())
                .str(desk.action().name())
                .bool(desk.applyToQueued())
                .opt(desk.message())
                .bool(desk.messageOn()));
        return out.str(settings.inactivityTimeout().toString()).toString();
    }

    static DeskSettings decode(CampaignId campaignId, String text, long version) {
        Tokens.Reader in = new Tokens.Reader(text);
        String format = in.required();
        if (!FORMAT.equals(format)) {
            throw new IllegalStateException("unknown desk settings format " + format + " for campaign " + campaignId);
        }
        String queue = in.required();
        AssignmentMethod method = in.enumeration(AssignmentMethod.class);
        ConversationPolicies policies = new ConversationPolicies(
                in.bool(),
                in.bool(),
                in.bool(),
                in.opt().map(Duration::parse),
                in.bool(),
                in.bool(),
                in.bool(),
                in.bool());
        Dispositions dispositions = new Dispositions(in.required(), in.required(), in.required(), strings(in));
        List<FieldDefinition> fields = new ArrayList<>();
        for (long i = in.num(); i > 0; i--) {
            fields.add(new FieldDefinition(in.required(), in.enumeration(FieldType.class), in.bool(), strings(in)));
        }
        Optional<String> survey = in.opt();
        Optional<DeskHours> hours = Optional.empty();
        if (in.bool()) {
            ZoneId zone = ZoneId.of(in.required());
            hours = Optional.of(new DeskHours(
                    ActiveHours.parse(in.required(), zone),
                    in.enumeration(OutOfHoursPolicy.Action.class),
                    in.bool(),
                    in.opt(),
                    in.bool()));
        }
        Duration inactivity = Duration.parse(in.required());
        return new DeskSettings(
                campaignId, queue, method, policies, dispositions, fields, survey, hours, inactivity, version);
    }

    private static void strings(Tokens.Writer out, List<String> values) {
        out.num(values.size());
        values.forEach(out::str);
    }

    private static List<String> strings(Tokens.Reader in) {
        List<String> values = new ArrayList<>();
        for (long i = in.num(); i > 0; i--) {
            values.add(in.required());
        }
        return values;
    }
}
