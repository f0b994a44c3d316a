package io.campaignkit.importer.internal;

import io.campaignkit.core.contact.InvalidPhoneNumberException;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.contact.PhoneNumberType;
import io.campaignkit.core.data.CustomData;
import io.campaignkit.core.data.FieldDefinition;
import io.campaignkit.core.data.FieldValue;
import io.campaignkit.core.data.InvalidFieldValueException;
import io.campaignkit.importer.ImportError;
import io.campaignkit.importer.NotMobilePolicy;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks one row against the header layout and the schema. Stateless, so rows are checked in parallel. */
final class RowValidator {

    private final HeaderLayout layout;
    private final String defaultRegion;
    private final NotMobilePolicy notMobile;
    private final String zoneField;

    RowValidator(HeaderLayout layout, String defaultRegion, NotMobilePolicy notMobile, String zoneField) {
        this.layout = layout;
        this.defaultRegion = defaultRegion;
        this.notMobile = notMobile;
        this.zoneField = zoneField;
    }

    ValidatedRow validate(RawRow raw) {
        int row = raw.row();
        String[] cells = raw.cells();
        List<ImportError> errors = List.of();
        List<ImportError> warnings = List.of();
        PhoneNumber phone = null;
        if (layout.hasContactColumn()) {
            String contact = cell(cells, layout.contactColumn());
            String where = CellValues.columnLetters(layout.contactColumn()) + row;
            try {
                // A numeric cell is read as its digits typed as text: the default region applies.
                phone = PhoneNumber.parse(contact, defaultRegion);
            } catch (InvalidPhoneNumberException e) {
                errors = add(
                        errors,
                        new ImportError(
                                row,
                                layout.contactHeader(),
                                ImportError.INVALID_PHONE,
                                e.reason().name(),
                                where + ": " + e.getMessage()));
            }
            if (phone != null && phone.type() == PhoneNumberType.FIXED_LINE) {
                ImportError landline = new ImportError(
                        row,
                        layout.contactHeader(),
                        ImportError.INVALID_PHONE,
                        ImportError.NOT_MOBILE,
                        where + ": " + phone.e164() + " is a fixed line, not a mobile: it"
                                + " cannot receive SMS or WhatsApp messages");
                if (notMobile == NotMobilePolicy.REFUSE) {
                    errors = add(errors, landline);
                } else {
                    warnings = add(warnings, landline);
                }
            }
        }
        CustomData.Builder values = CustomData.builder();
        for (int position = 0; position < layout.fieldCount(); position++) {
            int column = layout.fieldColumn(position);
            if (column < 0) {
                continue; // reported once, at the header
            }
            FieldDefinition field = layout.field(position);
            try {
                Optional<FieldValue> value = field.parse(cell(cells, column));
                value.ifPresent(v -> values.put(field.id(), v));
                if (value.isPresent() && field.id().equals(zoneField)) {
                    errors = checkZone(errors, row, field, column, value.get().normalized());
                }
            } catch (InvalidFieldValueException e) {
                errors = add(
                        errors,
                        ImportError.of(
                                row,
                                field.id(),
                                e.code(),
                                CellValues.columnLetters(column) + row + ": " + e.getMessage()));
            }
        }
        // One error per row however many stray values: a row of 10,000 of them is one problem to fix.
        int firstStray = -1;
        int strays = 0;
        for (int column = 0; column < cells.length; column++) {
            if (column != layout.contactColumn()
                    && layout.isHeaderless(column)
                    && cells[column] != null
                    && !cells[column].isEmpty()) {
                firstStray = strays++ == 0 ? column : firstStray;
            }
        }
        if (strays > 0) {
            String letters = CellValues.columnLetters(firstStray);
            errors = add(
                    errors,
                    ImportError.of(
                            row,
                            letters,
                            ImportError.UNKNOWN_COLUMN,
                            letters + row
                                    + ": a value in a column with no header"
                                    + (strays > 1 ? " (and " + (strays - 1) + " more in this row)" : "")
                                    + ": remove it, or head the column with a field id"));
        }
        CustomData data = errors.isEmpty() && phone != null ? values.build() : null;
        return new ValidatedRow(row, phone, data, errors, warnings);
    }

    /** A local-hours zone field holds IANA zone ids ({@code Europe/Madrid}); anything else is the row's error. */
    private static List<ImportError> checkZone(
            List<ImportError> errors, int row, FieldDefinition field, int column, String value) {
        try {
            ZoneId.of(value.strip());
            return errors;
        } catch (DateTimeException invalid) {
            return add(
                    errors,
                    ImportError.of(
                            row,
                            field.id(),
                            ImportError.INVALID_TIME_ZONE,
                            CellValues.columnLetters(column) + row + ": '" + value + "' is not a time zone id (such as"
                                    + " America/Mexico_City or Europe/Madrid), which column " + field.id()
                                    + " must hold"));
        }
    }

    private static String cell(String[] cells, int column) {
        return column < cells.length && cells[column] != null ? cells[column] : "";
    }

    private static List<ImportError> add(List<ImportError> errors, ImportError error) {
        List<ImportError> more = errors.isEmpty() ? new ArrayList<>(2) : errors;
        more.add(error);
        return more;
    }
}
