package io.campaignkit.report;

import java.util.function.Consumer;

/**
 * The recipients of a report, handed over one at a time in a stable order so that writers never
 * hold them all. May be walked more than once (the HTML page walks it once per chart pass).
 */
@FunctionalInterface
public interface ReportRowSource {

    /**
     * Hands every row to {@code action}, in order.
     *
     * @param action what to do with each row
     */
    void forEachRow(Consumer<? super ReportRow> action);
}
