/* The difficulty model: the weights file format, strict loading, and scoring.
 *
 * Weights file (little-endian), version 1:
 *   0  u8[8]  magic "EWDIFF\r\n" (the CR/LF pair catches text-mode mangling)
 *   8  u32    format version (1)
 *  12  u32    header size (64)
 *  16  u32    feature set        20 u32 hash bits      24 u32 char n-gram mask
 *  28  u32    scan head bytes    32 u32 scan tail bytes
 *  36  u32    dense count        40 u32 table entries (1 << hash bits)
 *  44  f32    table scale (> 0)
 *  48  u64    FNV-1a 64 of the whole file with these 8 bytes zeroed
 *  56  u32    question types (5)
 *  60  f32    gain of the hashed features per question type (5)
 *  80  u8[16] reserved, zero
 *  96  f32    dense weights (dense count)
 *  ..  i16    sparse table (table entries); weight = value * scale
 * The file size must match exactly.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "router/difficulty.h"

#define MAGIC       "EWDIFF\r\n"
#define VERSION     1u
#define HEADER_SIZE 96u
#define SUM_OFFSET  48u

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
    return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

static void put_f32(unsigned char *p, float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    put_u32(p, v);
}

static float get_f32(const unsigned char *p)
{
    uint32_t v = get_u32(p);
    float f;
    memcpy(&f, &v, 4);
    return f;
}

static uint64_t file_sum(const unsigned char *data, size_t len)
{
    static const unsigned char zero[8];
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (i >= SUM_OFFSET && i < SUM_OFFSET + 8) ? zero[i - SUM_OFFSET] : data[i];
        h = (h ^ b) * 0x100000001b3ull;
    }
    return h;
}

/* Puts prefix in front of err's message, truncating the end if needed. */
static void error_prefix(ew_error *err, const char *prefix)
{
    if (!err) return;
    size_t cap = sizeof err->message - 1;
    size_t p = strlen(prefix), m = strlen(err->message);
    if (p > cap) p = cap;
    if (m > cap - p) m = cap - p;
    memmove(err->message + p, err->message, m);
    memcpy(err->message, prefix, p);
    err->message[p + m] = '\0';
}

static ew_difficulty *model_alloc(const ew__dcfg *cfg)
{
    ew_difficulty *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->cfg = *cfg;
    m->table = calloc((size_t)1 << cfg->hash_bits, sizeof *m->table);
    if (!m->table) {
        free(m);
        return NULL;
    }
    ew__dcues_init(&m->cues);
    return m;
}

void ew_difficulty_free(ew_difficulty *m)
{
    if (!m) return;
    free(m->table);
    free(m);
}

static int parse_header(const unsigned char *p, size_t len, ew__dcfg *cfg, float *scale,
                        ew_error *err)
{
    if (len < HEADER_SIZE)
        return ew__error_set(err, EW_ERR_PARSE, "weights: %zu bytes is shorter than the header",
                             len);
    if (memcmp(p, MAGIC, 8) != 0)
        return ew__error_set(err, EW_ERR_PARSE,
                             "weights: bad magic (not a difficulty weights file)");
    uint32_t version = get_u32(p + 8);
    if (version != VERSION)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "weights: format version %u, expected %u",
                             version, VERSION);
    if (get_u32(p + 12) != HEADER_SIZE)
        return ew__error_set(err, EW_ERR_PARSE, "weights: header size %u, expected %u",
                             get_u32(p + 12), HEADER_SIZE);
    cfg->feature_set = get_u32(p + 16);
    cfg->hash_bits = get_u32(p + 20);
    cfg->char_ngrams = get_u32(p + 24);
    cfg->scan_head = get_u32(p + 28);
    cfg->scan_tail = get_u32(p + 32);
    if (get_u32(p + 56) != EW__QT_COUNT)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "weights: %u question types, expected %d",
                             get_u32(p + 56), EW__QT_COUNT);
    for (int t = 0; t < EW__QT_COUNT; t++)
        cfg->type_gain[t] = get_f32(p + 60 + 4 * t);
    int st = ew__dcfg_check(cfg, err);
    if (st) {
        error_prefix(err, "weights: ");
        return st;
    }
    if (get_u32(p + 36) != EW__DF_N_DW)
        return ew__error_set(err, EW_ERR_UNSUPPORTED, "weights: %u dense weights, expected %d",
                             get_u32(p + 36), EW__DF_N_DW);
    if (get_u32(p + 40) != 1u << cfg->hash_bits)
        return ew__error_set(err, EW_ERR_PARSE,
                             "weights: table size %u does not match %u hash bits", get_u32(p + 40),
                             cfg->hash_bits);
    *scale = get_f32(p + 44);
    if (!isfinite(*scale) || *scale <= 0.0f)
        return ew__error_set(err, EW_ERR_PARSE, "weights: table scale is not a positive number");
    for (int i = 80; i < (int)HEADER_SIZE; i++)
        if (p[i])
            return ew__error_set(err, EW_ERR_PARSE, "weights: reserved header bytes are not zero");
    return EW_OK;
}

