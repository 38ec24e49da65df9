#define _GNU_SOURCE
#include "upload.h"
#include "http.h"
#include "process.h"
#include "targz.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define UPLOAD_FIRST_BACKOFF_MS 500
#define UPLOAD_MAX_BACKOFF_MS 15000
#define UPLOAD_CONNECT_TIMEOUT_MS 10000
#define UPLOAD_IO_TIMEOUT_MS 120000 /* the service may parse the results before it answers */

/* Answers of a results service that is starting, overloaded or briefly without its database or broker. */
static int retried_status(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

/* MS cut by up to a fifth at random, so that workers that lost the service together do not come back in step. */
static int64_t jittered(int64_t ms)
{
    static unsigned int seed;
    if (seed == 0)
        seed = (unsigned int)getpid() ^ (unsigned int)now_ms();
    return ms - rand_r(&seed) % (ms / 5 + 1);
}

/*
 * Waits until UNTIL (a now_ms() time), sending the heartbeats that fall due meanwhile. Returns 0, or -1 with
 * the reason to give the upload up in *END (the runner is stopping, or the lease was withdrawn).
 */
static int wait_to_retry(int64_t until, struct upload_keepalive *keepalive, enum upload_result *end)
{
    for (;;) {
        if (process_stop_requested()) {
            *end = UPLOAD_STOPPED;
            return -1;
        }
        int64_t now = now_ms();
        if (keepalive && now >= keepalive->next_at) {
            keepalive->next_at = now + keepalive->interval_ms;
            if (keepalive->beat(keepalive->ctx) == HEARTBEAT_WITHDRAWN) {
                *end = UPLOAD_WITHDRAWN;
                return -1;
            }
            continue;
        }
        if (now >= until)
            return 0;
        int64_t wake = keepalive && keepalive->next_at < until ? keepalive->next_at : until;
        process_sleep_ms(wake - now);
    }
}

/* The answer in words: "HTTP 503: <first line of the body>", or the transport failure. */
static char *failure_of(int rc, const struct http_response *resp)
{
    if (rc != 0)
        return xstrdup(resp->error);
    char *line = first_line(resp->body, 200);
    char *text = xprintf("HTTP %d%s%s", resp->status, *line ? ": " : "", line);
    free(line);
    return text;
}

enum upload_result upload_archive(const char *url, const char *auth, int fd, off_t size, struct upload_retry *retry,
                                  struct strbuf *why, int *status)
{
    struct http_header headers[] = {{"Authorization", auth}, {"Content-Type", "application/gzip"}};
    struct http_request req = {
        .method = "POST", .url = url, .headers = headers, .header_count = 2,
        .body_fd = fd, .body_size = size,
        .connect_timeout_ms = UPLOAD_CONNECT_TIMEOUT_MS, .io_timeout_ms = UPLOAD_IO_TIMEOUT_MS};
    int64_t start = now_ms(), giveup_at = start + retry->giveup_s * 1000, backoff = UPLOAD_FIRST_BACKOFF_MS;
    for (int attempts = 1;; attempts++) {
        struct http_response resp;
        int rc = http_request(&req, &resp);
        *status = rc == 0 ? resp.status : 0;
        if (rc == 0 && resp.status >= 200 && resp.status < 300) {
            http_response_free(&resp);
            return UPLOAD_DONE;
        }
        char *failure = failure_of(rc, &resp);
        http_response_free(&resp);
        enum upload_result end = rc == 0 && !retried_status(*status) ? UPLOAD_REFUSED : UPLOAD_GAVE_UP;
        int64_t now = now_ms();
        if (end == UPLOAD_GAVE_UP && process_stop_requested()) {
            end = UPLOAD_STOPPED;
        } else if (end == UPLOAD_GAVE_UP && now < giveup_at) {
            int64_t pause = jittered(backoff);
            if (pause > giveup_at - now)
                pause = giveup_at - now;
            msg("upload of %s: results service unreachable (%s), retrying in %.1f s, giving up in %lld s",
                retry->what, failure, (double)pause / 1000, (long long)(giveup_at - now + 999) / 1000);
            backoff = backoff * 2 < UPLOAD_MAX_BACKOFF_MS ? backoff * 2 : UPLOAD_MAX_BACKOFF_MS;
            if (wait_to_retry(now + pause, retry->keepalive, &end) == 0) {
                free(failure);
                continue;
            }
        }
        if (end == UPLOAD_GAVE_UP && retry->once)
            sb_printf(why, "%s (one attempt: %s)", failure, retry->once);
        else if (end == UPLOAD_GAVE_UP)
            sb_printf(why, "%s (%d attempt%s in %lld s, SIMSWARM_UPLOAD_GIVEUP=%ld)", failure, attempts,
                      attempts == 1 ? "" : "s", (long long)(now - start) / 1000, retry->giveup_s);
        else if (end == UPLOAD_STOPPED)
            sb_printf(why, "%s; not tried again: the runner was asked to stop", failure);
        else
            sb_puts(why, failure);
        free(failure);
        return end;
    }
}

/* An archive file that disappears when closed: nothing is left behind, whatever happens. */
static int anonymous_file(const char *dir)
{
    char *path = xprintf("%s/simswarm-group-XXXXXX", dir);
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd >= 0)
        unlink(path);
    free(path);
    return fd;
}

enum group_outcome upload_group(const char *url, const struct group_run *runs, size_t count, int gzip_level,
                                const char *tmp_dir, struct upload_retry *retry, struct strbuf *why, off_t *size)
{
    *size = 0;
    int fd = anonymous_file(tmp_dir);
    if (fd < 0) {
        sb_printf(why, "cannot create the archive in %s: %s", tmp_dir, strerror(errno));
        return GROUP_NOT_PACKED;
    }
    struct targz_source *sources = xmalloc(count * sizeof *sources);
    char **prefixes = xmalloc(count * sizeof *prefixes);
    struct strbuf auth = {0};
    sb_puts(&auth, "Bearer ");
    for (size_t i = 0; i < count; i++) {
        prefixes[i] = xprintf("%ld/", runs[i].run);
        sources[i] = (struct targz_source){.dir = runs[i].result_dir, .prefix = prefixes[i]};
        sb_printf(&auth, "%s%ld=%s", i > 0 ? "," : "", runs[i].run, runs[i].token);
    }
    char err[512];
    enum group_outcome outcome;
    if (targz_write_dirs(sources, count, fd, gzip_level, err, sizeof err) < 0) {
        sb_printf(why, "cannot pack the results: %s", err);
        outcome = GROUP_NOT_PACKED;
    } else {
        *size = lseek(fd, 0, SEEK_END);
        int status;
        enum upload_result result = upload_archive(url, auth.data, fd, *size, retry, why, &status);
        if (result == UPLOAD_DONE)
            outcome = GROUP_UPLOADED;
        else if (result == UPLOAD_WITHDRAWN)
            outcome = GROUP_WITHDRAWN;
        else if (result == UPLOAD_REFUSED && (status == 404 || status == 405))
            outcome = GROUP_UNSUPPORTED;
        else if (result == UPLOAD_REFUSED && status >= 400 && status < 500)
            outcome = GROUP_REFUSED;
        else
            outcome = GROUP_FAILED;
    }
    for (size_t i = 0; i < count; i++)
        free(prefixes[i]);
    free(prefixes);
    free(sources);
    sb_free(&auth);
    close(fd);
    return outcome;
}
