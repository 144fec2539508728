/* Split inference without the executor: sanitize, restore, and the vault
 * store (see split.h). */
#include <mbedtls/sha256.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/json.h"
#include "gateway/metrics.h"
#include "gateway/split.h"

/* A JSON-in-string (tool call arguments) is walked this many levels deep;
 * deeper strings are scanned as text. */
#define NESTED_JSON_MAX 2
/* Stream restorers for tool calls, by index; more calls restore per delta. */
#define MAX_TOOL_STREAMS 8

/* ---- options ------------------------------------------------------------------------ */

static uint32_t type_mask(const char *const *names, int n)
{
    uint32_t m = 0;
    for (int i = 0; i < n; i++) {
        int t = ew_pii_type_from_name(names[i], strlen(names[i]));
        if (t >= 0) m |= EW_PII_BIT(t);
    }
    return m;
}

void ew__split_opts_from_config(const ew_config *cfg, ew__split_opts *o)
{
    const ew_routing_cfg *r = cfg->routing;
    o->never = type_mask(r->never_remote, r->n_never_remote);
    o->replace = o->never | (r->split.n_types ? type_mask(r->split.types, r->split.n_types)
                                              : (uint32_t)EW_PII_ALL);
}

/* ---- sanitizing text ------------------------------------------------------------------ */

/* Output into arena memory sized up front. */
typedef struct abuf {
    char *p;
    size_t len, cap;
} abuf;

static int abuf_write(void *user, const char *data, size_t len)
{
    abuf *b = user;
    if (len > b->cap - b->len) return EW_ERR_TOO_LARGE;
    memcpy(b->p + b->len, data, len);
    b->len += len;
    return EW_OK;
}

static int scan_failed(ew_error *err)
{
    return ew__error_set(err, EW_ERR_DENIED,
                         "a part of the request could not be scanned for personal data");
}

/* Keeps the spans of replaced types, in place; returns how many. */
static int keep_replaced(const ew__split_opts *o, ew_pii_result *res, ew__split_stats *st)
{
    int n = 0;
    for (int i = 0; i < res->n; i++) {
        ew_pii_type t = res->spans[i].type;
        st->found |= EW_PII_BIT(t);
        if (!(o->replace & EW_PII_BIT(t))) continue;
        st->replaced |= EW_PII_BIT(t);
        res->spans[n++] = res->spans[i];
    }
    if (res->n > st->max_count) st->max_count = (uint16_t)(res->n > 65535 ? 65535 : res->n);
    return n;
}

/* Compares what a restore writes with its input: a difference means the
 * input named one of the vault's placeholders. */
typedef struct same_check {
    const char *text;
    size_t len, pos;
    bool differs;
} same_check;

static int same_write(void *user, const char *data, size_t len)
{
    same_check *c = user;
    if (c->differs || len > c->len - c->pos || memcmp(c->text + c->pos, data, len)) {
        c->differs = true;
        return EW_ERR_CANCELLED; /* stops the restore */
    }
    c->pos += len;
    return EW_OK;
}

/* Client text never holds our placeholders (answers reach it restored). One
 * that does could make the cloud echo it and the restore reveal the value
 * to whoever shares the conversation's key, so such a request is refused. */
static bool names_placeholder(const ew_pii_vault *v, const char *text, size_t len)
{
    if (!ew_pii_vault_size(v) || !memchr(text, '_', len)) return false;
    same_check c = {text, len, 0, false};
    ew_pii_vault_restore(v, text, len, same_write, &c, NULL);
    return c.differs;
}

