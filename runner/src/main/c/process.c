#define _GNU_SOURCE
#include "process.h"
#include "util.h"
#include "words.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TAIL_BYTES (64 * 1024)

/* ---------------------------------------------------------------- signals */

/* SIGCHLD, SIGTERM and SIGINT each write a byte here, so poll() wakes up for them. */
static int wake_pipe[2] = {-1, -1};
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    int saved = errno;
    if (sig != SIGCHLD)
        stop_requested = 1;
    char c = (char)sig;
    (void)!write(wake_pipe[1], &c, 1);
    errno = saved;
}

void process_init(void)
{
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        msg("cannot create a pipe: %s", strerror(errno));
        exit(1);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int process_stop_requested(void)
{
    return stop_requested;
}

static void drain_wake_pipe(void)
{
    char buf[64];
    while (read(wake_pipe[0], buf, sizeof buf) > 0) {
    }
}

void process_sleep_ms(int64_t ms)
{
    int64_t until = now_ms() + ms;
    while (!stop_requested) {
        int64_t left = until - now_ms();
        if (left <= 0)
            break;
        struct pollfd p = {.fd = wake_pipe[0], .events = POLLIN};
        if (poll(&p, 1, (int)left) > 0)
            drain_wake_pipe();
    }
}

/* ---------------------------------------------------------------- output capture */

/* Where output goes while a process runs: the file, the runner's stdout and a ring of recent bytes. */
static struct capture {
    int file_fd;
    int echo;
    char ring[TAIL_BYTES];
    size_t ring_len;  /* bytes held, at most TAIL_BYTES */
    size_t ring_next; /* index of the next byte to write */
} cap = {.file_fd = -1};

static void capture_reset(int file_fd)
{
    cap.file_fd = file_fd;
    cap.echo = 1;
    cap.ring_len = cap.ring_next = 0;
}

static void capture_write(const char *data, size_t n)
{
    if (cap.file_fd >= 0 && write_all(cap.file_fd, data, n) != 0) {
        msg("cannot write the output file: %s", strerror(errno));
        close(cap.file_fd);
        cap.file_fd = -1;
    }
    if (cap.echo && write_all(STDOUT_FILENO, data, n) != 0)
        cap.echo = 0; /* nobody reads our stdout any more; keep capturing */
    const char *p = n > TAIL_BYTES ? data + n - TAIL_BYTES : data;
    size_t left = n > TAIL_BYTES ? TAIL_BYTES : n;
    while (left > 0) {
        size_t piece = TAIL_BYTES - cap.ring_next;
        if (piece > left)
            piece = left;
        memcpy(cap.ring + cap.ring_next, p, piece);
        cap.ring_next = (cap.ring_next + piece) % TAIL_BYTES;
        cap.ring_len = cap.ring_len + piece > TAIL_BYTES ? TAIL_BYTES : cap.ring_len + piece;
        p += piece;
        left -= piece;
    }
}

/* The last TAIL_LINES lines held in the ring, as a new string. */
static char *capture_tail(void)
{
    char *all = xmalloc(cap.ring_len + 1);
    size_t start = (cap.ring_next + TAIL_BYTES - cap.ring_len) % TAIL_BYTES;
    for (size_t i = 0; i < cap.ring_len; i++)
        all[i] = cap.ring[(start + i) % TAIL_BYTES];
    all[cap.ring_len] = '\0';
    size_t end = cap.ring_len;
    if (end > 0 && all[end - 1] == '\n')
        end--; /* the final newline does not start another line */
    size_t from = 0;
    int lines = 0;
    for (size_t i = end; i > 0; i--) {
        if (all[i - 1] == '\n' && ++lines == TAIL_LINES) {
            from = i;
            break;
        }
    }
    char *tail = xstrdup(all + from);
    free(all);
    return tail;
}

void process_note(const char *fmt, ...)
{
    struct strbuf line = {0};
    sb_printf(&line, "%s: ", RUNNER_NAME);
    va_list ap;
    va_start(ap, fmt);
    char text[1024];
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    sb_puts(&line, text);
    sb_puts(&line, "\n");
    capture_write(line.data, line.len);
    sb_free(&line);
}

/* ---------------------------------------------------------------- running */

/* Starts PATH with ARGV (searched on $PATH when SEARCH) in its own process group, output into OUT_FD. */
static pid_t spawn_program(const char *path, char *const argv[], int search, int out_fd)
{
    /*
     * posix_spawn, not fork: the child shares the runner's memory until it has started the program, so neither
     * side pays for copying page tables or for copy-on-write faults afterwards (several ms per run on
     * virtual machines where page faults are expensive).
     */
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&files, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&files, out_fd, STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults, none;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGCHLD);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int err = search ? posix_spawnp(&pid, path, &files, &attr, argv, environ)
                     : posix_spawn(&pid, path, &files, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&files);
    if (err != 0) {
        errno = err;
        return -1;
    }
    return pid;
}

