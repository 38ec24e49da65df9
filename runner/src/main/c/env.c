#define _GNU_SOURCE
#include "env.h"
#include "http.h"
#include "util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_GIVEUP_S 120
#define DEFAULT_UPLOAD_GIVEUP_S 600
#define DEFAULT_GZIP_LEVEL 1
#define DEFAULT_LEASE_MAX 16
#define LEASE_MAX_LIMIT 256
#define WORKER_MAX 256
#define MAX_SECONDS 315360000UL /* ten years */

const char ENV_HELP[] =
    "Usage: " RUNNER_NAME " [--help | --version]\n"
    "\n"
    "Runs OMNeT++ simulation runs, keeps their output, packs each run's result directory as\n"
    "tar.gz and uploads it with the run's token. All input comes from the environment.\n"
    "\n"
    "Every mode:\n"
    "  SIMSWARM_RUN_COMMAND   program and fixed arguments, e.g. ./queueing or\n"
    "                         'opp_run -l ../../src/INET -n ../../src:.' (required)\n"
    "  SIMSWARM_CONFIG        ini configuration, given as -c (required)\n"
    "  SIMSWARM_INI_FILE      ini file, given as -f (optional)\n"
    "  SIMSWARM_SIM_ARGS      extra arguments, already shell-quoted, appended last (optional)\n"
    "  SIMSWARM_RUN_TIMEOUT   seconds after which a run is killed and reported with exit\n"
    "                         code 124; 0 or unset = no limit\n"
    "  SIMSWARM_GZIP_LEVEL    compression level of the uploads, 0 (store) to 9 (default 1)\n"
    "  SIMSWARM_UPLOAD_GIVEUP seconds an upload is retried while the results service is\n"
    "                         unreachable or overloaded (default 600; 0 = one attempt)\n"
    "  TMPDIR                 where per-run directories are made (default /tmp)\n"
    "\n"
    "One run is, in the current directory:\n"
    "  /bin/sh -c \"$SIMSWARM_RUN_COMMAND -u Cmdenv [-f INI] -c CONFIG -r N --result-dir DIR $SIMSWARM_SIM_ARGS\"\n"
    "with DIR a fresh directory. stdout and stderr go to DIR/STEM.out (STEM of the run's .sca,\n"
    "else .vec file, else CONFIG-run-N) and are echoed on stdout. After exit code 0, DIR is\n"
    "uploaded as tar.gz: POST with 'Authorization: Bearer TOKEN' and\n"
    "'Content-Type: application/gzip'; any 2xx answer is success. Connection failures and\n"
    "408, 429, 500, 502, 503, 504 are retried (0.5 s apart, doubling up to 15 s) until\n"
    "SIMSWARM_UPLOAD_GIVEUP; any other answer fails at once.\n"
    "\n"
    "List mode:\n"
    "  SIMSWARM_RUNS          comma-separated run numbers\n"
    "  SIMSWARM_TOKENS        their upload tokens, same order\n"
    "  SIMSWARM_UPLOAD_URL    http://host:port/path containing {run}\n"
    "  SIMSWARM_SLOT          optional: RUNS and TOKENS are ';'-separated groups and this\n"
    "                         task runs group number SLOT (non-numeric counts as 0)\n"
    "  Exit code: 0 when every run succeeded and was uploaded, else the first non-zero exit\n"
    "  code of a run (124 for a time-out), or 1 when an upload failed.\n"
    "\n"
    "Pilot mode:\n"
    "  SIMSWARM_LEASE_URL     http://host:port/path of the scheduler's lease resource\n"
    "  SIMSWARM_LEASE_TOKEN   the campaign's lease token\n"
    "  SIMSWARM_LEASE_GIVEUP  seconds the scheduler may stay unreachable before the runner\n"
    "                         gives up with exit code 1 (default 120)\n"
    "  SIMSWARM_LEASE_MAX     runs one lease answer may grant, 1-256 (default 16); the\n"
    "                         scheduler grants several only for short runs\n"
    "  SIMSWARM_WORKER        this worker's identity, sent as X-Worker (optional; default:\n"
    "                         the host name); up to 256 printable ASCII characters, no spaces\n"
    "  Leases runs until the scheduler answers 204 (exit code 0), heartbeats while a run\n"
    "  lasts and while its upload waits to try again, and reports each run's end (exit code,\n"
    "  duration, upload state, output tail).\n"
    "  The successful runs of a batch are uploaded and reported together at its end.\n"
    "\n"
    "Only http:// URLs (no TLS); hosts are IP addresses or names from /etc/hosts or DNS.\n"
    "Exit code 2: the environment is missing or invalid (one line on stderr says what).\n";

