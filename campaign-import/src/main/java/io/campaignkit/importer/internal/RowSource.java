package io.campaignkit.importer.internal;

import io.campaignkit.importer.ImportFormat;

/** A reader of one file format that streams the rows of the file into a {@link RowSink}. */
interface RowSource {

    ImportFormat format();

    /** The sheet read, once the read has started; null for text. */
    default String sheetRead() {
        return null;
    }

    /** The text encoding the file was read in; null for workbooks. */
    default String encoding() {
        return null;
    }

    /**
     * Reads every row in order into {@code sink}. Raises {@code AudienceImportException} for
     * problems it recognizes; anything else it throws means the file is unreadable.
     */
    void read(RowSink sink) throws Exception;
}
