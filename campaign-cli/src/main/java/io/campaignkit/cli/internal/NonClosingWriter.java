package io.campaignkit.cli.internal;

import java.io.FilterWriter;
import java.io.Writer;

/** Lets a JSON generator or CSV printer be closed without closing the program's stdout. */
final class NonClosingWriter extends FilterWriter {

    NonClosingWriter(Writer target) {
        super(target);
    }

    @Override
    public void close() {
        flush0();
    }

    private void flush0() {
        try {
            out.flush();
        } catch (java.io.IOException ignored) {
            // stdout went away; nothing useful to do
        }
    }
}
