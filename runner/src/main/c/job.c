#define _GNU_SOURCE
#include "job.h"
#include "targz.h"
#include "upload.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *upload_state_name(enum upload_state state)
{
    switch (state) {
    case UPLOAD_OK:
        return "ok";
    case UPLOAD_FAILED:
        return "failed";
    default:
        return "skipped";
    }
}

char *url_for_run(const char *template_url, long run)
{
    struct strbuf sb = {0};
    const char *p = template_url, *hit;
    while ((hit = strstr(p, "{run}")) != NULL) {
        sb_append(&sb, p, (size_t)(hit - p));
        sb_printf(&sb, "%ld", run);
        p = hit + 5;
    }
    sb_puts(&sb, p);
    return sb.data;
}

static char *build_command(const struct runner_env *env, long run, const char *result_dir)
{
    struct strbuf cmd = {0};
    sb_printf(&cmd, "%s -u Cmdenv", env->run_command);
    if (env->ini_file) {
        sb_puts(&cmd, " -f ");
        sb_shell_quote(&cmd, env->ini_file);
    }
    sb_puts(&cmd, " -c ");
    sb_shell_quote(&cmd, env->config);
    sb_printf(&cmd, " -r %ld --result-dir ", run);
    sb_shell_quote(&cmd, result_dir);
    if (env->sim_args)
        sb_printf(&cmd, " %s", env->sim_args);
    return cmd.data;
}

/* ---------------------------------------------------------------- the .out file's name */

static const char *wanted_suffix;

static int has_wanted_suffix(const struct dirent *e)
{
    size_t n = strlen(e->d_name), s = strlen(wanted_suffix);
    return n > s && strcmp(e->d_name + n - s, wanted_suffix) == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Stem of the first (by name) result file in DIR with SUFFIX, or NULL. */
static char *result_stem(const char *dir, const char *suffix)
{
    struct dirent **entries;
    wanted_suffix = suffix;
    int n = scandir(dir, &entries, has_wanted_suffix, by_name);
    if (n <= 0)
        return NULL;
    char *stem = xstrndup(entries[0]->d_name, strlen(entries[0]->d_name) - strlen(suffix));
    for (int i = 0; i < n; i++)
        free(entries[i]);
    free(entries);
    return stem;
}

static char *out_file_name(const char *dir, const char *config, long run)
{
    char *stem = result_stem(dir, ".sca");
    if (!stem)
        stem = result_stem(dir, ".vec");
    if (!stem) {
        stem = xprintf("%s-run-%ld", config, run);
        for (char *p = stem; *p; p++) {
            if (*p == '/')
                *p = '_';
        }
    }
    char *name = xprintf("%s/%s.out", dir, stem);
    free(stem);
    return name;
}

/* ---------------------------------------------------------------- upload */

static void append_line(char **text, const char *line)
{
    char *joined = xprintf("%s%s: %s\n", *text ? *text : "", RUNNER_NAME, line);
    free(*text);
    *text = joined;
}

void job_upload_failed(const struct job *job, struct job_outcome *out, const char *url, const char *why)
{
    char *line = xprintf("run %ld: upload to %s failed: %s", job->run, url, why);
    msg("%s", line);
    append_line(&out->tail, line);
    free(line);
    out->upload = UPLOAD_FAILED;
}

void job_upload_withdrawn(const struct job *job, struct job_outcome *out, const char *last_error)
{
    char *line = xprintf("run %ld: the scheduler withdrew the lease while the upload waited to try again (last "
                         "error: %s): the results are not uploaded", job->run, last_error);
    msg("%s", line);
    append_line(&out->tail, line);
    free(line);
    out->withdrawn = 1;
    out->upload = UPLOAD_SKIPPED;
}

struct upload_retry job_upload_retry(const struct job *job, const char *what, struct upload_keepalive *keepalive)
{
    int keep = job->heartbeat && job->heartbeat_s > 0;
    if (keep) {
        int64_t interval = job->heartbeat_s * 1000;
        *keepalive = (struct upload_keepalive){
            .beat = job->heartbeat, .ctx = job->heartbeat_ctx, .interval_ms = interval,
            .next_at = job->heartbeat_first_at > 0 ? job->heartbeat_first_at : now_ms() + interval};
    }
    return (struct upload_retry){.what = what, .giveup_s = job->upload_once ? 0 : job->env->upload_giveup_s,
                                 .once = job->upload_once, .keepalive = keep ? keepalive : NULL};
}

enum upload_result job_upload(const struct job *job, struct job_outcome *out)
{
    struct strbuf why = {0};
    char *archive = xprintf("%s/results.tar.gz", out->work_dir);
    int fd = open(archive, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    char err[512];
    int files = -1;
    if (fd < 0)
        sb_printf(&why, "cannot create the archive: %s", strerror(errno));
    else if ((files = targz_write_dir(out->result_dir, fd, job->env->gzip_level, err, sizeof err)) < 0)
        sb_printf(&why, "cannot pack %s: %s", out->result_dir, err);
    enum upload_result result = UPLOAD_REFUSED;
    if (files >= 0) {
        off_t size = lseek(fd, 0, SEEK_END);
        char *auth = xprintf("Bearer %s", job->token);
        char *what = xprintf("run %ld", job->run);
        struct upload_keepalive keepalive;
        struct upload_retry retry = job_upload_retry(job, what, &keepalive);
        int status;
        result = upload_archive(job->upload_url, auth, fd, size, &retry, &why, &status);
        if (result == UPLOAD_DONE) {
            out->upload = UPLOAD_OK;
            msg("run %ld: uploaded %d file(s), %lld bytes", job->run, files, (long long)size);
        }
        free(what);
        free(auth);
    }
    if (fd >= 0)
        close(fd);
    unlink(archive);
    free(archive);
    if (result == UPLOAD_WITHDRAWN)
        job_upload_withdrawn(job, out, why.data);
    else if (out->upload != UPLOAD_OK)
        job_upload_failed(job, out, job->upload_url, why.data);
    sb_free(&why);
    return result;
}

/* ---------------------------------------------------------------- one run */

/* Appends S as a JSON string (quotes, backslashes and control characters escaped). */
static void json_string(struct strbuf *sb, const char *s)
{
    sb_puts(sb, "\"");
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        if (*c == '"' || *c == '\\')
            sb_printf(sb, "\\%c", *c);
        else if (*c < 0x20)
            sb_printf(sb, "\\u%04x", *c);
        else
            sb_append(sb, (const char *)c, 1);
    }
    sb_puts(sb, "\"");
}

static void json_time(struct strbuf *sb, time_t t)
{
    char text[32];
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    json_string(sb, text);
}

/*
 * Writes PROVENANCE_FILE into the result directory: the exact command line, the worker, start and end, the exit
 * code; the results service keeps it as the run's provenance (it is not one of the run's result files).
 */
static void write_provenance(const struct job *job, const char *results, const char *command, time_t started,
                             time_t finished, const struct job_outcome *out)
{
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    struct strbuf sb = {0};
    sb_printf(&sb, "{\"run\":%ld,\"command\":", job->run);
    json_string(&sb, command);
    sb_puts(&sb, ",\"worker\":");
    json_string(&sb, job->env->worker ? job->env->worker : host);
    sb_puts(&sb, ",\"host\":");
    json_string(&sb, host);
    sb_puts(&sb, ",\"startedAt\":");
    json_time(&sb, started);
    sb_puts(&sb, ",\"finishedAt\":");
    json_time(&sb, finished);
    sb_printf(&sb, ",\"durationMs\":%lld,\"exitCode\":%d,", (long long)out->duration_ms, out->exit_code);
    if (job->attempt > 0)
        sb_printf(&sb, "\"attempt\":%ld,", job->attempt);
    sb_puts(&sb, "\"runner\":");
    json_string(&sb, RUNNER_VERSION);
    sb_puts(&sb, "}\n");
    char *path = xprintf("%s/%s", results, PROVENANCE_FILE);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || write_all(fd, sb.data, sb.len) != 0)
        msg("run %ld: cannot write %s: %s", job->run, path, strerror(errno));
    if (fd >= 0)
        close(fd);
    free(path);
    sb_free(&sb);
}

