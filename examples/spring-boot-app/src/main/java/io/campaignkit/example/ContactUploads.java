package io.campaignkit.example;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.CustomDataSchema;
import io.campaignkit.core.data.FieldType;
import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.AudienceImporter;
import io.campaignkit.importer.ImportError;
import io.campaignkit.importer.ImportResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Contact files the operator uploaded, validated row by row; a valid one is kept (in memory) until a
 * campaign is launched with it.
 */
@Component
public class ContactUploads {

    /** The fields every row must have besides the phone: the template uses them. */
    public static final CustomDataSchema SCHEMA = CustomDataSchema.custom()
            .required("NOMBRE", FieldType.TEXT)
            .required("MONTO", FieldType.NUMBER)
            .build();
    /** Numbers without a country code are read as Mexican ones. */
    public static final String DEFAULT_REGION = "MX";

    /**
     * What an upload found.
     *
     * @param uploadId the id to create a campaign with, when the file is valid; else null
     * @param fileName the file's name
     * @param rows the data rows read
     * @param valid the valid rows
     * @param errors every problem, with its row and column
     */
    public record Upload(String uploadId, String fileName, long rows, long valid, List<ImportError> errors) {
        public boolean accepted() {
            return uploadId != null;
        }
    }

    private final AudienceImporter importer = AudienceImporter.builder()
            .schema(SCHEMA)
            .defaultRegion(DEFAULT_REGION)
            .build();
    private final Map<String, List<Contact>> accepted = new ConcurrentHashMap<>();

    /** Validates a file; keeps its contacts when every row is valid. */
    public Upload upload(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank()
                ? "contacts.csv"
                : Path.of(fileName).getFileName().toString();
        Path file = null;
        try {
            file = Files.createTempFile("campaignkit-upload-", suffix(name));
            Files.write(file, content);
            ImportResult result = importer.importFile(file);
            if (!result.accepted()) {
                return new Upload(null, name, result.rows(), result.valid(), result.errors());
            }
            String id = UUID.randomUUID().toString();
            accepted.put(
                    id,
                    result.contacts().stream()
                            .map(row -> Contact.builder(row.phone())
                                    .name(row.data().normalized("NOMBRE").orElse(null))
                                    .customData(row.data())
                                    .build())
                            .toList());
            return new Upload(id, name, result.rows(), result.valid(), List.of());
        } catch (AudienceImportException e) {
            return new Upload(null, name, 0, 0, List.of(ImportError.of(1, "", e.code(), e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".csv" : name.substring(dot);
    }

    /** The contacts of an accepted upload. */
    public List<Contact> contacts(String uploadId) {
        List<Contact> contacts = uploadId == null ? null : accepted.get(uploadId);
        if (contacts == null) {
            throw new IllegalArgumentException(
                    "uploadId '" + uploadId + "' is not an accepted upload: upload the file again");
        }
        return contacts;
    }
}