int ew__split_sanitize_text(const ew__split_opts *o, ew_pii_vault *v, const char *text, size_t len,
                            ew_arena *a, const char **out, size_t *out_len, ew__split_stats *st,
                            ew_error *err)
{
    if (!o->scanner)
        return ew__error_set(err, EW_ERR_UNAVAILABLE, "PII detection is off: nothing can be split");
    *out = text ? text : "";
    *out_len = text ? len : 0;
    if (!text || !len) return EW_OK;
    if (names_placeholder(v, text, len))
        return ew__error_set(err, EW_ERR_DENIED,
                             "the request names a placeholder of this conversation");
    ew_pii_result res;
    ew_pii_result_init(&res);
    int st_scan = ew_pii_scan(o->scanner, text, len, &res);
    int rc = EW_OK;
    if (st_scan || res.failed_closed) {
        rc = scan_failed(err);
        goto out;
    }
    int n = keep_replaced(o, &res, st);
    if (!n) goto out;
    /* A placeholder is at most EW_PII_PLACEHOLDER_MAX bytes and a span at least one. */
    abuf b = {.cap = len + (size_t)n * EW_PII_PLACEHOLDER_MAX};
    b.p = ew_arena_alloc(a, b.cap + 1);
    if (!b.p) {
        rc = ew__error_set(err, EW_ERR_NOMEM, "out of memory sanitizing the request");
        goto out;
    }
    rc = ew_pii_vault_pseudonymize(v, text, len, res.spans, n, abuf_write, &b);
    if (rc) {
        rc = ew__error_set(err, rc,
                           rc == EW_ERR_TOO_LARGE ? "the conversation's vault is full"
                                                  : "pseudonymization failed (%s)",
                           ew_strerror(rc));
        goto out;
    }
    b.p[b.len] = '\0';
    st->placeholders += n;
    *out = b.p;
    *out_len = b.len;
out:
    ew_pii_result_cleanup(&res);
    return rc;
}

/* ---- sanitizing JSON ------------------------------------------------------------------- */

typedef struct jwalk {
    const ew__split_opts *o;
    ew_pii_vault *v;
    ew_arena *a;
    ew__split_stats *st;
    ew_error *err;
} jwalk;

static int sanitize_json_in(jwalk *j, const char *json, size_t len, int nested, const char **out,
                            size_t *out_len);

static bool looks_like_json(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        n--;
    }
    return n && (*s == '{' || *s == '[');
}

/* A string value: JSON inside is walked (when it parses), else it is text. */
static int walk_string(jwalk *j, const ew_json_doc *doc, int v, int nested, ew_jw *w, bool key)
{
    size_t n;
    char *s = ew_json_string(doc, v, j->a, &n);
    if (!s) return ew__error_set(j->err, EW_ERR_NOMEM, "out of memory sanitizing the request");
    const char *clean;
    size_t clean_len;
    int rc = EW_ERR_PARSE;
    if (!key && nested > 0 && looks_like_json(s, n))
        rc = sanitize_json_in(j, s, n, nested - 1, &clean, &clean_len);
    if (rc == EW_ERR_PARSE || rc == EW_ERR_UTF8)
        rc = ew__split_sanitize_text(j->o, j->v, s, n, j->a, &clean, &clean_len, j->st, j->err);
    if (rc) return rc;
    if (key)
        ew_jw_keyn(w, clean, clean_len);
    else
        ew_jw_stringn(w, clean, clean_len);
    return EW_OK;
}

/* Depth is bounded by the parser's depth cap. */
static int walk_value(jwalk *j, const ew_json_doc *doc, int v, int nested, ew_jw *w)
{
    ew_json_type t = ew_json_type_of(doc, v);
    int rc = EW_OK;
    if (t == EW_JSON_STRING) return walk_string(j, doc, v, nested, w, false);
    if (t == EW_JSON_OBJECT) {
        ew_jw_object_begin(w);
        for (int k = ew_json_first(doc, v); k >= 0 && !rc; k = ew_json_next(doc, k)) {
            rc = walk_string(j, doc, k, nested, w, true);
            if (!rc) rc = walk_value(j, doc, ew_json_member_value(doc, k), nested, w);
        }
        ew_jw_object_end(w);
        return rc;
    }
    if (t == EW_JSON_ARRAY) {
        ew_jw_array_begin(w);
        for (int e = ew_json_first(doc, v); e >= 0 && !rc; e = ew_json_next(doc, e))
            rc = walk_value(j, doc, e, nested, w);
        ew_jw_array_end(w);
        return rc;
    }
    size_t n;
    const char *raw = ew_json_raw(doc, v, &n); /* numbers, true, false, null */
    ew_jw_raw(w, raw, n);
    return EW_OK;
}

