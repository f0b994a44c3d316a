package io.campaignkit.importer.internal;

import io.campaignkit.importer.ImportFormat;

/** A reader of one file format that streams the rows of the file into a {@link RowSink}. */
interface RowSource {

    ImportFormat format();

    /**
     * Reads every row in order into {@code sink}. Raises {@code AudienceImportException} for
     * problems it recognizes; anything else it throws means the file is unreadable.
     */
    void read(RowSink sink) throws Exception;
}
