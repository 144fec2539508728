/* Backends: config copy, checks, API key loading and secret redaction. */
#include <errno.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/log.h"
#include "remote/remote_priv.h"

#define KEY_FILE_MAX 4096

void ew__redact(char *buf, size_t size, const char *secret)
{
    static const char mark[] = "[REDACTED]";
    size_t slen = secret ? strlen(secret) : 0;
    if (!buf || !size || slen < 4) return;
    size_t mlen = sizeof mark - 1;
    char *p = buf;
    while ((p = strstr(p, secret)) != NULL) {
        size_t len = strlen(buf);
        size_t at = (size_t)(p - buf);
        size_t tail = len - at - slen;
        size_t room = size - 1 - at; /* bytes available from p, NUL excluded */
        size_t m = mlen < room ? mlen : room;
        size_t t = tail < room - m ? tail : room - m;
        memmove(p + m, p + slen, t);
        memcpy(p, mark, m);
        p[m + t] = '\0';
        p += m;
    }
    /* A message cut short may end in the first bytes of the secret. */
    size_t len = strlen(buf);
    for (size_t k = slen - 1 < len ? slen - 1 : len; k >= 4; k--) {
        if (!memcmp(buf + len - k, secret, k)) {
            buf[len - k] = '\0';
            break;
        }
    }
}

/* A key is printable ASCII without spaces: anything else would corrupt the
 * Authorization header (or inject another header). */
static bool key_ok(const char *k, size_t n)
{
    if (!n) return false;
    for (size_t i = 0; i < n; i++)
        if (k[i] <= 0x20 || k[i] >= 0x7f) return false;
    return true;
}

static const char *resolve(ew_arena *a, const char *dir, const char *path)
{
    if (!path || !*path) return NULL;
    if (path[0] == '/' || !dir || !*dir) return ew_arena_strdup(a, path);
    size_t n = strlen(dir) + strlen(path) + 2;
    char *p = ew_arena_alloc(a, n);
    if (p) snprintf(p, n, "%s/%s", dir, path);
    return p;
}

