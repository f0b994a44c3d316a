package io.campaignkit.importer.internal;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Reads one sheet of an XLS (BIFF8) workbook with POI's event API, record by record: cells
 * arrive in row order, so one row is held at a time. A BIFF8 sheet has at most 65,536 rows.
 */
final class XlsRowSource implements RowSource {

    private final Path file;
    private final ImportSettings settings;
    private volatile SheetListener listener;

    XlsRowSource(Path file, ImportSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.XLS;
    }

    @Override
    public String sheetRead() {
        SheetListener read = listener;
        return read == null ? null : read.sheetRead;
    }

    static AudienceImportException passwordProtected(Throwable cause) {
        return new AudienceImportException(
                AudienceImportException.UNREADABLE_FILE,
                "the workbook is"
                        + " password-protected, so it cannot be read: open it in Excel, remove the password (File > Info >"
                        + " Protect Workbook > Encrypt with Password) and import the copy saved without one",
                cause);
    }

    /** The name of the root entry called {@code name} in any letter case (writers differ), or null. */
    private static String entryIgnoringCase(DirectoryNode root, String name) {
        for (org.apache.poi.poifs.filesystem.Entry entry : root) {
            if (entry.getName().equalsIgnoreCase(name)) {
                return entry.getName();
            }
        }
        return null;
    }

