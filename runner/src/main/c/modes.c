#define _GNU_SOURCE
#include "modes.h"
#include "http.h"
#include "job.h"
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
        int code = out.exit_code != 0 ? out.exit_code : out.upload == UPLOAD_FAILED ? 1 : 0;
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
#define RETRY_FIRST_MS 1000
#define RETRY_MAX_MS 10000
#define DEFAULT_HEARTBEAT_S 30

struct pilot {
    const struct runner_env *env;
    char worker[256];
    char *auth;
    int64_t unreachable_since; /* -1 while the scheduler answers */
    char last_error[300];
};

struct lease {
    char *id;
    long run;
    long attempt;
    char *token;
    char *upload_url;
    long heartbeat_s;
};

static void lease_free(struct lease *l)
{
    free(l->id);
    free(l->token);
    free(l->upload_url);
    memset(l, 0, sizeof *l);
}

/* POSTs to the scheduler with the lease token and worker name; returns as http_request(). */
static int scheduler_post(struct pilot *p, const char *url, const struct http_header *extra, size_t extra_count,
                          const char *body, struct http_response *resp)
{
    struct http_header headers[8] = {{"Authorization", p->auth}, {"X-Worker", p->worker}};
    size_t n = 2;
    for (size_t i = 0; i < extra_count && n < 8; i++)
        headers[n++] = extra[i];
    struct http_request req = {.method = "POST", .url = url, .headers = headers, .header_count = n,
                               .body = body, .body_len = body ? strlen(body) : 0, .body_fd = -1,
                               .connect_timeout_ms = SCHED_CONNECT_TIMEOUT_MS,
                               .io_timeout_ms = SCHED_IO_TIMEOUT_MS};
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

/* Parses the "key value" lines of a lease; returns 0, or -1 with the reason in WHY. */
static int parse_lease(char *body, struct lease *l, char *why, size_t whylen)
{
    memset(l, 0, sizeof *l);
    l->run = -1;
    l->heartbeat_s = DEFAULT_HEARTBEAT_S;
    for (char *save = NULL, *line = strtok_r(body, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
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
        else if (strcmp(line, "run") == 0 && parse_ulong(value, 2147483647UL, &n) == 0)
            l->run = (long)n;
        else if (strcmp(line, "attempt") == 0 && parse_ulong(value, 2147483647UL, &n) == 0)
            l->attempt = (long)n;
        else if (strcmp(line, "heartbeat") == 0 && parse_ulong(value, 86400, &n) == 0 && n > 0)
            l->heartbeat_s = (long)n;
    }
    struct url url;
    char url_error[300] = "";
    if (!l->id || !lease_id_ok(l->id))
        snprintf(why, whylen, "missing or malformed 'lease' line");
    else if (l->run < 0)
        snprintf(why, whylen, "missing or malformed 'run' line");
    else if (!env_token_ok(l->token))
        snprintf(why, whylen, "missing or malformed 'token' line");
    else if (!l->upload_url || url_parse(l->upload_url, &url, url_error, sizeof url_error) != 0)
        snprintf(why, whylen, "missing or unusable 'upload' line %s", url_error);
    else {
        url_free(&url);
        return 0;
    }
    lease_free(l);
    return -1;
}

enum lease_answer { LEASE_GRANTED, LEASE_NONE_LEFT, LEASE_WAIT, LEASE_FAILED, LEASE_ASK };

/*
 * Reads the scheduler's answer to a lease request (or to a finish call that asked for the next
 * lease): 204 or "none" means nothing is left, "wait N" to ask again in N seconds (WAIT_S), else a
 * lease. Any other answer below 500 is a refusal, reported as LEASE_FAILED.
 */
static enum lease_answer read_lease_answer(struct http_response *resp, struct lease *lease, unsigned long *wait_s)
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
    if (resp->status == 200) {
        char why[400];
        char *first = first_line(resp->body, 80);
        int parsed = parse_lease(resp->body, lease, why, sizeof why);
        if (parsed != 0)
            msg("the scheduler answered an unreadable lease (%s): %s", why, first);
        free(first);
        return parsed == 0 ? LEASE_GRANTED : LEASE_FAILED;
    }
    char *line = first_line(resp->body, 200);
    msg("the scheduler refused to lease a run: HTTP %d%s%s", resp->status, *line ? ": " : "", line);
    free(line);
    return LEASE_FAILED;
}

/* Asks for the next run, waiting and retrying as the scheduler says; returns what came of it. */
static enum lease_answer next_lease(struct pilot *p, struct lease *lease)
{
    int64_t backoff = RETRY_FIRST_MS;
    while (!process_stop_requested()) {
        struct http_response resp;
        int rc = scheduler_post(p, p->env->lease_url, NULL, 0, NULL, &resp);
        if (rc == 0 && resp.status < 500) {
            unsigned long wait_s = 0;
            enum lease_answer answer = read_lease_answer(&resp, lease, &wait_s);
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
    int rc = scheduler_post(hb->pilot, hb->url, NULL, 0, NULL, &resp);
    enum heartbeat_answer answer = HEARTBEAT_CONTINUE;
    if (rc == 0 && resp.status == 410)
        answer = HEARTBEAT_WITHDRAWN;
    else if (rc != 0 || resp.status < 200 || resp.status >= 300)
        msg("heartbeat for lease %s failed (%s); the run goes on", hb->lease->id, hb->pilot->last_error);
    http_response_free(&resp);
    return answer;
}

/*
 * Reports the end of a run and asks for the next lease in the same exchange (X-Next-Lease). Returns
 * the next lease answer; LEASE_ASK when the answer carries none (the lease had expired, or a
 * scheduler that does not hand out leases on finish), so the caller asks with a lease request;
 * LEASE_FAILED when the scheduler stayed unreachable too long.
 */
static enum lease_answer report_finish(struct pilot *p, const struct lease *lease, const struct job_outcome *out,
                                       struct lease *next)
{
    char *url = xprintf("%s/%s/finish", p->env->lease_url, lease->id);
    char exit_code[16], duration[32];
    snprintf(exit_code, sizeof exit_code, "%d", out->exit_code);
    snprintf(duration, sizeof duration, "%lld", (long long)out->duration_ms);
    struct http_header headers[] = {{"X-Exit-Code", exit_code}, {"X-Duration-Ms", duration},
                                    {"X-Upload", upload_state_name(out->upload)}, {"X-Next-Lease", "1"},
                                    {"Content-Type", "text/plain; charset=utf-8"}};
    int64_t backoff = RETRY_FIRST_MS;
    enum lease_answer answer = LEASE_FAILED;
    for (;;) {
        struct http_response resp;
        int rc = scheduler_post(p, url, headers, 5, out->tail, &resp);
        if (rc == 0 && resp.status < 500) {
            unsigned long wait_s = 0;
            if (resp.status == 200 && resp.body_len > 0) {
                answer = read_lease_answer(&resp, next, &wait_s);
            } else {
                if (resp.status < 200 || resp.status >= 300) {
                    char *line = first_line(resp.body, 200);
                    msg("the scheduler did not accept the end of lease %s: HTTP %d%s%s", lease->id, resp.status,
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
    free(url);
    return answer;
}

/* Runs a leased run, reports its end and returns the next lease answer (see report_finish). */
static enum lease_answer run_leased(struct pilot *p, const struct lease *lease, struct lease *next)
{
    msg("lease %s: run %ld, attempt %ld", lease->id, lease->run, lease->attempt);
    struct heartbeat_ctx hb = {.pilot = p, .lease = lease,
                               .url = xprintf("%s/%s/heartbeat", p->env->lease_url, lease->id)};
    struct job job = {.env = p->env, .run = lease->run, .token = lease->token, .upload_url = lease->upload_url,
                      .heartbeat_s = lease->heartbeat_s, .heartbeat = send_heartbeat, .heartbeat_ctx = &hb};
    struct job_outcome out;
    job_run(&job, &out);
    enum lease_answer answer = report_finish(p, lease, &out, next);
    job_outcome_free(&out);
    free(hb.url);
    return answer;
}

int run_pilot_mode(const struct runner_env *env)
{
    struct pilot p = {.env = env, .unreachable_since = -1};
    if (gethostname(p.worker, sizeof p.worker) != 0 || !env_token_ok(p.worker))
        snprintf(p.worker, sizeof p.worker, "pid-%ld", (long)getpid());
    p.auth = xprintf("Bearer %s", env->lease_token);
    int code = 0, runs = 0;
    struct lease lease;
    enum lease_answer answer = next_lease(&p, &lease);
    while (answer == LEASE_GRANTED) {
        runs++;
        struct lease next = {0};
        answer = run_leased(&p, &lease, &next);
        lease_free(&lease);
        lease = next;
        if (process_stop_requested()) {
            if (answer == LEASE_GRANTED)
                lease_free(&lease);
            answer = LEASE_FAILED;
        } else if (answer == LEASE_ASK) {
            answer = next_lease(&p, &lease);
        }
    }
    if (answer == LEASE_FAILED)
        code = process_stop_requested() ? EXIT_STOPPED : 1;
    msg("pilot done after %d run(s)%s", runs, code == 0 ? ": no run left" : "");
    free(p.auth);
    return code;
}
