/*
 * One run from start to end: a fresh directory, the simulation command, the .out file named
 * like OMNeT++'s cmdenv-output-file, and the upload of the result directory as tar.gz.
 */
#ifndef SIMSWARM_JOB_H
#define SIMSWARM_JOB_H

#include "env.h"
#include "process.h"

#include <stdint.h>

enum upload_state { UPLOAD_SKIPPED, UPLOAD_OK, UPLOAD_FAILED };

struct job {
    const struct runner_env *env;
    long run;
    const char *token;
    const char *upload_url;  /* final URL, {run} already replaced */
    long heartbeat_s;        /* 0 = none */
    enum heartbeat_answer (*heartbeat)(void *ctx);
    void *heartbeat_ctx;
};

struct job_outcome {
    int exit_code;
    int64_t duration_ms;     /* of the simulation, upload not included */
    enum upload_state upload;
    int withdrawn;
    int interrupted;
    char *tail;              /* last lines of the output, plus any upload failure */
};

void job_run(const struct job *job, struct job_outcome *outcome);
void job_outcome_free(struct job_outcome *outcome);

const char *upload_state_name(enum upload_state state);

/* Replaces every {run} in TEMPLATE by RUN. */
char *url_for_run(const char *template_url, long run);

#endif
