/* Pre-tokenizers for byte-level BPE: hand-written scanners for the regexes
 * llama.cpp applies per tokenizer.ggml.pre.
 *
 * llama.cpp applies a list of regexes in turn; each one splits every current
 * piece into its matches and the gaps between them, so the final words are
 * a refinement. We keep that structure: a stage refines a boundary list.
 * Two kinds of stages exist, and their semantics differ on purpose because
 * llama.cpp's do:
 *  - "custom" stages (gpt2, llama3, qwen2) mirror llama.cpp's hand-written
 *    splitters, including how they treat the edges of a piece;
 *  - "regex" stages follow ECMAScript regex_search: leftmost match, first
 *    alternative, greedy. llama.cpp runs them either on a text whose non-ASCII
 *    code points are collapsed to their category, or as wregex where non-ASCII
 *    white space reads as U+000B. Both make \s mean the White_Space flag and a
 *    non-ASCII space never part of any other class, which cls_* encode.
 * Every stage is linear in the piece length. */
#include <string.h>

#include "local/tokenizer.h"
#include "local/unicode_data.h"

typedef struct splitter {
    const uint32_t *cps;
    uint32_t *out; /* boundary list being built (ends of pieces) */
    size_t n_out;
    size_t prev; /* end of the last emitted piece */
} splitter;

static void emit(splitter *sp, size_t end)
{
    if (end > sp->prev) {
        sp->out[sp->n_out++] = (uint32_t)end;
        sp->prev = end;
    }
}

static unsigned fl(const uint32_t *cps, size_t a, size_t b, size_t p)
{
    return p >= a && p < b ? ew__uc_flags(cps[p]) : 0;
}

#define OUT_OF_RANGE 0xFFFFFFFFu

static uint32_t cp_at(const uint32_t *cps, size_t a, size_t b, size_t p)
{
    return p >= a && p < b ? cps[p] : OUT_OF_RANGE;
}

/* ---- custom stages ---------------------------------------------------------------- */

/* 's|'t|'re|'ve|'m|'ll|'d, optionally case-insensitive: length or 0. */
static size_t contraction(const uint32_t *cps, size_t a, size_t b, size_t p, bool icase)
{
    if (cps[p] != '\'' || p + 1 >= b) return 0;
    uint32_t c1 = cps[p + 1];
    if (icase) c1 = ew__uc_tolower(c1);
    if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd') return 2;
    if (p + 2 >= b) return 0;
    uint32_t c2 = cps[p + 2];
    if (icase) c2 = ew__uc_tolower(c2);
    if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) return 3;
    (void)a;
    return 0;
}

/* Trailing white space handling shared by the custom stages: \s+(?!\S) then
 * \s+. Returns the new position. */
static size_t ws_tail(const uint32_t *cps, size_t a, size_t b, size_t pos, size_t n_ws)
{
    if (n_ws > 1 && cp_at(cps, a, b, pos + n_ws) != OUT_OF_RANGE) return pos + n_ws - 1;
    return pos + n_ws;
}

/* 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+ */
static void split_gpt2(splitter *sp, size_t a, size_t b)
{
    const uint32_t *cps = sp->cps;
    for (size_t pos = a; pos < b;) {
        uint32_t cpt = cps[pos];
        size_t c = contraction(cps, a, b, pos, false);
        if (c) {
            pos += c;
            emit(sp, pos);
            continue;
        }
        unsigned f2 = cpt == ' ' ? fl(cps, a, b, pos + 1) : fl(cps, a, b, pos);
        unsigned cls = f2 & EW_UC_L ? EW_UC_L : f2 & EW_UC_N ? EW_UC_N : 0;
        if (cls) {
            pos += cpt == ' ';
            while (fl(cps, a, b, pos) & cls)
                pos++;
            emit(sp, pos);
            continue;
        }
        if (!(f2 & (EW_UC_WS | EW_UC_L | EW_UC_N)) && f2) {
            pos += cpt == ' ';
            for (unsigned f = f2; !(f & (EW_UC_WS | EW_UC_L | EW_UC_N)) && f;)
                f = fl(cps, a, b, ++pos);
            emit(sp, pos);
            continue;
        }
        size_t n_ws = 0;
        while (fl(cps, a, b, pos + n_ws) & EW_UC_WS)
            n_ws++;
        pos = n_ws ? ws_tail(cps, a, b, pos, n_ws) : pos + 1;
        emit(sp, pos);
    }
}

/* llama3 (digits {1,3}) and qwen2 (single digits):
 * (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
 *  ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+ */
