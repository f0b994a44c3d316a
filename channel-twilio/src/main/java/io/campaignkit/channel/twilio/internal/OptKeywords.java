package io.campaignkit.channel.twilio.internal;

import io.campaignkit.channel.twilio.TwilioKeywords;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an inbound SMS is an opt-out or opt-in keyword of the sender. A message is a keyword only
 * when its whole body, trimmed, in any letter case and with accents ignored, is one of the sender's
 * {@link TwilioKeywords} ("stop" and " Stop " are; "stop it" and "OPT OUT" are not, as at Twilio). Help
 * words are never an intent: they go to the bot.
 */
public final class OptKeywords {

    /** What a keyword asks for. */
    public enum Intent {
        OPT_OUT,
        OPT_IN
    }

    private final TwilioKeywords keywords;

    public OptKeywords(TwilioKeywords keywords) {
        this.keywords = keywords;
    }

    /** The intent of this message body, empty for an ordinary message (or a null body). */
    public Optional<Intent> intentOf(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = TwilioKeywords.comparable(body);
        if (keywords.optOut().contains(word)) {
            return Optional.of(Intent.OPT_OUT);
        }
        if (keywords.optIn().contains(word)) {
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