static int sanitize_json_in(jwalk *j, const char *json, size_t len, int nested, const char **out,
                            size_t *out_len)
{
    ew_json_doc doc;
    ew_error perr;
    int rc = ew_json_parse(&doc, json, len, NULL, &perr);
    if (rc) return rc; /* the caller decides: text, or a failure */
    ew_buf b;
    /* Placeholders may be longer than what they replace. */
    ew_buf_init(&b, len * 8 + 4096);
    ew_jw w;
    ew_jw_init(&w, &b);
    rc = walk_value(j, &doc, 0, nested, &w);
    if (!rc && w.status)
        rc = ew__error_set(j->err, w.status, "sanitized JSON: %s", ew_strerror(w.status));
    if (!rc) {
        char *c = ew_arena_strndup(j->a, b.data ? b.data : "", b.len);
        if (!c) rc = ew__error_set(j->err, EW_ERR_NOMEM, "out of memory sanitizing the request");
        *out = c;
        *out_len = b.len;
    }
    ew_buf_cleanup(&b);
    ew_json_doc_cleanup(&doc);
    return rc;
}

int ew__split_sanitize_json(const ew__split_opts *o, ew_pii_vault *v, const char *json, size_t len,
                            ew_arena *a, const char **out, size_t *out_len, ew__split_stats *st,
                            ew_error *err)
{
    jwalk j = {o, v, a, st, err};
    if (!o->scanner)
        return ew__error_set(err, EW_ERR_UNAVAILABLE, "PII detection is off: nothing can be split");
    int rc = sanitize_json_in(&j, json, len, NESTED_JSON_MAX, out, out_len);
    if (rc == EW_ERR_PARSE || rc == EW_ERR_UTF8)
        return ew__error_set(err, EW_ERR_DENIED, "a JSON field of the request cannot be walked");
    return rc;
}

/* ---- sanitizing a request ----------------------------------------------------------------- */

static int text_field(jwalk *j, const char **s, size_t *len)
{
    if (!*s) return EW_OK;
    size_t n = len ? *len : strlen(*s), out_len;
    int rc = ew__split_sanitize_text(j->o, j->v, *s, n, j->a, s, &out_len, j->st, j->err);
    if (len) *len = out_len;
    return rc;
}

static int json_field(jwalk *j, const char **s, size_t *len)
{
    if (!*s || !*len) return EW_OK;
    return ew__split_sanitize_json(j->o, j->v, *s, *len, j->a, s, len, j->st, j->err);
}

/* OpenAI allows only [A-Za-z0-9_-] in a name: "[PERSON_1]" goes as
 * "PERSON_1", which the vault still restores. */
static void strip_brackets(char *s)
{
    char *w = s;
    for (; *s; s++)
        if (*s != '[' && *s != ']') *w++ = *s;
    *w = '\0';
}

/* The serializer sends the joined content, so that is what gets scanned (a
 * value cut across two parts is found whole); it becomes the only part. */
static int sanitize_message(jwalk *j, ew_message *m)
{
    int rc = text_field(j, &m->content, &m->content_len);
    if (!rc && m->n_parts) {
        ew_text_part *p = ew_arena_alloc(j->a, sizeof *p);
        if (!p) return ew__error_set(j->err, EW_ERR_NOMEM, "out of memory");
        p->text = m->content;
        p->len = m->content_len;
        m->parts = p;
        m->n_parts = 1;
    }
    const char *name = m->name;
    if (!rc) rc = text_field(j, &m->name, NULL);
    if (!rc && m->name != name) strip_brackets((char *)m->name); /* our arena copy */
    if (!rc) rc = text_field(j, &m->tool_call_id, NULL);
    if (!rc) rc = json_field(j, &m->tool_calls_json, &m->tool_calls_json_len);
    return rc;
}