static void split_llama3_like(splitter *sp, size_t a, size_t b, size_t max_digits)
{
    const uint32_t *cps = sp->cps;
    for (size_t pos = a; pos < b;) {
        uint32_t cpt = cps[pos];
        unsigned f = fl(cps, a, b, pos);
        size_t c = contraction(cps, a, b, pos, true);
        if (c) {
            pos += c;
            emit(sp, pos);
            continue;
        }
        if (!(cpt == '\r' || cpt == '\n' || (f & EW_UC_N)) &&
            ((f & EW_UC_L) || (fl(cps, a, b, pos + 1) & EW_UC_L))) {
            pos++;
            while (fl(cps, a, b, pos) & EW_UC_L)
                pos++;
            emit(sp, pos);
            continue;
        }
        if (f & EW_UC_N) {
            size_t ini = pos;
            while (fl(cps, a, b, pos) & EW_UC_N) {
                if (++pos - ini >= max_digits) {
                    emit(sp, pos);
                    ini = pos;
                }
            }
            emit(sp, pos);
            continue;
        }
        unsigned f2 = cpt == ' ' ? fl(cps, a, b, pos + 1) : f;
        if (!(f2 & (EW_UC_WS | EW_UC_L | EW_UC_N)) && f) {
            pos += cpt == ' ';
            while (!(f2 & (EW_UC_WS | EW_UC_L | EW_UC_N)) && f2)
                f2 = fl(cps, a, b, ++pos);
            for (uint32_t c2 = cp_at(cps, a, b, pos); c2 == '\r' || c2 == '\n';)
                c2 = cp_at(cps, a, b, ++pos);
            emit(sp, pos);
            continue;
        }
        size_t n_ws = 0, last_rn = 0;
        while (fl(cps, a, b, pos + n_ws) & EW_UC_WS) {
            uint32_t c2 = cps[pos + n_ws];
            if (c2 == '\r' || c2 == '\n') last_rn = pos + n_ws + 1;
            n_ws++;
        }
        if (last_rn)
            pos = last_rn;
        else
            pos = n_ws ? ws_tail(cps, a, b, pos, n_ws) : pos + 1;
        emit(sp, pos);
    }
}

/* \s+$ : the trailing white space of a piece. */
static void split_trailing_ws(splitter *sp, size_t a, size_t b)
{
    size_t t = b;
    while (t > a && (ew__uc_flags(sp->cps[t - 1]) & EW_UC_WS))
        t--;
    emit(sp, t);
    emit(sp, b);
}

/* ---- regex stages -------------------------------------------------------------------- */

typedef bool (*cls_fn)(uint32_t cp);

static bool is_ws(uint32_t cp)
{
    return ew__uc_flags(cp) & EW_UC_WS;
}

/* A non-ASCII space is U+000B to llama.cpp's wregex: in no listed class. */
static bool not_uspace(uint32_t cp)
{
    return cp < 0x80 || !(ew__uc_flags(cp) & EW_UC_WS);
}

static bool cls_n(uint32_t cp)
{
    return ew__uc_flags(cp) & EW_UC_N;
}

static bool cls_l(uint32_t cp)
{
    return ew__uc_flags(cp) & EW_UC_L;
}

static bool cls_p(uint32_t cp)
{
    return ew__uc_flags(cp) & EW_UC_P;
}

/* [\p{P}\$\+<=>\^~\|] */
static bool cls_p_sym(uint32_t cp)
{
    return (ew__uc_flags(cp) & EW_UC_P) || (cp < 0x80 && strchr("$+<=>^~|", (int)cp) && cp);
}

static bool cls_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool cls_crlf(uint32_t cp)
{
    return cp == '\r' || cp == '\n';
}

/* [一-龥ࠀ-一가-퟿] (CJK, and everything from U+0800 to U+4E00, and Hangul) */
static bool cls_cjk(uint32_t cp)
{
    return ((cp >= 0x4E00 && cp <= 0x9FA5) || (cp >= 0x0800 && cp <= 0x4E00) ||
            (cp >= 0xAC00 && cp <= 0xD7FF)) &&
           not_uspace(cp);
}