/*
 * Starts COMMAND with its output going to OUT_FD: directly when it is one plain command (words.h), which saves
 * starting a shell for every run, else (or for a program without a #! line) through /bin/sh -c. On failure
 * returns -1 with errno set and the program that could not start in *PROGRAM (to be freed).
 */
static pid_t spawn(const char *command, int out_fd, char **program)
{
    char **words = words_of_plain_command(command);
    pid_t pid = -1;
    if (words) {
        pid = spawn_program(words[0], words, 1, out_fd);
        if (pid < 0 && errno != ENOEXEC) {
            int e = errno;
            *program = xstrdup(words[0]);
            words_free(words);
            errno = e;
            return -1;
        }
        words_free(words);
        if (pid >= 0)
            return pid;
    }
    char *shell[] = {"sh", "-c", (char *)command, NULL};
    pid = spawn_program("/bin/sh", shell, 0, out_fd);
    if (pid < 0)
        *program = xstrdup("/bin/sh");
    return pid;
}

static int exit_code_of(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return 1;
}

enum pump { PUMP_END, PUMP_EMPTY, PUMP_MORE };

/*
 * Reads what the (non-blocking) pipe holds now, at most MAX_READS times so that a chatty run
 * cannot starve the deadlines. PUMP_END: end of stream; PUMP_EMPTY: nothing more for now;
 * PUMP_MORE: stopped at MAX_READS.
 */
static enum pump pump_output(int fd, int max_reads)
{
    static char buf[65536];
    for (int i = 0; i < max_reads; i++) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0)
            capture_write(buf, (size_t)n);
        else if (n == 0)
            return PUMP_END;
        else if (errno != EINTR)
            return PUMP_EMPTY;
    }
    return PUMP_MORE;
}

/* Reaps children; returns 1 when PID has ended, storing its status. */
static int reap(pid_t pid, int *status)
{
    int found = 0, st;
    pid_t p;
    /* The runner may be PID 1 in its container: reap every orphan, not just our child. */
    while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
        if (p == pid) {
            *status = st;
            found = 1;
        }
    }
    return found;
}

static int64_t earliest(int64_t a, int64_t b)
{
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    return a < b ? a : b;
}

struct loop_state {
    pid_t pid;
    int64_t start;
    int64_t timeout_at;   /* -1: none */
    int64_t heartbeat_at; /* -1: none */
    int64_t kill_at;      /* -1: not terminating */
};

static void terminate(struct loop_state *s)
{
    if (s->kill_at >= 0)
        return;
    kill(-s->pid, SIGTERM);
    s->kill_at = now_ms() + KILL_GRACE_MS;
    s->timeout_at = -1;
    s->heartbeat_at = -1;
}

static void check_deadlines(const struct process_spec *spec, struct loop_state *s, struct process_result *res)
{
    int64_t now = now_ms();
    if (stop_requested && !res->interrupted) {
        res->interrupted = 1;
        process_note("the runner was asked to stop: terminating the run");
        terminate(s);
    }
    if (s->timeout_at >= 0 && now >= s->timeout_at) {
        res->timed_out = 1;
        process_note("the run exceeded SIMSWARM_RUN_TIMEOUT=%ld s: terminating it", spec->timeout_s);
        terminate(s);
    }
    if (s->heartbeat_at >= 0 && now >= s->heartbeat_at) {
        s->heartbeat_at = now + spec->heartbeat_s * 1000;
        if (spec->heartbeat(spec->ctx) == HEARTBEAT_WITHDRAWN) {
            res->withdrawn = 1;
            process_note("the scheduler withdrew the lease: terminating the run");
            terminate(s);
        }
    }
    if (s->kill_at >= 0 && now >= s->kill_at) {
        kill(-s->pid, SIGKILL);
        s->kill_at = now + KILL_GRACE_MS; /* repeat if it somehow survives */
    }
}