int ew__split_sanitize(const ew__split_opts *o, ew_pii_vault *v, const ew_request *in, ew_arena *a,
                       ew_request *out, ew__split_stats *st, ew_error *err)
{
    jwalk j = {o, v, a, st, err};
    *out = *in;
    if (!o->scanner)
        return ew__error_set(err, EW_ERR_UNAVAILABLE, "PII detection is off: nothing can be split");
    if (in->n_messages > 0) {
        out->messages = ew_arena_alloc(a, (size_t)in->n_messages * sizeof *out->messages);
        if (!out->messages) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
        memcpy(out->messages, in->messages, (size_t)in->n_messages * sizeof *out->messages);
    }
    int rc = EW_OK;
    for (int i = 0; i < in->n_messages && !rc; i++)
        rc = sanitize_message(&j, &out->messages[i]);
    if (!rc) rc = text_field(&j, &out->prompt, &out->prompt_len);
    if (!rc) rc = text_field(&j, &out->user, NULL);
    for (int i = 0; i < out->n_stop && !rc; i++)
        rc = text_field(&j, &out->stop[i], NULL);
    if (!rc) rc = json_field(&j, &out->tools_json, &out->tools_json_len);
    if (!rc) rc = json_field(&j, &out->tool_choice_json, &out->tool_choice_json_len);
    if (!rc) rc = json_field(&j, &out->response_format_json, &out->response_format_json_len);
    if (!rc) rc = json_field(&j, &out->logit_bias_json, &out->logit_bias_json_len);
    return rc;
}

/* ---- restoring ---------------------------------------------------------------------------- */

typedef struct tool_stream {
    int64_t index;
    ew_pii_stream *s;
} tool_stream;

struct ew__split_restorer {
    const ew_pii_vault *v;
    ew_pii_stream *text;
    tool_stream tools[MAX_TOOL_STREAMS];
    int n_tools;
    int misses; /* outside the streams */
};

ew__split_restorer *ew__split_restorer_new(const ew_pii_vault *v)
{
    ew__split_restorer *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->v = v;
    r->text = ew_pii_stream_new(v);
    if (!r->text) {
        free(r);
        return NULL;
    }
    return r;
}

void ew__split_restorer_free(ew__split_restorer *r)
{
    if (!r) return;
    ew_pii_stream_free(r->text);
    for (int i = 0; i < r->n_tools; i++)
        ew_pii_stream_free(r->tools[i].s);
    free(r);
}

int ew__split_restore_text(ew__split_restorer *r, const char *text, size_t len,
                           ew_pii_write_fn write, void *user)
{
    return ew_pii_stream_push(r->text, text, len, write, user);
}

int ew__split_restore_finish(ew__split_restorer *r, ew_pii_write_fn write, void *user)
{
    return ew_pii_stream_finish(r->text, write, user);
}

int ew__split_restore_misses(const ew__split_restorer *r)
{
    int n = r->misses + ew_pii_stream_misses(r->text);
    for (int i = 0; i < r->n_tools; i++)
        n += ew_pii_stream_misses(r->tools[i].s);
    return n;
}

static int buf_write(void *user, const char *data, size_t len)
{
    return ew_buf_append(user, data, len);
}

/* A string restored whole (or through s, a stream, when given). */
static int restore_string(ew__split_restorer *r, const ew_json_doc *doc, int v, ew_pii_stream *s,
                          ew_buf *tmp, ew_jw *w, bool key)
{
    ew_buf_reset(tmp);
    ew_buf raw;
    ew_buf_init(&raw, tmp->max);
    int rc = ew_json_string_buf(doc, v, &raw);
    if (!rc) {
        const char *d = raw.data ? raw.data : "";
        rc = s ? ew_pii_stream_push(s, d, raw.len, buf_write, tmp)
               : ew_pii_vault_restore(r->v, d, raw.len, buf_write, tmp, &r->misses);
    }
    ew_buf_cleanup(&raw);
    if (rc) return rc;
    const char *d = tmp->data ? tmp->data : "";
    if (key)
        ew_jw_keyn(w, d, tmp->len);
    else
        ew_jw_stringn(w, d, tmp->len);
    return EW_OK;
}

static ew_pii_stream *tool_stream_for(ew__split_restorer *r, int64_t index)
{
    for (int i = 0; i < r->n_tools; i++)
        if (r->tools[i].index == index) return r->tools[i].s;
    if (r->n_tools == MAX_TOOL_STREAMS) return NULL;
    ew_pii_stream *s = ew_pii_stream_new(r->v);
    if (!s) return NULL;
    r->tools[r->n_tools++] = (tool_stream){index, s};
    return s;
}

typedef struct rwalk {
    ew__split_restorer *r;
    const ew_json_doc *doc;
    ew_buf *tmp;
    ew_jw *w;
} rwalk;

