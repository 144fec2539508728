/* HTTP/1.1 request parsing over bytes already in memory (RFC 9112). Strict
 * where leniency invites smuggling (CRLF only, no obs-fold, no whitespace
 * before ':', Content-Length with Transfer-Encoding refused), bounded
 * everywhere else. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "gateway/http.h"

static int fault(ew__http_fault *f, int status, const char *message)
{
    f->status = status;
    f->message = message;
    return -1;
}

/* tchar from RFC 9110 5.6.2. */
/* Token characters: letters, digits and !#$%&'*+-.^_`|~, as a bit set. */
static bool is_tchar(unsigned char c)
{
    static const uint64_t lo = 0x03ff6cfa00000000ull, hi = 0x57ffffffc7fffffeull;
    return c < 64 ? (lo >> c) & 1 : c < 128 && (hi >> (c - 64)) & 1;
}

/* Field values: VCHAR, obs-text, SP and HTAB; no other control bytes. */
static bool is_field_char(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

static bool eq_nocase(const char *s, size_t len, const char *lit)
{
    return strlen(lit) == len && strncasecmp(s, lit, len) == 0;
}

size_t ew__http_head_end(const char *buf, size_t len, size_t from)
{
    /* Back up so a terminator split across two reads is still found. */
    size_t i = from > 3 ? from - 3 : 0;
    while (len >= 4 && i <= len - 4) {
        const char *cr = memchr(buf + i, '\r', len - 3 - i);
        if (!cr) return 0;
        i = (size_t)(cr - buf);
        if (cr[1] == '\n' && cr[2] == '\r' && cr[3] == '\n') return i + 4;
        i++;
    }
    return 0;
}

static ew__http_method method_of(const char *s, size_t n)
{
    static const struct {
        const char *name;
        ew__http_method m;
    } tab[] = {{"GET", EW__HTTP_GET}, {"HEAD", EW__HTTP_HEAD},     {"POST", EW__HTTP_POST},
               {"PUT", EW__HTTP_PUT}, {"DELETE", EW__HTTP_DELETE}, {"OPTIONS", EW__HTTP_OPTIONS}};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strlen(tab[i].name) == n && !memcmp(tab[i].name, s, n)) return tab[i].m;
    return EW__HTTP_OTHER;
}

/* "METHOD SP origin-form SP HTTP/1.x CRLF"; returns the offset after it. */
static int parse_request_line(const char *buf, size_t len, ew__http_head *h, size_t *off,
                              ew__http_fault *f)
{
    size_t i = 0;
    while (i < len && is_tchar((unsigned char)buf[i]))
        i++;
    if (i == 0 || i >= len || buf[i] != ' ') return fault(f, 400, "malformed request line");
    h->method_str = buf;
    h->method_len = i;
    h->method = method_of(buf, i);
    size_t t0 = ++i;
    while (i < len && buf[i] != ' ') {
        unsigned char c = (unsigned char)buf[i];
        if (c <= 0x20 || c == 0x7f) return fault(f, 400, "malformed request target");
        i++;
    }
    if (i == t0 || i >= len) return fault(f, 400, "malformed request line");
    if (buf[t0] != '/') return fault(f, 400, "the request target must be an absolute path");
    h->path = buf + t0;
    h->path_len = i - t0;
    const char *q = memchr(h->path, '?', h->path_len);
    if (q) {
        h->query = q + 1;
        h->query_len = (size_t)(h->path + h->path_len - h->query);
        h->path_len = (size_t)(q - h->path);
    }
    i++;
    if (len - i < 10 || memcmp(buf + i, "HTTP/", 5) != 0 || buf[i + 6] != '.' ||
        buf[i + 8] != '\r' || buf[i + 9] != '\n')
        return fault(f, 400, "malformed HTTP version");
    char major = buf[i + 5], minor = buf[i + 7];
    if (major < '0' || major > '9' || minor < '0' || minor > '9')
        return fault(f, 400, "malformed HTTP version");
    if (major != '1' || (minor != '0' && minor != '1'))
        return fault(f, 505, "only HTTP/1.0 and HTTP/1.1 are supported");
    h->minor = minor - '0';
    *off = i + 10;
    return 0;
}

/* One "name: value CRLF" line at buf[*off]; the caller has checked it is not
 * the blank line. */
static int parse_header_line(const char *buf, size_t len, size_t *off, ew__http_head *h,
                             ew__http_fault *f)
{
    size_t i = *off;
    if (buf[i] == ' ' || buf[i] == '\t')
        return fault(f, 400, "obsolete header line folding is not accepted");
    size_t n0 = i;
    while (i < len && is_tchar((unsigned char)buf[i]))
        i++;
    if (i == n0 || i >= len || buf[i] != ':') return fault(f, 400, "malformed header field");
    if (h->n_headers == EW__HTTP_MAX_HEADERS) return fault(f, 431, "too many header fields");
    ew__http_header *hd = &h->headers[h->n_headers++];
    hd->name = buf + n0;
    hd->name_len = i - n0;
    i++;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
        i++;
    size_t v0 = i;
    while (i < len && buf[i] != '\r') {
        if (!is_field_char((unsigned char)buf[i]))
            return fault(f, 400, "invalid byte in a header value");
        i++;
    }
    if (i + 1 >= len || buf[i + 1] != '\n') return fault(f, 400, "header lines must end with CRLF");
    size_t v1 = i;
    while (v1 > v0 && (buf[v1 - 1] == ' ' || buf[v1 - 1] == '\t'))
        v1--;
    hd->value = buf + v0;
    hd->value_len = v1 - v0;
    *off = i + 2;
    return 0;
}

