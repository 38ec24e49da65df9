/*
 * A minimal HTTP/1.1 client over plain TCP: one request per connection (Connection: close),
 * URLs of the form http://host[:port]/path, no TLS (the runner talks to services inside the
 * cluster network). Responses may use Content-Length, chunked encoding or end at close.
 *
 * Host names go through getaddrinfo(). The runner is linked statically against glibc: IP
 * literals, /etc/hosts and DNS (including Docker's embedded DNS for service names) work
 * without any library in the image, because glibc >= 2.34 builds its "files" and "dns" NSS
 * modules into libc. Other NSS sources (mdns, ldap, systemd-resolved's "resolve") would need
 * shared libraries of the very glibc version used for linking and are not available.
 */
#ifndef SIMSWARM_HTTP_H
#define SIMSWARM_HTTP_H

#include <stddef.h>
#include <sys/types.h>

/* By default at most this many bytes of a response body are kept; the rest is read and discarded. */
#define HTTP_BODY_MAX (64 * 1024)

struct url {
    char *host;  /* without brackets for IPv6 literals */
    char *port;  /* decimal, "80" when absent */
    char *path;  /* starts with '/', includes any query */
    char *authority; /* host[:port] as written, for the Host header */
};

struct http_header {
    const char *name;
    const char *value;
};

struct http_request {
    const char *method;
    const char *url;
    const struct http_header *headers;
    size_t header_count;
    const char *body;    /* in-memory body (may be NULL with body_len 0) ... */
    size_t body_len;
    int body_fd;         /* ... or, when >= 0, body_size bytes read from this file */
    off_t body_size;
    int connect_timeout_ms;
    int io_timeout_ms;   /* per read or write, not for the whole exchange */
    size_t body_max;     /* response body bytes to keep; 0 = HTTP_BODY_MAX */
};

struct http_response {
    int status;          /* HTTP status; 0 when no response arrived */
    char error[256];     /* transport failure, when status is 0 */
    char *body;          /* NUL-terminated, at most body_max bytes */
    size_t body_len;
    int body_truncated;  /* the body was longer than body_max: the rest was discarded */
};

/* Parses http://host[:port][/path]; returns 0, or -1 with a reason in ERR. */
int url_parse(const char *text, struct url *url, char *err, size_t errlen);
void url_free(struct url *url);

/*
 * Sends the request and reads the whole response. Returns 0 when a response arrived (any
 * status), -1 on a transport failure (resolve, connect, reset, timeout) described in
 * resp->error. Free the response with http_response_free() in both cases.
 */
int http_request(const struct http_request *req, struct http_response *resp);
void http_response_free(struct http_response *resp);

#endif