/* Every string restored; the one at `stream_at` goes through stream s. */
static int restore_value(rwalk *k, int v, int stream_at, ew_pii_stream *s)
{
    ew_json_type t = ew_json_type_of(k->doc, v);
    int rc = EW_OK;
    if (t == EW_JSON_STRING)
        return restore_string(k->r, k->doc, v, v == stream_at ? s : NULL, k->tmp, k->w, false);
    if (t == EW_JSON_OBJECT) {
        ew_jw_object_begin(k->w);
        for (int m = ew_json_first(k->doc, v); m >= 0 && !rc; m = ew_json_next(k->doc, m)) {
            rc = restore_string(k->r, k->doc, m, NULL, k->tmp, k->w, true);
            if (!rc) rc = restore_value(k, ew_json_member_value(k->doc, m), stream_at, s);
        }
        ew_jw_object_end(k->w);
        return rc;
    }
    if (t == EW_JSON_ARRAY) {
        ew_jw_array_begin(k->w);
        for (int e = ew_json_first(k->doc, v); e >= 0 && !rc; e = ew_json_next(k->doc, e)) {
            int at = stream_at == -2 ? -1 : stream_at, sv = -1;
            ew_pii_stream *es = s;
            int64_t idx;
            /* A stream delta: each call's arguments go through its own restorer. */
            if (stream_at == -2 && ew_json_type_of(k->doc, e) == EW_JSON_OBJECT &&
                !ew_json_int64(k->doc, ew_json_get(k->doc, e, "index"), &idx) &&
                (sv = ew_json_path(k->doc, e, "function.arguments")) >= 0 &&
                ew_json_type_of(k->doc, sv) == EW_JSON_STRING) {
                es = tool_stream_for(k->r, idx);
                at = es ? sv : -1;
            }
            rc = restore_value(k, e, at, es);
        }
        ew_jw_array_end(k->w);
        return rc;
    }
    size_t n;
    const char *raw = ew_json_raw(k->doc, v, &n);
    ew_jw_raw(k->w, raw, n);
    return EW_OK;
}

int ew__split_restore_tool_calls(ew__split_restorer *r, const char *json, size_t len, bool stream,
                                 ew_buf *out)
{
    ew_buf_reset(out);
    ew_json_doc doc;
    ew_error perr;
    int rc = ew_json_parse(&doc, json, len, NULL, &perr);
    if (rc) return rc;
    ew_buf tmp;
    ew_buf_init(&tmp, out->max);
    ew_jw w;
    ew_jw_init(&w, out);
    rwalk k = {r, &doc, &tmp, &w};
    rc = restore_value(&k, 0, stream ? -2 : -1, NULL);
    if (!rc) rc = w.status;
    ew_buf_cleanup(&tmp);
    ew_json_doc_cleanup(&doc);
    return rc;
}

int ew__split_restore_tool_tail(ew__split_restorer *r, ew_buf *out)
{
    ew_buf_reset(out);
    ew_buf held;
    ew_buf_init(&held, EW_PII_PLACEHOLDER_MAX * 4 + 64);
    ew_jw w;
    ew_jw_init(&w, out);
    int rc = EW_OK, n = 0;
    for (int i = 0; i < r->n_tools && !rc; i++) {
        ew_buf_reset(&held);
        rc = ew_pii_stream_finish(r->tools[i].s, buf_write, &held);
        if (rc || !held.len) continue;
        if (!n++) ew_jw_array_begin(&w);
        ew_jw_object_begin(&w);
        ew_jw_key(&w, "index");
        ew_jw_int(&w, r->tools[i].index);
        ew_jw_key(&w, "function");
        ew_jw_object_begin(&w);
        ew_jw_key(&w, "arguments");
        ew_jw_stringn(&w, held.data, held.len);
        ew_jw_object_end(&w);
        ew_jw_object_end(&w);
    }
    if (n) ew_jw_array_end(&w);
    ew_buf_cleanup(&held);
    return rc ? rc : w.status;
}

/* ---- conversations ----------------------------------------------------------------------- */

