package io.campaignkit.importer.internal;

/** A non-blank data row as read, before validation. */
record RawRow(int row, String[] cells) {}
