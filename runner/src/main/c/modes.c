#define _GNU_SOURCE
#include "modes.h"
#include "http.h"
#include "job.h"
#include "upload.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_STOPPED 143 /* 128 + SIGTERM: the runner was asked to stop */

/* ================================================================ list mode */

int run_list_mode(const struct runner_env *env)
{
    int first_failure = 0;
    size_t succeeded = 0, done = 0;
    for (size_t i = 0; i < env->run_count && !process_stop_requested(); i++) {
        long run = strtol(env->runs[i], NULL, 10);
        char *url = url_for_run(env->upload_url, run);
        struct job job = {.env = env, .run = run, .token = env->tokens[i], .upload_url = url};
        struct job_outcome out;
        job_run(&job, &out);
        done++;
        int code = out.exit_code != 0 ? out.exit_code : out.upload != UPLOAD_FAILED ? 0
                   : process_stop_requested() ? EXIT_STOPPED : 1;
        if (code == 0)
            succeeded++;
        else if (first_failure == 0)
            first_failure = code;
        job_outcome_free(&out);
        free(url);
    }
    if (process_stop_requested() && first_failure == 0)
        first_failure = EXIT_STOPPED;
    if (env->run_count > 1 || first_failure != 0)
        msg("%zu of %zu run(s) succeeded and were uploaded%s", succeeded, env->run_count,
            done < env->run_count ? " (stopped early)" : "");
    return first_failure;
}

/* ================================================================ pilot mode */

#define SCHED_CONNECT_TIMEOUT_MS 5000
#define SCHED_IO_TIMEOUT_MS 15000
#define SCHED_BODY_MAX (1024 * 1024) /* a lease answer of 256 leases is about 64 KiB */
#define RETRY_FIRST_MS 1000
#define RETRY_MAX_MS 10000
#define DEFAULT_HEARTBEAT_S 30
#define RUN_LIST_MAX 200 /* characters of run numbers in the batch's log line */

struct pilot {
    const struct runner_env *env;
    const char *worker;        /* X-Worker: SIMSWARM_WORKER, else the host name */
    char host[256];
    char *auth;
    char lease_max[24];        /* X-Lease-Max */
    int64_t unreachable_since; /* -1 while the scheduler answers */
    char last_error[300];
    int64_t last_heartbeat;    /* now_ms() of the last heartbeat, or of the lease answer before any */
    int group_unsupported;     /* a group upload was answered 404/405: upload run by run from then on */
};

struct lease {
    char *id;
    long run;
    long attempt;
    char *token;
    char *upload_url;
    long heartbeat_s;
};

/* The leases of one lease answer, run in the order given. */
struct batch {
    struct lease *leases;
    size_t count;
    char *group_upload; /* the first block's group-upload URL, or NULL: upload run by run */
};

static void lease_free(struct lease *l)
{
    free(l->id);
    free(l->token);
    free(l->upload_url);
    memset(l, 0, sizeof *l);
}

static void batch_free(struct batch *b)
{
    for (size_t i = 0; i < b->count; i++)
        lease_free(&b->leases[i]);
    free(b->leases);
    free(b->group_upload);
    memset(b, 0, sizeof *b);
}

/* POSTs to the scheduler with the lease token and worker name; returns as http_request(). */
static int scheduler_post(struct pilot *p, const char *url, const struct http_header *extra, size_t extra_count,
                          const char *body, struct http_response *resp)
{
    struct http_header headers[10] = {{"Authorization", p->auth}, {"X-Worker", p->worker}};
    size_t n = 2;
    for (size_t i = 0; i < extra_count && n < 10; i++)
        headers[n++] = extra[i];
    struct http_request req = {.method = "POST", .url = url, .headers = headers, .header_count = n,
                               .body = body, .body_len = body ? strlen(body) : 0, .body_fd = -1,
                               .connect_timeout_ms = SCHED_CONNECT_TIMEOUT_MS,
                               .io_timeout_ms = SCHED_IO_TIMEOUT_MS, .body_max = SCHED_BODY_MAX};
    int rc = http_request(&req, resp);
    if (rc == 0 && resp->status < 500) {
        p->unreachable_since = -1;
    } else {
        if (rc == 0)
            snprintf(p->last_error, sizeof p->last_error, "HTTP %d", resp->status);
        else
            snprintf(p->last_error, sizeof p->last_error, "%s", resp->error);
        if (p->unreachable_since < 0)
            p->unreachable_since = now_ms();
    }
    return rc;
}