/* The letter class of deepseek-llm's tokenizer.json, as ranges. */
static const uint32_t ds_letters[][2] = {
    {0x0041, 0x005A},   {0x0061, 0x007A},   {0x00B5, 0x00B5},   {0x00C0, 0x00D6},
    {0x00D8, 0x00F6},   {0x00F8, 0x01BA},   {0x01BC, 0x01BF},   {0x01C4, 0x0293},
    {0x0295, 0x02AF},   {0x0370, 0x0373},   {0x0376, 0x0377},   {0x037B, 0x037D},
    {0x037F, 0x037F},   {0x0386, 0x0386},   {0x0388, 0x038A},   {0x038C, 0x038C},
    {0x038E, 0x03A1},   {0x03A3, 0x03F5},   {0x03F7, 0x0481},   {0x048A, 0x052F},
    {0x0531, 0x0556},   {0x10A0, 0x10C5},   {0x13A0, 0x13F5},   {0x13F8, 0x13FD},
    {0x1C90, 0x1CBA},   {0x1CBD, 0x1CBF},   {0x1D00, 0x1D2B},   {0x1D6B, 0x1D77},
    {0x1D79, 0x1D9A},   {0x1E00, 0x1F15},   {0x1F18, 0x1F1D},   {0x1F20, 0x1F45},
    {0x1F48, 0x1F4D},   {0x1F50, 0x1F57},   {0x1F59, 0x1F59},   {0x1F5B, 0x1F5B},
    {0x1F5D, 0x1F5D},   {0x1F5F, 0x1F7D},   {0x1F80, 0x1FB4},   {0x1FB6, 0x1FBC},
    {0x1FBE, 0x1FBE},   {0x1FC2, 0x1FC4},   {0x1FC6, 0x1FCC},   {0x1FD0, 0x1FD3},
    {0x1FD6, 0x1FDB},   {0x1FE0, 0x1FEC},   {0x1FF2, 0x1FF4},   {0x1FF6, 0x1FFC},
    {0x2102, 0x2102},   {0x2107, 0x2107},   {0x210A, 0x2113},   {0x2115, 0x2115},
    {0x2119, 0x211D},   {0x2124, 0x2124},   {0x2126, 0x2126},   {0x2128, 0x2128},
    {0x212A, 0x212D},   {0x212F, 0x2134},   {0x2139, 0x2139},   {0x213C, 0x213F},
    {0x2145, 0x2149},   {0x214E, 0x214E},   {0x2183, 0x2184},   {0x2C00, 0x2C7B},
    {0x2C7E, 0x2CE4},   {0x2CEB, 0x2CEE},   {0x2CF2, 0x2CF3},   {0xA640, 0xA66D},
    {0xA680, 0xA69B},   {0xA722, 0xA76F},   {0xA771, 0xA787},   {0xA78B, 0xA78E},
    {0xAB70, 0xABBF},   {0xFB00, 0xFB06},   {0xFB13, 0xFB17},   {0xFF21, 0xFF3A},
    {0xFF41, 0xFF5A},   {0x10400, 0x1044F}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB},
    {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x118A0, 0x118DF}, {0x1E900, 0x1E943},
};