static int parse_content_length(const ew__http_header *hd, ew__http_head *h, ew__http_fault *f)
{
    if (hd->value_len == 0 || hd->value_len > 18) return fault(f, 400, "invalid Content-Length");
    int64_t v = 0;
    for (size_t i = 0; i < hd->value_len; i++) {
        char c = hd->value[i];
        if (c < '0' || c > '9') return fault(f, 400, "invalid Content-Length");
        v = v * 10 + (c - '0');
    }
    if (h->content_length >= 0 && h->content_length != v)
        return fault(f, 400, "conflicting Content-Length headers");
    h->content_length = v;
    return 0;
}

/* Connection: a comma-separated list of options; we act on close/keep-alive. */
static void parse_connection(const ew__http_header *hd, ew__http_head *h)
{
    const char *p = hd->value, *end = hd->value + hd->value_len;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
            p++;
        const char *t = p;
        while (p < end && *p != ',' && *p != ' ' && *p != '\t')
            p++;
        if (eq_nocase(t, (size_t)(p - t), "close"))
            h->keep_alive = false;
        else if (eq_nocase(t, (size_t)(p - t), "keep-alive") && h->minor == 0)
            h->keep_alive = true;
    }
}

static int apply_headers(ew__http_head *h, int64_t max_body, ew__http_fault *f)
{
    bool has_host = false, has_te = false;
    for (int i = 0; i < h->n_headers; i++) {
        const ew__http_header *hd = &h->headers[i];
        if (eq_nocase(hd->name, hd->name_len, "content-length")) {
            if (parse_content_length(hd, h, f)) return -1;
        } else if (eq_nocase(hd->name, hd->name_len, "transfer-encoding")) {
            if (has_te || !eq_nocase(hd->value, hd->value_len, "chunked"))
                return fault(f, 501, "only the chunked transfer coding is supported");
            has_te = true;
        } else if (eq_nocase(hd->name, hd->name_len, "host")) {
            has_host = true;
        } else if (eq_nocase(hd->name, hd->name_len, "connection")) {
            parse_connection(hd, h);
        } else if (eq_nocase(hd->name, hd->name_len, "expect")) {
            if (!eq_nocase(hd->value, hd->value_len, "100-continue"))
                return fault(f, 417, "only the 100-continue expectation is supported");
            h->expect_continue = h->minor == 1;
        }
    }
    if (has_te && h->content_length >= 0)
        return fault(f, 400, "Content-Length together with Transfer-Encoding is refused");
    if (h->minor == 1 && !has_host) return fault(f, 400, "HTTP/1.1 requests need a Host header");
    h->chunked = has_te;
    if (h->content_length > max_body) return fault(f, 413, "request body too large");
    return 0;
}

int ew__http_parse_head(const char *buf, size_t len, int64_t max_body, ew__http_head *h,
                        ew__http_fault *f)
{
    /* The headers (2 KB) are read only up to n_headers, which follows them:
     * the rest is cleared. */
    _Static_assert(offsetof(ew__http_head, n_headers) ==
                       offsetof(ew__http_head, headers) + sizeof h->headers,
                   "n_headers follows the headers");
    memset(h, 0, offsetof(ew__http_head, headers));
    memset(&h->n_headers, 0, sizeof *h - offsetof(ew__http_head, n_headers));
    h->content_length = -1;
    size_t off = 0;
    if (parse_request_line(buf, len, h, &off, f)) return -1;
    h->keep_alive = h->minor == 1;
    while (off + 1 < len && !(buf[off] == '\r' && buf[off + 1] == '\n'))
        if (parse_header_line(buf, len, &off, h, f)) return -1;
    if (off + 2 != len) return fault(f, 400, "malformed header section");
    return apply_headers(h, max_body, f);
}

const ew__http_header *ew__http_find_header(const ew__http_head *h, const char *name)
{
    for (int i = 0; i < h->n_headers; i++)
        if (eq_nocase(h->headers[i].name, h->headers[i].name_len, name)) return &h->headers[i];
    return NULL;
}

bool ew__http_media_type_is(const char *value, size_t len, const char *type)
{
    size_t tn = strlen(type);
    if (len < tn || strncasecmp(value, type, tn) != 0) return false;
    return len == tn || value[tn] == ';' || value[tn] == ' ' || value[tn] == '\t';
}

/* ---- chunked transfer coding -------------------------------------------------- */