    @Override
    public void read(RowSink sink) throws IOException, HSSFUserException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw passwordProtected(null); // an encrypted .xlsx travels inside an OLE2 file
            }
            String stream = entryIgnoringCase(root, "Workbook");
            if (stream == null) {
                throw new AudienceImportException(
                        AudienceImportException.UNSUPPORTED_FORMAT,
                        entryIgnoringCase(root, "Book") != null
                                ? "the workbook is in the Excel 5.0/95 format, which cannot be read: open it in"
                                        + " Excel and save it as Excel Workbook (.xlsx)"
                                : root.hasEntry("WordDocument")
                                        ? "the file is a Word document, not an Excel workbook"
                                        : "the file is an OLE2 document that holds no Excel workbook (it may be a Word,"
                                                + " PowerPoint or Outlook file): save the contacts from the spreadsheet as .xlsx");
            }
            SheetListener listener = new SheetListener(settings.sheetName(), sink);
            FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener);
            listener.formats = formats;
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(formats);
            this.listener = listener;
            try (InputStream workbook = root.createDocumentInputStream(stream)) {
                new HSSFEventFactory().abortableProcessEvents(request, workbook);
            } catch (EncryptedDocumentException encrypted) {
                throw passwordProtected(encrypted);
            }
            listener.finish();
        }
    }

    /** Follows the records of the wanted sheet and turns its cells into rows. */
    private static final class SheetListener extends AbortableHSSFListener implements HSSFListener {
        private final String wantedSheet;
        private final RowSink sink;
        private FormatTrackingHSSFListener formats;
        private final CellValues.DateFormats dateFormats = new CellValues.DateFormats();
        private final List<BoundSheetRecord> boundSheets = new ArrayList<>();
        private BoundSheetRecord[] sheetsInOrder;
        private SSTRecord strings;
        private boolean date1904;
        private int sheetIndex = -1;
        private String firstVisible;
        private volatile String sheetRead;
        private boolean inWantedSheet;
        private boolean sheetFound;
        private boolean done;

        private int currentRow = -1;
        private String[] cells = new String[16];
        private int width;
        private int pendingStringRow = -1;
        private int pendingStringColumn;

        SheetListener(String wantedSheet, RowSink sink) {
            this.wantedSheet = wantedSheet;
            this.sink = sink;
        }

        @Override
        public void processRecord(Record record) {
            abortableProcessRecord(record);
        }

        @Override
        public short abortableProcessRecord(org.apache.poi.hssf.record.Record record) {
            if (done) {
                return 1;
            }
            if (record instanceof BoundSheetRecord sheet) {
                boundSheets.add(sheet);
            } else if (record instanceof DateWindow1904Record window) {
                date1904 = window.getWindowing() == 1;
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                startSheet();
            } else if (record instanceof EOFRecord && inWantedSheet) {
                flushRow();
                inWantedSheet = false;
                done = true;
                return 1;
            } else if (inWantedSheet) {
                cellRecord(record);
            }
            return 0;
        }

        private void startSheet() {
            if (sheetsInOrder == null) {
                sheetsInOrder = BoundSheetRecord.orderByBofPosition(boundSheets);
                firstVisible = boundSheets.stream()
                        .filter(sheet -> !sheet.isHidden() && !sheet.isVeryHidden())
                        .map(BoundSheetRecord::getSheetname)
                        .findFirst()
                        .orElse(null);
            }
            sheetIndex++;
            String name = sheetIndex < sheetsInOrder.length ? sheetsInOrder[sheetIndex].getSheetname() : "";
            inWantedSheet = !sheetFound
                    && (wantedSheet != null
                            ? wantedSheet.equalsIgnoreCase(name.strip())
                            : firstVisible == null || firstVisible.equals(name));
            if (inWantedSheet) {
                sheetFound = true;
                sheetRead = name;
            }
        }

        private void cellRecord(Record record) {
            if (record instanceof StringRecord text) {
                if (pendingStringRow >= 0) {
                    put(pendingStringRow, pendingStringColumn, text.getString());
                    pendingStringRow = -1;
                }
                return;
            }
            if (!(record instanceof CellValueRecordInterface cell)) {
                return;
            }
            int row = cell.getRow();
            int column = cell.getColumn();
            if (record instanceof LabelSSTRecord label) {
                put(row, column, sharedString(label.getSSTIndex()));
            } else if (record instanceof LabelRecord label) {
                put(row, column, label.getValue());
            } else if (record instanceof NumberRecord number) {
                put(row, column, numeric(number.getValue(), cell));
            } else if (record instanceof BoolErrRecord boolErr) {
                put(
                        row,
                        column,
                        boolErr.isBoolean()
                                ? (boolErr.getBooleanValue() ? "TRUE" : "FALSE")
                                : FormulaError.forInt(boolErr.getErrorValue()).getString());
            } else if (record instanceof FormulaRecord formula) {
                formulaResult(formula, cell);
            }
        }

        private void formulaResult(FormulaRecord formula, CellValueRecordInterface cell) {
            CellType type = formula.getCachedResultTypeEnum();
            if (type == CellType.STRING) {
                flushIfNewRow(cell.getRow());
                pendingStringRow = cell.getRow(); // the text follows in a StringRecord
                pendingStringColumn = cell.getColumn();
            } else if (type == CellType.NUMERIC) {
                put(cell.getRow(), cell.getColumn(), numeric(formula.getValue(), cell));
            } else if (type == CellType.BOOLEAN) {
                put(cell.getRow(), cell.getColumn(), formula.getCachedBooleanValue() ? "TRUE" : "FALSE");
            } else if (type == CellType.ERROR) {
                put(
                        cell.getRow(),
                        cell.getColumn(),
                        FormulaError.forInt(formula.getCachedErrorValue()).getString());
            }
        }

        private String numeric(double value, CellValueRecordInterface cell) {
            return CellValues.numeric(
                    value, formats.getFormatIndex(cell), formats.getFormatString(cell), date1904, dateFormats);
        }

        private String sharedString(int index) {
            if (strings == null || index < 0 || index >= strings.getNumUniqueStrings()) {
                throw new IllegalArgumentException("a cell refers to shared string " + index + ", which is missing");
            }
            return strings.getString(index).getString();
        }

        private void put(int row, int column, String value) {
            flushIfNewRow(row);
            if (value == null || column < 0) {
                return;
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = value.strip();
            width = Math.max(width, column + 1);
        }

        private void flushIfNewRow(int row) {
            if (row != currentRow) {
                flushRow();
                currentRow = row;
            }
        }

        private void flushRow() {
            if (width > 0) {
                sink.row(currentRow + 1, Arrays.copyOf(cells, width));
            }
            Arrays.fill(cells, 0, width, null);
            width = 0;
        }

        void finish() {
            if (!sheetFound) {
                List<String> names =
                        boundSheets.stream().map(BoundSheetRecord::getSheetname).toList();
                throw XlsxRowSource.sheetNotFound(wantedSheet, names);
            }
            if (inWantedSheet) {
                flushRow(); // a sheet cut short, without its EOF record
            }
        }
    }
}