/*
 * After a failed exchange: waits before the next attempt, or returns -1 when the scheduler has
 * been unreachable for longer than SIMSWARM_LEASE_GIVEUP (or the runner is asked to stop).
 */
static int wait_before_retry(struct pilot *p, int64_t *backoff_ms)
{
    int64_t giveup_at = p->unreachable_since + p->env->lease_giveup_s * 1000;
    int64_t now = now_ms();
    if (now >= giveup_at || process_stop_requested()) {
        if (!process_stop_requested())
            msg("the scheduler at %s has not answered for %lld s (last error: %s); giving up "
                "(SIMSWARM_LEASE_GIVEUP=%ld)", p->env->lease_url, (long long)(now - p->unreachable_since) / 1000,
                p->last_error, p->env->lease_giveup_s);
        return -1;
    }
    int64_t pause = *backoff_ms < giveup_at - now ? *backoff_ms : giveup_at - now;
    process_sleep_ms(pause);
    *backoff_ms = *backoff_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : *backoff_ms * 2;
    return 0;
}

static int lease_id_ok(const char *id)
{
    if (!*id)
        return 0;
    for (const char *c = id; *c; c++) {
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~", *c))
            return 0;
    }
    return 1;
}

static void replace(char **field, const char *value)
{
    free(*field);
    *field = xstrdup(value);
}

static int url_usable(const char *text, char *err, size_t errlen)
{
    struct url url;
    if (!text || url_parse(text, &url, err, errlen) != 0)
        return 0;
    url_free(&url);
    return 1;
}

/*
 * Parses the "key value" lines of one lease block, and its group-upload line when GROUP_UPLOAD is not
 * NULL; returns 0, or -1 with the reason in WHY.
 */
