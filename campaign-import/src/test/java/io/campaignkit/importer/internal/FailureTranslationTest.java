package io.campaignkit.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.importer.AudienceImportException;
import io.campaignkit.importer.ImportFormat;
import org.junit.jupiter.api.Test;

/**
 * What an import reports when a reader fails: our own error as it is, however deep it was wrapped; a
 * password or a Strict Open XML workbook by what to do about it; anything else a reader library threw
 * as a damaged file naming the format and the cause in a bounded message; a JVM error is not a file's
 * fault and is not hidden (a stack overflow is: a deeply nested file).
 */
class FailureTranslationTest {

    @Test
    void ourOwnErrorIsReportedAsItIsHoweverDeepItWasWrapped() {
        AudienceImportException own = new AudienceImportException(AudienceImportException.ROW_TOO_LARGE, "row 9");

        assertThat(ImportPipeline.translate(own, ImportFormat.CSV)).isSameAs(own);
        assertThat(ImportPipeline.translate(new RuntimeException(new IllegalStateException(own)), ImportFormat.CSV))
                .isSameAs(own);
        assertThat(ImportPipeline.translate(new RuntimeException(new org.xml.sax.SAXException(own)), ImportFormat.XLSX))
                .isSameAs(own);
    }

    @Test
    void aPasswordOrAStrictWorkbookSaysWhatToDo() {
        RuntimeException password = ImportPipeline.translate(
                new RuntimeException(new org.apache.poi.EncryptedDocumentException("encrypted")), ImportFormat.XLSX);
        assertThat(password).hasMessageContaining("password-protected");
        assertThat(((AudienceImportException) password).code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);

        RuntimeException strict = ImportPipeline.translate(
                new org.apache.poi.ooxml.POIXMLException(
                        "Strict OOXML isn't currently supported, please see bug #57699"),
                ImportFormat.XLSX);
        assertThat(((AudienceImportException) strict).code()).isEqualTo(AudienceImportException.UNSUPPORTED_FORMAT);
        assertThat(strict).hasMessageContaining("Strict Open XML").hasMessageNotContaining("bug");

        RuntimeException otherPoi =
                ImportPipeline.translate(new org.apache.poi.ooxml.POIXMLException("no core part"), ImportFormat.XLSX);
        assertThat(((AudienceImportException) otherPoi).code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
        assertThat(otherPoi)
                .hasMessage("the file cannot be read as XLSX, it may be damaged (POIXMLException: no core part)");
    }

    @Test
    void anyOtherFailureIsADamagedFileWithABoundedCause() {
        RuntimeException damaged =
                ImportPipeline.translate(new IllegalArgumentException("x".repeat(1000)), ImportFormat.XLS);

        assertThat(((AudienceImportException) damaged).code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
        assertThat(damaged.getMessage())
                .startsWith("the file cannot be read as XLS, it may be damaged (IllegalArgumentException: xxx")
                .endsWith("x…)")
                .hasSize("the file cannot be read as XLS, it may be damaged (IllegalArgumentException: ".length()
                        + 300
                        + 2);
        assertThat(damaged).hasCauseInstanceOf(IllegalArgumentException.class);

        RuntimeException exactly =
                ImportPipeline.translate(new IllegalArgumentException("y".repeat(300)), ImportFormat.XLS);
        assertThat(exactly.getMessage()).endsWith("y)").doesNotContain("…");
    }

    @Test
    void aJvmErrorIsRethrownButAStackOverflowIsADeeplyNestedFile() {
        assertThatThrownBy(() -> ImportPipeline.translate(new OutOfMemoryError("Java heap space"), ImportFormat.XLSX))
                .isInstanceOf(OutOfMemoryError.class);

        RuntimeException nested = ImportPipeline.translate(new StackOverflowError(), ImportFormat.XLSX);
        assertThat(((AudienceImportException) nested).code()).isEqualTo(AudienceImportException.UNREADABLE_FILE);
        assertThat(nested).hasMessageContaining("StackOverflowError");
    }
}