static void hash_str(mbedtls_sha256_context *c, const char *s, size_t n)
{
    uint8_t len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (uint8_t)((uint64_t)n >> (8 * i));
    mbedtls_sha256_update_ret(c, len, sizeof len); /* length-prefixed: no ambiguity */
    if (n) mbedtls_sha256_update_ret(c, (const unsigned char *)s, n);
}

void ew__split_conversation_key(const char *tenant, const char *key, const char *conversation,
                                size_t conversation_len, const ew_request *req,
                                uint8_t out[EW__SPLIT_KEY_LEN])
{
    mbedtls_sha256_context c;
    mbedtls_sha256_init(&c);
    mbedtls_sha256_starts_ret(&c, 0);
    hash_str(&c, "edgeway-split-1", 15);
    hash_str(&c, tenant ? tenant : "", tenant ? strlen(tenant) : 0);
    hash_str(&c, key ? key : "", key ? strlen(key) : 0);
    if (conversation) {
        hash_str(&c, "id", 2);
        hash_str(&c, conversation, conversation_len);
    } else {
        const ew_message *sys = NULL, *user = NULL;
        for (int i = 0; i < req->n_messages; i++) {
            const ew_message *m = &req->messages[i];
            if (!sys && (m->role == EW_ROLE_SYSTEM || m->role == EW_ROLE_DEVELOPER)) sys = m;
            if (!user && m->role == EW_ROLE_USER) user = m;
        }
        hash_str(&c, "first", 5);
        hash_str(&c, sys ? sys->content : "", sys ? sys->content_len : 0);
        hash_str(&c,
                 user          ? user->content
                 : req->prompt ? req->prompt
                               : "",
                 user          ? user->content_len
                 : req->prompt ? req->prompt_len
                               : 0);
    }
    mbedtls_sha256_finish_ret(&c, out);
    mbedtls_sha256_free(&c);
}

typedef struct slot {
    uint8_t key[EW__SPLIT_KEY_LEN];
    ew_pii_vault *v;
    int refs;
    int64_t used_ms;
} slot;

struct ew__vault_store {
    slot *slots; /* (n) live; (cap) allocated */
    int n, cap;
};

ew__vault_store *ew__vault_store_new(void)
{
    return calloc(1, sizeof(ew__vault_store));
}

static void drop(ew__vault_store *s, int i)
{
    ew_pii_vault_free(s->slots[i].v); /* zeroes the values */
    s->slots[i] = s->slots[--s->n];
    memset(&s->slots[s->n], 0, sizeof s->slots[s->n]);
}

void ew__vault_store_free(ew__vault_store *s)
{
    if (!s) return;
    while (s->n)
        drop(s, s->n - 1);
    free(s->slots);
    free(s);
}

int ew__vault_store_size(const ew__vault_store *s)
{
    return s->n;
}

/* Drops expired idle vaults, then idle ones past the limit, oldest first. */
static void sweep(ew__vault_store *s, const ew__vault_store_limits *lim, int64_t now_ms, int room)
{
    for (int i = s->n - 1; i >= 0; i--)
        if (!s->slots[i].refs && now_ms - s->slots[i].used_ms > lim->ttl_ms) drop(s, i);
    while (s->n + room > lim->max_conversations) {
        int old = -1;
        for (int i = 0; i < s->n; i++)
            if (!s->slots[i].refs && (old < 0 || s->slots[i].used_ms < s->slots[old].used_ms))
                old = i;
        if (old < 0) return;
        drop(s, old);
    }
}

ew_pii_vault *ew__vault_store_get(ew__vault_store *s, const ew__vault_store_limits *lim,
                                  const uint8_t key[EW__SPLIT_KEY_LEN], int64_t now_ms)
{
    for (int i = 0; i < s->n; i++) {
        slot *e = &s->slots[i];
        if (memcmp(e->key, key, EW__SPLIT_KEY_LEN)) continue;
        if (!e->refs && now_ms - e->used_ms > lim->ttl_ms) {
            drop(s, i); /* expired: a fresh vault, as for a new conversation */
            break;
        }
        e->refs++;
        e->used_ms = now_ms;
        return e->v;
    }
    sweep(s, lim, now_ms, 1);
    if (s->n >= lim->max_conversations) return NULL;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        slot *ns = realloc(s->slots, (size_t)cap * sizeof *ns);
        if (!ns) return NULL;
        s->slots = ns;
        s->cap = cap;
    }
    ew_pii_vault *v = ew_pii_vault_new(lim->vault_bytes);
    if (!v) return NULL;
    slot *e = &s->slots[s->n++];
    memcpy(e->key, key, EW__SPLIT_KEY_LEN);
    e->v = v;
    e->refs = 1;
    e->used_ms = now_ms;
    return v;
}

