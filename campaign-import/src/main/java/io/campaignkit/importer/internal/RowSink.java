package io.campaignkit.importer.internal;

/** Receives the rows of a sheet or text file, in order, as a reader finds them. */
interface RowSink {

    /**
     * One row.
     *
     * @param rowNumber the row as a spreadsheet shows it (1 = first row of the file)
     * @param cells trimmed cell texts by column index; null or empty for an empty cell (a
     *     numeric cell is the text of its digits, as if typed as text)
     */
    void row(int rowNumber, String[] cells);
}
