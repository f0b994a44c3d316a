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
 * (a schema's ids are unique ignoring case, so that is never ambiguous).
 */
final class HeaderLayout {

    static final String CONTACT = "CONTACT";

    private final int headerRow;
    private final boolean contactColumn;
    private final FieldDefinition[] fields;
    private final int[] fieldColumns; // by schema position; -1 when the field has no column
    private final boolean[] headerless; // by column: a blank header
    private final List<ImportError> errors;

    private HeaderLayout(int headerRow, boolean contactColumn, FieldDefinition[] fields, int[] fieldColumns,
            boolean[] headerless, List<ImportError> errors) {
        this.headerRow = headerRow;
        this.contactColumn = contactColumn;
        this.fields = fields;
        this.fieldColumns = fieldColumns;
        this.headerless = headerless;
        this.errors = List.copyOf(errors);
    }

    static HeaderLayout of(int row, String[] cells, CustomDataSchema schema) {
        List<ImportError> errors = new ArrayList<>();
        FieldDefinition[] fields = schema.fields().toArray(new FieldDefinition[0]);
        int[] fieldColumns = new int[fields.length];
        java.util.Arrays.fill(fieldColumns, -1);
        boolean[] headerless = new boolean[cells.length];
        Map<String, Integer> fieldByLowerId = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            fieldByLowerId.put(fields[i].id().toLowerCase(Locale.ROOT), i);
        }

        String first = header(cells, 0);
        boolean contactColumn = first.equalsIgnoreCase(CONTACT);
        if (!contactColumn) {
            int elsewhere = indexOfIgnoringCase(cells, CONTACT);
            errors.add(ImportError.of(row, first.isEmpty() ? "A" : first, ImportError.MISSING_CONTACT_COLUMN,
                    "A" + row + ": the first column must be headed " + CONTACT + ", "
                            + (elsewhere > 0 ? "but " + CONTACT + " is column " + CellValues.columnLetters(elsewhere)
                                    : first.isEmpty() ? "it has no header" : "found '" + first + "'")));
        }
        Map<Integer, Integer> firstColumnOfField = new HashMap<>();
        int contactAt = contactColumn ? 0 : -1;
        for (int column = 1; column < cells.length; column++) {
            String name = header(cells, column);
            String cell = CellValues.columnLetters(column) + row;
            if (name.isEmpty()) {
                headerless[column] = true;
            } else if (name.equalsIgnoreCase(CONTACT)) {
                if (contactAt >= 0) {
                    errors.add(ImportError.of(row, name, ImportError.DUPLICATE_COLUMN, cell + ": " + CONTACT
                            + " is already column " + CellValues.columnLetters(contactAt)));
                }
            } else {
                Integer field = fieldByLowerId.get(name.toLowerCase(Locale.ROOT));
                if (field == null) {
                    errors.add(ImportError.of(row, name, ImportError.UNKNOWN_COLUMN, cell + ": column '" + name
                            + "' is not a field of the campaign " + schema.fields().stream().map(FieldDefinition::id)
                                    .toList()));
                } else if (firstColumnOfField.containsKey(field)) {
                    errors.add(ImportError.of(row, fields[field].id(), ImportError.DUPLICATE_COLUMN, cell + ": field "
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
                errors.add(ImportError.of(row, fields[i].id(), ImportError.MISSING_COLUMN, "row " + row
                        + ": no column is headed " + fields[i].id() + ", a field of the campaign"));
            }
        }
        return new HeaderLayout(row, contactColumn, fields, fieldColumns, headerless, errors);
    }

    private static String header(String[] cells, int column) {
        return column < cells.length && cells[column] != null ? cells[column].strip() : "";
    }

    private static int indexOfIgnoringCase(String[] cells, String wanted) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && cells[i].strip().equalsIgnoreCase(wanted)) {
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
