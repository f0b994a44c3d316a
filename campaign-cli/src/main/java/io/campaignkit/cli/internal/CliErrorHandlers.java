package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/**
 * Turns every failure into one line on stderr and an exit code: people running the program get a
 * sentence that says what to fix, not a stack trace; {@code --debug} adds the trace.
 */
public final class CliErrorHandlers {

    private CliErrorHandlers() {}

    /** Unknown options, malformed values, missing parameters: exit 2. */
    public static IParameterExceptionHandler parameterHandler(CliContext context) {
        return (exception, args) -> {
            CommandLine command = exception.getCommandLine();
            String commandName = command.getCommandSpec().qualifiedName();
            PrintWriter err = context.err();
            err.println(commandName + ": " + oneLine(exception.getMessage())
                    + " (see '" + commandName + " --help')");
            if (debugRequested(context, args)) {
                exception.printStackTrace(err);
            }
            err.flush();
            return CampaignKitCli.EXIT_USAGE;
        };
    }

    /** Failures while a command runs: their own exit code, else 2 for bad arguments, else 1. */
    public static IExecutionExceptionHandler executionHandler(CliContext context) {
        return (exception, command, parseResult) -> {
            PrintWriter err = context.err();
            String commandName = command.getCommandSpec().qualifiedName();
            int exitCode;
            String message;
            if (exception instanceof CliException cli) {
                exitCode = cli.exitCode();
                message = cli.getMessage();
            } else if (exception instanceof InvalidArgumentException invalid) {
                exitCode = CampaignKitCli.EXIT_USAGE;
                message = invalid.getMessage();
            } else if (exception instanceof CampaignKitException known) {
                exitCode = CampaignKitCli.EXIT_INVALID;
                message = known.code() + ": " + known.getMessage();
            } else {
                exitCode = CampaignKitCli.EXIT_INVALID;
                message = "unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
                        + (context.debug() ? "" : " (run again with --debug for details)");
            }
            err.println(commandName + ": " + oneLine(message));
            if (context.debug()) {
                exception.printStackTrace(err);
            }
            err.flush();
            return exitCode;
        };
    }

    private static boolean debugRequested(CliContext context, String[] args) {
        return context.debug() || Arrays.asList(args).contains("--debug");
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
