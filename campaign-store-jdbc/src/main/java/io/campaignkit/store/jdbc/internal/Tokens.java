package io.campaignkit.store.jdbc.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * A compact, length-prefixed text encoding for the parts of a campaign and a contact that have no
 * column of their own. A value is {@code <length>:<characters>}, an absent one {@code ~}; values follow
 * each other without separators, so no character needs escaping and the text stays readable in a
 * database console ({@code 4:acme5:hello~}). Lists are a count followed by their items.
 */
final class Tokens {

    private Tokens() {}

    /** Appends values. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder(64);

        Writer str(String value) {
            if (value == null) {
                text.append('~');
            } else {
                text.append(value.length()).append(':').append(value);
            }
            return this;
        }

        Writer opt(Optional<String> value) {
            return str(value.orElse(null));
        }

        Writer num(long value) {
            return str(Long.toString(value));
        }

        Writer bool(boolean value) {
            return str(value ? "T" : "F");
        }

        Writer instant(Instant value) {
            return str(value == null ? null : value.toString());
        }

        Writer optInstant(Optional<Instant> value) {
            return instant(value.orElse(null));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Reads values in the order they were written. */
    static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        String str() {
            if (position >= text.length()) {
                throw new IllegalStateException("encoded value ends early at " + position + ": " + text);
            }
            if (text.charAt(position) == '~') {
                position++;
                return null;
            }
            int colon = text.indexOf(':', position);
            int length = Integer.parseInt(text, position, colon, 10);
            String value = text.substring(colon + 1, colon + 1 + length);
            position = colon + 1 + length;
            return value;
        }

        String required() {
            String value = str();
            if (value == null) {
                throw new IllegalStateException("encoded value missing at " + position + ": " + text);
            }
            return value;
        }

        Optional<String> opt() {
            return Optional.ofNullable(str());
        }

        long num() {
            return Long.parseLong(required());
        }

        int integer() {
            return Integer.parseInt(required());
        }

        boolean bool() {
            return "T".equals(required());
        }

        Instant instant() {
            String value = str();
            return value == null ? null : Instant.parse(value);
        }

        Optional<Instant> optInstant() {
            return Optional.ofNullable(instant());
        }

        <E extends Enum<E>> E enumeration(Class<E> type) {
            return Enum.valueOf(type, required());
        }

        boolean atEnd() {
            return position >= text.length();
        }
    }
}
