package io.simswarm.cli;

import io.simswarm.cli.campaign.CancelCommand;
import io.simswarm.cli.campaign.LogsCommand;
import io.simswarm.cli.campaign.RetryFailedCommand;
import io.simswarm.cli.campaign.RunCommand;
import io.simswarm.cli.campaign.RunsCommand;
import io.simswarm.cli.campaign.StatusCommand;
import io.simswarm.cli.campaign.WatchCommand;
import io.simswarm.cli.cluster.ClusterCommand;
import io.simswarm.cli.token.TokenCommand;
import io.simswarm.cli.results.ResultsCommand;
import io.simswarm.cli.results.CompareCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code simswarm} command: entry point and list of subcommands. */
@Command(name = "simswarm",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {
            RunCommand.class, WatchCommand.class, StatusCommand.class, RunsCommand.class, LogsCommand.class,
            CancelCommand.class, RetryFailedCommand.class, ResultsCommand.class, CompareCommand.class,
            ClusterCommand.class, TokenCommand.class
        },
        description = {
            "Run OMNeT++/INET simulation campaigns on a Docker Swarm and bring the results back.",
            "",
            "Service addresses come from the options --scheduler-url etc., the variables SIMSWARM_SCHEDULER_URL, "
                + "SIMSWARM_RESULTS_URL, SIMSWARM_PROVISIONER_URL and SIMSWARM_BUILD_URL, the file "
                + "~/.config/simswarm/config.properties (scheduler.url=...), or else localhost ports 8081-8084.",
            "The bearer token comes from SIMSWARM_TOKEN or token=... in that file.",
            ""
        },
        footer = {
            "",
            "Start with: simswarm run -c CONFIG inside a checkout of your simulation. Run 'simswarm COMMAND --help' "
                + "for the options of a command."
        })
public class SimSwarm implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with SimSwarm's error handling: one readable line per failure, no stack trace; a usage error
     * is that line and where to find the command's options, not the whole help.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SimSwarm());
        cli.setExecutionExceptionHandler(SimSwarm::report);
        cli.setParameterExceptionHandler(SimSwarm::usageError);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String problem = e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            problem += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        err.println("simswarm: " + problem);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for its options.");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int report(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        if (e instanceof CliException failure) {
            err.println("simswarm: " + failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        String message = e.getMessage() == null ? "no further details"
                : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        err.println("simswarm: unexpected failure: " + message);
        err.flush();
        return 1;
    }
}
