/*
 * Uploads of result archives to the results service: one run's archive to the run's upload URL, or
 * the results of several runs in one archive to the campaign's group upload URL. The archive is packed
 * once and sent again as long as the service is away: connection failures and 408, 429, 500, 502, 503
 * and 504 are retried 0.5 s apart, doubling up to 15 s (each wait cut by up to a fifth at random), until
 * SIMSWARM_UPLOAD_GIVEUP seconds have passed; any other answer counts at once. Meanwhile the lease of
 * the run (pilot mode) is kept alive with its heartbeats.
 */
#ifndef SIMSWARM_UPLOAD_H
#define SIMSWARM_UPLOAD_H

#include "process.h"
#include "util.h"

#include <stdint.h>
#include <sys/types.h>

enum upload_result {
    UPLOAD_DONE,      /* a 2xx answer */
    UPLOAD_REFUSED,   /* an answer that is not retried (e.g. 401, 404, 413) */
    UPLOAD_GAVE_UP,   /* still unreachable or overloaded after the give-up time */
    UPLOAD_STOPPED,   /* the runner was asked to stop before it could try again */
    UPLOAD_WITHDRAWN, /* the lease kept alive while waiting was withdrawn (heartbeat answered 410) */
};

/* Keeps a lease alive while an upload waits to try again: BEAT is called every INTERVAL_MS, first at NEXT_AT. */
struct upload_keepalive {
    enum heartbeat_answer (*beat)(void *ctx);
    void *ctx;
    int64_t interval_ms;
    int64_t next_at; /* now_ms() time of the next heartbeat */
};

/* How long an upload is retried, what keeps its lease alive meanwhile, and how messages name it. */
struct upload_retry {
    const char *what;                   /* "run 5" or "runs 12-14" */
    long giveup_s;                      /* SIMSWARM_UPLOAD_GIVEUP: 0 = one attempt */
    const char *once;                   /* set: one attempt (giveup_s 0), and this says why */
    struct upload_keepalive *keepalive; /* NULL: no lease to keep alive */
};

/*
 * POSTs SIZE bytes of FD as application/gzip with "Authorization: AUTH", retried as RETRY says; each retry
 * prints one line. Anything but UPLOAD_DONE appends a one-line reason to WHY (the last failure, and for
 * UPLOAD_GAVE_UP and UPLOAD_STOPPED why it was not tried again); *STATUS is the last status (0: none arrived).
 */
enum upload_result upload_archive(const char *url, const char *auth, int fd, off_t size, struct upload_retry *retry,
                                  struct strbuf *why, int *status);

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
    GROUP_FAILED,      /* unreachable, 5xx or another answer, after the retries, or stopped */
    GROUP_WITHDRAWN,   /* the lease kept alive while waiting was withdrawn: not uploaded */
};

/*
 * Packs the runs' result directories into one tar.gz (top-level folders named by the run numbers), written
 * to an unlinked temporary file in TMP_DIR, and POSTs it to URL with "Authorization: Bearer RUN=TOKEN,...",
 * retried as RETRY says. WHY receives a one-line reason for anything but GROUP_UPLOADED; *SIZE the archive's
 * size.
 */
enum group_outcome upload_group(const char *url, const struct group_run *runs, size_t count, int gzip_level,
                                const char *tmp_dir, struct upload_retry *retry, struct strbuf *why, off_t *size);

#endif
