/*
 * One run from start to end: a fresh directory, the simulation command, the .out file named
 * like OMNeT++'s cmdenv-output-file, and the upload of the result directory as tar.gz. The upload
 * may come later than the simulation (pilot mode uploads the runs of a batch together at its end).
 */
#ifndef SIMSWARM_JOB_H
#define SIMSWARM_JOB_H

#include "env.h"
#include "process.h"
#include "upload.h"

#include <stdint.h>

enum upload_state { UPLOAD_SKIPPED, UPLOAD_OK, UPLOAD_FAILED };

/* Written into each result directory before its upload: how the run was made (JSON), for its provenance. */
#define PROVENANCE_FILE "simswarm-run.json"

struct job {
    const struct runner_env *env;
    long run;
    const char *token;
    const char *upload_url;  /* final URL, {run} already replaced */
    long heartbeat_s;        /* 0 = none */
    int64_t heartbeat_first_at; /* now_ms() time of the first heartbeat; 0 = heartbeat_s after the start */
    enum heartbeat_answer (*heartbeat)(void *ctx); /* also sent while an upload waits to try again */
    void *heartbeat_ctx;
    const char *upload_once; /* set: one upload attempt, no retries, and this says why */
    long attempt;            /* the lease's attempt number; 0 when not leased (list mode) */
};

struct job_outcome {
    int exit_code;
    int64_t duration_ms;     /* of the simulation, upload not included */
    enum upload_state upload;
    int withdrawn;           /* the lease was withdrawn while the run lasted or its upload waited */
    int interrupted;
    char *tail;              /* last lines of the output, plus any upload failure */
    char *work_dir;          /* kept after a successful simulation until job_outcome_free(), else NULL */
    char *result_dir;        /* work_dir/results: what is uploaded */
};

/* Runs the simulation. After a success (job_succeeded) the result directory is kept for the upload. */
void job_simulate(const struct job *job, struct job_outcome *outcome);

/* True when the simulation exited 0 by itself (not withdrawn, not stopped). */
int job_succeeded(const struct job_outcome *outcome);

/*
 * Packs the kept result directory and uploads it alone to the job's upload URL; returns how the upload ended
 * (UPLOAD_REFUSED also when the results could not be packed).
 */
enum upload_result job_upload(const struct job *job, struct job_outcome *outcome);

/* Records that the upload to URL failed: one line on stderr and in the tail, upload state failed. */
void job_upload_failed(const struct job *job, struct job_outcome *outcome, const char *url, const char *why);

/* Records that the lease was withdrawn while the upload waited (LAST_ERROR): one line, nothing uploaded. */
void job_upload_withdrawn(const struct job *job, struct job_outcome *outcome, const char *last_error);

/*
 * How JOB's upload is retried: for SIMSWARM_UPLOAD_GIVEUP seconds (or once, see upload_once), sending the job's
 * heartbeats, through KEEPALIVE, while it waits; WHAT names the upload in messages.
 */
struct upload_retry job_upload_retry(const struct job *job, const char *what, struct upload_keepalive *keepalive);

/* job_simulate(), then job_upload() after a success. */
void job_run(const struct job *job, struct job_outcome *outcome);

/* Frees the outcome and removes its run directory, if still there. */
void job_outcome_free(struct job_outcome *outcome);

const char *upload_state_name(enum upload_state state);

/* Replaces every {run} in TEMPLATE by RUN. */
char *url_for_run(const char *template_url, long run);

#endif
