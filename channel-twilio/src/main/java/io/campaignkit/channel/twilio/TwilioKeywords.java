package io.campaignkit.channel.twilio;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The SMS keywords of one Twilio sender: a message whose whole body (trimmed, in any letter case,
 * accents ignored) is an opt-out word suppresses the contact for the sender, an opt-in word lifts it,
 * a help word is never taken for either. Keywords apply to SMS only, as Twilio's own Advanced Opt-Out
 * does: WhatsApp messages and button taps ({@code ButtonPayload}) always reach the bot, and WhatsApp
 * opt-outs come from Meta's signals instead.
 *
 * <p>{@link #defaults()} covers English (Twilio's standard words), Spanish and Portuguese. A sender
 * writing to other languages, or wanting fewer words, sets its own with
 * {@link TwilioConfig.Builder#keywords(TwilioKeywords)}. Words are stored upper case without accents;
 * the three sets must not share a word.
 *
 * @param optOut words that opt the contact out of this sender
 * @param optIn  words that opt the contact back in; the message still reaches the bot as well
 * @param help   words that ask for help; they reach the bot as ordinary messages (Twilio answers them
 *               itself when Advanced Opt-Out is on)
 */
public record TwilioKeywords(Set<String> optOut, Set<String> optIn, Set<String> help) {

    private static final TwilioKeywords DEFAULTS = new TwilioKeywords(
            Set.of(
                    "STOP",
                    "STOPALL",
                    "UNSUBSCRIBE",
                    "CANCEL",
                    "END",
                    "QUIT",
                    "REVOKE",
                    "OPTOUT",
                    "BAJA",
                    "ALTO",
                    "CANCELAR",
                    "DETENER",
                    "PARAR",
                    "SAIR",
                    "DESCADASTRAR"),
            Set.of("START", "YES", "UNSTOP"),
            Set.of("HELP", "INFO", "AYUDA", "AJUDA"));

    /**
     * Validates and normalizes.
     *
     * @param optOut see {@link #optOut()}
     * @param optIn see {@link #optIn()}
     * @param help see {@link #help()}
     * @throws IllegalArgumentException when a set is null, holds a blank or null word, or two sets share a word
     */
    public TwilioKeywords {
        optOut = normalized(optOut, "optOut");
        optIn = normalized(optIn, "optIn");
        help = normalized(help, "help");
        shareNothing(optOut, "optOut", optIn, "optIn");
        shareNothing(optOut, "optOut", help, "help");
        shareNothing(optIn, "optIn", help, "help");
    }

    /**
     * English: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT / START, YES, UNSTOP /
     * HELP, INFO; Spanish: BAJA, ALTO, CANCELAR, DETENER, PARAR / AYUDA; Portuguese: PARAR, SAIR,
     * CANCELAR, DESCADASTRAR / AJUDA.
     *
     * @return the default keywords
     */
    public static TwilioKeywords defaults() {
        return DEFAULTS;
    }

    /**
     * How a message body compares with the keywords: trimmed (Unicode blanks too), upper case, accents removed.
     *
     * @param body a message body, not null
     * @return the comparable form
     */
    public static String comparable(String body) {
        String stripped = body.strip().replace('\u00a0', ' ').strip();
        String decomposed = Normalizer.normalize(stripped, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalized(Set<String> words, String name) {
        Objects.requireNonNull(words, name + " must not be null");
        Set<String> out = new LinkedHashSet<>();
        for (String word : words) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException(name + " holds a blank keyword");
            }
            out.add(comparable(word));
        }
        return Set.copyOf(out);
    }

    private static void shareNothing(Set<String> a, String aName, Set<String> b, String bName) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        if (!common.isEmpty()) {
            throw new IllegalArgumentException(
                    aName + " and " + bName + " share the keywords " + new java.util.TreeSet<>(common));
        }
    }
}