static bool cls_ds_letter(uint32_t cp)
{
    size_t lo = 0, hi = sizeof ds_letters / sizeof ds_letters[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < ds_letters[mid][0])
            hi = mid;
        else if (cp > ds_letters[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* [!-/:-~！-／：-～‘-‟　-。] */
static bool cls_ds_punct(uint32_t cp)
{
    return ((cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x7E) ||
            (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF5E) ||
            (cp >= 0x2018 && cp <= 0x201F) || (cp >= 0x3000 && cp <= 0x3002)) &&
           not_uspace(cp);
}

typedef enum rx_shape {
    RX_ONE,    /* CLASS */
    RX_RUN,    /* CLASS+ */
    RX_WS_RUN, /* \s?CLASS+ */
    RX_THREE,  /* CLASS CLASS CLASS */
} rx_shape;

static size_t run(const uint32_t *cps, size_t p, size_t b, cls_fn cls)
{
    size_t q = p;
    while (q < b && cls(cps[q]))
        q++;
    return q - p;
}

static size_t rx_match(const uint32_t *cps, size_t p, size_t b, rx_shape shape, cls_fn cls)
{
    switch (shape) {
    case RX_ONE:
        return cls(cps[p]) ? 1 : 0;
    case RX_RUN:
        return run(cps, p, b, cls);
    case RX_WS_RUN:
        if (is_ws(cps[p])) return p + 1 < b && cls(cps[p + 1]) ? 1 + run(cps, p + 1, b, cls) : 0;
        return run(cps, p, b, cls);
    case RX_THREE:
        return p + 3 <= b && run(cps, p, p + 3, cls) == 3 ? 3 : 0;
    }
    return 0;
}

/* Matches and the gaps between them become pieces. */
static void split_regex(splitter *sp, size_t a, size_t b, rx_shape shape, cls_fn cls)
{
    for (size_t p = a; p < b;) {
        size_t m = rx_match(sp->cps, p, b, shape, cls);
        if (!m) {
            p++;
            continue;
        }
        emit(sp, p);
        p += m;
        emit(sp, p);
    }
    emit(sp, b);
}

/* ---- the pre-tokenizers ------------------------------------------------------------ */

typedef enum stage_kind {
    ST_GPT2,
    ST_LLAMA3,
    ST_QWEN2,
    ST_TRAILING_WS,
    ST_REGEX,
} stage_kind;

typedef struct stage {
    stage_kind kind;
    rx_shape shape;
    cls_fn cls;
} stage;

#define MAX_STAGES 6

static int stages_for(tok_pre pre, stage *st)
{
    int n = 0;
#define RX(sh, c) (st[n++] = (stage){ST_REGEX, sh, c})
#define CUSTOM(k) (st[n++] = (stage){k, RX_ONE, NULL})
    switch (pre) {
    case PRE_DEFAULT:
        RX(RX_RUN, cls_p_sym);
        CUSTOM(ST_GPT2);
        RX(RX_RUN, cls_n);
        RX(RX_THREE, cls_digit);
        break;
    case PRE_GPT2:
        CUSTOM(ST_GPT2);
        break;
    case PRE_LLAMA3:
        CUSTOM(ST_LLAMA3);
        break;
    case PRE_QWEN2:
        CUSTOM(ST_QWEN2);
        break;
    case PRE_DEEPSEEK_LLM:
        RX(RX_ONE, cls_crlf);
        RX(RX_WS_RUN, cls_ds_letter);
        RX(RX_WS_RUN, cls_ds_punct);
        CUSTOM(ST_TRAILING_WS);
        RX(RX_RUN, cls_cjk);
        RX(RX_RUN, cls_n);
        break;
    case PRE_DEEPSEEK_CODER:
        RX(RX_ONE, cls_crlf);
        RX(RX_WS_RUN, cls_l);
        RX(RX_WS_RUN, cls_p);
        RX(RX_RUN, cls_cjk);
        RX(RX_ONE, cls_n);
        break;
    case PRE_FALCON:
        RX(RX_RUN, cls_p_sym);
        CUSTOM(ST_GPT2);
        RX(RX_THREE, cls_digit);
        break;
    case PRE_STARCODER:
        RX(RX_ONE, cls_n);
        CUSTOM(ST_GPT2);
        break;
    }
#undef RX
#undef CUSTOM
    return n;
}

static void run_stage(splitter *sp, const stage *st, size_t a, size_t b)
{
    switch (st->kind) {
    case ST_GPT2:
        split_gpt2(sp, a, b);
        break;
    case ST_LLAMA3:
        split_llama3_like(sp, a, b, 3);
        break;
    case ST_QWEN2:
        split_llama3_like(sp, a, b, 1);
        break;
    case ST_TRAILING_WS:
        split_trailing_ws(sp, a, b);
        break;
    case ST_REGEX:
        split_regex(sp, a, b, st->shape, st->cls);
        break;
    }
}

int ew__tok_pretokenize(const ew_tokenizer *t, tok_scratch *s, size_t n, uint32_t **bounds,
                        size_t *n_words)
{
    if (ew__tok_grow((void **)&s->bounds, &s->bounds_cap, n + 1, sizeof *s->bounds) ||
        ew__tok_grow((void **)&s->bounds2, &s->bounds2_cap, n + 1, sizeof *s->bounds2))
        return EW_ERR_NOMEM;
    /* bounds: [0] = 0, then the end of each piece. */
    uint32_t *cur = s->bounds, *next = s->bounds2;
    size_t n_cur = 0;
    cur[0] = 0;
    if (n) cur[++n_cur] = (uint32_t)n;
    stage st[MAX_STAGES];
    int n_st = stages_for(t->pre, st);
    for (int i = 0; i < n_st; i++) {
        splitter sp = {.cps = s->cps, .out = next, .n_out = 1, .prev = 0};
        next[0] = 0;
        for (size_t k = 0; k < n_cur; k++) {
            sp.prev = cur[k];
            run_stage(&sp, &st[i], cur[k], cur[k + 1]);
        }
        uint32_t *tmp = cur;
        cur = next;
        next = tmp;
        n_cur = sp.n_out - 1;
    }
    *bounds = cur;
    *n_words = n_cur;
    return EW_OK;
}
