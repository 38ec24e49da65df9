/*
 * Runs one command line (started directly when it is a plain command, else by /bin/sh) as its own
 * process group with stdout and stderr captured into a file, echoed to the runner's stdout, and the
 * last lines kept for reports. The wait loop enforces a
 * time limit (SIGTERM to the group, SIGKILL after a grace period) and calls a heartbeat
 * function at a fixed interval; no threads.
 */
#ifndef SIMSWARM_PROCESS_H
#define SIMSWARM_PROCESS_H

#include <stdint.h>

#define EXIT_TIMEOUT 124      /* reported when the time limit killed the run, like timeout(1) */
#define KILL_GRACE_MS 10000   /* between SIGTERM and SIGKILL */
#define TAIL_LINES 50

enum heartbeat_answer { HEARTBEAT_CONTINUE, HEARTBEAT_WITHDRAWN };

struct process_spec {
    const char *command;     /* a shell command line; see words.h for when no shell is started */
    const char *output_path; /* created (truncated); receives stdout and stderr */
    long timeout_s;          /* 0 = no limit */
    long heartbeat_s;        /* 0 = no heartbeat */
    int64_t heartbeat_first_at; /* now_ms() time of the first heartbeat (due at once if past); 0 = heartbeat_s
                                   after the start */
    enum heartbeat_answer (*heartbeat)(void *ctx);
    void *ctx;
};

struct process_result {
    int exit_code;       /* exit status, 128 + signal when killed, EXIT_TIMEOUT after the time limit */
    int timed_out;
    int withdrawn;       /* the heartbeat said to stop */
    int interrupted;     /* the runner itself got SIGTERM or SIGINT */
    int64_t duration_ms;
    char *tail;          /* last TAIL_LINES lines of the output (NUL-terminated, never NULL) */
};

/* Installs the signal handling the wait loop relies on; call once at start. */
void process_init(void);

/* True once the runner has received SIGTERM or SIGINT. */
int process_stop_requested(void);

/* Sleeps up to MS milliseconds, waking early when a stop is requested. */
void process_sleep_ms(int64_t ms);

/*
 * Runs the command to its end. Returns 0, or -1 when it could not be started (the reason is
 * appended to the output file, the echo and the tail when those exist; exit_code is then 127 for a
 * program that was not found and 126 for one that could not be executed, as a shell answers).
 */
int process_run(const struct process_spec *spec, struct process_result *result);

/* Appends a line written by the runner (prefixed with its name) to the output file, the echo and the tail. */
void process_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void process_result_free(struct process_result *result);

#endif
