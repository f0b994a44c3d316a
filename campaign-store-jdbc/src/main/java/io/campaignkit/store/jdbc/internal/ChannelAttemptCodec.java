package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.port.ChannelAttempt;
import io.campaignkit.core.port.StatusReason;
import java.util.ArrayList;
import java.util.List;

/**
 * A recipient's earlier channel attempts as the text of {@code ck_recipient.channel_attempts}: NULL
 * for none (almost every recipient), else {@link Tokens} with a format version first, so a later
 * release can read what an earlier one wrote.
 */
final class ChannelAttemptCodec {

    private static final String FORMAT = "1";

    private ChannelAttemptCodec() {}

    static String encode(List<ChannelAttempt> attempts) {
        if (attempts.isEmpty()) {
            return null;
        }
        Tokens.Writer out = new Tokens.Writer().str(FORMAT).num(attempts.size());
        for (ChannelAttempt attempt : attempts) {
            StatusReason outcome = attempt.outcome();
            out.num(attempt.binding())
                    .opt(attempt.providerMessageId())
                    .optInstant(attempt.sentAt())
                    .str(outcome.code())
                    .str(outcome.message())
                    .opt(outcome.providerCode())
                    .bool(outcome.permanent())
                    .instant(attempt.endedAt());
        }
        return out.toString();
    }

    static List<ChannelAttempt> decode(String text) {
        if (text == null) {
            return List.of();
        }
        Tokens.Reader in = new Tokens.Reader(text);
        String format = in.required();
        if (!FORMAT.equals(format)) {
            throw new IllegalStateException("unknown channel attempts format " + format);
        }
        List<ChannelAttempt> attempts = new ArrayList<>();
        for (long i = in.num(); i > 0; i--) {
            int binding = in.integer();
            var providerMessageId = in.opt();
            var sentAt = in.optInstant();
            StatusReason outcome = new StatusReason(in.required(), in.required(), in.opt(), in.bool());
            attempts.add(new ChannelAttempt(binding, providerMessageId, sentAt, outcome, in.instant()));
        }
        return attempts;
    }
}