static const char *get(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* Splits S at SEP into trimmed, freshly allocated pieces. */
static char **split(const char *s, char sep, size_t *count)
{
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == sep;
    char **items = xmalloc(n * sizeof *items);
    const char *start = s;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(start, sep);
        if (!end)
            end = start + strlen(start);
        const char *a = start, *b = end;
        while (a < b && (*a == ' ' || *a == '\t' || *a == '\n'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\n'))
            b--;
        items[i] = xstrndup(a, (size_t)(b - a));
        start = *end ? end + 1 : end;
    }
    *count = n;
    return items;
}

int env_token_ok(const char *token)
{
    if (!token || !*token)
        return 0;
    for (const unsigned char *p = (const unsigned char *)token; *p; p++) {
        if (*p <= ' ' || *p >= 0x7f)
            return 0;
    }
    return 1;
}

static int seconds(const char *name, long fallback, long *out, char *err, size_t errlen)
{
    const char *v = get(name);
    unsigned long s;
    if (!v) {
        *out = fallback;
        return 0;
    }
    if (parse_ulong(v, MAX_SECONDS, &s) != 0) {
        snprintf(err, errlen, "%s must be a whole number of seconds, got '%s'", name, v);
        return -1;
    }
    *out = (long)s;
    return 0;
}

static int check_url(const char *name, const char *value, char *err, size_t errlen)
{
    struct url url;
    char why[400];
    if (url_parse(value, &url, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s is invalid: %s", name, why);
        return -1;
    }
    url_free(&url);
    return 0;
}

/* Picks the group number SIMSWARM_SLOT from a ';'-separated list (or the whole list without a slot). */
static char *select_group(const char *name, const char *value, char *err, size_t errlen)
{
    const char *slot_text = get("SIMSWARM_SLOT");
    if (!slot_text)
        return xstrdup(value);
    unsigned long slot;
    if (parse_ulong(slot_text, INT_MAX, &slot) != 0)
        slot = 0; /* Swarm renders the slot of task 0 as the node id */
    size_t groups;
    char **items = split(value, ';', &groups);
    char *group = slot < groups ? xstrdup(items[slot]) : NULL;
    if (!group)
        snprintf(err, errlen, "SIMSWARM_SLOT=%s selects group %lu, but %s has only %zu group(s)",
                 slot_text, slot, name, groups);
    for (size_t i = 0; i < groups; i++)
        free(items[i]);
    free(items);
    return group;
}

static int load_list_mode(struct runner_env *env, char *err, size_t errlen)
{
    const char *runs = get("SIMSWARM_RUNS"), *tokens = get("SIMSWARM_TOKENS");
    env->upload_url = get("SIMSWARM_UPLOAD_URL");
    if (!tokens) {
        snprintf(err, errlen, "SIMSWARM_TOKENS is not set (one upload token per run in SIMSWARM_RUNS)");
        return -1;
    }
    if (!env->upload_url) {
        snprintf(err, errlen, "SIMSWARM_UPLOAD_URL is not set (http://host:port/path with {run})");
        return -1;
    }
    if (!strstr(env->upload_url, "{run}")) {
        snprintf(err, errlen, "SIMSWARM_UPLOAD_URL must contain {run}, got '%s'", env->upload_url);
        return -1;
    }
    if (check_url("SIMSWARM_UPLOAD_URL", env->upload_url, err, errlen) != 0)
        return -1;
    char *run_group = select_group("SIMSWARM_RUNS", runs, err, errlen);
    char *token_group = run_group ? select_group("SIMSWARM_TOKENS", tokens, err, errlen) : NULL;
    if (!run_group || !token_group) {
        free(run_group);
        return -1;
    }
    env->runs = split(run_group, ',', &env->run_count);
    env->tokens = split(token_group, ',', &env->token_count);
    free(run_group);
    free(token_group);
    if (env->token_count != env->run_count) {
        snprintf(err, errlen, "SIMSWARM_RUNS has %zu run(s) but SIMSWARM_TOKENS has %zu token(s)",
                 env->run_count, env->token_count);
        return -1;
    }
    for (size_t i = 0; i < env->run_count; i++) {
        unsigned long n;
        if (parse_ulong(env->runs[i], INT_MAX, &n) != 0) {
            snprintf(err, errlen, "SIMSWARM_RUNS must list run numbers, got '%s'", env->runs[i]);
            return -1;
        }
        if (!env_token_ok(env->tokens[i])) {
            snprintf(err, errlen, "SIMSWARM_TOKENS has an empty token or one with spaces or control "
                                  "characters (position %zu)", i + 1);
            return -1;
        }
    }
    return 0;
}

static int load_pilot_mode(struct runner_env *env, char *err, size_t errlen)
{
    env->lease_token = get("SIMSWARM_LEASE_TOKEN");
    if (!env->lease_token) {
        snprintf(err, errlen, "SIMSWARM_LEASE_TOKEN is not set (the campaign's lease token)");
        return -1;
    }
    if (!env_token_ok(env->lease_token)) {
        snprintf(err, errlen, "SIMSWARM_LEASE_TOKEN contains spaces or control characters");
        return -1;
    }
    char *url = xstrdup(get("SIMSWARM_LEASE_URL"));
    size_t len = strlen(url);
    while (len > 0 && url[len - 1] == '/')
        url[--len] = '\0';
    env->lease_url = url;
    if (check_url("SIMSWARM_LEASE_URL", url, err, errlen) != 0)
        return -1;
    const char *max = get("SIMSWARM_LEASE_MAX");
    unsigned long n = DEFAULT_LEASE_MAX;
    if (max && (parse_ulong(max, LEASE_MAX_LIMIT, &n) != 0 || n == 0)) {
        snprintf(err, errlen, "SIMSWARM_LEASE_MAX must be 1-%d (runs per lease answer), got '%s'", LEASE_MAX_LIMIT,
                 max);
        return -1;
    }
    env->lease_max = (long)n;
    env->worker = get("SIMSWARM_WORKER");
    if (env->worker && (!env_token_ok(env->worker) || strlen(env->worker) > WORKER_MAX)) {
        snprintf(err, errlen, "SIMSWARM_WORKER must be at most %d printable ASCII characters without spaces "
                              "(this worker's identity, sent as X-Worker)", WORKER_MAX);
        return -1;
    }
    return seconds("SIMSWARM_LEASE_GIVEUP", DEFAULT_GIVEUP_S, &env->lease_giveup_s, err, errlen);
}

static void free_list(char **items, size_t count)
{
    for (size_t i = 0; items && i < count; i++)
        free(items[i]);
    free(items);
}

void env_free(struct runner_env *env)
{
    free_list(env->runs, env->run_count);
    free_list(env->tokens, env->token_count);
    free(env->lease_url);
    memset(env, 0, sizeof *env);
}

int env_load(struct runner_env *env, char *err, size_t errlen)
{
    memset(env, 0, sizeof *env);
    env->run_command = get("SIMSWARM_RUN_COMMAND");
    env->config = get("SIMSWARM_CONFIG");
    env->ini_file = get("SIMSWARM_INI_FILE");
    env->sim_args = get("SIMSWARM_SIM_ARGS");
    env->tmp_dir = get("TMPDIR") ? get("TMPDIR") : "/tmp";
    if (!env->run_command) {
        snprintf(err, errlen, "SIMSWARM_RUN_COMMAND is not set (the simulation program, e.g. ./queueing)");
        return -1;
    }
    if (!env->config) {
        snprintf(err, errlen, "SIMSWARM_CONFIG is not set (the ini configuration to run)");
        return -1;
    }
    if (seconds("SIMSWARM_RUN_TIMEOUT", 0, &env->run_timeout_s, err, errlen) != 0)
        return -1;
    const char *level = get("SIMSWARM_GZIP_LEVEL");
    unsigned long lv = DEFAULT_GZIP_LEVEL;
    if (level && parse_ulong(level, 9, &lv) != 0) {
        snprintf(err, errlen, "SIMSWARM_GZIP_LEVEL must be 0-9, got '%s'", level);
        return -1;
    }
    env->gzip_level = (int)lv;
    if (seconds("SIMSWARM_UPLOAD_GIVEUP", DEFAULT_UPLOAD_GIVEUP_S, &env->upload_giveup_s, err, errlen) != 0)
        return -1;

    int list = get("SIMSWARM_RUNS") != NULL, pilot = get("SIMSWARM_LEASE_URL") != NULL;
    if (list && pilot) {
        snprintf(err, errlen, "set either SIMSWARM_RUNS (list mode) or SIMSWARM_LEASE_URL (pilot mode), not both");
        return -1;
    }
    if (!list && !pilot) {
        snprintf(err, errlen, "neither SIMSWARM_RUNS (list mode) nor SIMSWARM_LEASE_URL (pilot mode) is set; "
                              "see --help");
        return -1;
    }
    env->mode = list ? MODE_LIST : MODE_PILOT;
    return list ? load_list_mode(env, err, errlen) : load_pilot_mode(env, err, errlen);
}
