package io.campaignkit.cli.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.campaignkit.store.jdbc.JdbcCampaignStore;
import io.campaignkit.store.jdbc.JdbcDialect;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;

/**
 * The program's campaign store: the JDBC store on the database of {@code --store JDBC_URL}, else of
 * the environment variable {@value #ENV_STORE}, else an H2 file database at
 * {@value #DEFAULT_LOCATION} (relative to the working directory). H2 ({@code jdbc:h2:…}) and
 * PostgreSQL ({@code jdbc:postgresql://…}) URLs are accepted. The program works for one fixed
 * tenant, {@value #TENANT}: what it lists and reports are the campaigns it ran itself, even on a
 * database a host application shares with it.
 *
 * <p>Credentials come from the URL ({@code ;USER=…;PASSWORD=…} for H2, {@code ?user=…&password=…}
 * for PostgreSQL) or, to keep them off the command line, from {@value #ENV_USER} and
 * {@value #ENV_PASSWORD}. Messages show the URL with its passwords masked.
 */
final class CliStore implements AutoCloseable {

    /** The tenant every campaign of the program belongs to. */
    static final String TENANT = "cli";

    static final String ENV_STORE = "CAMPAIGNKIT_STORE";
    static final String ENV_USER = "CAMPAIGNKIT_STORE_USER";
    static final String ENV_PASSWORD = "CAMPAIGNKIT_STORE_PASSWORD";
    /** The default database file, without H2's {@code .mv.db}. */
    static final String DEFAULT_LOCATION = "campaignkit-data/campaignkit";
    /** The help of every command's {@code --store}. */
    static final String OPTION_HELP =
            "The campaign store: a JDBC URL, jdbc:h2:file:PATH or " + "jdbc:postgresql://HOST:PORT/DB (default: $"
                    + ENV_STORE + ", else an H2 file at ./" + DEFAULT_LOCATION + ").";
    /** H2's user when none is given: the one {@code JdbcCampaignStores.h2File} creates databases with. */
    static final String H2_DEFAULT_USER = "sa";

