package io.simswarm.scheduler.expansion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a simulation program reports when asked with {@code -v}, as one line. OMNeT++ prints a banner
 * ({@code OMNeT++ Discrete Event Simulation  (C) 1992-2024 ...}) and then
 * {@code Version: 6.1, build: 241008-f7568267cd, edition: Academic Public License ...}: that becomes
 * {@code OMNeT++ 6.1, build: 241008-f7568267cd}. Any other program's first non-blank line is taken as it is.
 */
final class SimulatorVersion {

    /** The longest version kept; a longer line is cut. */
    static final int MAX_LENGTH = 200;

    private static final Pattern VERSION_LINE = Pattern.compile("^Version:\\s*(.+?)(?:,\\s*edition:.*)?$");
    private static final Pattern CONTROL = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]|\\p{Cntrl}");

    private SimulatorVersion() {
    }

    /** The version in {@code answer}, what the program printed for {@code -v}; null when it printed nothing. */
    static String of(String answer) {
        List<String> lines = answer.lines().map(line -> CONTROL.matcher(line).replaceAll("").strip())
                .filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return null;
        }
        boolean omnetpp = lines.get(0).startsWith("OMNeT++");
        Optional<String> version = lines.stream().map(VERSION_LINE::matcher).filter(Matcher::matches)
                .map(match -> match.group(1).strip()).findFirst();
        String line = version.map(v -> omnetpp ? "OMNeT++ " + v : v).orElse(lines.get(0));
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH);
    }
}
