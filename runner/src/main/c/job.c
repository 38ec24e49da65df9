#define _GNU_SOURCE
#include "job.h"
#include "http.h"
#include "targz.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define UPLOAD_ATTEMPTS 4
#define UPLOAD_FIRST_BACKOFF_MS 500
#define UPLOAD_CONNECT_TIMEOUT_MS 10000
#define UPLOAD_IO_TIMEOUT_MS 120000 /* the service may parse the results before it answers */

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

static int transient_status(int status)
{
    return status == 502 || status == 503 || status == 504;
}

/* POSTs the archive; returns 0 on a 2xx answer, else -1 with a one-line reason in WHY. */
static int post_archive(const struct job *job, int fd, off_t size, struct strbuf *why)
{
    char *auth = xprintf("Bearer %s", job->token);
    struct http_header headers[] = {{"Authorization", auth}, {"Content-Type", "application/gzip"}};
    struct http_request req = {
        .method = "POST", .url = job->upload_url, .headers = headers, .header_count = 2,
        .body_fd = fd, .body_size = size,
        .connect_timeout_ms = UPLOAD_CONNECT_TIMEOUT_MS, .io_timeout_ms = UPLOAD_IO_TIMEOUT_MS};
    int64_t backoff = UPLOAD_FIRST_BACKOFF_MS;
    int result = -1;
    for (int attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
        struct http_response resp;
        int rc = http_request(&req, &resp);
        if (rc == 0 && resp.status >= 200 && resp.status < 300) {
            result = 0;
        } else if (rc == 0 && !transient_status(resp.status)) {
            char *line = first_line(resp.body, 200);
            sb_printf(why, "HTTP %d%s%s", resp.status, *line ? ": " : "", line);
            free(line);
            attempt = UPLOAD_ATTEMPTS;
        } else if (attempt == UPLOAD_ATTEMPTS) {
            if (rc == 0)
                sb_printf(why, "HTTP %d after %d attempts", resp.status, attempt);
            else
                sb_printf(why, "%s (after %d attempts)", resp.error, attempt);
        }
        http_response_free(&resp);
        if (result == 0 || attempt >= UPLOAD_ATTEMPTS || process_stop_requested())
            break;
        process_sleep_ms(backoff);
        backoff *= 2;
    }
    if (result != 0 && why->len == 0)
        sb_puts(why, "interrupted");
    free(auth);
    return result;
}

static enum upload_state upload(const struct job *job, const char *work, const char *results, struct strbuf *why)
{
    char *archive = xprintf("%s/results.tar.gz", work);
    int fd = open(archive, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    free(archive);
    if (fd < 0) {
        sb_printf(why, "cannot create the archive: %s", strerror(errno));
        return UPLOAD_FAILED;
    }
    char err[512];
    int files = targz_write_dir(results, fd, job->env->gzip_level, err, sizeof err);
    if (files < 0) {
        sb_printf(why, "cannot pack %s: %s", results, err);
        close(fd);
        return UPLOAD_FAILED;
    }
    off_t size = lseek(fd, 0, SEEK_END);
    int rc = post_archive(job, fd, size, why);
    close(fd);
    if (rc == 0)
        msg("run %ld: uploaded %d file(s), %lld bytes", job->run, files, (long long)size);
    return rc == 0 ? UPLOAD_OK : UPLOAD_FAILED;
}

/* ---------------------------------------------------------------- one run */

static void append_line(char **text, const char *line)
{
    char *joined = xprintf("%s%s: %s\n", *text ? *text : "", RUNNER_NAME, line);
    free(*text);
    *text = joined;
}

void job_run(const struct job *job, struct job_outcome *out)
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
        free(results);
        free(work);
        return;
    }

    char *command = build_command(env, job->run, results);
    char *output = xprintf("%s/output", work);
    struct process_spec spec = {.command = command, .output_path = output, .timeout_s = env->run_timeout_s,
                                .heartbeat_s = job->heartbeat_s, .heartbeat = job->heartbeat,
                                .ctx = job->heartbeat_ctx};
    struct process_result res;
    process_run(&spec, &res);
    out->exit_code = res.exit_code;
    out->duration_ms = res.duration_ms;
    out->withdrawn = res.withdrawn;
    out->interrupted = res.interrupted;
    out->tail = res.tail;

    char *out_name = out_file_name(results, env->config, job->run);
    if (rename(output, out_name) != 0)
        msg("run %ld: cannot move the output to %s: %s", job->run, out_name, strerror(errno));

    if (out->exit_code == 0 && !out->withdrawn && !out->interrupted) {
        struct strbuf why = {0};
        out->upload = upload(job, work, results, &why);
        if (out->upload == UPLOAD_FAILED) {
            char *line = xprintf("run %ld: upload to %s failed: %s", job->run, job->upload_url, why.data);
            msg("%s", line);
            append_line(&out->tail, line);
            free(line);
        }
        sb_free(&why);
    }
    remove_tree(work);
    free(out_name);
    free(output);
    free(command);
    free(results);
    free(work);
}

void job_outcome_free(struct job_outcome *out)
{
    free(out->tail);
    out->tail = NULL;
}