    static final int MAX_CONNECTIONS = 8;
    /** How long opening the store waits for a connection before calling the database unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern USER_INFO = Pattern.compile("//([^/@:?;]*):[^/@?;]*@");
    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)=)[^;&]*");

    /** H2 ends its messages with " [90062-232]": its error code and version, noise to people. */
    private static final Pattern H2_ERROR_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+]\\s*$");

    private final JdbcCampaignStore store;
    private final AutoCloseable pool;
    private final String shownUrl;
    private final String url;

    private CliStore(JdbcCampaignStore store, AutoCloseable pool, String shownUrl) {
        this(store, pool, shownUrl, "");
    }

    private CliStore(JdbcCampaignStore store, AutoCloseable pool, String shownUrl, String url) {
        this.store = store;
        this.pool = pool;
        this.shownUrl = shownUrl;
        this.url = url;
    }

    /** The URL to use: the option's, else the environment's, else the default H2 file. */
    static String url(String option, CliContext context) {
        if (option != null) {
            return option.strip();
        }
        return context.env(ENV_STORE).map(String::strip).orElseGet(() -> h2FileUrl(Path.of(DEFAULT_LOCATION)));
    }

    /** An H2 file database at {@code file} (without {@code .mv.db}), by its absolute path. */
    static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize();
    }

    /**
     * Checks that {@code url} names a database the program supports, without connecting.
     *
     * @throws CliException a usage error naming {@code --store}
     */
    static void checkUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            throw CliException.usage("--store " + redact(url) + ": not a supported JDBC URL; use jdbc:h2:file:PATH "
                    + "(embedded) or jdbc:postgresql://HOST:PORT/DATABASE");
        }
    }

    /**
     * Connects, migrates the schema if needed and returns the store of tenant {@value #TENANT}.
     *
     * @throws CliException a usage error (exit 2) for an unsupported URL or a database that cannot be
     *     reached or opened, with the URL's passwords masked
     */
    static CliStore open(String url, CliContext context) {
        return open(url, context, false).orElseThrow();
    }

    /**
     * Opens an existing store for reading: an H2 database that does not exist yet is not created
     * (listing a fresh machine's default store leaves no file behind).
     *
     * @return empty when the URL names an H2 database that does not exist
     * @throws CliException as {@link #open(String, CliContext)}
     */
    static Optional<CliStore> openExisting(String url, CliContext context) {
        return open(url, context, true);
    }

    private static Optional<CliStore> open(String url, CliContext context, boolean mustExist) {
        checkUrl(url);
        Optional<String> user = context.env(ENV_USER);
        Optional<String> password = context.env(ENV_PASSWORD);
        boolean h2 = url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
        AutoCloseable pool = null;
        try {
            DataSource dataSource;
            if (h2) {
                HikariDataSource h2Pool = h2Pool(url, user, password, mustExist);
                pool = h2Pool;
                dataSource = h2Pool;
            } else {
                HikariDataSource hikari = postgresPool(url, user, password);
                pool = hikari;
                dataSource = hikari;
            }
            JdbcCampaignStore store = JdbcCampaignStore.builder()
                    .dataSource(dataSource)
                    .dialect(h2 ? JdbcDialect.H2 : JdbcDialect.POSTGRESQL)
                    .migrate(true)
                    .tenant(TENANT)
                    .build();
            return Optional.of(new CliStore(store, pool, redact(url), url));
        } catch (RuntimeException failure) {
            closeQuietly(pool);
            Optional<String> served = sqlErrorCode(failure) == ErrorCode.DATABASE_ALREADY_OPEN_1
                    ? H2Sharing.servedUrl(url)
                    : Optional.empty();
            if (served.isPresent()) {
                // a run or serve holds the file and serves it: through it, as H2's mixed mode
                return open(served.get(), context, false)
                        .map(store -> new CliStore(store.store, store.pool, redact(url)));
            }
            if (mustExist && h2 && sqlErrorCode(failure) == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                return Optional.empty();
            }
            if (h2 && sqlErrorCode(failure) == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                // an embedded H2 file is opened by one process at a time
                throw CliException.usage(
                        "the store " + h2File(url) + " is in use by another process (another"
                                + " campaignkit command, or an application with it open); wait until it ends, or give another"
                                + " --store",
                        failure);
            }
            throw CliException.usage(
                    "cannot open the store " + redact(url) + ": "
                            + scrub(rootMessage(failure), url, password) + "; check --store (or " + ENV_STORE
                            + ") and that the database is running and reachable",
                    failure);
        }
    }

    /**
     * Serves this store's embedded H2 file to other processes until the result is closed (see
     * {@link H2Sharing}); for a long-running command. Nothing for other databases.
     */
    H2Sharing.Served shareWithOtherProcesses() {
        return H2Sharing.serve(url);
    }

    JdbcCampaignStore store() {
        return store;
    }

    /** The URL with its passwords masked, for messages. */
    String shownUrl() {
        return shownUrl;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            closeQuietly(pool);
        }
    }

    /**
     * H2 takes user and password as arguments, and refuses them twice: they leave the URL. Pooled by HikariCP, as
     * {@code JdbcCampaignStores.h2File} is: H2's own pool rolls back each connection handed back, which empties
     * H2's cache of parsed statements every transaction.
     */
    private static HikariDataSource h2Pool(
            String url, Optional<String> envUser, Optional<String> envPassword, boolean mustExist) {
        String[] parts = url.split(";");
        List<String> kept = new ArrayList<>(List.of(parts[0]));
        String user = null;
        String password = null;
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i];
            String key = setting.contains("=")
                    ? setting.substring(0, setting.indexOf('=')).strip().toUpperCase(Locale.ROOT)
                    : "";
            String value = setting.substring(setting.indexOf('=') + 1);
            switch (key) {
                case "USER" -> user = value;
                case "PASSWORD" -> password = value;
                default -> kept.add(setting);
            }
        }
        // H2 writes the failures of its trace file straight to the process's stderr, as stack traces
        addUnlessSet(kept, "TRACE_LEVEL_FILE", "0");
        // H2 closes its databases in a shutdown hook of its own; Ctrl-C must leave the run's hook the
        // store, to record what is in flight and finish the campaign (the run closes the store itself)
        addUnlessSet(kept, "DB_CLOSE_ON_EXIT", "FALSE");
        if (mustExist) {
            addUnlessSet(kept, "IFEXISTS", "TRUE");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("campaignkit-store");
        config.setDriverClassName("org.h2.Driver");
        config.setJdbcUrl(String.join(";", kept));
        config.setUsername(user != null ? user : envUser.orElse(H2_DEFAULT_USER));
        config.setPassword(password != null ? password : envPassword.orElse(""));
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1); // an embedded file (or one served to us): connections opened when asked for
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        // one attempt at start: a file in use, or absent under IFEXISTS, is reported now with H2's error code
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }

    /** An embedded H2 file database (not in memory, not a server's TCP or SSL URL). */
    static boolean isH2File(String urlWithoutSettings) {
        String lower = urlWithoutSettings.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:")
                && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:")
                && !lower.startsWith("jdbc:h2:zip:");
    }

    private static void addUnlessSet(List<String> settings, String key, String value) {
        if (settings.stream()
                .skip(1)
                .noneMatch(setting -> setting.strip().toUpperCase(Locale.ROOT).startsWith(key + "="))) {
            settings.add(key + "=" + value);
        }
    }

    private static HikariDataSource postgresPool(String url, Optional<String> user, Optional<String> password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("campaignkit-store");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        // one attempt at start: an unreachable database is reported now, not at the first send
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }

    /** The file of an H2 URL, {@code jdbc:h2:[file:]PATH[;…]}, as H2 names it on disk. */
    static Path h2File(String url) {
        String location = url.split(";")[0].substring("jdbc:h2:".length());
        if (location.regionMatches(true, 0, "file:", 0, "file:".length())) {
            location = location.substring("file:".length());
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Path.of(location + ".mv.db").toAbsolutePath().normalize();
    }

    /** A JDBC URL may carry passwords: in its user part and in its parameters. */
    static String redact(String jdbcUrl) {
        String masked = USER_INFO.matcher(jdbcUrl).replaceAll("//$1:***@");
        return PASSWORD_VALUE.matcher(masked).replaceAll("$1***");
    }

    /** Drivers may quote the URL, or a password, in their messages. */
    private static String scrub(String message, String url, Optional<String> envPassword) {
        String scrubbed = message.replace(url, redact(url));
        Matcher passwords = PASSWORD_VALUE.matcher(url);
        while (passwords.find()) {
            String value = url.substring(passwords.end(1), passwords.end());
            if (!value.isEmpty()) {
                scrubbed = scrubbed.replace(value, "***");
            }
        }
        if (envPassword.isPresent()) {
            scrubbed = scrubbed.replace(envPassword.get(), "***");
        }
        return redact(scrubbed);
    }

    private static int sqlErrorCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    /** The driver's own words: its deepest SQL exception says what failed better than a bare I/O cause. */
    private static String rootMessage(Throwable failure) {
        Throwable chosen = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || chosen == failure && cause.getCause() == null) {
                chosen = cause;
            }
        }
        String message = chosen.getMessage() != null
                ? chosen.getMessage()
                : chosen.getClass().getSimpleName();
        return H2_ERROR_CODE.matcher(CliErrorHandlers.oneLine(message)).replaceAll("");
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing after a failure: the failure is what gets reported
        }
    }
}