int ew_difficulty_load_mem(const void *data, size_t len, ew_difficulty **out, ew_error *err)
{
    *out = NULL;
    const unsigned char *p = data;
    if (len > EW_DIFFICULTY_MAX_FILE_BYTES)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "weights: %zu bytes exceeds the %u byte limit",
                             len, EW_DIFFICULTY_MAX_FILE_BYTES);
    ew__dcfg cfg;
    float scale = 0;
    int st = parse_header(p, len, &cfg, &scale, err);
    if (st) return st;
    size_t n_table = (size_t)1 << cfg.hash_bits;
    size_t want = HEADER_SIZE + 4u * EW__DF_N_DW + 2u * n_table;
    if (len != want)
        return ew__error_set(err, EW_ERR_PARSE,
                             "weights: file has %zu bytes, its header implies %zu", len, want);
    if (file_sum(p, len) != get_u64(p + SUM_OFFSET))
        return ew__error_set(err, EW_ERR_INTEGRITY, "weights: checksum mismatch (corrupt file)");

    ew_difficulty *m = model_alloc(&cfg);
    if (!m) return ew__error_set(err, EW_ERR_NOMEM, "weights: out of memory");
    m->scale = scale;
    const unsigned char *q = p + HEADER_SIZE;
    for (int i = 0; i < EW__DF_N_DW; i++, q += 4) {
        m->dense[i] = get_f32(q);
        if (!isfinite(m->dense[i]) || fabsf(m->dense[i]) > 1e6f) {
            ew_difficulty_free(m);
            return ew__error_set(err, EW_ERR_PARSE, "weights: dense weight %d is out of range", i);
        }
    }
    for (size_t i = 0; i < n_table; i++, q += 2)
        m->table[i] = (int16_t)(uint16_t)(q[0] | q[1] << 8);
    *out = m;
    return EW_OK;
}

int ew__dread_file(const char *path, size_t max, ew_buf *out, ew_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return ew__error_set(err, EW_ERR_IO, "%s: %s", path, strerror(errno));
    char chunk[65536];
    size_t n;
    int st = EW_OK;
    out->max = max;
    while (!st && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = ew_buf_append(out, chunk, n);
    if (!st && ferror(f))
        st = ew__error_set(err, EW_ERR_IO, "%s: read error", path);
    else if (st == EW_ERR_TOO_LARGE)
        ew__error_set(err, st, "%s: larger than %zu bytes", path, max);
    else if (st)
        ew__error_set(err, st, "%s: out of memory", path);
    fclose(f);
    return st;
}

int ew_difficulty_load(const char *path, ew_difficulty **out, ew_error *err)
{
    *out = NULL;
    ew_buf b;
    ew_buf_init(&b, EW_DIFFICULTY_MAX_FILE_BYTES);
    int st = ew__dread_file(path, EW_DIFFICULTY_MAX_FILE_BYTES, &b, err);
    if (!st) {
        st = ew_difficulty_load_mem(b.data ? b.data : "", b.len, out, err);
        if (st) {
            error_prefix(err, ": ");
            error_prefix(err, path);
        }
    }
    ew_buf_cleanup(&b);
    return st;
}

int ew_difficulty_open(const ew_difficulty_opts *opts, ew_difficulty **out, ew_error *err)
{
    *out = NULL;
    if (!opts || !opts->weights_path || !*opts->weights_path)
        return ew__error_set(err, EW_ERR_INVALID, "difficulty: no weights file given");
    return ew_difficulty_load(opts->weights_path, out, err);
}

int ew__difficulty_from_weights(const ew__dweights *w, ew_difficulty **out, ew_error *err)
{
    *out = NULL;
    int st = ew__dcfg_check(&w->cfg, err);
    if (st) return st;
    size_t n_table = (size_t)1 << w->cfg.hash_bits;
    double max = 0;
    for (size_t i = 0; i < n_table; i++) {
        if (!isfinite(w->sparse[i]))
            return ew__error_set(err, EW_ERR_INVALID, "weights: sparse weight %zu is not finite",
                                 i);
        max = fmax(max, fabs(w->sparse[i]));
    }
    for (int i = 0; i < EW__DF_N_DW; i++)
        if (!isfinite(w->dense[i]) || fabs(w->dense[i]) > 1e6)
            return ew__error_set(err, EW_ERR_INVALID, "weights: dense weight %d is out of range",
                                 i);
    ew_difficulty *m = model_alloc(&w->cfg);
    if (!m) return ew__error_set(err, EW_ERR_NOMEM, "weights: out of memory");
    m->scale = max > 0 ? (float)(max / 32767.0) : 1.0f;
    for (size_t i = 0; i < n_table; i++) {
        long q = lround(w->sparse[i] / m->scale);
        m->table[i] = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
    }
    for (int i = 0; i < EW__DF_N_DW; i++)
        m->dense[i] = (float)w->dense[i];
    *out = m;
    return EW_OK;
}

int ew__difficulty_save(const ew_difficulty *m, const char *path, ew_error *err)
{
    size_t n_table = (size_t)1 << m->cfg.hash_bits;
    size_t len = HEADER_SIZE + 4u * EW__DF_N_DW + 2u * n_table;
    unsigned char *p = calloc(1, len);
    if (!p) return ew__error_set(err, EW_ERR_NOMEM, "weights: out of memory");
    memcpy(p, MAGIC, 8);
    put_u32(p + 8, VERSION);
    put_u32(p + 12, HEADER_SIZE);
    put_u32(p + 16, m->cfg.feature_set);
    put_u32(p + 20, m->cfg.hash_bits);
    put_u32(p + 24, m->cfg.char_ngrams);
    put_u32(p + 28, m->cfg.scan_head);
    put_u32(p + 32, m->cfg.scan_tail);
    put_u32(p + 36, EW__DF_N_DW);
    put_u32(p + 40, (uint32_t)n_table);
    put_f32(p + 44, m->scale);
    put_u32(p + 56, EW__QT_COUNT);
    for (int t = 0; t < EW__QT_COUNT; t++)
        put_f32(p + 60 + 4 * t, m->cfg.type_gain[t]);
    unsigned char *q = p + HEADER_SIZE;
    for (int i = 0; i < EW__DF_N_DW; i++, q += 4)
        put_f32(q, m->dense[i]);
    for (size_t i = 0; i < n_table; i++, q += 2) {
        uint16_t v = (uint16_t)m->table[i];
        q[0] = (unsigned char)v;
        q[1] = (unsigned char)(v >> 8);
    }
    put_u64(p + SUM_OFFSET, file_sum(p, len));

    int st = EW_OK;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(p, 1, len, f) != len)
        st = ew__error_set(err, EW_ERR_IO, "%s: cannot write weights", path);
    if (f && fclose(f) != 0 && !st)
        st = ew__error_set(err, EW_ERR_IO, "%s: cannot write weights", path);
    free(p);
    return st;
}

