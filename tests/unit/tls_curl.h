/* Shared by the TLS tests: a throwaway PKI from certs/dev-ca.sh and libcurl
 * (OpenSSL) as the client. */
#ifndef EW_TESTS_TLS_CURL_H
#define EW_TESTS_TLS_CURL_H

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static char dir[64]; /* the PKI: dev-ca.sh's test set, plus server-b */

static const char *pki(const char *name)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 256, "%s/%s", dir, name);
    return p;
}

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* Makes the PKI in a fresh temporary directory; 0 or -1. */
static int pki_setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/ew_tls_XXXXXX");
    if (!mkdtemp(dir)) return -1;
    const char *src = getenv("EW_SRC") ? getenv("EW_SRC") : ".";
    if (run("'%s/certs/dev-ca.sh' test '%s' && '%s/certs/dev-ca.sh' server '%s' server-b "
            ">/dev/null",
            src, dir, src, dir))
        return -1;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return 0;
}

static void pki_teardown(void)
{
    curl_global_cleanup();
    run("rm -rf '%s'", dir);
}

typedef struct resp {
    CURLcode rc;
    long code;
    long connects; /* 0 when curl reused a connection */
    char body[2048];
    size_t len;
    size_t total; /* bytes seen, for large bodies */
    unsigned long sum;
    char errbuf[CURL_ERROR_SIZE];
    char subject[256]; /* of the server certificate */
} resp;

static size_t on_body(char *p, size_t sz, size_t n, void *arg)
{
    resp *r = arg;
    size_t len = sz * n;
    for (size_t i = 0; i < len; i++)
        r->sum += (unsigned char)p[i] * ((r->total + i) % 251 + 1);
    size_t room = sizeof r->body - 1 - r->len;
    size_t take = len < room ? len : room;
    memcpy(r->body + r->len, p, take);
    r->len += take;
    r->body[r->len] = '\0';
    r->total += len;
    return len;
}

typedef struct client {
    const char *ca;   /* NULL: the test CA */
    const char *cert; /* client certificate name in dir, e.g. "alice" */
    const char *resolve;
    bool fresh;
} client;

static CURL *new_handle(const client *cl)
{
    CURL *h = curl_easy_init();
    assert_non_null(h);
    curl_easy_setopt(h, CURLOPT_CAINFO, cl && cl->ca ? cl->ca : pki("ca.crt"));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CERTINFO, 1L);
    if (cl && cl->cert) {
        char crt[256], key[256];
        snprintf(crt, sizeof crt, "%s/%s.crt", dir, cl->cert);
        snprintf(key, sizeof key, "%s/%s.key", dir, cl->cert);
        curl_easy_setopt(h, CURLOPT_SSLCERT, crt);
        curl_easy_setopt(h, CURLOPT_SSLKEY, key);
    }
    return h;
}

static void server_subject(CURL *h, resp *r)
{
    struct curl_certinfo *ci = NULL;
    if (curl_easy_getinfo(h, CURLINFO_CERTINFO, &ci) || !ci || ci->num_of_certs < 1) return;
    for (struct curl_slist *s = ci->certinfo[0]; s; s = s->next)
        if (!strncmp(s->data, "Subject:", 8))
            snprintf(r->subject, sizeof r->subject, "%s", s->data);
}

static void perform(CURL *h, const char *url, resp *r)
{
    memset(r, 0, sizeof *r);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, r->errbuf);
    r->rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->code);
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &r->connects);
    server_subject(h, r);
}

/* One request on a fresh handle to https://host:port/path (host resolved
 * to 127.0.0.1 when cl->resolve names it). */
static void get_port(int port, const client *cl, const char *host, const char *path, resp *r)
{
    CURL *h = new_handle(cl);
    char url[256], res[128];
    snprintf(url, sizeof url, "https://%s:%d%s", host, port, path);
    struct curl_slist *rl = NULL;
    if (cl && cl->resolve) {
        snprintf(res, sizeof res, "%s:%d:127.0.0.1", cl->resolve, port);
        rl = curl_slist_append(NULL, res);
        curl_easy_setopt(h, CURLOPT_RESOLVE, rl);
    }
    perform(h, url, r);
    curl_easy_cleanup(h);
    curl_slist_free_all(rl);
}

/* A plain TCP connection to 127.0.0.1:port with a 3 s receive timeout, for
 * tests that speak below TLS. */
static int raw_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sin = {0};
    sin.sin_family = AF_INET;
    sin.sin_port = htons((uint16_t)port);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof sin), 0);
    struct timeval tv = {3, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#endif
