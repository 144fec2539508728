/* Tokenizer runtime: lookups, the special-token pass over raw text, the
 * per-model dispatch that llama.cpp's llama_tokenize does, and decoding. */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "local/tokenizer.h"

/* ---- lookups --------------------------------------------------------------------- */

uint32_t ew__tok_hash(const char *s, size_t n, uint32_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u; /* FNV-1a, streamable */
    return h;
}

int32_t ew__tok_find(const ew_tokenizer *t, const char *s, size_t n)
{
    const tok_table *tab = &t->by_text;
    for (uint32_t h = ew__tok_hash(s, n, 2166136261u) & tab->mask;; h = (h + 1) & tab->mask) {
        uint32_t v = tab->slots[h];
        if (!v) return -1;
        if (t->len[v - 1] == n && !memcmp(t->pool + t->off[v - 1], s, n)) return (int32_t)v - 1;
    }
}

int32_t ew__tok_merge_rank(const ew_tokenizer *t, const char *l, size_t ln, const char *r,
                           size_t rn)
{
    const tok_table *tab = &t->by_merge;
    uint32_t h = ew__tok_hash(l, ln, 2166136261u);
    h = ew__tok_hash(" ", 1, h);
    h = ew__tok_hash(r, rn, h);
    for (h &= tab->mask;; h = (h + 1) & tab->mask) {
        uint32_t v = tab->slots[h];
        if (!v) return -1;
        const char *m = t->merge_pool + t->merge_off[v - 1];
        if (t->merge_len[v - 1] == ln + 1 + rn && t->merge_split[v - 1] == ln &&
            !memcmp(m, l, ln) && !memcmp(m + ln + 1, r, rn))
            return (int32_t)v - 1;
    }
}

/* GPT-2's byte map: printable Latin-1 bytes spell themselves, the other 68
 * bytes take U+0100 onwards in byte order. */
