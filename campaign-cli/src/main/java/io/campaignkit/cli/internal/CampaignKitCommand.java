package io.campaignkit.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code campaignkit}: only dispatches to its subcommands. */
@Command(
        name = "campaignkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate contact files, run messaging campaigns end to end and export their reports.",
        subcommands = {
            ValidateCommand.class,
            RunCommand.class,
            DemoCommand.class,
            ReportCommand.class,
            ListCommand.class,
            ScheduleCommands.ScheduleCommand.class,
            ScheduleCommands.UnscheduleCommand.class,
            ServeCommand.class,
            RetargetCommands.RetargetCommand.class,
            RetargetCommands.AddContactsCommand.class
        },
        usageHelpAutoWidth = true)
public final class CampaignKitCommand implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public CampaignKitCommand(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (for reporting a bug).")
    void debug(boolean debug) {
        context.debug(debug);
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "a command is missing: " + CliErrorHandlers.knownCommands(spec.commandLine()));
    }
}
