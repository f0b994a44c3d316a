package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportError;
import io.campaignkit.importer.ImportFormat;
import io.campaignkit.importer.ImportReport;
import io.campaignkit.importer.ImportedContact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one import: a reader thread streams the file's rows, cuts them into batches and hands each
 * batch to a small pool that validates it (the phone check is the costly part); the calling
 * thread takes the batches back in file order, so duplicates are found, errors listed and
 * contacts handed over in row order whatever the scheduling. The queue between them is bounded
 * and so is each batch, by rows and by its estimated size in memory: the reader waits when
 * validation falls behind, so the rows in flight take a few megabytes whether a row has 4 cells
 * or 10,000.
 */
public final class ImportPipeline {

    private static final int BATCH_ROWS = 512;
    /** A batch is cut at this estimated size, so that wide rows do not multiply memory by BATCH_ROWS. */
    private static final long BATCH_BYTES = 512 * 1024;
    /** Estimated heap bytes of a String beyond its characters (header, array header, reference). */
    private static final int CELL_OVERHEAD_BYTES = 48;

    private static final int BATCHES_IN_FLIGHT_PER_THREAD = 4;
    /** Bounds the rows held between reader and consumer, whatever the parallelism: memory stays flat. */
    private static final int MAX_BATCHES_IN_FLIGHT = 32;

    private static final int MAX_CAUSE_MESSAGE = 300;
    /** How often a waiting consumer looks whether a pipeline thread died without a word. */
    private static final long WATCH_INTERVAL_MS = 200;

    private final ImportSettings settings;

    public ImportPipeline(ImportSettings settings) {
        this.settings = settings;
    }

    public ImportReport run(Path file, Consumer<? super ImportedContact> onContact) {
        RowSource source = FormatDetector.open(file, settings);
        Watch watch = new Watch();
        ExecutorService validators = Executors.newFixedThreadPool(
                settings.parallelism(), daemonThreads("campaignkit-import-validator-", watch));
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(
                Math.min(MAX_BATCHES_IN_FLIGHT, settings.parallelism() * BATCHES_IN_FLIGHT_PER_THREAD + 2));
        RowProducer producer = new RowProducer(source, queue, validators);
        Thread reader = daemonThreads("campaignkit-import-reader-", watch).newThread(producer);
        watch.reader(reader);
        reader.start();
        try {
            return consume(source, queue, onContact, watch);
        } finally {
            producer.cancelled = true;
            reader.interrupt();
            joinDraining(reader, queue);
            validators.shutdownNow();
        }
    }

    private ImportReport consume(
            RowSource source, BlockingQueue<Item> queue, Consumer<? super ImportedContact> onContact, Watch watch) {
        ImportFormat format = source.format();
        Results results = new Results(settings.maxErrors());
        boolean headerValid = true;
        while (true) {
            Item item = take(queue, watch);
            if (item instanceof Header header) {
                results.contactHeader = header.layout().contactHeader();
                results.contactLetters =
                        CellValues.columnLetters(Math.max(0, header.layout().contactColumn()));
                headerValid = header.layout().errors().isEmpty();
                header.layout().errors().forEach(results::error);
            } else if (item instanceof Batch batch) {
                for (ValidatedRow row : join(batch.rows(), watch)) {
                    results.add(row, onContact);
                }
            } else if (item instanceof Failure failure) {
                throw translate(failure.error(), format);
            } else {
                break;
            }
        }
        // the reader thread finished before End was queued: what it found is visible here
        return new ImportReport(
                format,
                settings.policy(),
                headerValid,
                results.rows,
                results.valid,
                results.invalid,
                results.errorCount,
                results.errors,
                results.warningCount,
                results.warnings,
                source.sheetRead(),
                source.encoding());
    }

    /** The sequential end of the pipeline: counts, duplicates and the error list. */
    private static final class Results {
        private final int maxErrors;
        private final PhoneIndex seen = new PhoneIndex();
        private final List<ImportError> errors = new ArrayList<>();
        private final List<ImportError> warnings = new ArrayList<>();
        private String contactHeader = HeaderLayout.CONTACT;
        private String contactLetters = "A";
        private long warningCount;
        private long rows;
        private long valid;
        private long invalid;
        private long errorCount;