uint32_t ew__tok_byte_to_cp(uint8_t b)
{
    if ((b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE) return b;
    if (b <= 0x20) return 256u + b;
    if (b <= 0xA0) return 256u + 33 + (b - 0x7Fu);
    return 256u + 67; /* 0xAD */
}

int ew__tok_cp_to_byte(uint32_t cp)
{
    if (cp < 256) return ew__tok_byte_to_cp((uint8_t)cp) == cp ? (int)cp : -1;
    uint32_t i = cp - 256;
    if (i < 33) return (int)i;
    if (i < 67) return (int)(0x7F + i - 33);
    return i == 67 ? 0xAD : -1;
}

/* ---- special tokens in raw text ------------------------------------------------------- */

typedef struct frag {
    uint32_t start, len;
    ew_token token; /* EW_TOKEN_NULL: raw text */
} frag;

static bool c_isspace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Claims every non-overlapping occurrence of special token id that lies in
 * unclaimed text, in llama.cpp's order: tokens by priority, each scanned
 * left to right. LSTRIP/RSTRIP tokens also swallow adjacent white space.
 * mark: 0 raw, 1 claimed or swallowed; at[pos] = token starting at pos. */
static void claim_token(const ew_tokenizer *t, int32_t id, const char *text, size_t n,
                        uint8_t *mark, ew_token *at)
{
    const char *s = t->pool + t->off[id];
    size_t l = t->len[id];
    for (size_t from = 0; from + l <= n;) {
        const char *hit = memmem(text + from, n - from, s, l);
        if (!hit) return;
        size_t m = (size_t)(hit - text);
        from = m + 1;
        if (memchr(mark + m, 1, l)) continue;
        memset(mark + m, 1, l);
        at[m] = id;
        from = m + l;
        if (t->attr[id] & TA_LSTRIP)
            for (size_t k = m; k > 0 && !mark[k - 1] && c_isspace(text[k - 1]); k--)
                mark[k - 1] = 1;
        if (t->attr[id] & TA_RSTRIP)
            for (size_t k = m + l; k < n && !mark[k] && c_isspace(text[k]); k++)
                mark[k] = 1;
    }
}

/* Walks the claimed text: raw runs and tokens become fragments (out may be
 * NULL to count them). */
static size_t collect(const ew_tokenizer *t, size_t n, const uint8_t *mark, const ew_token *at,
                      frag *out)
{
    size_t nf = 0;
    for (size_t i = 0; i < n;) {
        if (at[i] != EW_TOKEN_NULL) {
            if (out) out[nf] = (frag){(uint32_t)i, t->len[at[i]], at[i]};
            nf++;
            i += t->len[at[i]];
        } else if (mark[i]) {
            i++; /* white space a token swallowed */
        } else {
            size_t j = i;
            while (j < n && !mark[j])
                j++;
            if (out) out[nf] = (frag){(uint32_t)i, (uint32_t)(j - i), EW_TOKEN_NULL};
            nf++;
            i = j;
        }
    }
    return nf;
}

/* Splits text into raw fragments and special tokens. *frags is malloc'd.
 * The per-byte maps are only built once some special token may occur. */
static int partition(const ew_tokenizer *t, const char *text, size_t n, bool parse_special,
                     frag **frags, size_t *n_frags)
{
    uint8_t *mark = NULL;
    ew_token *at = NULL;
    bool first[256] = {false};
    for (size_t i = 0; i < n; i++)
        first[(uint8_t)text[i]] = true;
    int st = EW_OK;
    for (int32_t k = 0; k < t->n_specials && !st; k++) {
        int32_t id = t->specials[k];
        if (!parse_special && (t->attr[id] & (TA_CONTROL | TA_UNKNOWN))) continue;
        if (!first[(uint8_t)t->pool[t->off[id]]] ||
            !memmem(text, n, t->pool + t->off[id], t->len[id]))
            continue;
        if (!mark) {
            mark = calloc(n + 1, 1);
            at = malloc((n + 1) * sizeof *at);
            if (!mark || !at) {
                st = EW_ERR_NOMEM;
                break;
            }
            memset(at, 0xFF, (n + 1) * sizeof *at); /* EW_TOKEN_NULL */
        }
        claim_token(t, id, text, n, mark, at);
    }
    size_t nf = st ? 0 : mark ? collect(t, n, mark, at, NULL) : 1;
    *frags = st ? NULL : malloc((nf ? nf : 1) * sizeof **frags);
    if (!st && !*frags) st = EW_ERR_NOMEM;
    if (!st && mark)
        collect(t, n, mark, at, *frags);
    else if (!st)
        (*frags)[0] = (frag){0, (uint32_t)n, EW_TOKEN_NULL};
    free(mark);
    free(at);
    *n_frags = st ? 0 : nf;
    return st;
}

/* ---- encode ------------------------------------------------------------------------ */

size_t ew_tokenizer_max_ids(size_t text_len)
{
    /* A byte of invalid UTF-8 becomes U+FFFD, six bytes in GPT-2's spelling,
     * each of which may end up a token: 6 per input byte, plus BOS/EOS. */
    return 6 * text_len + 4;
}

/* SentencePiece: spaces become U+2581, and a space goes in front of the
 * first fragment and of each fragment that follows a special token. */
static int encode_spm(const ew_tokenizer *t, const char *text, const frag *fr, size_t nf,
                      tok_scratch *s, tok_ids *out)
{
    int st = EW_OK;
    bool prev_special = true;
    for (size_t i = 0; i < nf && !st; i++) {
        if (fr[i].token != EW_TOKEN_NULL) {
            st = ew__tok_ids_push(out, fr[i].token);
            prev_special = true;
            continue;
        }
        if (ew__tok_grow((void **)&s->text, &s->text_cap, 3 * ((size_t)fr[i].len + 1), 1))
            return EW_ERR_NOMEM;
        size_t k = 0;
        if (t->add_space_prefix && prev_special) {
            memcpy(s->text, "\xe2\x96\x81", 3);
            k = 3;
        }
        for (const char *c = text + fr[i].start, *e = c + fr[i].len; c < e; c++) {
            if (*c == ' ') {
                memcpy(s->text + k, "\xe2\x96\x81", 3);
                k += 3;
            } else {
                s->text[k++] = *c;
            }
        }
        st = ew__tok_spm(t, s->text, k, s, out);
        prev_special = false;
    }
    return st;
}

static int encode_frags(const ew_tokenizer *t, const char *text, const frag *fr, size_t nf,
                        bool add_special, tok_scratch *s, tok_ids *out)
{
    /* WordPiece always frames with CLS ... SEP; the others follow add_bos/eos. */
    bool bos = add_special && (t->kind == TOK_WPM || t->add_bos) && t->bos >= 0;
    int st = bos ? ew__tok_ids_push(out, t->bos) : EW_OK;
    if (st) return st;
    if (t->kind == TOK_SPM) {
        st = encode_spm(t, text, fr, nf, s, out);
    } else {
        for (size_t i = 0; i < nf && !st; i++) {
            if (fr[i].token != EW_TOKEN_NULL)
                st = ew__tok_ids_push(out, fr[i].token);
            else if (t->kind == TOK_BPE)
                st = ew__tok_bpe(t, text + fr[i].start, fr[i].len, s, out);
            else
                st = ew__tok_wpm(t, text + fr[i].start, fr[i].len, s, out);
        }
    }
    if (!st && add_special) {
        if (t->kind == TOK_WPM && t->sep >= 0)
            st = ew__tok_ids_push(out, t->sep);
        else if (t->kind != TOK_WPM && t->add_eos && t->eos >= 0)
            st = ew__tok_ids_push(out, t->eos);
    }
    return st;
}

int ew_tokenizer_encode(const ew_tokenizer *tok, const char *text, size_t len, bool add_special,
                        bool parse_special, ew_token *ids, size_t cap, size_t *n_ids, ew_error *err)
{
    *n_ids = 0;
    if (!text && len) return ew__error_set(err, EW_ERR_INVALID, "tokenize: NULL text");
    if (len > EW_TOKENIZER_MAX_TEXT)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "tokenize: text of %zu bytes, limit %zu", len,
                             EW_TOKENIZER_MAX_TEXT);
    frag *fr = NULL;
    size_t nf = 0;
    int st = len ? partition(tok, text, len, parse_special, &fr, &nf) : EW_OK;
    tok_ids out = {.max = ew_tokenizer_max_ids(len)};
    tok_scratch s = {0};
    if (!st) st = encode_frags(tok, text, fr, nf, add_special, &s, &out);
    if (!st) {
        *n_ids = out.n;
        if (out.n > cap)
            st =
                ew__error_set(err, EW_ERR_TOO_LARGE, "tokenize: %zu ids, room for %zu", out.n, cap);
        else if (out.n)
            memcpy(ids, out.v, out.n * sizeof *ids);
    } else if (st == EW_ERR_NOMEM) {
        ew__error_set(err, st, "tokenize: out of memory");
    } else {
        ew__error_set(err, st, "tokenize: failed (%s)", ew_strerror(st));
    }
    free(fr);
    free(out.v);
    ew__tok_scratch_free(&s);
    return st;
}

