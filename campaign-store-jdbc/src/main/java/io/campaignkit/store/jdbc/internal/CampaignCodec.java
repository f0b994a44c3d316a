package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.campaign.CampaignConfiguration;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.ChannelBinding;
import io.campaignkit.core.campaign.ContactCondition;
import io.campaignkit.core.campaign.DeliveryPlan;
import io.campaignkit.core.campaign.DispatchState;
import io.campaignkit.core.campaign.FinishReason;
import io.campaignkit.core.campaign.OutOfHoursPolicy;
import io.campaignkit.core.campaign.OutcomeFilter;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.campaign.PauseReason;
import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.hours.LocalHours;
import io.campaignkit.core.template.Binding;
import io.campaignkit.core.template.ChannelTemplate;
import io.campaignkit.core.template.HeaderMedia;
import io.campaignkit.core.template.InlineTemplate;
import io.campaignkit.core.template.MessageTemplate;
import io.campaignkit.core.template.TemplateMessage;
import io.campaignkit.core.template.ValueFormat;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's configuration and dispatch state as {@link Tokens} text. Active hours keep their own
 * canonical text form ({@link ActiveHours#toText()}). The first token is the format version, so a
 * later release can read what an earlier one wrote.
 */
final class CampaignCodec {

    private static final String FORMAT = "1";
    /** Tag of the busy-contact wait, an ISO-8601 duration. */
    private static final String BUSY_CONTACT_WAIT = "busyContactWait";
    /** Tag of the local hours ({@link LocalHours#toText()}): the active hours read on each recipient's clock. */
    private static final String LOCAL_HOURS = "localHours";
    /** Tag of the first channel binding's contact condition ({@link ContactCondition#toText()}). */
    private static final String CHANNEL_CONDITION = "channelCondition";
    /** Tag of the channel bindings after the first: their count, then each one's sender, message and condition. */
    private static final String FALLBACK_CHANNELS = "fallbackChannels";
    /** Tag of the timed fallback, an ISO-8601 duration. */
    private static final String FALLBACK_AFTER = "fallbackAfter";

    private CampaignCodec() {}

    static String encodeConfiguration(CampaignConfiguration configuration) {
        Tokens.Writer out = new Tokens.Writer().str(FORMAT);
        out.opt(configuration.name()).opt(configuration.botFlowId());
        Optional<SenderKey> channel = configuration.channel();
        out.str(channel.map(SenderKey::channelType).orElse(null))
                .str(channel.map(SenderKey::senderId).orElse(null));
        writeMessage(out, configuration.message());
        writeAudience(out, configuration.audience());
        List<FieldDefinition> fields = configuration.schema().fields();
        out.num(fields.size());
        fields.forEach(field -> out.str(field.id()).str(field.type().name()).bool(field.required()));
        ActiveHours hours = configuration.activeHours();
        out.str(hours.zone().getId()).str(hours.toText());
        DeliveryPlan plan = configuration.deliveryPlan();
        out.optInstant(plan.startAt())
                .num(plan.pace().messages())
                .str(plan.pace().per().name())
                .num(plan.pace().burst())
                .optInstant(plan.endAt());
        OutOfHoursPolicy policy = configuration.outOfHoursPolicy();
        out.str(policy.action().name()).opt(policy.autoReply());
        // optional settings added after format 1: a tag and its value, written only when not the default,
        // so what an earlier release wrote still reads (it simply ends here)
        if (!configuration.busyContactWait().isZero()) {
            out.str(BUSY_CONTACT_WAIT).str(configuration.busyContactWait().toString());
        }
        configuration.localHours().ifPresent(local -> out.str(LOCAL_HOURS).str(local.toText()));
        writeChannels(out, configuration);
        return out.toString();
    }

    /** The first channel's condition, the channels after it and the timed fallback, each tagged and only when set. */
    private static void writeChannels(Tokens.Writer out, CampaignConfiguration configuration) {
        configuration
                .channelCondition()
                .ifPresent(condition -> out.str(CHANNEL_CONDITION).str(condition.toText()));
        List<ChannelBinding> further = configuration.fallbackChannels();
        if (!further.isEmpty()) {
            out.str(FALLBACK_CHANNELS).num(further.size());
            for (ChannelBinding binding : further) {
                out.str(binding.sender().channelType()).str(binding.sender().senderId());
                writeMessage(out, Optional.of(binding.message()));
                out.opt(binding.onlyFor().map(ContactCondition::toText));
            }
        }
        configuration.fallbackAfter().ifPresent(after -> out.str(FALLBACK_AFTER).str(after.toString()));
    }

    private static void readFallbackChannels(Tokens.Reader in, CampaignConfiguration.Builder builder) {
        for (long i = in.num(); i > 0; i--) {
            SenderKey sender = SenderKey.of(in.required(), in.required());
            TemplateMessage message = readMessage(in)
                    .orElseThrow(() -> new IllegalStateException("a fallback channel without its message"));
            ChannelBinding binding = ChannelBinding.of(sender, message);
            Optional<String> condition = in.opt();
            builder.addChannel(condition
                    .map(text -> binding.onlyFor(ContactCondition.parse(text)))
                    .orElse(binding));
        }
    }

    static CampaignConfiguration decodeConfiguration(String text) {
        Tokens.Reader in = new Tokens.Reader(text);
        String format = in.required();
        if (!FORMAT.equals(format)) {
            throw new IllegalStateException("unknown campaign configuration format " + format);
        }
        CampaignConfiguration.Builder builder = CampaignConfiguration.custom();
        in.opt().ifPresent(builder::name);
        in.opt().ifPresent(builder::botFlowId);
        String channelType = in.str();
        String senderId = in.str();
        if (channelType != null) {
            builder.channel(SenderKey.of(channelType, senderId));
        }
        readMessage(in).ifPresent(builder::message);
        readAudience(in).ifPresent(builder::audience);
        List<FieldDefinition> fields = new ArrayList<>();
        for (long i = in.num(); i > 0; i--) {
            fields.add(new FieldDefinition(in.required(), in.enumeration(FieldType.class), in.bool()));
        }
        builder.schema(CustomDataSchema.of(fields));
        ZoneId zone = ZoneId.of(in.required());
        builder.activeHours(ActiveHours.parse(in.required(), zone));
        builder.deliveryPlan(new DeliveryPlan(
                in.optInstant(),
                new Pace(in.integer(), in.enumeration(Pace.Unit.class), in.integer()),
                in.optInstant()));
        builder.outOfHoursPolicy(new OutOfHoursPolicy(in.enumeration(OutOfHoursPolicy.Action.class), in.opt()));
        while (!in.atEnd()) {
            String tag = in.required();
            switch (tag) {
                case BUSY_CONTACT_WAIT -> builder.busyContactWait(java.time.Duration.parse(in.required()));
                case LOCAL_HOURS -> builder.localHours(LocalHours.parse(in.required()));
                case CHANNEL_CONDITION -> builder.channelCondition(ContactCondition.parse(in.required()));
                case FALLBACK_CHANNELS -> readFallbackChannels(in, builder);
                case FALLBACK_AFTER -> builder.fallbackAfter(java.time.Duration.parse(in.required()));
                default -> throw new IllegalStateException("unknown campaign configuration setting " + tag);
            }
        }
        return builder.build();
    }

    private static void writeMessage(Tokens.Writer out, Optional<TemplateMessage> message) {
        if (message.isEmpty()) {
            out.str(null);
            return;
        }
        MessageTemplate template = message.get().template();
        if (template instanceof ChannelTemplate channel) {
            out.str("C").str(channel.name()).str(channel.languageCode()).num(channel.placeholderCount());
        } else if (template instanceof InlineTemplate inline) {
            out.str("I").str(inline.text().text());
        }
        List<Binding> bindings = message.get().bindings();
        out.num(bindings.size());
        for (Binding binding : bindings) {
            if (binding instanceof Binding.Literal literal) {
                out.str("L").str(literal.text());
            } else if (binding instanceof Binding.ContactName name) {
                out.str("N").opt(name.fallback());
            } else if (binding instanceof Binding.CustomField field
                    && field.format().isPresent()) {
                // a kind of its own, so that a field without a format is written as before
                out.str("G").str(field.fieldId()).str(field.format().get().toText());
            } else if (binding instanceof Binding.CustomField field) {
                out.str("F").str(field.fieldId());
            } else if (binding instanceof Binding.ValuedTag tag) {
                out.str("T").str(tag.key());
            }
        }
        Optional<HeaderMedia> media = message.get().headerMedia();
        out.str(media.map(m -> m.type().name()).orElse(null));
        media.ifPresent(m -> out.str(m.link().map(URI::toString).orElse(null)).opt(m.mediaId()));
    }

    private static Optional<TemplateMessage> readMessage(Tokens.Reader in) {
        String kind = in.str();
        if (kind == null) {
            return Optional.empty();
        }
        MessageTemplate template = switch (kind) {
            case "C" -> ChannelTemplate.withParameterCount(in.required(), in.required(), in.integer());
            case "I" -> InlineTemplate.of(in.required());
            default -> throw new IllegalStateException("unknown template kind " + kind);
        };
        List<Binding> bindings = new ArrayList<>();
        for (long i = in.num(); i > 0; i--) {
            String type = in.required();
            bindings.add(
                    switch (type) {
                        case "L" -> new Binding.Literal(in.required());
                        case "N" -> new Binding.ContactName(in.opt());
                        case "F" -> new Binding.CustomField(in.required());
                        case "G" -> Binding.customField(in.required(), ValueFormat.parse(in.required()));
                        case "T" -> new Binding.ValuedTag(in.required());
                        default -> throw new IllegalStateException("unknown binding " + type);
                    });
        }
        TemplateMessage message = TemplateMessage.of(template, bindings);
        String mediaType = in.str();
        if (mediaType != null) {
            message = message.withHeaderMedia(new HeaderMedia(
                    HeaderMedia.Type.valueOf(mediaType), in.opt().map(URI::create), in.opt()));
        }
        return Optional.of(message);
    }

    private static void writeAudience(Tokens.Writer out, Optional<AudienceReference> audience) {
        if (audience.isEmpty()) {
            out.str(null);
        } else if (audience.get() instanceof AudienceReference.ImportedList list) {
            out.str("I").str(list.listId());
        } else if (audience.get() instanceof AudienceReference.Segment segment) {
            out.str("S").num(segment.tags().size());
            segment.tags().forEach(out::str);
            out.num(segment.valuedTags().size());
            segment.valuedTags().forEach((key, value) -> out.str(key).str(value));
        } else if (audience.get() instanceof AudienceReference.TestAudience test) {
            out.str("T").num(test.contacts().size());
            test.contacts().forEach(contact -> ContactCodec.writeWhole(out, contact));
        } else if (audience.get() instanceof AudienceReference.CampaignRecipients retargeted) {
            out.str("R")
                    .str(retargeted.source().value())
                    .str(retargeted.outcomes().toText());
        }
    }

    private static Optional<AudienceReference> readAudience(Tokens.Reader in) {
        String kind = in.str();
        if (kind == null) {
            return Optional.empty();
        }
        switch (kind) {
            case "I":
                return Optional.of(new AudienceReference.ImportedList(in.required()));
            case "S": {
                Set<String> tags = new LinkedHashSet<>();
                for (long i = in.num(); i > 0; i--) {
                    tags.add(in.required());
                }
                Map<String, String> valued = new LinkedHashMap<>();
                for (long i = in.num(); i > 0; i--) {
                    valued.put(in.required(), in.required());
                }
                return Optional.of(new AudienceReference.Segment(tags, valued));
            }
            case "T": {
                List<Contact> contacts = new ArrayList<>();
                for (long i = in.num(); i > 0; i--) {
                    contacts.add(ContactCodec.readWhole(in));
                }
                return Optional.of(new AudienceReference.TestAudience(contacts));
            }
            case "R":
                return Optional.of(new AudienceReference.CampaignRecipients(
                        CampaignId.of(in.required()), OutcomeFilter.parse(in.required())));
            default:
                throw new IllegalStateException("unknown audience kind " + kind);
        }
    }

    static String encodeDispatch(Optional<DispatchState> dispatch) {
        if (dispatch.isEmpty()) {
            return null;
        }
        Tokens.Writer out = new Tokens.Writer();
        DispatchState state = dispatch.get();
        if (state instanceof DispatchState.Preparing preparing) {
            out.str("R").str(preparing.preparer()).instant(preparing.since()).instant(preparing.heartbeat());
        } else if (state instanceof DispatchState.Waiting waiting) {
            out.str("W").instant(waiting.startAt());
        } else if (state instanceof DispatchState.Sending sending) {
            out.str("S").instant(sending.since());
        } else if (state instanceof DispatchState.Paused paused) {
            out.str("P").str(paused.reason().name()).instant(paused.since());
        } else if (state instanceof DispatchState.Done done) {
            out.str("D").instant(done.at());
        } else if (state instanceof DispatchState.Finishing finishing) {
            out.str("F").str(finishing.reason().name()).instant(finishing.since());
        } else {
            throw new IllegalStateException("no encoding for dispatch state " + state.label());
        }
        return out.toString();
    }

    static Optional<DispatchState> decodeDispatch(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Tokens.Reader in = new Tokens.Reader(text);
        String kind = in.required();
        return Optional.of(
                switch (kind) {
                    case "W" -> new DispatchState.Waiting(in.instant());
                    case "S" -> new DispatchState.Sending(in.instant());
                    case "P" -> new DispatchState.Paused(in.enumeration(PauseReason.class), in.instant());
                    case "D" -> new DispatchState.Done(in.instant());
                    case "R" -> new DispatchState.Preparing(in.required(), in.instant(), in.instant());
                    case "F" -> new DispatchState.Finishing(in.enumeration(FinishReason.class), in.instant());
                    default -> throw new IllegalStateException("unknown dispatch state " + kind);
                });
    }
}
