package io.campaignkit.cli;

/** Configures logging as the program's {@code main} does, then logs as POI, as HikariCP and as CampaignKit; run by {@link LoggingRouteTest}. */
public final class LoggingRouteMain {

    private LoggingRouteMain() {}

    public static void main(String[] args) {
        CampaignKitCli.configureLogging(Boolean.parseBoolean(args[0]));
        org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.xssf.usermodel.XSSFWorkbook")
                .error("POI noise", new IllegalStateException("a 30-line stack trace"));
        org.slf4j.LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool")
                .error("pool noise", new IllegalStateException("the database it could not open"));
        org.slf4j.LoggerFactory.getLogger("io.campaignkit.cli").error("our own error");
    }
}