/* ---- decode ------------------------------------------------------------------------ */

int ew_tokenizer_token_to_piece(const ew_tokenizer *tok, ew_token id, bool special,
                                const char **piece, size_t *len)
{
    *piece = "";
    *len = 0;
    if (id < 0 || id >= tok->n_vocab) return EW_ERR_INVALID;
    if (!special && (tok->attr[id] & (TA_UNKNOWN | TA_CONTROL))) return EW_OK;
    *piece = tok->piece_pool + tok->piece_off[id];
    *len = tok->piece_len[id];
    return EW_OK;
}

/* llama.cpp's clean-up of BPE output, pass by pass and in place (each pass
 * reads the bytes the previous iterations may have moved, as it does). */
static size_t clean_spaces(char *s, size_t n)
{
    size_t o = n ? 1 : 0, n1 = n;
    for (size_t i = 1; i < n1; i++) {
        char x = s[i];
        if (s[i - 1] == ' ' && (x == '?' || x == '!' || x == '.' || x == ',')) o--;
        s[o++] = x;
    }
    size_t n2 = o;
    o = n2 ? 1 : 0;
    for (size_t i = 1; i < n2; i++) {
        char x = s[i];
        if (x == '\'' && i + 1 < n2 && s[i - 1] == ' ' && s[i + 1] == ' ') {
            o--;
            s[++i] = '\0';
        }
        s[o++] = x;
    }
    size_t n3 = o;
    o = n3 ? 1 : 0;
    for (size_t i = 1; i < n3; i++) {
        char x = s[i];
        if (s[i - 1] == ' ' && x == '\'' && i + 1 < n3) {
            char x1 = s[i + 1];
            if (x1 == 's' || x1 == 'm')
                o--;
            else if (x1 != 't' && x1 != 'd' && i + 2 < n3 &&
                     ((x1 == 'r' && s[i + 2] == 'e') || (x1 == 'v' && s[i + 2] == 'e')))
                o--;
        }
        s[o++] = x;
    }
    return o;
}

