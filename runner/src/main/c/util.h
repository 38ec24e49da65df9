/* Small helpers shared by every part of the runner: messages, clocks, strings, files. */
#ifndef SIMSWARM_UTIL_H
#define SIMSWARM_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define RUNNER_NAME "simswarm-runner"
#ifndef RUNNER_VERSION
#define RUNNER_VERSION "dev"
#endif

/* Prints "simswarm-runner: MESSAGE" as one line on stderr. */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Milliseconds of a monotonic clock. */
int64_t now_ms(void);

/* Allocation that never returns NULL (the runner exits with code 1 when memory runs out). */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growing, always NUL-terminated byte string. */
struct strbuf {
    char *data;
    size_t len;
    size_t cap;
};

void sb_append(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_free(struct strbuf *sb);

/* Appends S to SB quoted for /bin/sh: 'it'\''s'. */
void sb_shell_quote(struct strbuf *sb, const char *s);

/* Parses a whole string as a decimal number in [0, max]; returns 0 on success, -1 otherwise. */
int parse_ulong(const char *s, unsigned long max, unsigned long *out);

/* "12-27" or "3,5,9-11": NUMBERS in their order, consecutive ones as ranges, cut short (",...") past MAX characters. */
char *ranges_text(const long *numbers, size_t count, size_t max);

/* Copies the first line of TEXT (without CR/LF, at most MAX bytes) into a new string. */
char *first_line(const char *text, size_t max);

/* Writes all of BUF to FD (retrying short writes and EINTR); returns 0 or -1 with errno set. */
int write_all(int fd, const void *buf, size_t n);

/* Removes a file or a directory tree; errors are ignored. */
void remove_tree(const char *path);

#endif
