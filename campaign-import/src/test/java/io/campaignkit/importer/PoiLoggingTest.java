package io.campaignkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/**
 * Apache POI logs through the Log4j API; the importer routes it to SLF4J so that a host sees one
 * logging API, and no Log4j "no logging provider" error on the first import (issue 14, item 26).
 */
class PoiLoggingTest {

    @Test
    void poisLog4jApiCallsGoToSlf4j() {
        assertThat(LogManager.getFactory().getClass().getName())
                .isEqualTo("org.apache.logging.slf4j.SLF4JLoggerContextFactory");
        assertThat(LogManager.getLogger("org.apache.poi.xssf.usermodel.XSSFWorkbook")
                        .getClass()
                        .getName())
                .startsWith("org.apache.logging.slf4j.");
    }
}
