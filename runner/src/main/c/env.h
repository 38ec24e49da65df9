/* The runner's whole input: the SIMSWARM_* environment variables, read and checked once. */
#ifndef SIMSWARM_ENV_H
#define SIMSWARM_ENV_H

#include <stddef.h>

enum runner_mode { MODE_LIST, MODE_PILOT };

struct runner_env {
    const char *run_command; /* SIMSWARM_RUN_COMMAND */
    const char *config;      /* SIMSWARM_CONFIG */
    const char *ini_file;    /* SIMSWARM_INI_FILE, NULL when unset */
    const char *sim_args;    /* SIMSWARM_SIM_ARGS, NULL when unset */
    long run_timeout_s;      /* SIMSWARM_RUN_TIMEOUT, 0 = none */
    const char *tmp_dir;     /* TMPDIR or /tmp: where run directories are made */
    int gzip_level;          /* SIMSWARM_GZIP_LEVEL, 0-9 */
    long upload_giveup_s;    /* SIMSWARM_UPLOAD_GIVEUP: how long an upload is retried, 0 = one attempt */
    enum runner_mode mode;

    /* list mode */
    char **runs;             /* run numbers (decimal strings) of the selected group */
    char **tokens;           /* their tokens, same order */
    size_t run_count;
    size_t token_count;      /* equals run_count once loaded */
    const char *upload_url;  /* SIMSWARM_UPLOAD_URL, with {run} */

    /* pilot mode */
    char *lease_url;         /* SIMSWARM_LEASE_URL, without a trailing slash */
    const char *lease_token; /* SIMSWARM_LEASE_TOKEN */
    long lease_giveup_s;     /* SIMSWARM_LEASE_GIVEUP */
    long lease_max;          /* SIMSWARM_LEASE_MAX: runs one lease answer may grant, 1-256 */
    const char *worker;      /* SIMSWARM_WORKER, sent as X-Worker; NULL: the host name */
};

/* Reads the environment; returns 0, or -1 with a one-line reason in ERR. */
int env_load(struct runner_env *env, char *err, size_t errlen);

/* Releases what env_load() allocated. */
void env_free(struct runner_env *env);

/* True when a token may travel in an HTTP header (visible ASCII, no spaces). */
int env_token_ok(const char *token);

/* The environment contract, as printed by --help. */
extern const char ENV_HELP[];

#endif