        Results(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        void add(ValidatedRow row, Consumer<? super ImportedContact> onContact) {
            rows++;
            boolean ok = row.valid();
            if (row.phone() != null) {
                int first = seen.putIfAbsent(PhoneIndex.key(row.phone().e164()), row.row());
                if (first >= 0) {
                    ok = false;
                    error(ImportError.of(
                            row.row(),
                            contactHeader,
                            ImportError.DUPLICATE_CONTACT,
                            contactLetters + row.row() + ": contact "
                                    + row.phone().e164() + " already appears on row " + first));
                }
            }
            row.errors().forEach(this::error);
            for (ImportError warning : row.warnings()) {
                warningCount++;
                if (warnings.size() < maxErrors) {
                    warnings.add(warning);
                }
            }
            if (ok) {
                valid++;
                onContact.accept(new ImportedContact(row.row(), row.phone(), row.data()));
            } else {
                invalid++;
            }
        }

        void error(ImportError error) {
            errorCount++;
            if (errors.size() < maxErrors) {
                errors.add(error);
            }
        }
    }

    /** Reads rows on its own thread and queues the header, then batches being validated. */
    private final class RowProducer implements Runnable, RowSink {
        private final RowSource source;
        private final BlockingQueue<Item> queue;
        private final ExecutorService validators;
        private volatile boolean cancelled;
        private HeaderLayout layout;
        private RowValidator validator;
        private List<RawRow> batch = new ArrayList<>(BATCH_ROWS);
        private long batchBytes;
        private long dataRows;

        RowProducer(RowSource source, BlockingQueue<Item> queue, ExecutorService validators) {
            this.source = source;
            this.queue = queue;
            this.validators = validators;
        }