/* Reads a key file: one line, trailing whitespace dropped. */
static int load_key_file(const char *bname, const char *path, char **out, ew_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return ew__error_set(err, EW_ERR_CONFIG, "backend '%s': cannot open key file %s: %s", bname,
                             path, strerror(errno));
    struct stat st;
    char buf[KEY_FILE_MAX + 1];
    ssize_t n = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= KEY_FILE_MAX)
        n = read(fd, buf, KEY_FILE_MAX);
    close(fd);
    if (n < 0)
        return ew__error_set(err, EW_ERR_CONFIG,
                             "backend '%s': key file %s is not a regular file of at most %d "
                             "bytes",
                             bname, path, KEY_FILE_MAX);
    if (st.st_mode & 077)
        ew__warn(NULL, "backend '%s': key file %s is readable by group or others", bname, path);
    while (n > 0 &&
           (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
        n--;
    if (!key_ok(buf, (size_t)n)) {
        explicit_bzero(buf, sizeof buf);
        return ew__error_set(err, EW_ERR_CONFIG,
                             "backend '%s': key file %s is empty or holds characters a key "
                             "cannot have",
                             bname, path);
    }
    *out = strndup(buf, (size_t)n);
    explicit_bzero(buf, sizeof buf);
    return *out ? EW_OK : EW_ERR_NOMEM;
}

static int load_key(const ew_backend_cfg *cfg, const char *dir, ew_arena *a, char **out,
                    ew_error *err)
{
    *out = NULL;
    if (cfg->api_key_env && cfg->api_key_file)
        return ew__error_set(err, EW_ERR_CONFIG,
                             "backend '%s': set api_key_env or api_key_file, not both", cfg->name);
    if (cfg->api_key_file) {
        const char *path = resolve(a, dir, cfg->api_key_file);
        return path ? load_key_file(cfg->name, path, out, err) : EW_ERR_NOMEM;
    }
    if (!cfg->api_key_env) return EW_OK;
    const char *v = getenv(cfg->api_key_env);
    if (!v || !*v)
        return ew__error_set(err, EW_ERR_CONFIG, "backend '%s': environment variable %s is not set",
                             cfg->name, cfg->api_key_env);
    if (!key_ok(v, strlen(v)))
        return ew__error_set(err, EW_ERR_CONFIG,
                             "backend '%s': environment variable %s holds characters a key "
                             "cannot have",
                             cfg->name, cfg->api_key_env);
    *out = strdup(v);
    return *out ? EW_OK : EW_ERR_NOMEM;
}

/* An IPv4 address, or an IPv6 one in brackets (as curl_url_get gives it). */
static bool host_is_address(const char *host)
{
    unsigned char a[16];
    char v6[64];
    size_t n = strlen(host);
    if (inet_pton(AF_INET, host, a) == 1) return true;
    if (n < 3 || n - 2 >= sizeof v6 || host[0] != '[' || host[n - 1] != ']') return false;
    memcpy(v6, host + 1, n - 2);
    v6[n - 2] = '\0';
    return inet_pton(AF_INET6, v6, a) == 1;
}

/* Checks the URL with curl's parser and derives what logs may show. */
static int check_url(ew_arena *a, const ew_backend_cfg *cfg, ew__backend *b, ew_error *err)
{
    const char *u = cfg->base_url;
    if (!u || (strncmp(u, "http://", 7) && strncmp(u, "https://", 8)))
        return ew__error_set(err, EW_ERR_CONFIG,
                             "backend '%s': base_url must start with http:// or https://",
                             cfg->name);
    CURLU *h = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL;
    int st = EW_OK;
    if (!h || curl_url_set(h, CURLUPART_URL, u, 0) ||
        curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) ||
        curl_url_get(h, CURLUPART_HOST, &host, 0) ||
        curl_url_get(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT))
        st = ew__error_set(err, EW_ERR_CONFIG, "backend '%s': base_url is not a valid URL",
                           cfg->name);
    if (!st) {
        size_t n = strlen(scheme) + strlen(host) + strlen(port) + 8;
        char *lu = ew_arena_alloc(a, n);
        if (lu) snprintf(lu, n, "%s://%s:%s", scheme, host, port);
        b->log_url = lu;
        b->host_is_ip = host_is_address(host);
        size_t len = strlen(u);
        while (len > 0 && u[len - 1] == '/')
            len--;
        b->base_url = ew_arena_strndup(a, u, len);
        if (!b->log_url || !b->base_url) st = EW_ERR_NOMEM;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(h);
    return st;
}

static bool header_name_ok(const char *s)
{
    if (!s || !*s) return false;
    for (; *s; s++)
        if (!strchr("!#$%&'*+-.^_`|~", *s) && !(*s >= '0' && *s <= '9') &&
            !(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z'))
            return false;
    return true;
}

static bool header_value_ok(const char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s < 0x20 && *s != '\t') return false;
    return s != NULL;
}

static int add_header(struct curl_slist **list, const char *name, const char *value)
{
    char line[1024];
    int n = snprintf(line, sizeof line, "%s: %s", name, value);
    if (n < 0 || (size_t)n >= sizeof line) return EW_ERR_TOO_LARGE;
    struct curl_slist *l = curl_slist_append(*list, line);
    explicit_bzero(line, sizeof line);
    if (!l) return EW_ERR_NOMEM;
    *list = l;
    return EW_OK;
}

static int build_headers(const ew_backend_cfg *cfg, ew__backend *b, ew_error *err)
{
    int st = add_header(&b->headers, "Content-Type", "application/json");
    /* No "Expect: 100-continue" round trip before large bodies, and no
     * Accept line of curl's own (a blank line is how curl leaves one out). */
    if (!st) st = add_header(&b->headers, "Expect", "");
    if (!st) st = add_header(&b->headers, "Accept", "");
    if (!st && b->key) {
        char bearer[KEY_FILE_MAX + 16];
        snprintf(bearer, sizeof bearer, "Bearer %s", b->key);
        st = add_header(&b->headers, "Authorization", bearer);
        explicit_bzero(bearer, sizeof bearer);
    }
    bool own_agent = false;
    for (int i = 0; !st && i < cfg->n_headers; i++) {
        const ew_header_cfg *h = &cfg->headers[i];
        if (!header_name_ok(h->name) || !header_value_ok(h->value))
            return ew__error_set(err, EW_ERR_CONFIG,
                                 "backend '%s': header %d has an invalid name or value", cfg->name,
                                 i + 1);
        st = add_header(&b->headers, h->name, h->value);
        own_agent = own_agent || !strcasecmp(h->name, "User-Agent");
    }
    /* Without a proxy, our User-Agent is a plain header line: as
     * CURLOPT_USERAGENT curl would format it anew for every transfer. A
     * proxy's CONNECT only carries CURLOPT_USERAGENT (client.c sets it then);
     * a configured User-Agent wins either way, as curl lets it. */
    b->agent_header = !*b->proxy && !own_agent;
    if (!st && b->agent_header) st = add_header(&b->headers, "User-Agent", EW__USER_AGENT);
    if (st == EW_ERR_TOO_LARGE)
        return ew__error_set(err, EW_ERR_CONFIG, "backend '%s': a header is too long", cfg->name);
    return st;
}

/* A variable as curl reads it: unset and empty are the same. */
static const char *env_value(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* The proxy and no-proxy list curl would find in the environment for each
 * transfer (url.c: detect_proxy, create_conn_helper_init_proxy), read once
 * here and handed to curl explicitly: curl then skips its five getenv calls
 * per transfer and applies the same rules. <scheme>_proxy, then (not for
 * http, which curl refuses to read in upper case) <SCHEME>_PROXY, then
 * all_proxy and ALL_PROXY; no_proxy, then NO_PROXY. A configured proxy wins
 * over the environment's, but no_proxy applies to it as before. */
static int resolve_proxy(ew_arena *a, const ew_backend_cfg *cfg, ew__backend *b)
{
    bool https = !strncmp(b->base_url, "https:", 6);
    const char *np = env_value("no_proxy");
    if (!np) np = env_value("NO_PROXY");
    const char *p = cfg->proxy;
    if (!p) p = env_value(https ? "https_proxy" : "http_proxy");
    if (!p && https) p = env_value("HTTPS_PROXY");
    if (!p) p = env_value("all_proxy");
    if (!p) p = env_value("ALL_PROXY");
    b->proxy = ew_arena_strdup(a, p ? p : "");
    b->no_proxy = ew_arena_strdup(a, np ? np : "");
    return b->proxy && b->no_proxy ? EW_OK : EW_ERR_NOMEM;
}

static int timeout_or(int v, int def)
{
    return v > 0 ? v : def;
}

static int copy_fields(ew_arena *a, const ew_backend_cfg *cfg, const char *dir, ew__backend *b)
{
    b->name = ew_arena_strdup(a, cfg->name);
    b->priority = cfg->priority;
    b->weight = cfg->weight > 0 ? cfg->weight : 1;
    b->connect_ms = timeout_or(cfg->connect_timeout_ms, 5000);
    b->first_byte_ms = timeout_or(cfg->first_byte_timeout_ms, 30000);
    b->idle_ms = timeout_or(cfg->idle_timeout_ms, 30000);
    b->total_ms = timeout_or(cfg->total_timeout_ms, 300000);
    b->max_retries = cfg->max_retries > 0 ? cfg->max_retries : 0;
    b->ca_file = resolve(a, dir, cfg->ca_file);
    b->client_cert = resolve(a, dir, cfg->client_cert);
    b->client_key = resolve(a, dir, cfg->client_key);
    b->pinned_pubkey = cfg->pinned_pubkey ? ew_arena_strdup(a, cfg->pinned_pubkey) : NULL;
    b->n_map = cfg->n_models > 0 ? cfg->n_models : 0;
    b->map_from = ew_arena_calloc(a, (size_t)b->n_map + 1, sizeof *b->map_from);
    b->map_to = ew_arena_calloc(a, (size_t)b->n_map + 1, sizeof *b->map_to);
    if (!b->name || !b->map_from || !b->map_to) return EW_ERR_NOMEM;
    for (int i = 0; i < b->n_map; i++) {
        b->map_from[i] = ew_arena_strdup(a, cfg->models[i].from ? cfg->models[i].from : "");
        b->map_to[i] = ew_arena_strdup(a, cfg->models[i].to ? cfg->models[i].to : "");
        if (!b->map_from[i] || !b->map_to[i]) return EW_ERR_NOMEM;
    }
    return EW_OK;
}

int ew__backend_load(ew_arena *a, const ew_backend_cfg *cfg, const char *config_dir,
                     const ew__breaker_opts *breaker, ew__backend *out, ew_error *err)
{
    memset(out, 0, sizeof *out);
    if (!cfg->name || !*cfg->name || strlen(cfg->name) >= EW_BACKEND_NAME_MAX)
        return ew__error_set(err, EW_ERR_CONFIG, "a backend needs a name of 1 to %d bytes",
                             EW_BACKEND_NAME_MAX - 1);
    int st = copy_fields(a, cfg, config_dir, out);
    if (!st) st = check_url(a, cfg, out, err);
    if (!st) st = resolve_proxy(a, cfg, out);
    if (!st) st = load_key(cfg, config_dir, a, &out->key, err);
    if (!st) st = build_headers(cfg, out, err);
    if (st) {
        ew__backend_cleanup(out);
        return st;
    }
    ew__health_init(&out->health, out->name, breaker);
    out->fast_answers = 0xff; /* unknown: fast until it shows otherwise */
    return EW_OK;
}

void ew__backend_cleanup(ew__backend *b)
{
    if (b->key) {
        explicit_bzero(b->key, strlen(b->key));
        free(b->key);
        b->key = NULL;
    }
    /* The header list holds the Authorization line: wipe it too. */
    for (struct curl_slist *l = b->headers; l; l = l->next)
        explicit_bzero(l->data, strlen(l->data));
    curl_slist_free_all(b->headers);
    b->headers = NULL;
    for (int i = 0; i < EW__BACKEND_URLS; i++) {
        curl_url_cleanup(b->urls[i].url);
        b->urls[i].url = NULL;
    }
}

const char *ew__backend_model(const ew__backend *b, const char *requested)
{
    for (int i = 0; requested && i < b->n_map; i++)
        if (!strcmp(b->map_from[i], requested)) return b->map_to[i];
    if (b->n_map > 0) return b->map_to[0];
    return requested;
}