int job_succeeded(const struct job_outcome *out)
{
    return out->exit_code == 0 && !out->withdrawn && !out->interrupted;
}

void job_simulate(const struct job *job, struct job_outcome *out)
{
    const struct runner_env *env = job->env;
    memset(out, 0, sizeof *out);
    out->upload = UPLOAD_SKIPPED;

    char *work = xprintf("%s/simswarm-run-%ld-XXXXXX", env->tmp_dir, job->run);
    char *results = NULL;
    if (!mkdtemp(work) || mkdir((results = xprintf("%s/results", work)), 0755) != 0) {
        char *line = xprintf("run %ld: cannot create a run directory in %s: %s", job->run, env->tmp_dir,
                             strerror(errno));
        msg("%s", line);
        append_line(&out->tail, line);
        free(line);
        out->exit_code = 127;
        if (results)
            remove_tree(work);
        free(results);
        free(work);
        return;
    }

    char *command = build_command(env, job->run, results);
    char *output = xprintf("%s/output", work);
    struct process_spec spec = {.command = command, .output_path = output, .timeout_s = env->run_timeout_s,
                                .heartbeat_s = job->heartbeat_s, .heartbeat_first_at = job->heartbeat_first_at,
                                .heartbeat = job->heartbeat, .ctx = job->heartbeat_ctx};
    struct process_result res;
    time_t started = time(NULL);
    process_run(&spec, &res);
    time_t finished = time(NULL);
    out->exit_code = res.exit_code;
    out->duration_ms = res.duration_ms;
    out->withdrawn = res.withdrawn;
    out->interrupted = res.interrupted;
    out->tail = res.tail;

    char *out_name = out_file_name(results, env->config, job->run);
    if (rename(output, out_name) != 0)
        msg("run %ld: cannot move the output to %s: %s", job->run, out_name, strerror(errno));
    free(out_name);
    free(output);

    if (job_succeeded(out))
        write_provenance(job, results, command, started, finished, out);
    free(command);
    if (job_succeeded(out)) {
        out->work_dir = work;
        out->result_dir = results;
    } else {
        remove_tree(work);
        free(results);
        free(work);
    }
}

void job_run(const struct job *job, struct job_outcome *out)
{
    job_simulate(job, out);
    if (job_succeeded(out))
        job_upload(job, out);
}

void job_outcome_free(struct job_outcome *out)
{
    if (out->work_dir)
        remove_tree(out->work_dir);
    free(out->work_dir);
    free(out->result_dir);
    free(out->tail);
    memset(out, 0, sizeof *out);
}
