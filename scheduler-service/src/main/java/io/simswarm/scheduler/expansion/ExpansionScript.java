package io.simswarm.scheduler.expansion;

import io.simswarm.scheduler.docker.Shell;

/**
 * The shell command the expansion job runs: what the program answers to {@code -v} (its version, between two marker
 * lines; at most 5 s of CPU and 20 lines, its errors dropped: a program that does not know {@code -v} only leaves the
 * version unknown), the run listing with the iteration variables ({@code -q runs}, between
 * two marker lines, its errors dropped: only the numbers decide), then the run-number query and its exit status on a
 * line of its own.
 */
final class ExpansionScript {

    private ExpansionScript() {
    }

    static String of(String runCommand, String iniFile, String config, String runFilter, String simArgs) {
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
        // the shell's own note on a program it saw killed ("Killed") goes to its stderr: the group drops it too
        return "echo " + RunNumbers.VERSION_BEGIN + "; { ( ulimit -t 5; " + runCommand + " -v; ) | head -n 20; }"
                + " 2>/dev/null </dev/null; echo " + RunNumbers.VERSION_END + "; "
                + "echo " + RunNumbers.RUNS_BEGIN + "; { " + query + " -s -q runs; } 2>/dev/null; echo "
                + RunNumbers.RUNS_END + "; { " + query + " -s -q runnumbers; } 2>&1; echo \""
                + RunNumbers.EXIT_MARKER + "$?\"";
    }
}