double ew__difficulty_logit(const ew_difficulty *m, const ew_text_part *parts, int n_parts,
                            int depth)
{
    ew__dacc acc;
    memset(&acc, 0, sizeof acc);
    acc.table = m->table;
    float dense[EW__DF_N_DENSE];
    int type = ew__dextract(&m->cfg, &m->cues, parts, n_parts, depth, &acc, dense);
    const float *typed = m->dense + EW__DF_N_DENSE * (1 + type);
    double z = 0;
    for (int i = 0; i < EW__DF_N_DENSE; i++)
        z += ((double)m->dense[i] + typed[i]) * dense[i];
    double sparse = 0;
    for (int ns = 0; ns < EW__NS_COUNT; ns++)
        sparse += ew__dns_scale(ns, acc.count[ns]) * (double)acc.sum[ns];
    return z + m->scale * m->cfg.type_gain[type] * sparse;
}

static double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
}

double ew_difficulty_score(const ew_difficulty *m, const char *text, size_t len, int depth)
{
    ew_text_part part = {text ? text : "", text ? len : 0};
    return sigmoid(ew__difficulty_logit(m, &part, 1, depth));
}

/* Up to this many user turns are read; earlier ones only count for depth. */
#define REQ_MAX_PARTS 16

double ew_difficulty_score_request(const ew_difficulty *m, const ew_request *req)
{
    ew_text_part parts[REQ_MAX_PARTS];
    int n = 0, depth = 0;
    if (!req->is_chat) {
        parts[n++] =
            (ew_text_part){req->prompt ? req->prompt : "", req->prompt ? req->prompt_len : 0};
        depth = 1;
    } else {
        for (int i = 0; i < req->n_messages; i++) {
            const ew_message *msg = &req->messages[i];
            if (msg->role != EW_ROLE_USER) continue;
            depth++;
            if (n == REQ_MAX_PARTS) {
                memmove(parts, parts + 1, sizeof parts[0] * (REQ_MAX_PARTS - 1));
                n--;
            }
            parts[n++] = (ew_text_part){msg->content ? msg->content : "", msg->content_len};
        }
    }
    return sigmoid(ew__difficulty_logit(m, parts, n, depth));
}
