package io.simswarm.scheduler.expansion;

import io.simswarm.scheduler.docker.Shell;

/** The shell command the expansion job runs: the run-number query, then its exit status on a line of its own. */
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
        query.append(" -s -q runnumbers");
        return "{ " + query + "; } 2>&1; echo \"" + RunNumbers.EXIT_MARKER + "$?\"";
    }
}