void ew__vault_store_release(ew__vault_store *s, ew_pii_vault *v)
{
    for (int i = 0; i < s->n; i++)
        if (s->slots[i].v == v) {
            if (s->slots[i].refs > 0) s->slots[i].refs--;
            return;
        }
}

/* ---- state and metrics --------------------------------------------------------------------- */

static const int ph_bounds[EW__SPLIT_PH_BUCKETS] = {0, 1, 2, 4, 8, 16, 32, 64, 128};

ew__split_state *ew__split_state_new(void)
{
    ew__split_state *s = calloc(1, sizeof *s);
    if (s && !(s->store = ew__vault_store_new())) {
        free(s);
        return NULL;
    }
    return s;
}

void ew__split_state_free(ew__split_state *s)
{
    if (!s) return;
    ew__vault_store_free(s->store);
    free(s);
}

void ew__split_note_placeholders(ew__split_state *s, int n)
{
    int b = 0;
    while (b < EW__SPLIT_PH_BUCKETS && n > ph_bounds[b])
        b++;
    s->placeholders[b]++;
    s->placeholders_sum += (uint64_t)(n > 0 ? n : 0);
    s->placeholders_n++;
}

void ew__split_metrics_render(const ew__split_state *s, ew_buf *out)
{
    static const ew__split_state zero;
    static const char *const modes[EW__SPLIT_RAN_COUNT] = {"pseudonymize", "local-prefix"};
    if (!s) s = &zero;
    ew__prom_help(out, "edgeway_split_requests_total", "counter",
                  "Requests the split route sent to the cloud, by the mode that ran.");
    for (int m = 0; m < EW__SPLIT_RAN_COUNT; m++)
        ew__prom_value(out, "edgeway_split_requests_total", "mode", modes[m],
                       (double)s->requests[m]);
    ew__prom_help(out, "edgeway_split_placeholders", "histogram",
                  "Placeholders put into one split request.");
    uint64_t cum = 0;
    for (int b = 0; b <= EW__SPLIT_PH_BUCKETS; b++) {
        cum += s->placeholders[b];
        if (b < EW__SPLIT_PH_BUCKETS)
            ew_buf_printf(out, "edgeway_split_placeholders_bucket{le=\"%d\"} %llu\n", ph_bounds[b],
                          (unsigned long long)cum);
        else
            ew_buf_printf(out, "edgeway_split_placeholders_bucket{le=\"+Inf\"} %llu\n",
                          (unsigned long long)cum);
    }
    ew__prom_value(out, "edgeway_split_placeholders_sum", NULL, NULL, (double)s->placeholders_sum);
    ew__prom_value(out, "edgeway_split_placeholders_count", NULL, NULL, (double)s->placeholders_n);
    ew__prom_help(out, "edgeway_split_restore_misses_total", "counter",
                  "Placeholders in cloud answers that the conversation's vault does not hold.");
    ew__prom_value(out, "edgeway_split_restore_misses_total", NULL, NULL,
                   (double)s->restore_misses);
    ew__prom_help(out, "edgeway_split_rescan_fallbacks_total", "counter",
                  "Local-prefix contexts that could not be made safe to send: answered locally.");
    ew__prom_value(out, "edgeway_split_rescan_fallbacks_total", NULL, NULL,
                   (double)s->rescan_fallbacks);
    ew__prom_help(out, "edgeway_split_kept_local_total", "counter",
                  "Split requests that could not be sanitized and stayed on the device.");
    ew__prom_value(out, "edgeway_split_kept_local_total", NULL, NULL, (double)s->kept_local);
    ew__prom_help(out, "edgeway_split_conversations", "gauge",
                  "Conversation vaults held in memory.");
    ew__prom_value(out, "edgeway_split_conversations", NULL, NULL,
                   s->store ? (double)ew__vault_store_size(s->store) : 0);
}
