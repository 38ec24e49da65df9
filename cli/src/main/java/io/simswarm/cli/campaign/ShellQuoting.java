package io.simswarm.cli.campaign;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins simulation arguments into the one shell-quoted string the scheduler appends to every run's command line,
 * so that each argument reaches the simulation as it was typed (spaces, {@code $}, {@code *} included).
 */
final class ShellQuoting {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private ShellQuoting() {
    }

    static String join(List<String> arguments) {
        return String.join(" ", arguments.stream().map(ShellQuoting::quote).toList());
    }

    static String quote(String argument) {
        if (SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
