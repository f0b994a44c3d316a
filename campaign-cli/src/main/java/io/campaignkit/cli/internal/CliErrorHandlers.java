package io.campaignkit.cli.internal;

import io.campaignkit.cli.CampaignKitCli;
import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.InvalidArgumentException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
            String message = unknownCommand(exception).orElse(oneLine(exception.getMessage()));
            if (command.getCommandSpec().userObject() instanceof ValidateCommand validate) {
                validate.usageErrorIfJson(args, message);
            }
            err.println(commandName + ": " + message + " (see '" + commandName + " --help')");
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

    /**
     * The message for a first word that names no command ({@code campaignkit schedule}): picocli's
     * own says "unmatched argument", which does not tell the user what to type instead.
     */
    private static Optional<String> unknownCommand(CommandLine.ParameterException exception) {
        CommandLine command = exception.getCommandLine();
        if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)
                || command.getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        if (word.startsWith("-")) {
            return Optional.empty();
        }
        List<String> suggestions = unmatched.getSuggestions();
        return Optional.of("unknown command '" + word + "'; the commands are " + knownCommands(command)
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?"));
    }

    /** The subcommands of {@code command}, in the order its help lists them: "validate, run, … or list". */
    public static String knownCommands(CommandLine command) {
        List<String> names = List.copyOf(command.getSubcommands().keySet());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static boolean debugRequested(CliContext context, String[] args) {
        return context.debug() || Arrays.asList(args).contains("--debug");
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