        @Override
        public void run() {
            try {
                source.read(this);
                if (layout == null) {
                    throw new AudienceImportException(
                            AudienceImportException.EMPTY_FILE,
                            "the file has no header row and no data: nothing to import");
                }
                if (dataRows == 0) {
                    throw new AudienceImportException(
                            AudienceImportException.EMPTY_FILE,
                            "the file has a header" + " (row " + layout.headerRow() + ") but no data rows",
                            layout.errors(),
                            null);
                }
                submitBatch();
                put(End.INSTANCE);
            } catch (Throwable error) {
                if (!cancelled) {
                    try {
                        put(new Failure(error));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void row(int rowNumber, String[] cells) {
            if (cancelled) {
                throw new Cancelled();
            }
            long chars = 0;
            long bytes = 16L + 4L * cells.length;
            boolean blank = true;
            for (String cell : cells) {
                if (cell != null) {
                    bytes += CELL_OVERHEAD_BYTES + 2L * cell.length();
                    if (!cell.isEmpty()) {
                        blank = false;
                        chars += cell.length();
                    }
                }
            }
            if (blank) {
                return;
            }
            if (chars > settings.limits().maxRowChars()) {
                throw new AudienceImportException(
                        AudienceImportException.ROW_TOO_LARGE,
                        "row " + rowNumber + " is longer than "
                                + settings.limits().maxRowChars() + " characters");
            }
            try {
                if (layout == null) {
                    layout = HeaderLayout.of(rowNumber, cells, settings.schema(), settings.contactColumn());
                    validator = new RowValidator(
                            layout, settings.defaultRegion(), settings.notMobile(), settings.zoneField());
                    put(new Header(layout));
                    return;
                }
                if (++dataRows > settings.limits().maxRows()) {
                    throw new AudienceImportException(
                            AudienceImportException.TOO_MANY_ROWS,
                            "the file has more than " + settings.limits().maxRows() + " data rows (row " + rowNumber
                                    + " is one too many)");
                }
                batch.add(new RawRow(rowNumber, cells));
                batchBytes += bytes;
                if (batch.size() == BATCH_ROWS || batchBytes >= BATCH_BYTES) {
                    submitBatch();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }

        private void submitBatch() throws InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            List<RawRow> rows = batch;
            RowValidator rowValidator = validator;
            batch = new ArrayList<>(BATCH_ROWS);
            batchBytes = 0;
            put(new Batch(CompletableFuture.supplyAsync(() -> validateAll(rowValidator, rows), validators)));
        }

        private void put(Item item) throws InterruptedException {
            queue.put(item);
        }
    }

    private static ValidatedRow[] validateAll(RowValidator validator, List<RawRow> rows) {
        ValidatedRow[] validated = new ValidatedRow[rows.size()];
        for (int i = 0; i < validated.length; i++) {
            validated[i] = validator.validate(rows.get(i));
        }
        return validated;
    }

    static Item take(BlockingQueue<Item> queue, Watch watch) {
        try {
            while (true) {
                Item item = queue.poll(WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                watch.check();
                if (!watch.reader.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the import's reader thread stopped without a result");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudienceImportException(AudienceImportException.INTERRUPTED, "the import was interrupted");
        }
    }

    static ValidatedRow[] join(CompletableFuture<ValidatedRow[]> rows, Watch watch) {
        try {
            while (true) {
                try {
                    return rows.get(WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillValidating) {
                    watch.check(); // a validator thread that died never completes its batch
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error fatal) {
                throw fatal; // an OutOfMemoryError in a validator is the caller's to see as such
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudienceImportException(AudienceImportException.INTERRUPTED, "the import was interrupted");
        }
    }

    /**
     * What the pipeline's own threads died of. Out of memory, a thread can die while it reports its
     * failure (the report needs memory too): its result then never comes, so the consumer looks here
     * while it waits instead of waiting for good.
     */
    static final class Watch {
        private final AtomicReference<Throwable> died = new AtomicReference<>();
        private volatile Thread reader;

        void died(Throwable error) {
            died.compareAndSet(null, error);
        }

        void reader(Thread thread) {
            this.reader = thread;
        }

        void check() {
            Throwable error = died.get();
            if (error instanceof Error fatal) {
                throw fatal;
            }
            if (error != null) {
                throw new IllegalStateException("an import thread stopped: " + error, error);
            }
        }
    }

    /** Waits for the reader to stop, emptying the queue so that it is never stuck on a full one. */
    private static void joinDraining(Thread reader, BlockingQueue<Item> queue) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            queue.clear();
            try {
                reader.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Our own errors as they are; anything a reader library threw means the file is damaged. */
    static RuntimeException translate(Throwable error, ImportFormat format) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AudienceImportException own) {
                return own;
            }
            if (cause instanceof org.xml.sax.SAXException sax
                    && sax.getException() instanceof AudienceImportException own) {
                return own;
            }
            if (cause instanceof org.apache.poi.EncryptedDocumentException) {
                return XlsRowSource.passwordProtected(cause);
            }
            if (cause instanceof org.apache.poi.ooxml.POIXMLException
                    && String.valueOf(cause.getMessage()).contains("Strict OOXML")) {
                return ZipInspector.strictOpenXml(); // POI's own message cites its bug tracker, not what to do
            }
        }
        if (error instanceof Error fatal && !(error instanceof StackOverflowError)) {
            throw fatal;
        }
        String detail = String.valueOf(error.getMessage());
        if (detail.length() > MAX_CAUSE_MESSAGE) {
            detail = detail.substring(0, MAX_CAUSE_MESSAGE) + "…";
        }
        return new AudienceImportException(
                AudienceImportException.UNREADABLE_FILE,
                "the file cannot be read as "
                        + format.id().toUpperCase(java.util.Locale.ROOT) + ", it may be damaged ("
                        + error.getClass().getSimpleName() + ": " + detail + ")",
                error);
    }

    private static ThreadFactory daemonThreads(String prefix, Watch watch) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((dead, error) -> watch.died(error));
            return thread;
        };
    }

    sealed interface Item permits Header, Batch, Failure, End {}

    private record Header(HeaderLayout layout) implements Item {}

    private record Batch(CompletableFuture<ValidatedRow[]> rows) implements Item {}

    private record Failure(Throwable error) implements Item {}

    enum End implements Item {
        INSTANCE
    }

    /** Unwinds a reader whose import was abandoned. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("import abandoned", null, false, false);
        }
    }
}
