#define _GNU_SOURCE
#include "http.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- URLs */

int url_parse(const char *text, struct url *url, char *err, size_t errlen)
{
    memset(url, 0, sizeof *url);
    if (strncasecmp(text, "https://", 8) == 0) {
        snprintf(err, errlen, "https URLs are not supported (no TLS): %s", text);
        return -1;
    }
    if (strncasecmp(text, "http://", 7) != 0) {
        snprintf(err, errlen, "not an http:// URL: %s", text);
        return -1;
    }
    const char *auth = text + 7;
    size_t auth_len = strcspn(auth, "/?#");
    if (auth_len == 0) {
        snprintf(err, errlen, "URL has no host: %s", text);
        return -1;
    }
    if (memchr(auth, '@', auth_len)) {
        snprintf(err, errlen, "URL must not carry user information: %s", text);
        return -1;
    }
    const char *port = NULL;
    size_t host_len;
    const char *host = auth;
    if (auth[0] == '[') {
        const char *close = memchr(auth, ']', auth_len);
        if (!close) {
            snprintf(err, errlen, "URL has an unterminated IPv6 address: %s", text);
            return -1;
        }
        host = auth + 1;
        host_len = (size_t)(close - host);
        if (close + 1 < auth + auth_len) {
            if (close[1] != ':') {
                snprintf(err, errlen, "URL has a malformed host: %s", text);
                return -1;
            }
            port = close + 2;
        }
    } else {
        const char *colon = memchr(auth, ':', auth_len);
        host_len = colon ? (size_t)(colon - auth) : auth_len;
        if (colon)
            port = colon + 1;
    }
    size_t port_len = port ? (size_t)(auth + auth_len - port) : 0;
    char port_text[8] = "80";
    if (port) {
        char *tmp = xstrndup(port, port_len);
        unsigned long p;
        int bad = parse_ulong(tmp, 65535, &p) != 0 || p == 0;
        free(tmp);
        if (bad) {
            snprintf(err, errlen, "URL has an invalid port: %s", text);
            return -1;
        }
        snprintf(port_text, sizeof port_text, "%lu", p);
    }
    if (host_len == 0) {
        snprintf(err, errlen, "URL has no host: %s", text);
        return -1;
    }
    const char *rest = auth + auth_len;
    int rest_len = (int)strcspn(rest, "#");
    url->host = xstrndup(host, host_len);
    url->port = xstrdup(port_text);
    url->authority = xstrndup(auth, auth_len);
    url->path = xprintf("%s%.*s", rest[0] == '/' ? "" : "/", rest_len, rest);
    for (const char *p = url->path; *p; p++) {
        if ((unsigned char)*p <= ' ' || *p == 0x7f) {
            snprintf(err, errlen, "URL contains spaces or control characters: %s", text);
            url_free(url);
            return -1;
        }
    }
    return 0;
}

void url_free(struct url *url)
{
    free(url->host);
    free(url->port);
    free(url->path);
    free(url->authority);
    memset(url, 0, sizeof *url);
}

/* ---------------------------------------------------------------- connecting */

static int connect_with_timeout(const struct addrinfo *ai, int timeout_ms, char *err, size_t errlen)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a socket: %s", strerror(errno));
        return -1;
    }
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) {
            snprintf(err, errlen, "%s", strerror(errno));
            close(fd);
            return -1;
        }
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        int r;
        do {
            r = poll(&p, 1, timeout_ms);
        } while (r < 0 && errno == EINTR);
        if (r == 0) {
            snprintf(err, errlen, "connect timed out after %d ms", timeout_ms);
            close(fd);
            return -1;
        }
        int soerr = 0;
        socklen_t len = sizeof soerr;
        if (r < 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0 || soerr != 0) {
            snprintf(err, errlen, "%s", strerror(soerr ? soerr : errno));
            close(fd);
            return -1;
        }
    }
    int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

static int open_connection(const struct url *url, const struct http_request *req, char *err, size_t errlen)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
    struct addrinfo *list = NULL;
    int rc = getaddrinfo(url->host, url->port, &hints, &list);
    if (rc != 0) {
        snprintf(err, errlen, "cannot resolve host %s: %s", url->host,
                 rc == EAI_SYSTEM ? strerror(errno) : gai_strerror(rc));
        return -1;
    }
    char last[160] = "no address";
    int fd = -1;
    for (struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next)
        fd = connect_with_timeout(ai, req->connect_timeout_ms, last, sizeof last);
    freeaddrinfo(list);
    if (fd < 0) {
        snprintf(err, errlen, "cannot connect to %s: %s", url->authority, last);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct timeval tv = {.tv_sec = req->io_timeout_ms / 1000, .tv_usec = (req->io_timeout_ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return fd;
}

/* ---------------------------------------------------------------- sending */

static int send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int send_file(int sock, int fd, off_t size)
{
    off_t offset = 0;
    while (offset < size) {
        ssize_t w = sendfile(sock, fd, &offset, (size_t)(size - offset));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EINVAL || errno == ENOSYS))
            break; /* no sendfile for this pair: copy below */
        if (w < 0)
            return -1;
        if (w == 0) {
            errno = EIO; /* the file is shorter than announced */
            return -1;
        }
    }
    char buf[65536];
    while (offset < size) {
        ssize_t r = pread(fd, buf, sizeof buf, offset);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            errno = r == 0 ? EIO : errno;
            return -1;
        }
        if (send_all(sock, buf, (size_t)r) != 0)
            return -1;
        offset += r;
    }
    return 0;
}

