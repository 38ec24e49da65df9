/*
 * simswarm-runner: runs OMNeT++ simulation runs inside a SimSwarm image, keeps their output and
 * uploads their results. See --help (env.c) for the environment it reads, and runner/README.md.
 */
#define _GNU_SOURCE
#include "env.h"
#include "modes.h"
#include "process.h"
#include "util.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#define EXIT_USAGE 2

int main(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(ENV_HELP, stdout);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("%s %s\n", RUNNER_NAME, RUNNER_VERSION);
        return 0;
    }
    if (argc > 1) {
        msg("unexpected argument '%s': all input comes from the environment, see --help", argv[1]);
        return EXIT_USAGE;
    }
    /*
     * Nothing the simulations start may gain privileges (setuid or file-capability programs of the image):
     * the engine's no-new-privileges option is out of reach of Swarm services through API 1.41.
     */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        msg("cannot forbid new privileges to the runs: %s", strerror(errno));
        return EXIT_USAGE;
    }
    struct runner_env env;
    char err[1024];
    if (env_load(&env, err, sizeof err) != 0) {
        msg("%s", err);
        env_free(&env);
        return EXIT_USAGE;
    }
    /*
     * The simulations need none of the runner's tokens: keep them out of their environment (the strings of the
     * initial environment stay where they are, so the pointers env_load kept remain valid).
     */
    unsetenv("SIMSWARM_LEASE_TOKEN");
    unsetenv("SIMSWARM_TOKENS");
    /*
     * Keep freed memory for the next run: every archive needs zlib's few hundred KB of state, and getting
     * fresh pages from the kernel for each run (mmap, page faults, munmap) costs more than packing a small
     * run's files on virtual machines where page faults are expensive.
     */
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    process_init();
    int code = env.mode == MODE_LIST ? run_list_mode(&env) : run_pilot_mode(&env);
    env_free(&env);
    return code;
}
