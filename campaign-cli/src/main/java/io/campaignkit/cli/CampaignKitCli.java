package io.campaignkit.cli;

import io.campaignkit.cli.internal.CampaignKitCommand;
import io.campaignkit.cli.internal.CliContext;
import io.campaignkit.cli.internal.CliErrorHandlers;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code campaignkit} command-line program: validates contact files, runs campaigns end to
 * end and exports their reports. It is also the reference host application: its {@code run}
 * command shows how an embedder wires the importer, the engine, a store, a channel adapter and
 * webhooks together.
 *
 * <pre>{@code
 * ./campaignkit demo
 * ./campaignkit validate contacts.xlsx --field NOMBRE:TEXT --field MONTO:NUMBER
 * ./campaignkit list
 * ./campaignkit report --campaign ID --format html --output report.html
 * }</pre>
 *
 * <p>{@code ./campaignkit}, at the repository's root, builds {@code campaign-cli/target/campaignkit.jar}
 * when it is missing or older than the sources, then runs {@code java -jar} on it.
 *
 * <p>Campaigns are kept in the JDBC store: {@code --store JDBC_URL} ({@code jdbc:h2:…} or
 * {@code jdbc:postgresql://…}), else the environment variable {@code CAMPAIGNKIT_STORE}, else an
 * H2 file database at {@code ./campaignkit-data/campaignkit}; {@code demo} keeps its own under its
 * directory. The program's campaigns belong to the tenant {@code cli}. A store that cannot be
 * opened is a usage error (exit 2), its URL shown with passwords masked.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_INVALID} the input was read but is
 * invalid (or a campaign could not be launched), {@value #EXIT_USAGE} a usage error, a file that
 * cannot be opened, an unknown command or a missing credential. Errors print one line on stderr; {@code --debug}
 * adds the stack trace.
 */
public final class CampaignKitCli {

    /** Everything went as asked. */
    public static final int EXIT_OK = 0;
    /** The input was read and is invalid, or the campaign could not be launched. */
    public static final int EXIT_INVALID = 1;
    /** Bad usage: an unknown or malformed option, a file that cannot be opened, a missing credential. */
    public static final int EXIT_USAGE = 2;

    private CampaignKitCli() {}

    /** slf4j-simple's level property: the library's warnings would break the progress bar and the one-line errors. */
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    /**
     * slf4j-simple's level for Apache POI, whose Log4j API calls reach SLF4J (campaign-import
     * brings log4j-to-slf4j): POI logs ERRORs with long stack traces about files it then reads or
     * refuses anyway, which the import reports in one line. Shown with {@code --debug}.
     */
    private static final String POI_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.poi";

    /**
     * slf4j-simple's level for HikariCP, the store's pool: a database it cannot open (an H2 file another process
     * holds, PostgreSQL down) it logs as an ERROR with a stack trace, which the command reports in one line.
     */
    private static final String POOL_LOG_LEVEL = "org.slf4j.simpleLogger.log.com.zaxxer.hikari";

    /** Sets the program's log levels, unless the JVM was given its own: errors only, POI and the pool silent, all with --debug. */
    static void configureLogging(boolean debug) {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, debug ? "debug" : "error");
        }
        if (System.getProperty(POI_LOG_LEVEL) == null) {
            System.setProperty(POI_LOG_LEVEL, debug ? "debug" : "off");
        }
        if (System.getProperty(POOL_LOG_LEVEL) == null) {
            System.setProperty(POOL_LOG_LEVEL, debug ? "debug" : "off");
        }
    }

    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // before anything starts the common pool: on a 2-core host its parallelism would be 1, and the
        // JDK's HTTP client would then start a thread per WhatsApp answer (see WhatsAppCloudAdapter)
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
        configureLogging(java.util.Arrays.asList(args).contains("--debug"));
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        CommandLine commandLine = commandLine(out, err, System.getenv(), true);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /**
     * Runs the program in-process, as {@code main} does but without exiting the JVM.
     *
     * @param out where results go (a report, the JSON of {@code validate --json})
     * @param err where errors and progress go
     * @param environment the environment variables that credentials may come from
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        return commandLine(out, err, environment).execute(Objects.requireNonNull(args, "args"));
    }

    /** The program's picocli command line, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return commandLine(out, err, environment, false);
    }

    private static CommandLine commandLine(
            PrintWriter out, PrintWriter err, Map<String, String> environment, boolean ownProcess) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(environment, "environment");
        CliContext context = new CliContext(out, err, Map.copyOf(environment));
        context.ownsProcess(ownProcess);
        context.interactive(ownProcess && System.console() != null);
        CommandLine commandLine = new CommandLine(new CampaignKitCommand(context), new CliFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(CliErrorHandlers.parameterHandler(context));
        commandLine.setExecutionExceptionHandler(CliErrorHandlers.executionHandler(context));
        return commandLine;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Gives every subcommand the shared context through its constructor. */
    private record CliFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
