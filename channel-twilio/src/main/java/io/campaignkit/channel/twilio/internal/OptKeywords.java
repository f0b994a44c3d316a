package io.campaignkit.channel.twilio.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's standard opt-out and opt-in keywords. A message is a keyword only when its whole body,
 * trimmed and in any letter case, is one of them ("stop" and " Stop " are; "stop it" and
 * "OPT OUT" are not, as at Twilio). HELP and INFO are deliberately not here: they go to the bot.
 */
public final class OptKeywords {

    /** What a keyword asks for. */
    public enum Intent { OPT_OUT, OPT_IN }

    public static final Set<String> OPT_OUT =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    public static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");

    private OptKeywords() {
    }

    /** The intent of this message body, empty for an ordinary message (or a null body). */
    public static Optional<Intent> intentOf(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (OPT_OUT.contains(word)) {
            return Optional.of(Intent.OPT_OUT);
        }
        if (OPT_IN.contains(word)) {
            return Optional.of(Intent.OPT_IN);
        }
        return Optional.empty();
    }

    /**
     * Twilio's own classification in the inbound {@code OptOutType} parameter (STOP, START, HELP),
     * present when Advanced Opt-Out is on; it also covers custom keywords configured at Twilio.
     */
    public static Optional<Intent> intentOfOptOutType(String optOutType) {
        if (optOutType == null) {
            return Optional.empty();
        }
        return switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
            case "STOP" -> Optional.of(Intent.OPT_OUT);
            case "START" -> Optional.of(Intent.OPT_IN);
            default -> Optional.empty();
        };
    }
}
