package io.simswarm.scheduler.expansion;

import io.simswarm.scheduler.docker.Shell;

/**
 * The shell command the expansion job runs: what the program answers to {@code -v} (its version, between two marker
 * lines; at most 5 s of CPU and 20 lines, its errors dropped: a program that does not know {@code -v} only leaves the
 * version unknown), the run listing with the iteration variables ({@code -q runs}, between
 * two marker lines, its errors dropped: only the numbers decide), then the run-number query and its exit status on a
 * line of its own. Simulation arguments come after the filter, so {@code --repeat} there applies to both.
 */
final class ExpansionScript {

    private ExpansionScript() {
    }

    static String of(String runCommand, String iniFile, String config, String runFilter, String simArgs) {
        return of(runCommand, iniFile, config, runFilter, simArgs, null);
    }

    /**
     * As above; with {@code maxRepetitions} (a campaign with precision targets) also the listing of every run of the
     * config with {@code --repeat=maxRepetitions}, without the filter, between two marker lines of its own: the run
     * numbers each parameter point's repetitions get.
     */
    static String of(String runCommand, String iniFile, String config, String runFilter, String simArgs,
            Integer maxRepetitions) {
        String query = query(runCommand, iniFile, config, runFilter, simArgs);
        String reserve = maxRepetitions == null ? "" : "echo " + RunNumbers.RESERVE_BEGIN + "; { "
                + query(runCommand, iniFile, config, null, simArgs) + " --repeat=" + maxRepetitions
                + " -s -q runs; } 2>/dev/null; echo " + RunNumbers.RESERVE_END + "; ";
        // the shell's own note on a program it saw killed ("Killed") goes to its stderr: the group drops it too
        return "echo " + RunNumbers.VERSION_BEGIN + "; { ( ulimit -t 5; " + runCommand + " -v; ) | head -n 20; }"
                + " 2>/dev/null </dev/null; echo " + RunNumbers.VERSION_END + "; " + reserve
                + "echo " + RunNumbers.RUNS_BEGIN + "; { " + query + " -s -q runs; } 2>/dev/null; echo "
                + RunNumbers.RUNS_END + "; { " + query + " -s -q runnumbers; } 2>&1; echo \""
                + RunNumbers.EXIT_MARKER + "$?\"";
    }

    private static String query(String runCommand, String iniFile, String config, String runFilter, String simArgs) {
        StringBuilder query = new StringBuilder(runCommand).append(" -u Cmdenv");
        if (iniFile != null && !iniFile.isBlank()) {
            query.append(" -f ").append(Shell.quote(iniFile));
        }
        query.append(" -c ").append(Shell.quote(config));
        if (runFilter != null && !runFilter.isBlank()) {
            query.append(" -r ").append(Shell.quote(runFilter));
        }
        if (simArgs != null && !simArgs.isBlank()) {
            query.append(' ').append(simArgs);
        }
        return query.toString();
    }
}