/* Ends the capture of a run that has ended with RES->exit_code: duration, last line, tail; the file is closed. */
static void end_capture(struct process_result *res, int64_t start)
{
    res->duration_ms = now_ms() - start;
    if (res->exit_code != 0)
        process_note("the run ended with exit code %d", res->exit_code);
    res->tail = capture_tail();
    if (cap.file_fd >= 0)
        close(cap.file_fd);
    cap.file_fd = -1;
}

int process_run(const struct process_spec *spec, struct process_result *res)
{
    memset(res, 0, sizeof *res);
    int file_fd = open(spec->output_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    capture_reset(file_fd);
    int pipe_fd[2];
    if (file_fd < 0 || pipe2(pipe_fd, O_CLOEXEC) != 0) {
        msg("cannot capture the output in %s: %s", spec->output_path, strerror(errno));
        res->exit_code = 127;
        res->tail = xprintf("%s: cannot capture the output: %s\n", RUNNER_NAME, strerror(errno));
        if (file_fd >= 0)
            close(file_fd);
        return -1;
    }

    drain_wake_pipe();
    struct loop_state s = {.start = now_ms(), .timeout_at = -1, .heartbeat_at = -1, .kill_at = -1};
    char *program = NULL;
    s.pid = spawn(spec->command, pipe_fd[1], &program);
    int spawn_errno = errno;
    close(pipe_fd[1]);
    fcntl(pipe_fd[0], F_SETFL, fcntl(pipe_fd[0], F_GETFL) | O_NONBLOCK);
    if (s.pid < 0) {
        /* what a shell answers: 127 for a program it cannot find, 126 for one it cannot execute */
        res->exit_code = spawn_errno == ENOENT ? 127 : 126;
        process_note("cannot run %s: %s", program, strerror(spawn_errno));
        free(program);
        close(pipe_fd[0]);
        end_capture(res, s.start);
        return -1;
    }
    if (spec->timeout_s > 0)
        s.timeout_at = s.start + spec->timeout_s * 1000;
    if (spec->heartbeat_s > 0 && spec->heartbeat)
        s.heartbeat_at = spec->heartbeat_first_at > 0 ? spec->heartbeat_first_at : s.start + spec->heartbeat_s * 1000;

    int out_open = 1, status = 0, ended = 0;
    while (!ended) {
        check_deadlines(spec, &s, res);
        int64_t next = earliest(earliest(s.timeout_at, s.heartbeat_at), s.kill_at);
        int wait_ms = next < 0 ? -1 : (int)(next > now_ms() ? next - now_ms() : 0);
        struct pollfd fds[2] = {{.fd = wake_pipe[0], .events = POLLIN},
                                {.fd = out_open ? pipe_fd[0] : -1, .events = POLLIN}};
        int r = poll(fds, 2, wait_ms);
        if (r < 0 && errno != EINTR) {
            process_note("cannot watch the run (poll: %s): killing it", strerror(errno));
            kill(-s.pid, SIGKILL);
            waitpid(s.pid, &status, 0);
            break;
        }
        if (r > 0 && fds[1].revents)
            out_open = pump_output(pipe_fd[0], 16) != PUMP_END;
        if (r > 0 && fds[0].revents)
            drain_wake_pipe();
        ended = reap(s.pid, &status);
    }

    /* The process has ended: take what is left in the pipe, without waiting for stray holders. */
    while (out_open && pump_output(pipe_fd[0], 16) == PUMP_MORE) {
    }
    close(pipe_fd[0]);
    kill(-s.pid, SIGKILL); /* leftovers of the run's process group, if any */

    res->exit_code = res->timed_out ? EXIT_TIMEOUT : exit_code_of(status);
    end_capture(res, s.start);
    return 0;
}

void process_result_free(struct process_result *res)
{
    free(res->tail);
    res->tail = NULL;
}