static int parse_lease(char *block, struct lease *l, char **group_upload, char *why, size_t whylen)
{
    memset(l, 0, sizeof *l);
    l->run = -1;
    l->heartbeat_s = DEFAULT_HEARTBEAT_S;
    for (char *save = NULL, *line = strtok_r(block, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
        char *value = strchr(line, ' ');
        if (!value)
            continue;
        *value++ = '\0';
        value += strspn(value, " \t");
        unsigned long n;
        if (strcmp(line, "lease") == 0)
            replace(&l->id, value);
        else if (strcmp(line, "token") == 0)
            replace(&l->token, value);
        else if (strcmp(line, "upload") == 0)
            replace(&l->upload_url, value);
        else if (strcmp(line, "group-upload") == 0 && group_upload)
            replace(group_upload, value);
        else if (strcmp(line, "run") == 0 && parse_ulong(value, 2147483647UL, &n) == 0)
            l->run = (long)n;
        else if (strcmp(line, "attempt") == 0 && parse_ulong(value, 2147483647UL, &n) == 0)
            l->attempt = (long)n;
        else if (strcmp(line, "heartbeat") == 0 && parse_ulong(value, 86400, &n) == 0 && n > 0)
            l->heartbeat_s = (long)n;
    }
    char url_error[300] = "";
    if (!l->id || !lease_id_ok(l->id))
        snprintf(why, whylen, "missing or malformed 'lease' line");
    else if (l->run < 0)
        snprintf(why, whylen, "missing or malformed 'run' line");
    else if (!env_token_ok(l->token))
        snprintf(why, whylen, "missing or malformed 'token' line");
    else if (!url_usable(l->upload_url, url_error, sizeof url_error))
        snprintf(why, whylen, "missing or unusable 'upload' line %s", url_error);
    else if (group_upload && *group_upload && !url_usable(*group_upload, url_error, sizeof url_error))
        snprintf(why, whylen, "unusable 'group-upload' line %s", url_error);
    else
        return 0;
    lease_free(l);
    return -1;
}

/* True when the line starting at P holds nothing but blanks. */
static int blank_line(const char *p)
{
    p += strspn(p, " \t\r");
    return *p == '\n' || *p == '\0';
}

/* The next block of non-blank lines at or after *POS (NULL when none is left); its length in *LEN. */
static const char *next_block(const char **pos, size_t *len)
{
    const char *p = *pos;
    while (*p && blank_line(p)) {
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    if (!*p) {
        *pos = p;
        return NULL;
    }
    const char *start = p;
    while (*p && !blank_line(p)) {
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    *len = (size_t)(p - start);
    *pos = p;
    return start;
}

/*
 * Parses a granting answer: lease blocks separated by empty lines. Returns 0, or -1 with the reason in WHY
 * (naming the block when there are several) and the first line of the bad block in *BAD_LINE.
 */
static int parse_batch(const char *body, struct batch *b, char *why, size_t whylen, char **bad_line)
{
    memset(b, 0, sizeof *b);
    size_t blocks = 0, len;
    for (const char *pos = body; next_block(&pos, &len);)
        blocks++;
    if (blocks == 0) {
        snprintf(why, whylen, "missing or malformed 'lease' line");
        *bad_line = xstrdup("");
        return -1;
    }
    b->leases = xmalloc(blocks * sizeof *b->leases);
    const char *pos = body, *start;
    while ((start = next_block(&pos, &len)) != NULL) {
        char *text = xstrndup(start, len);
        char reason[400];
        size_t i = b->count;
        int rc = parse_lease(text, &b->leases[i], i == 0 ? &b->group_upload : NULL, reason, sizeof reason);
        free(text);
        if (rc != 0) {
            if (blocks > 1)
                snprintf(why, whylen, "block %zu of %zu: %s", i + 1, blocks, reason);
            else
                snprintf(why, whylen, "%s", reason);
            *bad_line = first_line(start, 80);
            batch_free(b);
            return -1;
        }
        b->count++;
    }
    return 0;
}

enum lease_answer { LEASE_GRANTED, LEASE_NONE_LEFT, LEASE_WAIT, LEASE_FAILED, LEASE_ASK, LEASE_UNSUPPORTED };

/*
 * Reads the scheduler's answer to a lease request (or to a finish call that asked for the next
 * lease): 204 or "none" means nothing is left, "wait N" to ask again in N seconds (WAIT_S), else one
 * or more leases. Any other answer below 500 is a refusal, reported as LEASE_FAILED.
 */
static enum lease_answer read_lease_answer(struct http_response *resp, struct batch *batch, unsigned long *wait_s)
{
    if (resp->status == 204 || (resp->status == 200 && strncmp(resp->body, "none", 4) == 0))
        return LEASE_NONE_LEFT;
    if (resp->status == 200 && strncmp(resp->body, "wait ", 5) == 0) {
        char *line = first_line(resp->body + 5, 32);
        int ok = parse_ulong(line, 86400, wait_s) == 0;
        if (!ok)
            msg("the scheduler answered an unreadable wait time: 'wait %s'", line);
        free(line);
        return ok ? LEASE_WAIT : LEASE_FAILED;
    }
    if (resp->status == 200 && resp->body_truncated) {
        msg("the scheduler answered a lease answer longer than %d bytes", SCHED_BODY_MAX);
        return LEASE_FAILED;
    }
    if (resp->status == 200) {
        char why[500];
        char *bad_line = NULL;
        int parsed = parse_batch(resp->body, batch, why, sizeof why, &bad_line);
        if (parsed != 0)
            msg("the scheduler answered an unreadable lease (%s): %s", why, bad_line);
        free(bad_line);
        return parsed == 0 ? LEASE_GRANTED : LEASE_FAILED;
    }
    char *line = first_line(resp->body, 200);
    msg("the scheduler refused to lease a run: HTTP %d%s%s", resp->status, *line ? ": " : "", line);
    free(line);
    return LEASE_FAILED;
}

/* Asks for the next runs, waiting and retrying as the scheduler says; returns what came of it. */
static enum lease_answer next_lease(struct pilot *p, struct batch *batch)
{
    struct http_header headers[] = {{"X-Lease-Max", p->lease_max}};
    int64_t backoff = RETRY_FIRST_MS;
    while (!process_stop_requested()) {
        struct http_response resp;
        int rc = scheduler_post(p, p->env->lease_url, headers, 1, NULL, &resp);
        if (rc == 0 && resp.status < 500) {
            unsigned long wait_s = 0;
            enum lease_answer answer = read_lease_answer(&resp, batch, &wait_s);
            http_response_free(&resp);
            if (answer != LEASE_WAIT)
                return answer;
            process_sleep_ms((int64_t)wait_s * 1000);
            backoff = RETRY_FIRST_MS;
            continue;
        }
        http_response_free(&resp);
        if (wait_before_retry(p, &backoff) != 0)
            return LEASE_FAILED;
    }
    return LEASE_FAILED;
}

struct heartbeat_ctx {
    struct pilot *pilot;
    const struct lease *lease;
    char *url;
};

static enum heartbeat_answer send_heartbeat(void *arg)
{
    struct heartbeat_ctx *hb = arg;
    struct http_response resp;
    hb->pilot->last_heartbeat = now_ms();
    int rc = scheduler_post(hb->pilot, hb->url, NULL, 0, NULL, &resp);
    enum heartbeat_answer answer = HEARTBEAT_CONTINUE;
    if (rc == 0 && resp.status == 410)
        answer = HEARTBEAT_WITHDRAWN;
    else if (rc != 0 || resp.status < 200 || resp.status >= 300)
        msg("heartbeat for lease %s failed (%s); going on", hb->lease->id, hb->pilot->last_error);
    http_response_free(&resp);
    return answer;
}

/*
 * Sends a finish call (one lease's or a batch's), retried like a lease request; WHAT names it in
 * messages. With ASK the call carries X-Next-Lease and the result is the next lease answer it
 * brought, or LEASE_ASK when it brought none (the lease had expired, or a scheduler that does not
 * hand out leases on finish): the caller then asks with a lease request. Without ASK the result is
 * LEASE_ASK. LEASE_UNSUPPORTED: 404 or 405 while FALLBACK is set (nothing printed). LEASE_FAILED:
 * the scheduler stayed unreachable too long.
 */
static enum lease_answer finish_call(struct pilot *p, const char *url, struct http_header *headers, size_t count,
                                     const char *body, int ask, int fallback, const char *what, struct batch *next)
{
    struct http_header all[8];
    size_t n = 0;
    for (size_t i = 0; i < count && n < 6; i++)
        all[n++] = headers[i];
    if (ask) {
        all[n++] = (struct http_header){"X-Next-Lease", "1"};
        all[n++] = (struct http_header){"X-Lease-Max", p->lease_max};
    }
    int64_t backoff = RETRY_FIRST_MS;
    enum lease_answer answer = LEASE_FAILED;
    for (;;) {
        struct http_response resp;
        int rc = scheduler_post(p, url, all, n, body, &resp);
        if (rc == 0 && resp.status < 500) {
            unsigned long wait_s = 0;
            if (fallback && (resp.status == 404 || resp.status == 405)) {
                answer = LEASE_UNSUPPORTED;
            } else if (ask && resp.status == 200 && resp.body_len > 0) {
                answer = read_lease_answer(&resp, next, &wait_s);
            } else {
                if (resp.status < 200 || resp.status >= 300) {
                    char *line = first_line(resp.body, 200);
                    msg("the scheduler did not accept the end of %s: HTTP %d%s%s", what, resp.status,
                        *line ? ": " : "", line);
                    free(line);
                }
                answer = LEASE_ASK;
            }
            http_response_free(&resp);
            if (answer == LEASE_WAIT) {
                process_sleep_ms((int64_t)wait_s * 1000);
                answer = LEASE_ASK;
            }
            break;
        }
        http_response_free(&resp);
        if (wait_before_retry(p, &backoff) != 0)
            break;
    }
    return answer;
}

/* Reports the end of one run: POST .../ID/finish with its exit code, duration, upload state and output tail, and
   X-Stopped when the runner itself stopped the run. */
static enum lease_answer report_finish(struct pilot *p, const struct lease *lease, const struct job_outcome *out,
                                       int ask, struct batch *next)
{
    char *url = xprintf("%s/%s/finish", p->env->lease_url, lease->id);
    char *what = xprintf("lease %s", lease->id);
    char exit_code[16], duration[32];
    snprintf(exit_code, sizeof exit_code, "%d", out->exit_code);
    snprintf(duration, sizeof duration, "%lld", (long long)out->duration_ms);
    /* X-Stopped: the runner was asked to stop (its task stopped, its node drained) and ended the run itself, so
       the run did not fail: the scheduler gives it to another worker without spending its retry budget. */
    struct http_header headers[] = {{"X-Exit-Code", exit_code}, {"X-Duration-Ms", duration},
                                    {"X-Upload", upload_state_name(out->upload)},
                                    {"Content-Type", "text/plain; charset=utf-8"}, {"X-Stopped", "1"}};
    enum lease_answer answer = finish_call(p, url, headers, out->interrupted ? 5 : 4, out->tail, ask, 0, what, next);
    free(what);
    free(url);
    return answer;
}

/* A run of the batch that succeeded, kept for the upload and report at the end of the batch. */
struct kept_run {
    const struct lease *lease;
    struct job_outcome out;
};

/*
 * The job of LEASE, heartbeating the lease through HB (free its URL with heartbeat_end) at the lease's interval
 * from the last heartbeat on: while the run lasts, and while its upload waits to try again.
 */
static struct job leased_job(struct pilot *p, const struct lease *lease, struct heartbeat_ctx *hb)
{
    *hb = (struct heartbeat_ctx){.pilot = p, .lease = lease,
                                 .url = xprintf("%s/%s/heartbeat", p->env->lease_url, lease->id)};
    return (struct job){.env = p->env, .run = lease->run, .attempt = lease->attempt, .token = lease->token,
                        .upload_url = lease->upload_url,
                        .heartbeat_s = lease->heartbeat_s,
                        .heartbeat_first_at = p->last_heartbeat + lease->heartbeat_s * 1000,
                        .heartbeat = send_heartbeat, .heartbeat_ctx = hb};
}

static void heartbeat_end(struct heartbeat_ctx *hb)
{
    free(hb->url);
    hb->url = NULL;
}

/*
 * Reports the successful runs of a batch in one call: POST .../finished, one line "ID EXIT DURATION UPLOAD"
 * per run. A scheduler without that call (404, 405) gets a finish call per run instead.
 */
static enum lease_answer report_batch(struct pilot *p, const struct kept_run *runs, size_t count, int ask,
                                      struct batch *next)
{
    struct strbuf body = {0};
    size_t ok = 0;
    for (size_t i = 0; i < count; i++) {
        if (runs[i].out.upload != UPLOAD_OK)
            continue;
        sb_printf(&body, "%s %d %lld %s\n", runs[i].lease->id, runs[i].out.exit_code,
                  (long long)runs[i].out.duration_ms, upload_state_name(runs[i].out.upload));
        ok++;
    }
    char *url = xprintf("%s/finished", p->env->lease_url);
    char *what = xprintf("the batch (%zu run(s))", ok);
    struct http_header headers[] = {{"Content-Type", "text/plain"}};
    enum lease_answer answer = finish_call(p, url, headers, 1, body.data, ask, 1, what, next);
    if (answer == LEASE_UNSUPPORTED) {
        msg("the scheduler has no batch finish at %s: reporting the %zu run(s) one by one", url, ok);
        answer = LEASE_ASK;
        size_t left = ok;
        for (size_t i = 0; i < count; i++) {
            if (runs[i].out.upload != UPLOAD_OK)
                continue;
            left--;
            enum lease_answer a = report_finish(p, runs[i].lease, &runs[i].out, ask && left == 0, next);
            if (left == 0)
                answer = a;
        }
    }
    free(what);
    free(url);
    sb_free(&body);
    return answer;
}

/*
 * Uploads the successful runs of a batch in one archive, heartbeating the first one's lease while the upload
 * waits to try again (the scheduler renews all the worker's leases with it). Returns 0 when that settled every
 * run (uploaded, failed, or withdrawn: then none is uploaded), -1 when they are to be uploaded one by one.
 */
static int upload_together(struct pilot *p, const char *url, struct kept_run *runs, size_t count)
{
    struct group_run *group = xmalloc(count * sizeof *group);
    long *numbers = xmalloc(count * sizeof *numbers);
    for (size_t i = 0; i < count; i++) {
        group[i] = (struct group_run){.run = runs[i].lease->run, .token = runs[i].lease->token,
                                      .result_dir = runs[i].out.result_dir};
        numbers[i] = runs[i].lease->run;
    }
    char *list = ranges_text(numbers, count, RUN_LIST_MAX);
    char *what = xprintf("runs %s", list);
    struct heartbeat_ctx hb;
    struct job first = leased_job(p, runs[0].lease, &hb);
    struct upload_keepalive keepalive;
    struct upload_retry retry = job_upload_retry(&first, what, &keepalive);
    struct strbuf why = {0};
    off_t size;
    enum group_outcome outcome = upload_group(url, group, count, p->env->gzip_level, p->env->tmp_dir, &retry, &why,
                                              &size);
    heartbeat_end(&hb);
    free(what);
    free(list);
    free(numbers);
    free(group);
    int settled = 1;
    switch (outcome) {
    case GROUP_UPLOADED:
        for (size_t i = 0; i < count; i++)
            runs[i].out.upload = UPLOAD_OK;
        msg("uploaded %zu runs in one archive (%lld KiB)", count, ((long long)size + 1023) / 1024);
        break;
    case GROUP_UNSUPPORTED:
        p->group_unsupported = 1;
        msg("the results service has no group upload at %s (%s): uploading run by run from now on", url, why.data);
        settled = 0;
        break;
    case GROUP_REFUSED:
        msg("the group upload to %s was refused (%s): uploading the %zu runs of this batch one by one", url, why.data,
            count);
        settled = 0;
        break;
    case GROUP_NOT_PACKED:
        msg("no group upload (%s): uploading the %zu runs of this batch one by one", why.data, count);
        settled = 0;
        break;
    case GROUP_FAILED:
    case GROUP_WITHDRAWN:
        for (size_t i = 0; i < count; i++) {
            struct job job = {.env = p->env, .run = runs[i].lease->run};
            if (outcome == GROUP_WITHDRAWN)
                job_upload_withdrawn(&job, &runs[i].out, why.data);
            else
                job_upload_failed(&job, &runs[i].out, url, why.data);
        }
        break;
    }
    sb_free(&why);
    return settled ? 0 : -1;
}

/*
 * Uploads the successful runs of a batch: in one archive when the batch names a group upload, else one by one,
 * each heartbeating its own lease while it waits. Once one of them has given up, the others get one attempt.
 */
static void upload_batch(struct pilot *p, const struct batch *b, struct kept_run *runs, size_t count)
{
    if (count > 1 && b->group_upload && !p->group_unsupported && upload_together(p, b->group_upload, runs, count) == 0)
        return;
    const char *once = NULL;
    for (size_t i = 0; i < count; i++) {
        struct heartbeat_ctx hb;
        struct job job = leased_job(p, runs[i].lease, &hb);
        job.upload_once = once;
        if (job_upload(&job, &runs[i].out) == UPLOAD_GAVE_UP)
            once = "an earlier upload of this batch gave up";
        heartbeat_end(&hb);
    }
}

/* Runs one lease of the batch, heartbeating it while it lasts. */
static void simulate(struct pilot *p, const struct lease *lease, struct job_outcome *out)
{
    msg("lease %s: run %ld, attempt %ld", lease->id, lease->run, lease->attempt);
    struct heartbeat_ctx hb;
    struct job job = leased_job(p, lease, &hb);
    job_simulate(&job, out);
    heartbeat_end(&hb);
}

/*
 * Runs the leases of a batch in order. A run that fails (non-zero exit, time-out, withdrawn, stopped) is
 * reported at once; the runs that succeed are uploaded together at the end and reported in one call. A
 * withdrawn lease drops the rest of the batch; a stop request ends it after the current run. The last
 * report asks for the next lease (unless the runner is stopping); returns its answer, or LEASE_ASK when
 * no report asked (or brought none).
 */
static enum lease_answer run_batch(struct pilot *p, const struct batch *b, struct batch *next, int *runs)
{
    if (b->count > 1) {
        long *numbers = xmalloc(b->count * sizeof *numbers);
        for (size_t i = 0; i < b->count; i++)
            numbers[i] = b->leases[i].run;
        char *list = ranges_text(numbers, b->count, RUN_LIST_MAX);
        msg("lease batch of %zu run(s): %s", b->count, list);
        free(list);
        free(numbers);
    }
    p->last_heartbeat = now_ms();
    struct kept_run *kept = xmalloc(b->count * sizeof *kept);
    size_t kept_count = 0;
    enum lease_answer answer = LEASE_ASK;
    for (size_t i = 0; i < b->count && !process_stop_requested(); i++) {
        const struct lease *lease = &b->leases[i];
        struct job_outcome out;
        simulate(p, lease, &out);
        (*runs)++;
        if (job_succeeded(&out)) {
            kept[kept_count++] = (struct kept_run){.lease = lease, .out = out};
            continue;
        }
        int withdrawn = out.withdrawn, more = i + 1 < b->count;
        int ask = (!more || withdrawn) && kept_count == 0 && !process_stop_requested();
        enum lease_answer reported = report_finish(p, lease, &out, ask, next);
        job_outcome_free(&out);
        if (ask)
            answer = reported;
        if (withdrawn && more) {
            msg("lease %s was withdrawn: the other %zu lease(s) of its batch are dropped", lease->id,
                b->count - i - 1);
            break;
        }
        if (reported == LEASE_FAILED)
            break; /* the scheduler is gone: start nothing more */
    }

    upload_batch(p, b, kept, kept_count);
    size_t ok = 0, failed = 0;
    for (size_t i = 0; i < kept_count; i++) {
        if (kept[i].out.upload == UPLOAD_OK)
            ok++;
        else
            failed++;
    }
    int stopping = process_stop_requested();
    for (size_t i = 0; i < kept_count; i++) {
        if (kept[i].out.upload == UPLOAD_OK)
            continue;
        int ask = --failed == 0 && ok == 0 && !stopping;
        enum lease_answer reported = report_finish(p, kept[i].lease, &kept[i].out, ask, next);
        if (ask)
            answer = reported;
    }
    for (size_t i = 0; i < kept_count && ok == 1; i++) {
        if (kept[i].out.upload == UPLOAD_OK)
            answer = report_finish(p, kept[i].lease, &kept[i].out, !stopping, next);
    }
    if (ok > 1)
        answer = report_batch(p, kept, kept_count, !stopping, next);
    for (size_t i = 0; i < kept_count; i++)
        job_outcome_free(&kept[i].out);
    free(kept);
    return answer;
}

int run_pilot_mode(const struct runner_env *env)
{
    struct pilot p = {.env = env, .unreachable_since = -1, .worker = env->worker};
    if (!p.worker) {
        if (gethostname(p.host, sizeof p.host) != 0 || !env_token_ok(p.host))
            snprintf(p.host, sizeof p.host, "pid-%ld", (long)getpid());
        p.worker = p.host;
    }
    p.auth = xprintf("Bearer %s", env->lease_token);
    snprintf(p.lease_max, sizeof p.lease_max, "%ld", env->lease_max);
    int code = 0, runs = 0;
    struct batch batch;
    enum lease_answer answer = next_lease(&p, &batch);
    while (answer == LEASE_GRANTED) {
        struct batch next = {0};
        answer = run_batch(&p, &batch, &next, &runs);
        batch_free(&batch);
        batch = next;
        if (process_stop_requested()) {
            if (answer == LEASE_GRANTED)
                batch_free(&batch);
            answer = LEASE_FAILED;
        } else if (answer == LEASE_ASK) {
            answer = next_lease(&p, &batch);
        }
    }
    if (answer == LEASE_FAILED)
        code = process_stop_requested() ? EXIT_STOPPED : 1;
    msg("pilot done after %d run(s)%s", runs, code == 0 ? ": no run left" : "");
    free(p.auth);
    return code;
}