int ew_tokenizer_detokenize(const ew_tokenizer *tok, const ew_token *ids, size_t n,
                            bool remove_special, bool unparse_special, char *out, size_t cap,
                            size_t *len)
{
    *len = 0;
    bool remove_space = tok->add_space_prefix;
    if (remove_special && tok->add_bos && n > 0 && ids[0] == tok->bos) {
        remove_space = false;
        ids++;
        n--;
    }
    if (remove_special && tok->add_eos && n > 0 && ids[n - 1] == tok->eos) n--;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p;
        size_t pl;
        if (ew_tokenizer_token_to_piece(tok, ids[i], unparse_special, &p, &pl))
            return EW_ERR_INVALID;
        total += pl;
    }
    char *buf = malloc(total + 1);
    if (!buf) return EW_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p;
        size_t pl;
        ew_tokenizer_token_to_piece(tok, ids[i], unparse_special, &p, &pl);
        if (remove_space && pl && p[0] == ' ') {
            p++;
            pl--;
        }
        remove_space = false;
        memcpy(buf + k, p, pl);
        k += pl;
    }
    if (tok->clean_spaces) k = clean_spaces(buf, k);
    *len = k;
    int st = EW_OK;
    if (k + 1 > cap) {
        st = EW_ERR_TOO_LARGE;
        if (k && k <= cap) memcpy(out, buf, k); /* exactly fits, but no room for the NUL */
    } else {
        memcpy(out, buf, k);
        out[k] = 0;
    }
    free(buf);
    return st;
}

/* ---- information ------------------------------------------------------------------- */

void ew_tokenizer_get_info(const ew_tokenizer *tok, ew_tokenizer_info *info)
{
    info->model = tok->model;
    info->pre = tok->pre_name;
    info->n_vocab = tok->n_vocab;
    info->bos = tok->bos;
    info->eos = tok->eos;
    info->eot = tok->eot;
    info->eom = tok->eom;
    info->unk = tok->unk;
    info->sep = tok->sep;
    info->pad = tok->pad;
    info->add_bos = tok->add_bos;
    info->add_eos = tok->add_eos;
    memcpy(info->fingerprint, tok->fingerprint, sizeof info->fingerprint);
}

const char *ew_tokenizer_fingerprint(const ew_tokenizer *tok)
{
    return tok->fingerprint;
}

int32_t ew_tokenizer_n_vocab(const ew_tokenizer *tok)
{
    return tok->n_vocab;
}

bool ew_tokenizer_is_eog(const ew_tokenizer *tok, ew_token id)
{
    return id >= 0 && id < tok->n_vocab && tok->eog[id];
}

bool ew_tokenizer_is_control(const ew_tokenizer *tok, ew_token id)
{
    return id >= 0 && id < tok->n_vocab && (tok->attr[id] & TA_CONTROL);
}

const char *ew_tokenizer_token_text(const ew_tokenizer *tok, ew_token id, size_t *len)
{
    if (id < 0 || id >= tok->n_vocab) return NULL;
    if (len) *len = tok->len[id];
    return tok->pool + tok->off[id];
}

ew_token ew_tokenizer_find(const ew_tokenizer *tok, const char *s, size_t len)
{
    return ew__tok_find(tok, s, len);
}

ew_chat_format ew_tokenizer_chat_format(const ew_tokenizer *tok, bool *detected)
{
    if (detected) *detected = tok->chat_format != EW_CHAT_UNKNOWN;
    return tok->chat_format != EW_CHAT_UNKNOWN ? tok->chat_format : EW_CHAT_DEFAULT;
}

int ew_tokenizer_apply_chat(const ew_tokenizer *tok, const ew_message *messages, int n,
                            bool add_generation_prompt, char *out, size_t cap, size_t *len,
                            ew_error *err)
{
    /* The EOS text, NUL-terminated for the renderer; vocab strings are not. */
    char eos[256] = "</s>";
    if (tok->eos >= 0 && tok->len[tok->eos] < sizeof eos) {
        memcpy(eos, tok->pool + tok->off[tok->eos], tok->len[tok->eos]);
        eos[tok->len[tok->eos]] = 0;
    }
    return ew_chat_render(ew_tokenizer_chat_format(tok, NULL), messages, n, add_generation_prompt,
                          eos, out, cap, len, err);
}