static void build_head(struct strbuf *head, const struct http_request *req, const struct url *url)
{
    off_t length = req->body_fd >= 0 ? req->body_size : (off_t)req->body_len;
    sb_printf(head, "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s/%s\r\nConnection: close\r\n",
              req->method, url->path, url->authority, RUNNER_NAME, RUNNER_VERSION);
    sb_printf(head, "Content-Length: %lld\r\n", (long long)length);
    for (size_t i = 0; i < req->header_count; i++)
        sb_printf(head, "%s: %s\r\n", req->headers[i].name, req->headers[i].value);
    sb_puts(head, "\r\n");
}

/* ---------------------------------------------------------------- receiving */

struct reader {
    int fd;
    int timeout_ms;
    char buf[16384];
    size_t pos, len;
    char *error; /* points into the response's error buffer */
    size_t errlen;
    size_t body_cap; /* bytes allocated for the response body */
    size_t body_max; /* bytes of the body to keep */
};

/* Reads more bytes into the buffer; returns the count, 0 at end of stream, -1 on error. */
static ssize_t rd_fill(struct reader *r)
{
    if (r->pos > 0 && r->pos == r->len)
        r->pos = r->len = 0;
    if (r->len == sizeof r->buf) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    for (;;) {
        ssize_t n = recv(r->fd, r->buf + r->len, sizeof r->buf - r->len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            snprintf(r->error, r->errlen, "no response within %d ms", r->timeout_ms);
        else if (n < 0)
            snprintf(r->error, r->errlen, "receiving the response failed: %s", strerror(errno));
        if (n > 0)
            r->len += (size_t)n;
        return n;
    }
}

/* Reads one line without its CR LF into LINE; returns 0, or -1 at end of stream or error. */
static int rd_line(struct reader *r, char *line, size_t max)
{
    for (;;) {
        char *nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
        if (nl) {
            size_t n = (size_t)(nl - (r->buf + r->pos));
            size_t keep = n > 0 && nl[-1] == '\r' ? n - 1 : n;
            if (keep >= max)
                keep = max - 1;
            memcpy(line, r->buf + r->pos, keep);
            line[keep] = '\0';
            r->pos += n + 1;
            return 0;
        }
        if (r->len - r->pos == sizeof r->buf) {
            snprintf(r->error, r->errlen, "response line too long");
            return -1;
        }
        ssize_t got = rd_fill(r);
        if (got <= 0) {
            if (got == 0)
                snprintf(r->error, r->errlen, "connection closed before a complete response");
            return -1;
        }
    }
}

/* Moves up to MAX buffered or freshly received bytes to DST; returns the count, 0 at end, -1 on error. */
static ssize_t rd_some(struct reader *r, char *dst, size_t max)
{
    if (r->pos == r->len) {
        ssize_t got = rd_fill(r);
        if (got <= 0)
            return got;
    }
    size_t n = r->len - r->pos;
    if (n > max)
        n = max;
    memcpy(dst, r->buf + r->pos, n);
    r->pos += n;
    return (ssize_t)n;
}

/* Keeps up to MAX bytes of the body, growing the buffer as they come (most answers are a few lines). */
static void body_keep(struct http_response *resp, size_t *cap, size_t max, const char *data, size_t n)
{
    size_t room = max - resp->body_len;
    if (n > room) {
        n = room;
        resp->body_truncated = 1;
    }
    if (resp->body_len + n + 1 > *cap) {
        size_t want = *cap;
        while (want < resp->body_len + n + 1)
            want *= 2;
        *cap = want < max + 1 ? want : max + 1;
        resp->body = xrealloc(resp->body, *cap);
    }
    memcpy(resp->body + resp->body_len, data, n);
    resp->body_len += n;
    resp->body[resp->body_len] = '\0';
}

/* Reads LENGTH body bytes (or up to the end of the stream when LENGTH is -1). */
static int read_body_bytes(struct reader *r, struct http_response *resp, long long length)
{
    char chunk[8192];
    while (length != 0) {
        size_t want = length < 0 || length > (long long)sizeof chunk ? sizeof chunk : (size_t)length;
        ssize_t got = rd_some(r, chunk, want);
        if (got == 0 && length < 0)
            return 0;
        if (got <= 0) {
            if (got == 0)
                snprintf(r->error, r->errlen, "connection closed in the middle of the response body");
            return -1;
        }
        body_keep(resp, &r->body_cap, r->body_max, chunk, (size_t)got);
        if (length > 0)
            length -= got;
    }
    return 0;
}

static int read_chunked_body(struct reader *r, struct http_response *resp)
{
    char line[256];
    for (;;) {
        if (rd_line(r, line, sizeof line) != 0)
            return -1;
        char *end;
        long long size = strtoll(line, &end, 16);
        if (end == line || size < 0) {
            snprintf(r->error, r->errlen, "malformed chunk size in the response");
            return -1;
        }
        if (size == 0)
            break;
        if (read_body_bytes(r, resp, size) != 0 || rd_line(r, line, sizeof line) != 0)
            return -1;
    }
    do { /* trailer fields, up to the empty line */
        if (rd_line(r, line, sizeof line) != 0)
            return -1;
    } while (line[0] != '\0');
    return 0;
}

static int read_response(struct reader *r, const struct http_request *req, struct http_response *resp)
{
    char line[8192];
    long long length;
    int chunked;
    do {
        if (rd_line(r, line, sizeof line) != 0)
            return -1;
        if (strncmp(line, "HTTP/1.", 7) != 0 || strlen(line) < 12 || line[8] != ' ') {
            snprintf(r->error, r->errlen, "not an HTTP response: %.60s", line);
            return -1;
        }
        resp->status = atoi(line + 9);
        length = -1;
        chunked = 0;
        for (;;) {
            if (rd_line(r, line, sizeof line) != 0)
                return -1;
            if (line[0] == '\0')
                break;
            char *colon = strchr(line, ':');
            if (!colon)
                continue;
            *colon = '\0';
            const char *value = colon + 1 + strspn(colon + 1, " \t");
            if (strcasecmp(line, "Content-Length") == 0)
                length = strtoll(value, NULL, 10);
            else if (strcasecmp(line, "Transfer-Encoding") == 0 && strcasestr(value, "chunked"))
                chunked = 1;
        }
    } while (resp->status >= 100 && resp->status < 200); /* skip 100 Continue and friends */

    if (resp->status == 204 || resp->status == 304 || strcmp(req->method, "HEAD") == 0)
        return 0;
    if (chunked)
        return read_chunked_body(r, resp);
    return read_body_bytes(r, resp, length);
}

/* ---------------------------------------------------------------- the exchange */

int http_request(const struct http_request *req, struct http_response *resp)
{
    memset(resp, 0, sizeof *resp);
    size_t body_cap = 1024;
    resp->body = xmalloc(body_cap);
    resp->body[0] = '\0';

    struct url url;
    if (url_parse(req->url, &url, resp->error, sizeof resp->error) != 0)
        return -1;
    int fd = open_connection(&url, req, resp->error, sizeof resp->error);
    if (fd < 0) {
        url_free(&url);
        return -1;
    }

    struct strbuf head = {0};
    build_head(&head, req, &url);
    if (req->body_fd < 0 && req->body_len > 0 && req->body_len <= 65536) {
        sb_append(&head, req->body, req->body_len); /* one segment for small requests */
    }
    int sent = send_all(fd, head.data, head.len);
    if (sent == 0 && req->body_fd >= 0)
        sent = send_file(fd, req->body_fd, req->body_size);
    else if (sent == 0 && req->body_len > 65536)
        sent = send_all(fd, req->body, req->body_len);
    int send_errno = errno;
    sb_free(&head);

    /* Even when sending failed, the server may have answered early (e.g. 401 or 413) and closed. */
    struct reader *r = xmalloc(sizeof *r);
    r->fd = fd;
    r->timeout_ms = req->io_timeout_ms;
    r->pos = r->len = 0;
    r->error = resp->error;
    r->errlen = sizeof resp->error;
    r->body_cap = body_cap;
    r->body_max = req->body_max ? req->body_max : HTTP_BODY_MAX;
    int rc = read_response(r, req, resp);
    free(r);
    close(fd);

    if (resp->status == 0) {
        if (sent != 0)
            snprintf(resp->error, sizeof resp->error, "sending the request to %s failed: %s",
                     url.authority, strerror(send_errno));
        url_free(&url);
        return -1;
    }
    url_free(&url);
    (void)rc; /* a status line arrived: a body cut short still counts as an answer */
    return 0;
}

void http_response_free(struct http_response *resp)
{
    free(resp->body);
    resp->body = NULL;
    resp->body_len = 0;
}
