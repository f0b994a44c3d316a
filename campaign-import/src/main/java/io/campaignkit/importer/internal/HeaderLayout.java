package io.campaignkit.importer.internal;

import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.importer.ImportError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the header row says: where the contact and each schema field are, which columns have no
 * header, and every problem with it. Field ids match exactly or, failing that, ignoring case
 * (a schema's ids are unique ignoring case, so that is never ambiguous). Headers are trimmed of
 * every Unicode blank (a non-breaking space pasted after {@code CONTACT} is invisible in a cell).
 *
 * <p>The phone column is, by default, the first one, headed {@code CONTACT}: the products' rule.
 * A host that names another column ({@code TELEFONO}) finds it wherever it stands.
 */
final class HeaderLayout {

    static final String CONTACT = "CONTACT";

    private final int headerRow;
    private final boolean contactColumn;
    private final int contactIndex;
    private final String contactHeader;
    private final FieldDefinition[] fields;
    private final int[] fieldColumns; // by schema position; -1 when the field has no column
    private final boolean[] headerless; // by column: a blank header
    private final List<ImportError> errors;

    private HeaderLayout(
            int headerRow,
            int contactIndex,
            String contactHeader,
            FieldDefinition[] fields,
            int[] fieldColumns,
            boolean[] headerless,
            List<ImportError> errors) {
        this.headerRow = headerRow;
        this.contactColumn = contactIndex >= 0;
        this.contactIndex = contactIndex;
        this.contactHeader = contactHeader;
        this.fields = fields;
        this.fieldColumns = fieldColumns;
        this.headerless = headerless;
        this.errors = List.copyOf(errors);
    }

    static HeaderLayout of(int row, String[] cells, CustomDataSchema schema) {
        return of(row, cells, schema, null);
    }

    /**
     * @param namedContactColumn the header of the phone column, wherever it stands; null for the
     *     default rule (the first column, headed {@code CONTACT})
     */
    static HeaderLayout of(int row, String[] cells, CustomDataSchema schema, String namedContactColumn) {
        List<ImportError> errors = new ArrayList<>();
        FieldDefinition[] fields = schema.fields().toArray(new FieldDefinition[0]);
        int[] fieldColumns = new int[fields.length];
        java.util.Arrays.fill(fieldColumns, -1);
        boolean[] headerless = new boolean[cells.length];
        Map<String, Integer> fieldByLowerId = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            fieldByLowerId.put(fields[i].id().toLowerCase(Locale.ROOT), i);
        }

        String contactName = namedContactColumn == null ? CONTACT : namedContactColumn;
        int contactAt;
        if (namedContactColumn == null) {
            String first = header(cells, 0);
            contactAt = first.equalsIgnoreCase(CONTACT) ? 0 : -1;
            if (contactAt < 0) {
                int elsewhere = indexOfIgnoringCase(cells, CONTACT);
                errors.add(ImportError.of(
                        row,
                        first.isEmpty() ? "A" : first,
                        ImportError.MISSING_CONTACT_COLUMN,
                        "A" + row + ": the first column must be headed " + CONTACT + ", "
                                + (elsewhere > 0
                                        ? "but " + CONTACT + " is column " + CellValues.columnLetters(elsewhere)
                                        : first.isEmpty() ? "it has no header" : "found '" + first + "'")));
            }
        } else {
            contactAt = indexOfIgnoringCase(cells, namedContactColumn);
            if (contactAt < 0) {
                errors.add(ImportError.of(
                        row,
                        namedContactColumn,
                        ImportError.MISSING_CONTACT_COLUMN,
                        "row " + row + ": no column is headed " + namedContactColumn
                                + ", the column of phone numbers"));
            }
        }
        Map<Integer, Integer> firstColumnOfField = new HashMap<>();
        for (int column = 0; column < cells.length; column++) {
            if (column == contactAt || column == 0 && namedContactColumn == null) {
                continue;
            }
            String name = header(cells, column);
            String cell = CellValues.columnLetters(column) + row;
            if (name.isEmpty()) {
                headerless[column] = true;
            } else if (name.equalsIgnoreCase(contactName)) {
                if (contactAt >= 0) {
                    errors.add(ImportError.of(
                            row,
                            name,
                            ImportError.DUPLICATE_COLUMN,
                            cell + ": " + contactName + " is already column " + CellValues.columnLetters(contactAt)));
                }
            } else {
                Integer field = fieldByLowerId.get(name.toLowerCase(Locale.ROOT));
                if (field == null) {
                    errors.add(ImportError.of(
                            row,
                            name,
                            ImportError.UNKNOWN_COLUMN,
                            cell + ": column '" + name
                                    + "' is not a field of the campaign "
                                    + schema.fields().stream()
                                            .map(FieldDefinition::id)
                                            .toList()));
                } else if (firstColumnOfField.containsKey(field)) {
                    errors.add(ImportError.of(
                            row,
                            fields[field].id(),
                            ImportError.DUPLICATE_COLUMN,
                            cell + ": field "
                                    + fields[field].id() + " is already column "
                                    + CellValues.columnLetters(firstColumnOfField.get(field))));
                } else {
                    firstColumnOfField.put(field, column);
                    fieldColumns[field] = column;
                }
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fieldColumns[i] < 0) {
                errors.add(ImportError.of(
                        row,
                        fields[i].id(),
                        ImportError.MISSING_COLUMN,
                        "row " + row + ": no column is headed " + fields[i].id() + ", a field of the campaign"));
            }
        }
        String contactHeader = contactAt >= 0 ? header(cells, contactAt) : contactName;
        return new HeaderLayout(
                row,
                contactAt,
                contactHeader.isEmpty() ? contactName : contactHeader,
                fields,
                fieldColumns,
                headerless,
                errors);
    }

    private static String header(String[] cells, int column) {
        return column < cells.length && cells[column] != null ? CellValues.trimBlanks(cells[column]) : "";
    }

    private static int indexOfIgnoringCase(String[] cells, String wanted) {
        for (int i = 0; i < cells.length; i++) {
            if (header(cells, i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    int headerRow() {
        return headerRow;
    }

    boolean hasContactColumn() {
        return contactColumn;
    }

    /** The zero-based index of the phone column; -1 when there is none. */
    int contactColumn() {
        return contactIndex;
    }

    /** The phone column's header as the file writes it ({@code CONTACT}, {@code TELEFONO}…). */
    String contactHeader() {
        return contactHeader;
    }

    FieldDefinition field(int position) {
        return fields[position];
    }

    int fieldCount() {
        return fields.length;
    }

    int fieldColumn(int position) {
        return fieldColumns[position];
    }

    /** Whether a column's values belong to no header: blank-headed, or beyond the header's last cell. */
    boolean isHeaderless(int column) {
        return column >= headerless.length || headerless[column];
    }

    List<ImportError> errors() {
        return errors;
    }
}
