/* A tiny blocking HTTP/1.1 client for the gateway's unit tests: just enough
 * to check what the server sends (status, headers, Content-Length and
 * chunked bodies). Include it after cmocka.h, whose asserts it uses. */
#ifndef EW_TEST_HTTP_CLIENT_H
#define EW_TEST_HTTP_CLIENT_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static inline int client(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    struct timeval tv = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

static inline void send_str(int fd, const char *s)
{
    size_t n = strlen(s);
    assert_int_equal(send(fd, s, n, MSG_NOSIGNAL), (ssize_t)n);
}

/* A response read by a tiny client: enough HTTP to check the server. */
typedef struct resp {
    int status;
    char head[4096];
    char body[70000];
    size_t body_len;
} resp;

typedef struct rbuf {
    char data[140000];
    size_t len;
} rbuf;

static inline bool fill(int fd, rbuf *b)
{
    ssize_t n = recv(fd, b->data + b->len, sizeof b->data - b->len - 1, 0);
    if (n <= 0) return false;
    b->len += (size_t)n;
    b->data[b->len] = '\0';
    return true;
}

static inline void rb_reset(rbuf *b)
{
    b->len = 0;
    b->data[0] = '\0';
}

static inline void take(rbuf *b, size_t n)
{
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
    b->data[b->len] = '\0';
}

static inline const char *header_of(const resp *r, const char *name, char *out, size_t size)
{
    size_t nl = strlen(name);
    for (const char *p = strstr(r->head, "\r\n"); p && p[2]; p = strstr(p + 2, "\r\n")) {
        if (!strncasecmp(p + 2, name, nl) && p[2 + nl] == ':') {
            const char *v = p + 3 + nl;
            while (*v == ' ')
                v++;
            size_t n = strcspn(v, "\r");
            snprintf(out, size, "%.*s", (int)n, v);
            return out;
        }
    }
    return NULL;
}

/* Reads one response (only its head when with_body is false, as for HEAD
 * requests); false when the connection closed first. */
static inline bool read_resp_ex(int fd, rbuf *b, resp *r, bool with_body)
{
    char *end;
    while (!(end = strstr(b->data, "\r\n\r\n")))
        if (!fill(fd, b)) return false;
    size_t hl = (size_t)(end - b->data) + 4;
    assert_true(hl < sizeof r->head);
    memcpy(r->head, b->data, hl);
    r->head[hl] = '\0';
    take(b, hl);
    r->status = (int)strtol(r->head + 9, NULL, 10);
    r->body_len = 0;
    char v[64];
    if (r->status == 100 || !with_body) return true;
    if (header_of(r, "content-length", v, sizeof v)) {
        size_t cl = (size_t)strtoul(v, NULL, 10);
        while (b->len < cl)
            if (!fill(fd, b)) return false;
        memcpy(r->body, b->data, cl);
        r->body_len = cl;
        take(b, cl);
    } else if (header_of(r, "transfer-encoding", v, sizeof v)) {
        for (;;) {
            char *eol;
            while (!(eol = strstr(b->data, "\r\n")))
                if (!fill(fd, b)) return false;
            size_t n = strtoul(b->data, NULL, 16);
            take(b, (size_t)(eol - b->data) + 2);
            while (b->len < n + 2)
                if (!fill(fd, b)) return false;
            memcpy(r->body + r->body_len, b->data, n);
            r->body_len += n;
            take(b, n + 2);
            if (n == 0) break;
        }
    }
    r->body[r->body_len] = '\0';
    return true;
}

static inline bool read_resp(int fd, rbuf *b, resp *r)
{
    return read_resp_ex(fd, b, r, true);
}

static inline bool closed_by_server(int fd)
{
    char c;
    return recv(fd, &c, 1, 0) == 0;
}

static inline resp *one(int port, const char *request, rbuf *b, int *fd_out)
{
    static resp r;
    int fd = client(port);
    send_str(fd, request);
    rb_reset(b);
    assert_true(read_resp(fd, b, &r));
    if (fd_out)
        *fd_out = fd;
    else
        close(fd);
    return &r;
}

#endif