enum {
    CH_SIZE = 0, /* hex digits of the chunk size */
    CH_EXT,      /* chunk extensions, ignored up to CR */
    CH_SIZE_LF,
    CH_DATA,
    CH_DATA_CR,
    CH_DATA_LF,
    CH_TRAILER_START, /* at the start of a trailer line, or the final CRLF */
    CH_TRAILER,
    CH_TRAILER_LF,
    CH_END_LF,
};

#define CH_MAX_SIZE_LINE 256

void ew__http_chunked_init(ew__http_chunked *c)
{
    memset(c, 0, sizeof *c);
    c->state = CH_SIZE;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The size line: hex digits, optional ";ext", CRLF. */
static int chunk_size_byte(ew__http_chunked *c, char ch, size_t body_len, int64_t max_body,
                           ew__http_fault *f)
{
    if (++c->line_len > CH_MAX_SIZE_LINE) return fault(f, 400, "chunk size line too long");
    if (c->state == CH_SIZE) {
        int v = hexval(ch);
        if (v >= 0) {
            if (c->remaining >> 56) return fault(f, 400, "chunk size too large");
            c->remaining = c->remaining * 16 + (uint64_t)v;
            return 0;
        }
        if (c->line_len == 1) return fault(f, 400, "malformed chunk size");
        c->state = CH_EXT;
    }
    if (c->state == CH_EXT) {
        if (ch == '\r')
            c->state = CH_SIZE_LF;
        else if (!is_field_char((unsigned char)ch))
            return fault(f, 400, "malformed chunk extension");
        return 0;
    }
    /* CH_SIZE_LF */
    if (ch != '\n') return fault(f, 400, "chunk size line must end with CRLF");
    if (c->remaining > (uint64_t)max_body || body_len + c->remaining > (uint64_t)max_body)
        return fault(f, 413, "request body too large");
    c->line_len = 0;
    c->state = c->remaining ? CH_DATA : CH_TRAILER_START;
    return 0;
}

/* Trailer fields are read and dropped, within max_trailer bytes. */
static int trailer_byte(ew__http_chunked *c, char ch, size_t max_trailer, ew__http_fault *f)
{
    if (++c->trailer_bytes > max_trailer) return fault(f, 431, "chunked trailer too large");
    switch (c->state) {
    case CH_TRAILER_START:
        c->state = ch == '\r' ? CH_END_LF : CH_TRAILER;
        return 0;
    case CH_TRAILER:
        if (ch == '\r')
            c->state = CH_TRAILER_LF;
        else if (!is_field_char((unsigned char)ch))
            return fault(f, 400, "invalid byte in a chunked trailer");
        return 0;
    case CH_TRAILER_LF:
        if (ch != '\n') return fault(f, 400, "trailer lines must end with CRLF");
        c->state = CH_TRAILER_START;
        return 0;
    default: /* CH_END_LF */
        if (ch != '\n') return fault(f, 400, "chunked body must end with CRLF");
        return 1;
    }
}

int ew__http_chunked_feed(ew__http_chunked *c, char *buf, size_t len, size_t *pos, size_t *body_len,
                          int64_t max_body, size_t max_trailer, ew__http_fault *f)
{
    while (*pos < len) {
        if (c->state == CH_DATA) {
            size_t n = len - *pos;
            if (n > c->remaining) n = (size_t)c->remaining;
            memmove(buf + *body_len, buf + *pos, n);
            *body_len += n;
            *pos += n;
            c->remaining -= n;
            if (!c->remaining) c->state = CH_DATA_CR;
            continue;
        }
        char ch = buf[(*pos)++];
        int r = 0;
        if (c->state <= CH_SIZE_LF) {
            r = chunk_size_byte(c, ch, *body_len, max_body, f);
        } else if (c->state == CH_DATA_CR || c->state == CH_DATA_LF) {
            if (ch != (c->state == CH_DATA_CR ? '\r' : '\n'))
                return fault(f, 400, "chunk data must end with CRLF");
            c->state = c->state == CH_DATA_CR ? CH_DATA_LF : CH_SIZE;
        } else {
            r = trailer_byte(c, ch, max_trailer, f);
        }
        if (r) return r;
    }
    return 0;
}

bool ew__request_id_ok(const char *s, size_t len)
{
    if (len == 0 || len > EW__REQUEST_ID_MAX) return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok) return false;
    }
    return true;
}

const char *ew__http_reason(int status)
{
    static const struct {
        int status;
        const char *text;
    } tab[] = {
        {100, "Continue"},
        {200, "OK"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {409, "Conflict"},
        {411, "Length Required"},
        {413, "Content Too Large"},
        {415, "Unsupported Media Type"},
        {417, "Expectation Failed"},
        {422, "Unprocessable Content"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {499, "Client Closed Request"},
        {500, "Internal Server Error"},
        {501, "Unsupported Transfer Coding"}, /* the only 501 we send */
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
        {505, "HTTP Version Not Supported"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (tab[i].status == status) return tab[i].text;
    return "Unknown";
}
