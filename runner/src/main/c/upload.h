/*
 * Uploads of result archives to the results service: one run's archive to the run's upload URL, or
 * the results of several runs in one archive to the campaign's group upload URL. Connection failures
 * and 502, 503 and 504 are retried, 4 attempts in all, 0.5 s, 1 s and 2 s apart; any other answer
 * counts at once.
 */
#ifndef SIMSWARM_UPLOAD_H
#define SIMSWARM_UPLOAD_H

#include "util.h"

#include <sys/types.h>

/*
 * POSTs SIZE bytes of FD as application/gzip with "Authorization: AUTH". Returns 0 on a 2xx answer,
 * else -1 with a one-line reason appended to WHY and the last status in *STATUS (0: none arrived).
 */
int upload_archive(const char *url, const char *auth, int fd, off_t size, struct strbuf *why, int *status);

/* One run of a group upload: its number, its run token and the result directory packed as folder "RUN/". */
struct group_run {
    long run;
    const char *token;
    const char *result_dir;
};

enum group_outcome {
    GROUP_UPLOADED,
    GROUP_UNSUPPORTED, /* 404 or 405: the results service has no group upload */
    GROUP_REFUSED,     /* any other 4xx: the group was refused as a whole */
    GROUP_NOT_PACKED,  /* the archive could not be written */
    GROUP_FAILED,      /* unreachable, 5xx or another answer, after the retries */
};

/*
 * Packs the runs' result directories into one tar.gz (top-level folders named by the run numbers), written
 * to an unlinked temporary file in TMP_DIR, and POSTs it to URL with "Authorization: Bearer RUN=TOKEN,...".
 * WHY receives a one-line reason for anything but GROUP_UPLOADED; *SIZE the archive's size.
 */
enum group_outcome upload_group(const char *url, const struct group_run *runs, size_t count, int gzip_level,
                                const char *tmp_dir, struct strbuf *why, off_t *size);

#endif
