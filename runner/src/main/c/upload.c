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

#define UPLOAD_ATTEMPTS 4
#define UPLOAD_FIRST_BACKOFF_MS 500
#define UPLOAD_CONNECT_TIMEOUT_MS 10000
#define UPLOAD_IO_TIMEOUT_MS 120000 /* the service may parse the results before it answers */

static int transient_status(int status)
{
    return status == 502 || status == 503 || status == 504;
}

int upload_archive(const char *url, const char *auth, int fd, off_t size, struct strbuf *why, int *status)
{
    struct http_header headers[] = {{"Authorization", auth}, {"Content-Type", "application/gzip"}};
    struct http_request req = {
        .method = "POST", .url = url, .headers = headers, .header_count = 2,
        .body_fd = fd, .body_size = size,
        .connect_timeout_ms = UPLOAD_CONNECT_TIMEOUT_MS, .io_timeout_ms = UPLOAD_IO_TIMEOUT_MS};
    int64_t backoff = UPLOAD_FIRST_BACKOFF_MS;
    int result = -1;
    size_t why_start = why->len;
    *status = 0;
    for (int attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
        struct http_response resp;
        int rc = http_request(&req, &resp);
        *status = rc == 0 ? resp.status : 0;
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
    if (result != 0 && why->len == why_start)
        sb_puts(why, "interrupted");
    return result;
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
                                const char *tmp_dir, struct strbuf *why, off_t *size)
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
        if (upload_archive(url, auth.data, fd, *size, why, &status) == 0)
            outcome = GROUP_UPLOADED;
        else if (status == 404 || status == 405)
            outcome = GROUP_UNSUPPORTED;
        else if (status >= 400 && status < 500)
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
