/**
 * Audience import: reads the contact files campaign operators upload (TSV, CSV, XLSX, XLS),
 * validates every row against the campaign's custom-data schema and reports every problem with
 * its row, column and a stable code.
 *
 * <p>Entry point: {@link io.campaignkit.importer.AudienceImporter}. Results:
 * {@link io.campaignkit.importer.ImportResult} (all in memory) or
 * {@link io.campaignkit.importer.ImportReport} (streamed). Problems in rows and in the header are
 * {@link io.campaignkit.importer.ImportError}s in the report; a file that cannot be read to the
 * end raises {@link io.campaignkit.importer.AudienceImportException}.
 *
 * <p>How hostile files are handled: every read is bounded by
 * {@link io.campaignkit.importer.ImportLimits}, set per importer. For XLSX, the archive is checked
 * before Apache POI opens it (entry count, bytes really inflated per entry and in all, inflation
 * ratio), the sheet is read with POI's SAX handler with the row-size limit enforced as characters
 * arrive, and the shared strings go to a temporary file. POI's JVM-wide
 * {@code ZipSecureFile} settings are never changed; they still apply after ours, so a host that
 * tightened them gets {@code UNREADABLE_FILE} for files beyond its own limits.
 *
 * <p>Logging: Apache POI logs through the Log4j API; this module brings {@code log4j-to-slf4j}, so
 * POI's logs reach the host's SLF4J backend, the one logging API of CampaignKit.
 */
@NullMarked
package io.campaignkit.importer;

import org.jspecify.annotations.NullMarked;
