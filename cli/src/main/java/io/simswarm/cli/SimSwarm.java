package io.simswarm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code simswarm} command: entry point and list of subcommands. */
@Command(name = "simswarm",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Run OMNeT++/INET simulation campaigns on a Docker Swarm and bring the results back.",
            "",
            "Talks to the SimSwarm services (provisioner, build, scheduler, results)."
        })
public class SimSwarm implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimSwarm()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
