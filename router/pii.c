/* ew_pii_scan: the driver. It walks the text once with a byte-class table.
 * Whitespace and lowercase prose cost a table lookup per byte and one small
 * hash probe per word (for context cues); only triggers (a digit, a capital,
 * '+', '(', '-', '$', a token with '@' or ':', a CJK cue) reach the detectors.
 * Candidates are then filtered (type, score, allow-list) and overlaps resolved
 * by strength. Any failure fails closed: the result then says "secret". */
#include <pthread.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "core/error.h"
#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"
#include "router/pii_secret.h"

/* ---- tables ------------------------------------------------------------------ */
const uint8_t ew__pii_class[256] = {
    ['\t' ... '\r'] = PC_SPACE, [' '] = PC_SPACE,         ['0' ... '9'] = PC_DIGIT,
    ['A' ... 'Z'] = PC_UPPER,   ['a' ... 'z'] = PC_LOWER, [0x80 ... 0xC1] = PC_CONT,
    [0xC2 ... 0xDF] = PC_U2,    [0xE0 ... 0xEF] = PC_U3,  [0xF0 ... 0xF4] = PC_U4,
    [0xF5 ... 0xFF] = PC_CONT,
};

/* Bytes that continue a token: letters, digits, UTF-8, and the punctuation that
 * lives inside identifiers, URLs, emails, keys and numbers. */
const uint8_t ew__pii_tokch[256] = {
    ['0' ... '9'] = 1,
    ['A' ... 'Z'] = 1,
    ['a' ... 'z'] = 1,
    [0x80 ... 0xDF] = 1,
    /* not CJK: it does not join tokens */['.'] = 1,
    ['_'] = 1,
    ['-'] = 1,
    ['@'] = 1,
    [':'] = 1,
    ['/'] = 1,
    ['+'] = 1,
    ['%'] = 1,
    ['~'] = 1,
    ['#'] = 1,
    ['!'] = 1,
    ['$'] = 1,
    ['&'] = 1,
    ['?'] = 1,
    ['='] = 1,
    ['*'] = 1,
    ['^'] = 1,
};

static const char *const type_names[] = {
#define EW__PII_NAME(id, name, label) name,
    EW_PII_TYPE_MAP(EW__PII_NAME)
#undef EW__PII_NAME
};
static const char *const type_labels[] = {
#define EW__PII_LABEL(id, name, label) label,
    EW_PII_TYPE_MAP(EW__PII_LABEL)
#undef EW__PII_LABEL
};

const char *ew_pii_type_name(ew_pii_type t)
{
    return (unsigned)t < EW_PII_TYPE_COUNT ? type_names[t] : "unknown";
}

const char *ew_pii_type_label(ew_pii_type t)
{
    return (unsigned)t < EW_PII_TYPE_COUNT ? type_labels[t] : "UNKNOWN";
}

int ew_pii_type_from_name(const char *name, size_t len)
{
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++)
        if (strlen(type_names[t]) == len && !strncasecmp(type_names[t], name, len)) return t;
    return -1;
}

/* Defaults: a span needs more evidence where look-alikes are common. */
void ew_pii_options_init(ew_pii_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->enabled = EW_PII_ALL;
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++)
        opt->min_score[t] = 0.5f;
    opt->max_input = EW_PII_DEFAULT_MAX_INPUT;
    opt->max_spans = EW_PII_DEFAULT_MAX_SPANS;
}

/* ---- results --------------------------------------------------------------- */
void ew_pii_result_init(ew_pii_result *res)
{
    memset(res, 0, sizeof *res);
}

void ew_pii_result_cleanup(ew_pii_result *res)
{
    free(res->spans);
    memset(res, 0, sizeof *res);
}

static void result_reset(ew_pii_result *res)
{
    res->n = 0;
    res->types = 0;
    memset(res->counts, 0, sizeof res->counts);
    res->failed_closed = false;
    res->status = EW_OK;
}

void ew__pii_add(pii_ctx *c, ew_pii_type t, size_t start, size_t end, float score)
{
    ew_pii_result *res = c->res;
    if (c->status || end <= start || end > c->n) return;
    if (!(c->sc->enabled & EW_PII_BIT(t)) || score < 0.2f)
        return; /* the threshold applies in resolve(), after containment */
    if (res->n == res->cap) {
        /* Candidates may outnumber final spans; twice the cap bounds them. */
        int limit = c->sc->max_spans * 2 + 16;
        if (res->cap >= limit) {
            c->status = EW_ERR_TOO_LARGE;
            return;
        }
        int cap = res->cap ? res->cap * 2 : 32;
        if (cap > limit) cap = limit;
        ew_pii_span *p = realloc(res->spans, (size_t)cap * sizeof *p);
        if (!p) {
            c->status = EW_ERR_NOMEM;
            return;
        }
        res->spans = p;
        res->cap = cap;
    }
    res->spans[res->n++] = (ew_pii_span){t, (uint32_t)start, (uint32_t)end, score};
}

/* ---- scanner ------------------------------------------------------------------ */
int ew__pii_deny_compile(ew_pii_scanner *sc, const ew_pii_options *opt, ew_error *err);
void ew__pii_deny_free(ew_pii_scanner *sc);

static int allow_compile(ew_pii_scanner *sc, const ew_pii_options *opt, ew_error *err)
{
    if (opt->n_allow <= 0) return EW_OK;
    sc->allow = calloc((size_t)opt->n_allow, sizeof *sc->allow);
    if (!sc->allow) return ew__error_set(err, EW_ERR_NOMEM, "pii: out of memory");
    for (int i = 0; i < opt->n_allow; i++) {
        const char *v = opt->allow[i];
        if (!v || !*v)
            return ew__error_set(err, EW_ERR_CONFIG, "pii: allow entry %d is empty", i + 1);
        pii_allow *a = &sc->allow[sc->n_allow];
        a->is_domain = v[0] == '@' || (v[0] == '*' && v[1] == '.');
        if (a->is_domain) v += v[0] == '@' ? 1 : 2;
        a->len = strlen(v);
        a->value = malloc(a->len + 1);
        if (!a->value) return ew__error_set(err, EW_ERR_NOMEM, "pii: out of memory");
        for (size_t k = 0; k <= a->len; k++)
            a->value[k] = (char)(pii_is_upper((unsigned char)v[k]) ? v[k] | 32 : v[k]);
        sc->n_allow++;
    }
    return EW_OK;
}

ew_pii_scanner *ew_pii_scanner_new(const ew_pii_options *opt, ew_error *err)
{
    ew_pii_options defaults;
    if (!opt) {
        ew_pii_options_init(&defaults);
        opt = &defaults;
    }
    ew__gaz_init();
    ew__pii_cue_init();
    ew__pii_cjk_init();
    ew__pii_secret_init();
    ew__pii_key_init();
    ew_pii_scanner *sc = calloc(1, sizeof *sc);
    if (!sc) {
        ew__error_set(err, EW_ERR_NOMEM, "pii: out of memory");
        return NULL;
    }
    sc->enabled = opt->enabled & EW_PII_ALL;
    for (int t = 0; t < EW_PII_TYPE_COUNT; t++) {
        float m = opt->min_score[t];
        sc->min_score[t] = m > 1.0f ? 1.0f : m;
    }
    sc->max_input = opt->max_input ? opt->max_input : EW_PII_DEFAULT_MAX_INPUT;
    if (sc->max_input > UINT32_MAX - 1) sc->max_input = UINT32_MAX - 1; /* offsets are 32-bit */
    sc->max_spans = opt->max_spans > 0 ? opt->max_spans : EW_PII_DEFAULT_MAX_SPANS;
    if (allow_compile(sc, opt, err) || ew__pii_deny_compile(sc, opt, err)) {
        ew_pii_scanner_free(sc);
        return NULL;
    }
    return sc;
}

void ew_pii_scanner_free(ew_pii_scanner *sc)
{
    if (!sc) return;
    for (int i = 0; i < sc->n_allow; i++)
        free(sc->allow[i].value);
    free(sc->allow);
    ew__pii_deny_free(sc);
    free(sc);
}

static ew_pii_scanner *default_scanner;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void default_build(void)
{
    default_scanner = ew_pii_scanner_new(NULL, NULL);
}

/* ---- the walk ------------------------------------------------------------------ */
size_t ew__pii_token_end(const unsigned char *s, size_t n, size_t i)
{
    /* four bytes a step while all four continue it (tokens in code and
     * logs run to dozens of bytes), then byte by byte */
    while (i + 4 <= n && (ew__pii_tokch[s[i]] & ew__pii_tokch[s[i + 1]] & ew__pii_tokch[s[i + 2]] &
                          ew__pii_tokch[s[i + 3]]))
        i += 4;
    while (i < n && ew__pii_tokch[s[i]])
        i++;
    return i;
}

uint32_t ew__pii_decode(const unsigned char *s, size_t n, size_t i, int *len)
{
    unsigned c = s[i];
    int l = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (l == 0 || i + (size_t)l > n) {
        *len = 1;
        return 0xFFFD;
    }
    uint32_t cp = l == 1 ? c : l == 2 ? c & 0x1F : l == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < l; k++) {
        if ((s[i + k] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    *len = l;
    return cp;
}

/* Upper case for the scripts the name heuristics read (Latin, Greek, Cyrillic). */
static bool cp_is_upper(uint32_t cp)
{
    if (cp < 0x80) return pii_is_upper(cp);
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == (cp >= 0x139 && cp <= 0x148 ? 1u : cp >= 0x179 ? 1u : 0u);
    if (cp >= 0x1E00 && cp <= 0x1EFF) /* Latin Extended Additional: "Ọlá", "Đặng" */
        return !(cp & 1) && (cp < 0x1E96 || cp > 0x1E9F);
    return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

/* A letter of Latin Extended Additional (U+1E00..U+1EFF: Vietnamese,
 * Yoruba) at k: three bytes E1 B8..BB xx. */
static inline bool latin_ext_at(const unsigned char *s, size_t n, size_t k)
{
    return k + 2 < n && s[k] == 0xE1 && s[k + 1] >= 0xB8 && s[k + 1] <= 0xBB;
}

/* Vietnamese "mật khẩu" (password) at i, read as pii_cjk.c reads it from
 * its 'ậ': the end of what it found, or 0. */
static __attribute__((noinline)) size_t vi_password_at(pii_ctx *c, size_t i)
{
    if (memcmp(c->s + i + 1, "\xe1\xba\xadt", 4)) return 0;
    return ew__pii_scan_kana_cue(c, i + 1, 0x1EAD);
}

/* The word [ws, we) is in capitals (four letters or more) and one to three
 * spaces lead to a word in capitals on the same line. */
static __attribute__((noinline)) bool caps_label_value(const unsigned char *s, size_t n, size_t ws,
                                                       size_t we)
{
    if (we - ws < 4 || we + 3 >= n || s[we] != ' ') return false;
    for (size_t k = ws; k < we; k++)
        if (!pii_is_upper(s[k])) return false;
    size_t v = we;
    while (v < n && s[v] == ' ' && v - we < 4)
        v++;
    return v + 1 < n && v - we < 4 && pii_is_upper(s[v]) &&
           (pii_is_upper(s[v + 1]) || (s[v + 1] >= 0xC3 && s[v + 1] < 0xE2));
}

/* True when the character before i is a 2-byte (Latin, Greek, Cyrillic)
 * letter, so a digit at i continues a word; CJK text does not join words. */
static bool prev_latin(const unsigned char *s, size_t i)
{
    size_t k = i;
    while (k > 0 && i - k < 4 && (s[k - 1] & 0xC0) == 0x80)
        k--;
    return k < i && k > 0 && s[k - 1] >= 0xC2 && s[k - 1] < 0xE0;
}

/* End of an identifier (letters, digits, '_', '-', '.') starting at i. */
static size_t ident_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && (pii_is_alnum(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '.'))
        i++;
    return i;
}

typedef struct walk {
    char phrase[32]; /* the cue phrase being followed, lowercase */
    size_t plen;
    size_t phrase_end; /* where the phrase's last word ended */
} walk;

/* "celebrates its birthday on ...": a thing's birth, not a person's. */
static __attribute__((noinline)) bool thing_birth(const unsigned char *s, size_t ws)
{
    return ws >= 4 && !strncasecmp((const char *)s + ws - 4, "its ", 4);
}

/* "Pass-Nr.", "Pass Nr": the word "pass" at i names a passport's number. */
static bool pass_number(const unsigned char *s, size_t n, size_t i, size_t we)
{
    return we + 3 <= n && (s[we] == '-' || s[we] == ' ') && pii_icase_eq(s + we + 1, "nr", 2) &&
           (we + 3 == n || !pii_is_alpha(s[we + 3])) && pii_icase_eq(s + i, "pass", 4);
}

/* Cyrillic capitals to small letters in place (А-Я, Ё: U+0410-042F, U+0401),
 * so a cue word at the start of a line or a label is found. */
static void fold_cyrillic(char *w, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++) {
        unsigned char a = (unsigned char)w[k], b = (unsigned char)w[k + 1];
        if (a != 0xD0) continue;
        if (b >= 0x90 && b <= 0x9F) {
            w[k + 1] = (char)(b + 0x20);
        } else if (b >= 0xA0 && b <= 0xAF) {
            w[k] = (char)0xD1;
            w[k + 1] = (char)(b - 0x20);
        } else if (b == 0x81) {
            w[k] = (char)0xD1;
            w[k + 1] = (char)0x91;
        }
        k++;
    }
}

/* A word quoted alone at [ws, we) ("text": …, "type": "text"): a JSON key or
 * value, not the verb ("text me at …"); chat APIs put every message's
 * content under {"type": "text", "text": …}. */
static __attribute__((noinline)) bool quoted_alone(const unsigned char *s, size_t n, size_t ws,
                                                   size_t we)
{
    return ws > 0 && we < n && (s[ws - 1] == '"' || s[ws - 1] == '\'') && s[we] == s[ws - 1];
}

/* Notes the cues of the word low (n bytes, [ws, we) in the text) and of a
 * phrase it continues; returns them, and in *own the word's own answer. */
static uint32_t note_cues(pii_ctx *c, walk *w, const char *low, size_t n, size_t ws, size_t we,
                          uint32_t hash, const uint64_t q[3], uint32_t *own)
{
    uint32_t cues = 0;
    *own = UINT32_MAX; /* not asked yet */
    /* Continue a phrase when only spaces separate the words. */
    if (w->plen && w->phrase_end + 1 == ws && w->plen + 1 + n < sizeof w->phrase) {
        w->phrase[w->plen] = ' ';
        memcpy(w->phrase + w->plen + 1, low, n);
        uint32_t pc = ew__pii_cue_lookup(w->phrase, w->plen + 1 + n);
        if (pc & PII_CUE_FOUND) {
            /* a phrase only under way ("meu nome" of "meu nome e") keeps the
             * word's own cues ("nome"); a complete one ("part number") wins */
            cues = pc;
            if (!(pc & ((1u << CUE_COUNT) - 1)))
                cues |= (*own = ew__pii_cue_lookup3(q[0], q[1], q[2], n, hash)) & ~PII_CUE_PREFIX;
            w->plen += 1 + n;
        }
    }
    if (!cues) {
        cues = *own = ew__pii_cue_lookup3(q[0], q[1], q[2], n, hash);
        w->plen = 0;
        if (cues & PII_CUE_PREFIX) {
            memcpy(w->phrase, low, n);
            w->plen = n;
        }
    }
    if (!(cues & PII_CUE_PREFIX)) w->plen = 0;
    w->phrase_end = we;
    for (uint32_t bits = cues & ((1u << CUE_COUNT) - 1); bits; bits &= bits - 1) {
        int k = __builtin_ctz(bits);
        if (k == CUE_PHONE && n == 4 && !memcmp(low, "text", 4) && quoted_alone(c->s, c->n, ws, we))
            continue;
        c->cue_at[k] = (uint32_t)we;
    }
    if (__builtin_expect((cues & (1u << CUE_DOB)) != 0, 0) && thing_birth(c->s, ws))
        c->cue_at[CUE_DOB] = CUE_NONE;
    if (cues & (1u << CUE_NAME_NEXT)) c->name_next_at = (uint32_t)we;
    if (cues & (1u << CUE_TITLE))
        c->title_at = (uint32_t)(we < c->n && c->s[we] == '.' ? we + 1 : we);
    /* "Name: X", "Password: x" */
    if ((cues & (1u << CUE_NAME)) && we < c->n && c->s[we] == ':')
        c->name_next_at = (uint32_t)we + 1;
    /* a field that names a person: "customer": "X", name='X', <name>X: a
     * capitalised value is a name (fields also hold products and files) */
    if ((cues & (1u << CUE_NAME)) && we < c->n && ws > 0) {
        const unsigned char *s = c->s;
        size_t k = we;
        /* "ACCOUNT HOLDER  AROHA NGATA": a form's label in capitals, its
         * value in capitals after spaces instead of a colon */
        if (s[k] == ' ' && caps_label_value(s, c->n, ws, we)) c->name_next_at = (uint32_t)we + 1;
        if ((s[k] == '"' || s[k] == '\'') && s[ws - 1] == s[k]) {
            k++;
            while (k < c->n && s[k] == ' ')
                k++;
            if (k < c->n && (s[k] == ':' || s[k] == '=')) {
                k++;
                while (k < c->n && s[k] == ' ')
                    k++;
                if (k < c->n && (s[k] == '"' || s[k] == '\'')) c->title_at = (uint32_t)k + 1;
            }
        } else if (s[k] == '>' && s[ws - 1] == '<') {
            c->title_at = (uint32_t)k + 1;
        }
    }
    return cues;
}

/* A word's count for pii_not_english. Function words count capitalised too
 * ("The", "Die"); particles ("van", "de") do not: they are in names in
 * English text as well. One add per word: English ones low, others high. */
static inline uint64_t lang_add(uint32_t cues)
{
    return (uint64_t)((cues & PII_KW_FUNC) != 0) |
           (uint64_t)((cues & (PII_KW_FOREIGN | PII_KW_PARTICLE)) == PII_KW_FOREIGN) << 32;
}

static inline void note_lang(pii_ctx *c, uint32_t cues, bool lower)
{
    c->lang += lang_add(cues);
    c->lower_words += lower;
}

/* "requirepass", "htpasswd", "rootpw": the word [i, we) ends in "pass", "passwd" or "pw"
 * glued to a word; its last letters are asked first, most words end so. */
static inline bool glued_pass_word(const unsigned char *s, size_t i, size_t we)
{
    if (we - i <= 4) return false;
    bool pass = (s[we - 1] | 32) == 's' && (s[we - 4] | 32) == 'p';
    bool passwd = (s[we - 1] | 32) == 'd' && (s[we - 2] | 32) == 'w';
    bool pw = (s[we - 1] | 32) == 'w' && (s[we - 2] | 32) == 'p'; /* "rootpw" */
    return (pass || passwd || pw) && ew__pii_glued_pass(s, i, we);
}

/* The word at i ends a name that the quote q opens, written as a setting's
 * path may be ("Payments:ApiSecret", "db.password"). */
static bool quoted_name_start(const unsigned char *s, size_t i, unsigned char q)
{
    size_t k = i;
    while (k > 0 && i - k < 64 &&
           (pii_is_alnum(s[k - 1]) || s[k - 1] == '_' || s[k - 1] == ':' || s[k - 1] == '.' ||
            s[k - 1] == '-'))
        k--;
    return k > 0 && s[k - 1] == q;
}

/* "var token string = x", "var key []byte = x": at the type [i, ie) before
 * '=', the name before it is the key. Returns the value's end or 0. */
static __attribute__((noinline)) size_t go_declared(pii_ctx *c, size_t i, size_t ie)
{
    const unsigned char *s = c->s;
    bool type =
        (ie - i == 6 && !memcmp(s + i, "string", 6)) || (ie - i == 4 && !memcmp(s + i, "byte", 4));
    size_t b = i - (i > 0 && s[i - 1] == '*');
    b -= b > 1 && s[b - 1] == ']' && s[b - 2] == '[' ? 2 : 0;
    if (!type || b == 0 || s[b - 1] != ' ') return 0;
    size_t ne = b - 1, ns = ne;
    while (ns > 0 && ne - ns < 64 && (pii_is_alnum(s[ns - 1]) || s[ns - 1] == '_'))
        ns--;
    int kind = ns < ne ? ew__pii_key_kind(s, ns, ne) : PII_KEY_NONE;
    return kind ? ew__pii_scan_assignment_as(c, ns, ne, kind) : 0;
}

/* Bytes around a cell of a table, a CSV row or an SQL list. */
static inline bool cell_edge(unsigned ch)
{
    return ch == '|' || ch == ',' || ch == ';' || ch == '\t' || ch == '`' || ch == '"' ||
           ch == '\'' || ch == '(' || ch == ')' || ch == ' ';
}

/* The word [i, ie) is a cell of a table or a list: a secret's name there
 * names values by place ("| Password |", "name,url,password", "INSERT INTO
 * t (login, password) VALUES", "WHERE name = 'api_secret'"). */
static __attribute__((noinline)) void structured_cell(pii_ctx *c, size_t i, size_t ie,
                                                      uint32_t cues)
{
    const unsigned char *s = c->s;
    unsigned before = s[i - 1], after = s[ie];
    bool quoted = (before == '\'' || before == '"') && after == before;
    if (before == ' ' && after == ' ') { /* "| Password |": only in a Markdown row */
        size_t b = c->line_start;
        while (b < i && s[b] == ' ')
            b++;
        if (b >= i || s[b] != '|') return;
    }
    if (!(cues & (1u << CUE_SECRET)) && !quoted) return;
    int kind = ew__pii_key_kind(s, i, ie);
    if (!kind && (cues & PII_KW_PASSWORD)) kind = PII_KEY_PASSWORD;
    if (!kind) return;
    if (quoted) ew__pii_scan_sql_pair(c, i, ie, kind);
    if (after == ',' || after == ')') ew__pii_scan_sql_insert(c, i, ie, kind);
    ew__pii_scan_table(c, i, ie, kind);
}

/* The word [i, we) as a key or a secret's cue: "key = value", "key: value",
 * "password pass123", <password>x</password>, a cue before or after its
 * value. Returns where the walk goes on when it found one, else 0. */
static size_t key_value(pii_ctx *c, size_t i, size_t we, uint32_t cues, bool dash,
                        uint32_t secret_at)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    /* "... secret key\n<key>": the cue ends its line, the key is alone below */
    if ((cues & (1u << CUE_SECRET)) && we < n && (s[we] == '\n' || s[we] == '\r')) {
        size_t e = ew__pii_scan_value_line(c, i, we);
        if (e) return e;
    }
    /* an ASCII cue in CJK text: "個password係 x", "API密钥" reads as Han's */
    if ((cues & (1u << CUE_SECRET)) && we < n && s[we] >= 0xE3 && s[we] <= 0xE9) {
        size_t e = ew__pii_cjk_secret_value(c, we, ew__pii_key_kind(s, i, we) == PII_KEY_PASSWORD);
        if (e) return e;
    }
    /* "<key> as the bearer token", "<x> is my password" */
    if ((cues & (1u << CUE_SECRET)) && i > 16 && (s[i - 1] == ' ' || s[i - 1] == '('))
        ew__pii_scan_value_before(c, i, we);
    /* key = value, key: value, "key" => value */
    size_t ie = ident_end(s, n, we);
    if ((s[i] | 32) == 'p' && ie - i <= 8 && pass_number(s, n, i, i + 4)) {
        c->cue_at[CUE_SECRET] = secret_at; /* German "Pass-Nr.": a passport's number */
        c->cue_at[CUE_PASSPORT] = (uint32_t)ie;
        return ie;
    }
    /* if ("<v>" == password): a literal compared with a secret's name */
    if (i > 6 && s[i - 1] == ' ' && s[i - 2] == '=' && ie < n && (s[ie] == ')' || s[ie] == ' '))
        ew__pii_scan_compared(c, i, ie);
    if (i > 1 && s[i - 1] == '&' && s[i - 2] == ' ' && ie < n && s[ie] == ' ') {
        size_t e = ew__pii_scan_yaml_anchor(c, i, ie); /* x-db: &dbpass "x" */
        if (e) return e;
    }
    if (i > 0 && ie < n && ((cues & (1u << CUE_SECRET)) || s[i - 1] == '\'' || s[i - 1] == '"') &&
        cell_edge(s[i - 1]) && (cell_edge(s[ie]) || pii_is_space(s[ie])))
        structured_cell(c, i, ie, cues);
    size_t k = ie;
    while (k < n && (s[k] == ' ' || s[k] == '"' || s[k] == '\'' || s[k] == '\t') && k - ie < 16)
        k++;
    /* env["API_KEY"] = x (a subscript), \"password\": x (escaped JSON) */
    if (k < n && k > ie &&
        ((s[k] == ']' && (s[k - 1] == '"' || s[k - 1] == '\'')) ||
         (s[k] == '"' && s[k - 1] == '\\'))) {
        k++;
        while (k < n && (s[k] == ' ' || s[k] == '\t') && k - ie < 16)
            k++;
    } else if (k < n && s[k] == '\\' && k + 1 < n && s[k + 1] == '"') {
        k += 2;
        while (k < n && (s[k] == ' ' || s[k] == '\t') && k - ie < 16)
            k++;
    }
    if (cues & (1u << CUE_SECRET)) k = ew__pii_skip_note(s, n, k); /* "key (hex): x" */
    unsigned sep = k < n ? s[k] : 0;
    /* "token - 'x'": a spaced dash before a quoted value */
    if (sep == '-' && ew__pii_dash_separator(s, n, k)) sep = '=';
    /* "TOKEN ?= x", "$t .= x", "t ??= x": an operator glued to its '=' */
    const uint64_t ops = 1ull << '?' | 1ull << '.' | 1ull << '+'; /* and '|' */
    if ((sep < 64 ? (ops >> sep) & 1 : sep == '|') && k + 2 < n &&
        (s[k + 1] == '=' || (s[k + 1] == sep && s[k + 2] == '='))) {
        size_t a = ew__pii_skip_to_assign(s, n, k);
        if (a != k) k = a, sep = '=';
    }
    if (sep == 0xEF && ew__pii_wide_colon(s, n, k)) sep = ':';
    if (sep == '!' && (k + 1 >= n || s[k + 1] != '=')) sep = 0; /* "!=", not "requirepass !x" */
    if (pii_is_digit(sep) && (cues & ((1u << CUE_SECRET) | (1u << CUE_PASSPORT))) && k > ie &&
        s[k - 1] == ' ') {
        size_t d = k; /* "Unseal Key 2: x" */
        while (d < n && pii_is_digit(s[d]) && d - k < 3)
            d++;
        if (d < n && (s[d] == ':' || s[d] == '=')) k = d, sep = s[d];
    }
    if (ie - i == 4 && sep == ':' && k == ie && pii_icase_eq(s + i, "wifi", 4)) {
        size_t e = ew__pii_scan_wifi_qr(c, k + 1); /* WIFI:T:WPA;S:x;P:<password>;; */
        if (e) return e;
    }
    if ((ie - i == 4 && s[i] == 'A' && s[i + 1] == 'U') ||
        (ie - i == 10 && s[i] == 'm' && s[i + 6] == 'a' && s[i + 7] == 'u')) {
        size_t e = ew__pii_scan_redis_auth(c, i, ie); /* "> AUTH <password>", "masterauth x" */
        if (e) return e;
    }
    if (k == ie + 3 && (s[ie] == '"' || s[ie] == '\'') && s[ie + 1] == ' ' && s[ie + 2] == s[ie] &&
        quoted_name_start(s, i, s[ie])) {
        size_t e = ew__pii_scan_pair(c, i, ie, ie + 1); /* user-secrets set "Pay:ApiSecret" "x" */
        if (e) return e;
    }
    if (sep == ',') {
        if (ie < n && (s[ie] == '\'' || s[ie] == '"') && (i == 0 || s[i - 1] == s[ie])) {
            size_t e = ew__pii_scan_pair(c, i, ie, k); /* 'API_KEY', 'value' */
            if (e) return e;
        } else if (k == ie && (cues & (1u << CUE_SECRET))) {
            int kind = ew__pii_key_kind(s, i, ie);
            if (!kind) kind = cues & PII_KW_PASSWORD ? PII_KEY_PASSWORD : PII_KEY_SECRET;
            size_t e = ew__pii_scan_after_clause(c, k, kind); /* "token, do not share: x" */
            if (e) return e;
        }
    } else if ((sep == '|' || sep == '?') && k > ie && k + 1 < n && s[k + 1] == sep) {
        size_t e = ew__pii_scan_pair(c, i, ie, k); /* process.env.API_KEY || 'x' */
        if (e) return e;
    } else if (sep == '>' && k == ie && i > 0 && s[i - 1] == '<') {
        size_t e = ew__pii_scan_xml_element(c, i, ie); /* <password>x</password> */
        if (e) return e;
    } else if (sep == '(' || sep == '{') {
        /* client_secret{"x"}, .password("x"); else NetworkCredential("u", "p") */
        size_t e = ew__pii_scan_init(c, i, ie, k, ew__pii_key_kind(s, i, ie));
        if (!e && sep == '(') e = ew__pii_scan_call_at(c, i, ie, k);
        if (e) return e;
    } else if (sep == '=' || sep == ':' || sep == '!') {
        int kind = ew__pii_key_kind(s, i, ie);
        if (!kind && (cues & PII_KW_PASSWORD)) kind = PII_KEY_PASSWORD;
        /* a provider's name is a key's name alone: "cloudflare: <key>", not "cloudflare_zone: x" */
        if (!kind && (cues & PII_KW_KEY) &&
            (!pii_provider_cue(cues) ||
             (ie == we && !(s[k] == ':' && k + 1 < n && s[k + 1] == ':'))))
            kind = PII_KEY_KEY; /* not "Contentful::Management", a scope */
        size_t e = 0;
        if ((s[k] == '=' || (s[k] == ':' && ((ie < n && s[ie] == '"') || k == ie))) &&
            ((ie - i == 3 && pii_icase_eq(s + i, "key", 3)) ||
             (ie - i == 4 && pii_icase_eq(s + i, "name", 4))) &&
            (e = ew__pii_scan_attr_pair(c, ie)) != 0)
            return e; /* <add key="SmtpPassword" value="x" />, {"name": "x", "value": "y"} */
        if (!kind && s[k] == '=' && ie - i == 7 && !memcmp(s + i, "default", 7))
            kind = ew__pii_hcl_default_kind(s, i);
        if (!kind && s[k] == '=' && k == ie && ew__pii_cookie_session(s, i, ie))
            kind = PII_KEY_SECRET; /* Cookie: sessionid=x */
        if (!kind && s[k] == '=' && k > ie && (e = go_declared(c, i, ie)) != 0) return e;
        if (kind)
            e = ew__pii_scan_assignment_as(c, i, ie, kind);
        else if (s[k] == '=' || s[k] == ':')
            e = ew__pii_scan_block_entry(c, i, k);
        if (e) return e;
    } else if (ie < n && s[ie] == ' ' && ie - i <= 40 &&
               ((cues & (1u << CUE_SECRET)) || dash || (pii_provider_cue(cues) && ie == we) ||
                (ie > we && (s[we] == '_' || s[we] == '-')) || glued_pass_word(s, i, we))) {
        /* "password pass123", "Bearer x", "api_key 'x'", "X-Api-Key x" */
        int kind = ew__pii_key_kind(s, i, ie);
        if (!kind && (cues & PII_KW_PASSWORD)) kind = PII_KEY_PASSWORD;
        if (!kind && (cues & PII_KW_KEY)) kind = PII_KEY_KEY;
        if (!kind && (cues & PII_KW_QUOTED)) {
            size_t e = ew__pii_scan_quoted_password(c, ie); /* IDENTIFIED BY 'x' */
            if (e) return e;
        }
        /* b2 authorize-account <id> <key>; requirepass <password>; htpasswd -b
         * <file> <user> <password>; rabbitmqctl add_user <user> <password> */
        bool glued = glued_pass_word(s, i, we); /* its arguments: positional only */
        int pos = kind != PII_KEY_PASSWORD && ew__pii_auth_verb(s, i, ie) ? PII_KEY_SECRET
                  : glued || (!kind && ew__pii_user_command(s, i, ie))    ? PII_KEY_PASSWORD
                                                                          : PII_KEY_NONE;
        if (pos) {
            size_t e = ew__pii_scan_positional(c, ie, pos);
            if (e) return e;
        }
        if (kind && !glued) {
            size_t e = ew__pii_scan_phrase(c, i, ie, kind);
            if (e) return e;
        }
    }
    return 0;
}

/* Whether key_value can find nothing at the word [i, we) (wl bytes): no
 * secret's cue or provider's name, a space (not after '=') or a line's start
 * before it, one space and a letter after it, and none of the words that are
 * keys by their letters ("requirepass", "AUTH", "masterauth", "Pass Nr"). */
static inline bool plain_context(const unsigned char *s, size_t n, size_t i, size_t we, size_t wl,
                                 uint32_t cues, bool dash)
{
    return !(cues & ((1u << CUE_SECRET) | PII_KW_KEY)) && !dash && we + 1 < n && s[we] == ' ' &&
           pii_is_alpha(s[we + 1]) &&
           (i == 0 || s[i - 1] == '\n' || (s[i - 1] == ' ' && (i < 2 || s[i - 2] != '='))) &&
           !(wl == 4 && (s[i] == 'A' || (s[i] | 32) == 'p')) && !(wl == 10 && s[i] == 'm') &&
           !glued_pass_word(s, i, we);
}

/* A word (letters first) at i. */
static size_t on_word(pii_ctx *c, walk *w, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    /* The word's end: letters, 2-byte UTF-8 letters, inner ' and -. */
    char low[PII_WORD_MAX];
    size_t k = i;
    bool ascii = true, dash = false;
    for (;;) {
        k = pii_letters_end(s, n, k);
        if (k + 1 < n && s[k] >= 0xC2) {
            if (s[k] < 0xE0) {
                k += 2;
            } else if (latin_ext_at(s, n, k)) {
                k += 3; /* "Ọlátúndé", "Nguyễn": U+1E00..U+1EFF */
            } else {
                break;
            }
            ascii = false;
        } else if (k + 1 < n && k > i && (s[k] == '\'' || s[k] == '-') &&
                   (pii_is_alpha(s[k + 1]) || (!ascii && s[k + 1] >= 0xC2 && s[k + 1] < 0xE0))) {
            /* "d'Ouchy", "Karl-Marx", Ukrainian "пр-т" */
            dash |= s[k] == '-';
            k++;
        } else {
            break;
        }
    }
    size_t wl = k - i;
    int dl;
    if (s[i] >= 0xD8 && ew__pii_uni_digit(s, n, i, &dl) >= 0) {
        size_t e = ew__pii_scan_indic_date(c, i); /* Arabic-Indic, Bengali, Thai digits */
        if (e) return e;
    }
    /* Greek, Cyrillic, Armenian, Hebrew, Arabic: names after their cues */
    if (!ascii && s[i] >= 0xCE && s[i] <= 0xDB) ew__pii_scan_script_name(c, i);
    /* its first 24 bytes, lowercased 8 at a time (the bytes are letters, ' or
     * -, which OR 0x20 leaves as they are) */
    uint64_t w0 = 0, w1 = 0, w2 = 0;
    if (ascii && wl < PII_WORD_MAX) {
        if (i + PII_WORD_MAX <= n) { /* fixed-size loads, masked below */
            memcpy(&w0, s + i, 8);
            memcpy(&w1, s + i + 8, 8);
            memcpy(&w2, s + i + 16, 8);
        } else {
            unsigned char buf[PII_WORD_MAX] = {0};
            memcpy(buf, s + i, wl);
            memcpy(&w0, buf, 8);
            memcpy(&w1, buf + 8, 8);
            memcpy(&w2, buf + 16, 8);
        }
        uint64_t m0 = wl >= 8 ? ~0ull : (1ull << (wl * 8)) - 1;
        uint64_t m1 = wl >= 16 ? ~0ull : wl <= 8 ? 0 : (1ull << ((wl - 8) * 8)) - 1;
        uint64_t m2 = wl <= 16 ? 0 : (1ull << ((wl - 16) * 8)) - 1;
        w0 = (w0 | 0x2020202020202020ull) & m0;
        w1 = (w1 | 0x2020202020202020ull) & m1;
        w2 = (w2 | 0x2020202020202020ull) & m2;
    }
    size_t we = k;
    if (wl == 1 && we < n && pii_is_digit(s[we])) { /* "S60.3.12": an era's letter */
        size_t e = ew__pii_scan_era_letter(c, i);
        if (e) return e;
    }
    /* "IBAN: IT 60 X054 …": a country code apart from its check digits */
    if (wl == 2 && we + 3 < n && s[we] == ' ' && pii_is_digit(s[we + 1]) && pii_is_upper(s[i]) &&
        pii_is_upper(s[i + 1])) {
        size_t e = ew__pii_scan_iban(c, i);
        if (e) return e;
    }
    /* "SSN#163126604", "PO#2231": a label in capitals whose '#' says
     * "number"; the word is read as a cue and the walk goes on to the digits
     * ("Sommer#2024" stays one token: a password's shape) */
    if (we < n && ew__pii_tokch[s[we]] &&
        !(s[we] == '#' && we + 1 < n && pii_is_digit(s[we + 1]) && wl >= 2 && wl <= 5 &&
          pii_is_upper(s[i]) && pii_is_upper(s[we - 1]))) {
        size_t te = ew__pii_token_end(s, n, we);
        while (te > we &&
               (s[te - 1] == '.' || s[te - 1] == '!' || s[te - 1] == '?' || s[te - 1] == ':'))
            te--;
        if (te > we) {
            size_t e = ew__pii_scan_token(c, i, te);
            if (e) return e;
        }
    }
    uint32_t cues = 0, secret_at = c->cue_at[CUE_SECRET];
    if (ascii && wl < sizeof low) {
        memcpy(low, &w0, 8);
        memcpy(low + 8, &w1, 8);
        memcpy(low + 16, &w2, 8);
        const uint64_t q[3] = {w0, w1, w2};
        uint32_t hash = pii_word_hash3(w0, w1, w2, wl);
        uint32_t own;
        cues = note_cues(c, w, low, wl, i, we, hash, q, &own);
        if (!dash && wl < PII_WORD_MAX - 1 && we == pii_letters_end(s, n, i) &&
            (we >= n || (s[we] < 0x80 && s[we] != '\'' && s[we] != '-'))) {
            c->word.at = i; /* the name reader may reuse it */
            c->word.len = wl;
            memcpy(c->word.q, q, sizeof q);
            c->word.hash = hash;
            c->word.cues =
                own != UINT32_MAX ? own : ew__pii_cue_lookup3(q[0], q[1], q[2], wl, hash);
        }
        note_lang(c, cues, pii_is_lower(s[i]));
    } else {
        w->plen = 0;
        /* Vietnamese "mật khẩu" (password) */
        if (!ascii && wl == 5 && s[i + 1] == 0xE1 && (s[i] | 32) == 'm') {
            size_t r = vi_password_at(c, i);
            if (r) return r;
        }
        if (!ascii && wl < PII_WORD_MAX) { /* "Contraseña", "hasło": cue words with diacritics */
            char fw[PII_WORD_MAX];
            for (size_t f = 0; f < wl; f++)
                fw[f] = (char)(pii_is_upper(s[i + f]) ? s[i + f] | 32 : s[i + f]);
            fold_cyrillic(fw, wl); /* "Телефон" finds "телефон" */
            cues = ew__pii_cue_lookup(fw, wl) &
                   (PII_KW_PASSWORD | PII_KW_KEY | PII_KW_STREET | (1u << CUE_SECRET) |
                    (1u << CUE_NAME_NEXT) | (1u << CUE_PASSPORT) | (1u << CUE_PHONE) |
                    (1u << CUE_CARD));
            /* a password word with a one-letter ending: Armenian "գաղտնաբառը"
             * (the), Romanian "parolă"/"parola" are listed whole */
            size_t stem = wl >= 8 && s[i + wl - 2] >= 0xC2 ? wl - 2 : wl - 1;
            if (!cues && wl >= 8 &&
                (ew__pii_cue_lookup(fw, stem) & (PII_KW_PASSWORD | (1u << CUE_SECRET))) ==
                    (PII_KW_PASSWORD | (1u << CUE_SECRET)))
                cues = PII_KW_PASSWORD | (1u << CUE_SECRET);
            if (cues & (1u << CUE_SECRET)) c->cue_at[CUE_SECRET] = (uint32_t)we;
            if (cues & (1u << CUE_PASSPORT)) c->cue_at[CUE_PASSPORT] = (uint32_t)we; /* паспорт */
            if (cues & (1u << CUE_PHONE)) c->cue_at[CUE_PHONE] = (uint32_t)we; /* телефон */
            if (cues & (1u << CUE_CARD)) c->cue_at[CUE_CARD] = (uint32_t)we;   /* карта */
            if (cues & (1u << CUE_NAME_NEXT)) c->name_next_at = (uint32_t)we;
            /* "meu nome é X", "il nome è X": a copula right after a name word;
             * a capitalised word follows ("o nome é importante" is prose) */
            if (wl == 2 && s[i] == 0xC3 && (s[i + 1] == 0xA9 || s[i + 1] == 0xA8) &&
                c->cue_at[CUE_NAME] != CUE_NONE && c->cue_at[CUE_NAME] + 1 == i)
                c->title_at = (uint32_t)we;
        }
        /* compounds of the passport word, longer than a cue: "загранпаспорта" */
        if (!ascii && wl >= 16 && s[i] == 0xD0 &&
            pii_contains(s + i, wl, "\xD0\xBF\xD0\xB0\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82", 14))
            c->cue_at[CUE_PASSPORT] = (uint32_t)we;
        /* a lowercase word with Latin diacritics ("publié", "dotyczące"):
         * English has almost none */
        if (!ascii && (pii_is_lower(s[i]) || (s[i] == 0xC3 && i + 1 < n && s[i + 1] >= 0x9F))) {
            c->lang += (uint64_t)1 << 32;
            c->lower_words++;
        }
        /* Latin-1 accents folded to ASCII ("téléphone", "heiße"); other scripts
         * ("пароль") and the copula rule above keep what they found */
        if (!ascii && wl < PII_WORD_MAX) cues |= ew__pii_folded_cues(c, i, we);
    }
    /* most words of prose: nothing makes them a key */
    if (!plain_context(s, n, i, we, wl, cues, dash)) {
        size_t e = key_value(c, i, we, cues, dash, secret_at);
        if (e) return e;
    }
    /* a provider key may be capitals only ("AKIA" and 16 of A-Z2-7) or
     * letters and dashes ("glpat-yTWob-..."); other mixed case without
     * digits is an identifier ("dapiDataGetTopLong...") */
    size_t caps = 0;
    while (wl >= 16 && caps < wl && pii_is_upper(s[i + caps]))
        caps++;
    if (wl >= 16 && (caps == wl || memchr(s + i, '-', wl))) {
        size_t e = ew__pii_secret_token(s, n, i);
        if (e) {
            ew__pii_add(c, EW_PII_SECRET, i, e, 0.95f);
            return e;
        }
    }
    /* a German passport number may be capitals only ("CGVCPTFKW") */
    if (wl == 9 && pii_is_upper(s[i]) && pii_cue_near(c, CUE_PASSPORT, i, 40)) {
        size_t e = ew__pii_scan_passport(c, i);
        if (e) return e;
    }
    /* "AB 12 34 56 C": a NINO split by spaces starts with a two-letter word */
    if (wl == 2 && pii_is_upper(s[i]) && pii_is_upper(s[i + 1]) && we + 2 < n && s[we] == ' ' &&
        pii_is_digit(s[we + 1])) {
        size_t e = ew__pii_scan_nino(c, i);
        if (e) return e;
    }
    /* "born on March 12, 1985" */
    if (wl >= 3 && pii_cue_near(c, CUE_DOB, i, 48)) {
        int y, m, d;
        size_t e = ew__pii_parse_date(s, n, i, &y, &m, &d);
        if (e) {
            /* not under another date's label ("Departure\tJanuary 8, 2026") */
            if (!(ew__pii_value_label(c, i) & PII_LBL_DATE))
                ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, e, 0.9f);
            return e;
        }
    }
    bool cap, caseless = false;
    if (s[i] < 0x80) {
        cap = pii_is_upper(s[i]);
    } else {
        int l;
        uint32_t cp = ew__pii_decode(s, n, i, &l);
        cap = cp_is_upper(cp);
        c->seen_upper |= cap; /* Greek and Cyrillic capitals: the text is not lowercased */
        /* Armenian, Hebrew, Arabic, the Indic scripts, Thai, Georgian: a
         * street's name may start with any word ("აღმაშენებლის ქ. 43") */
        caseless = (cp >= 0x531 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0xE7F) ||
                   (cp >= 0x10D0 && cp <= 0x10FF);
    }
    /* Names and addresses are not consumed: the words inside them still get
     * their own checks, and overlaps are resolved at the end. */
    if (cap || (c->name_next_at != CUE_NONE && i - c->name_next_at <= 2) ||
        (!c->seen_upper && wl >= 3) ||
        (c->title_at != CUE_NONE && i - c->title_at <= 2 && (cues & PII_KW_PARTICLE))) {
        ew__pii_scan_address(c, i);
        ew__pii_scan_name(c, i, we, 0);
    } else if ((we < n && (s[we] == '.' || s[we] == '/') && (wl <= 3 || (!ascii && wl <= 12))) ||
               ((!ascii || (we < n && s[we] == '.')) && (cues & PII_KW_STREET)) || caseless) {
        /* "ul. Zamkowa 5", "skr. poczt. 45", "вул. Хрещатик", "просп. Миру", "а/я 12" */
        ew__pii_scan_address(c, i);
    }
    return we > i ? we : i + 1;
}

/* In text without capitals every word of three letters or more is looked at
 * as a name and an address. A plain ASCII word can start no name when it is
 * no gazetteer name (a lowercase run must start with one: read_run) and no
 * earlier name recurs (plain_run checks the first letters); it can start no
 * address when no digit follows within 48 bytes (a house number; plain_run
 * checks), it is no "US" box and no "on", "at" or "of" comes right before it
 * (a street named without a number). */
static bool name_like(uint64_t q0, uint64_t q1, uint64_t q2, size_t wl, uint32_t hash)
{
    if (!ew__gaz_maybe_name(hash)) return false;
    const uint64_t q[3] = {q0, q1, q2}; /* in memory only past the filter */
    unsigned g = ew__gaz_lookup_padded(q, wl, hash);
    return (g & (EW__GAZ_FIRST | EW__GAZ_LAST)) && !(g & EW__GAZ_COMMON);
}

/* The two bytes at p as one number, first byte low (a fixed order, so the
 * comparisons below hold on any machine). */
static inline unsigned pair_at(const unsigned char *p)
{
    return p[0] | (unsigned)p[1] << 8;
}
#define PAIR(a, b) ((unsigned)(a) | (unsigned)(b) << 8)

/* (s[i + 1] exists: the word at i has three letters) */
static bool place_word(const unsigned char *s, size_t i)
{
    if ((pair_at(s + i) | PAIR(32, 32)) == PAIR('u', 's')) return true;
    if (i < 3 || s[i - 1] != ' ') return false;
    unsigned before = pair_at(s + i - 3); /* "on ", "of ", "at " */
    return before == PAIR('o', 'n') || before == PAIR('o', 'f') || before == PAIR('a', 't');
}
#undef PAIR

/* Words starting before this offset have no digit within 48 bytes by the
 * cached next digit (what ew__pii_digit_ahead would answer without a search);
 * 0 when the cache says nothing. */
static size_t digit_free_end(const pii_ctx *c)
{
    size_t d = c->next_digit;
    if (d == SIZE_MAX) return 0;
    if (d >= c->n) return SIZE_MAX;
    return d > 48 ? d - 48 : 0;
}

/* The word at i lowercased and zero-padded into q (wl < PII_WORD_MAX). */
static inline void load_word(const unsigned char *s, size_t n, size_t i, size_t wl, uint64_t q[3])
{
    const uint64_t lower = 0x2020202020202020ull;
    if (i + 3 * 8 <= n) {
        memcpy(q, s + i, 3 * 8); /* fixed-size load, masked below */
    } else {                     /* near the end of the text */
        q[0] = q[1] = q[2] = 0;
        memcpy(q, s + i, wl);
    }
    q[0] = (q[0] | lower) & (wl >= 8 ? ~0ull : (1ull << (wl * 8)) - 1);
    q[1] = wl <= 8 ? 0 : (q[1] | lower) & (wl >= 16 ? ~0ull : (1ull << ((wl - 8) * 8)) - 1);
    q[2] = wl <= 16 ? 0 : (q[2] | lower) & ((1ull << ((wl - 16) * 8)) - 1);
}

/* What plain_run learnt of the words of up to seven letters seen in this
 * scan, direct-mapped by the word: the word lowercased and zero-padded (0:
 * empty; every word has a letter) and word_facts' answer for it, which
 * depends on the word alone, so a word that recurs is not asked again. One
 * memo for text with capitals and one for text without, each cleared when
 * the scan first uses it: words of a prompt do not outlive its scan in
 * them. 256 slots hold a paragraph's short words with few collisions. */
#define PII_MEMO_BITS  8
#define PII_MEMO_SLOTS (1 << PII_MEMO_BITS)
struct pii_memo {
    uint64_t q[PII_MEMO_SLOTS]; /* cleared when first used */
    uint64_t facts[PII_MEMO_SLOTS];
};

/* The scan's memo for text with (0) or without (1) capitals. */
static inline struct pii_memo *scan_memo(pii_ctx *c, bool lower_text)
{
    struct pii_memo *m = &c->memo[lower_text];
    if (!((c->memo_ready >> lower_text) & 1)) {
        memset(m->q, 0, sizeof m->q);
        c->memo_ready |= (uint8_t)(1u << lower_text);
    }
    return m;
}

/* The cue table flags of a plain word (zero-padded in q0..q2) and, above
 * them, whether it may be a gazetteer name (asked in text without capitals
 * only, where it starts a name read: name_like) and its count for the
 * language (lang_add, as an index: one table read per word). */
#define PII_FACT_NAME (1ull << 32)
/* Bits 35-36: lang_add of the cue flags as an index of lang_steps. */
#define PII_FACT_LANG_SHIFT 35
static const uint64_t lang_steps[4] = {0, 1, 1ull << 32, 1 | 1ull << 32};
static inline uint64_t word_facts(uint64_t q0, uint64_t q1, uint64_t q2, size_t wl, bool lower_text)
{
    uint32_t hash = pii_word_hash3(q0, q1, q2, wl);
    uint32_t cues = pii_cue_probe(q0, q1, q2, wl, hash);
    uint64_t add = lang_add(cues), facts = cues;
    facts |= (uint64_t)((add & 1) | (add >> 31)) << PII_FACT_LANG_SHIFT;
    if (lower_text && wl >= 3 && name_like(q0, q1, q2, wl, hash)) facts |= PII_FACT_NAME;
    return facts;
}

/* In the memo of text with capitals, asked by function_capital only (the
 * bit PII_FACT_ASKED set): the gazetteer has the word only as an ordinary
 * word or a place, so the name reader takes no name starting with it
 * (common_first_word). */
#define PII_FACT_COMMON (1ull << 33)
#define PII_FACT_ASKED  (1ull << 34)

/* A memo slot's answer for the plain word of wl (< 8) letters in q0. */
static inline unsigned memo_slot(struct pii_memo *memo, uint64_t q0, size_t wl, bool lower_text)
{
    unsigned h = (unsigned)((q0 * 0x9E3779B97F4A7C15ull) >> (64 - PII_MEMO_BITS));
    if (memo->q[h] != q0) {
        uint64_t facts = word_facts(q0, 0, 0, wl, lower_text);
        memo->q[h] = q0;
        memo->facts[h] = facts;
    }
    return h;
}

/* A capitalised word at j that starts no name by itself: a function word
 * ("The", "In", "What") or one the gazetteer has only as an ordinary word
 * ("Thanks", "Write", "Please"), up to seven letters, then a space and a
 * letter, in text with capitals, with a space (not after '='), a line's
 * start or nothing before it, and no cue phrase under way. All on_word
 * would do with it is count it for the language: it is no cue and no key
 * (plain_context), the name reader returns at once (its function word and
 * common first word exits; no name known so far starts with its letter),
 * and so does the address reader without a digit ahead or "of", "on", "at"
 * before it (ew__pii_scan_address). Returns its end with the count added to
 * *lang, or 0 when on_word must read it. */
static __attribute__((noinline)) size_t function_capital(pii_ctx *c, size_t j, uint64_t *lang)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (j + 16 > n) return 0;
    /* a space (not after '=') or a line's start before it; not after "of",
     * "on", "at" (p2); "U..." may be a US box (ew__pii_scan_address) */
    unsigned p1 = j ? s[j - 1] : '\n', p2 = j >= 3 && p1 == ' ' ? s[j - 2] | 32 : 0;
    if ((p1 != ' ' && p1 != '\n') || (p1 == ' ' && j >= 2 && s[j - 2] == '=') || p2 == 'f' ||
        p2 == 'n' || p2 == 't' || s[j] == 'U')
        return 0;
    uint64_t v;
    memcpy(&v, s + j, 8);
    uint64_t stop = pii_letters_stop(v);
    if (!stop) return 0;
    size_t wl = (size_t)__builtin_ctzll(stop) >> 3, we = j + wl;
    if (s[we] != ' ' || !pii_is_alpha(s[we + 1])) return 0;
    /* "AUTH x", "Pass Nr": keys by their letters (plain_context) */
    if ((wl == 4 && (s[j] == 'A' || s[j] == 'P')) || glued_pass_word(s, j, we)) return 0;
    if (wl >= 3 && pii_cue_near(c, CUE_DOB, j, 48)) return 0; /* "May 12, 1985" */
    struct pii_memo *memo = scan_memo(c, false);
    uint64_t q0 = (v | 0x2020202020202020ull) & ((1ull << (wl * 8)) - 1);
    unsigned h = memo_slot(memo, q0, wl, false);
    uint64_t facts = memo->facts[h];
    if (facts & (PII_CUE_PREFIX | PII_KW_KEY | ((1u << CUE_COUNT) - 1))) return 0;
    if (!(facts & (PII_KW_FUNC | PII_KW_STOP | PII_FACT_ASKED)) && wl >= 2) {
        const uint64_t q[3] = {q0, 0, 0};
        unsigned g = ew__gaz_lookup_padded(q, wl, pii_word_hash3(q0, 0, 0, wl));
        facts |= PII_FACT_ASKED;
        if (!(g & (EW__GAZ_FIRST | EW__GAZ_LAST | EW__GAZ_WORD)) &&
            (g & (EW__GAZ_COMMON | EW__GAZ_PLACE)))
            facts |= PII_FACT_COMMON;
        memo->facts[h] = facts;
    }
    if (!(facts & (PII_KW_FUNC | PII_KW_STOP | PII_FACT_COMMON))) return 0;
    if (!(facts & (PII_KW_FUNC | PII_KW_STOP)))
        for (int k = 0; k < c->n_known_name; k++)
            if (s[c->known_name[k].at] == s[j]) return 0; /* known_name_at may take it */
    if (ew__pii_digit_ahead(c, j, 48) || (c->next_digit < n && c->next_digit - j <= 40)) return 0;
    *lang += lang_add((uint32_t)facts);
    return we;
}

/* The commonest case, a run of plain lowercase ASCII words of prose, each
 * followed by a space and another word, or by ", " or ". ": one table probe
 * per word (or none for a word seen before) tells that it is no cue, and
 * nothing else on_word checks can apply. What cannot change inside the run
 * (a phrase under way, capitals seen, the names known, where a name or a
 * birth date is expected) is read once; lower_text is a constant in each of
 * the two copies the compiler makes. Returns where the walk goes on; *word
 * is set when on_word must read the word starting there (a cue, a value or
 * key after it, a name or birth date expected, a possible name in text
 * without capitals), *address when the plain word there can start an
 * address but no name (text without capitals): of on_word's work only
 * ew__pii_scan_address is left for it. The same decisions as taking the
 * words one at a time. */
static inline __attribute__((always_inline)) size_t
plain_words(pii_ctx *c, size_t i, const bool lower_text, bool *word, bool *address)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    /* the first letters of the names known: a word starting with another
     * letter repeats none of them (known_name_at in pii_name.c) */
    uint32_t known = 0;
    for (int j = 0; lower_text && j < c->n_known_name; j++) {
        unsigned b = s[c->known_name[j].at];
        if (pii_is_lower(b)) known |= 1u << (b - 'a');
    }
    /* A name is expected up to 2 bytes after name_at, a birth date up to 48
     * after dob_at; past both, neither needs a look. Offsets are below
     * UINT32_MAX (CUE_NONE), so i - CUE_NONE is never small. */
    const size_t name_at = c->name_next_at, dob_at = c->cue_at[CUE_DOB];
    const size_t title_at = c->title_at; /* "mevrouw van Dijk": a particle after it */
    size_t hot_end = 0;
    if (name_at != CUE_NONE) hot_end = name_at + 2;
    if (dob_at != CUE_NONE && dob_at + 48 > hot_end) hot_end = dob_at + 48;
    size_t digit_free = lower_text ? digit_free_end(c) : 0;
    struct pii_memo *memo = scan_memo(c, lower_text);
    uint64_t lang = 0; /* note_lang's sums, added to c at the end */
    uint32_t words = 0;
    for (;;) { /* i is where the walk goes on, at every exit */
        size_t we, wl;
        uint64_t facts;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint64_t v, stop = 0;
        /* a word of up to 7 letters: one load gives all, and the two bytes
         * after it are in the text (we + 2 <= i + 9 < n) */
        if (i + 16 <= n) {
            memcpy(&v, s + i, 8);
            stop = pii_letters_stop(v);
        }
        if (stop) {
            wl = (size_t)__builtin_ctzll(stop) >> 3;
            we = i + wl;
            uint64_t q0 = (v | 0x2020202020202020ull) & ((1ull << (wl * 8)) - 1);
            unsigned h = memo_slot(memo, q0, wl, lower_text);
            facts = memo->facts[h];
        } else
#endif
        {
            we = pii_letters_end(s, n, i), wl = we - i;
            if (wl >= PII_WORD_MAX || we + 2 > n) break;
            uint64_t q[3]; /* the word lowercased and zero-padded */
            load_word(s, n, i, wl, q);
            facts = word_facts(q[0], q[1], q[2], wl, lower_text);
        }
        if (i <= hot_end && (i - name_at <= 2 || (wl >= 3 && i - dob_at <= 48))) break;
        unsigned nx = s[we], nx2 = s[we + 1];
        bool next_plain = nx == ' ' && pii_is_lower(nx2); /* the commonest */
        if (!next_plain && (nx == ' ' ? !(pii_is_alpha(nx2) || nx2 >= 0xC2)
                                      : nx != '\n' && !((nx == ',' || (nx == '.' && wl > 2)) &&
                                                        (nx2 == ' ' || nx2 == '\n'))))
            break;
        bool place = false; /* an address may start here, a name not */
        if (lower_text && wl >= 3) {
            if (((known >> (s[i] - 'a')) & 1) || (facts & PII_FACT_NAME)) break;
            if (place_word(s, i)) {
                place = true;
            } else if (i >= digit_free) {
                place = ew__pii_digit_ahead(c, i, 48);
                digit_free = digit_free_end(c);
            }
        }
        uint32_t f = (uint32_t)facts;
        if (f) { /* a listed word (most are not) */
            /* a context cue, the start of a cue phrase or a provider's name:
             * on_word notes it */
            if (f & (PII_CUE_PREFIX | PII_KW_KEY | ((1u << CUE_COUNT) - 1))) break;
            if ((f & PII_KW_PARTICLE) && i - title_at <= 2) break; /* on_word reads the name */
            if ((f & PII_KW_STREET) && nx == '.') break;           /* "str. Ștefan cel Mare 93" */
            /* note_lang: word classes matter here only for the language */
            lang += lang_steps[(facts >> PII_FACT_LANG_SHIFT) & 3];
        }
        words++;
        if (__builtin_expect(place, 0)) { /* the caller reads the address */
            *word = false;
            *address = true;
            break;
        }
        /* the next word, when it starts plain: after a space, or ", " / ". " */
        if (next_plain) {
            i = we + 1;
            continue;
        }
        if (nx == ' ' || nx == '\n' || nx2 != ' ' || we + 2 >= n || !pii_is_lower(s[we + 2])) {
            *word = false;
            i = we;
            break;
        }
        i = we + 2;
    }
    c->lang += lang;
    c->lower_words += words;
    return i;
}

static size_t plain_run(pii_ctx *c, const walk *w, size_t i, bool *word, bool *address)
{
    *word = true;
    *address = false;
    if (w->plen) return i;
    return c->seen_upper ? plain_words(c, i, false, word, address)
                         : plain_words(c, i, true, word, address);
}

/* A hex dump's bytes ("00053d90  30 93 7d b2 cb cf 42 1e a5 57 0c 06 8b"):
 * eight or more pairs of hex digits, one space apart, around i, two of them
 * with a letter. Returns the end of those after i, or 0. */
static size_t hex_dump_end(const unsigned char *s, size_t n, size_t i)
{
    if (i + 2 > n || !pii_is_hex(s[i + 1]) || (i + 2 < n && s[i + 2] != ' ')) return 0;
    if (i > 0 && s[i - 1] != ' ') return 0;
    size_t pairs = 0, letters = 0, k = i;
    while (k >= 3 && s[k - 1] == ' ' && pii_is_hex(s[k - 2]) && pii_is_hex(s[k - 3]) &&
           (k == 3 || s[k - 4] == ' ') && pairs < 8) {
        letters += pii_is_alpha(s[k - 2]) || pii_is_alpha(s[k - 3]);
        pairs++, k -= 3;
    }
    for (k = i; k + 1 < n && pii_is_hex(s[k]) && pii_is_hex(s[k + 1]) &&
                (k + 2 == n || s[k + 2] == ' ' || s[k + 2] == '\n');
         k += 3) {
        letters += pii_is_alpha(s[k]) || pii_is_alpha(s[k + 1]);
        pairs++;
    }
    /* bytes, not numbers in a row: some pairs hold the digits a-f */
    return pairs >= 8 && letters >= 2 ? k - 1 : 0;
}

static size_t on_digit(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    size_t hd = hex_dump_end(s, n, i);
    if (hd) return hd;
    size_t te = ew__pii_token_end(s, n, i);
    /* 1: a letter; 2: ':', '@', '_', '&' or '=' ("1&secret=x": a query
     * string goes on after the number) */
    static const uint8_t kind[256] = {['A' ... 'Z'] = 1, ['a' ... 'z'] = 1, [':'] = 2, ['@'] = 2,
                                      ['_'] = 2,         ['&'] = 2,         ['='] = 2};
    unsigned seen = 0;
    for (size_t k = i; k < te; k++)
        seen |= kind[s[k]];
    bool letters = seen & 1, other = seen & 2;
    if (letters || other) {
        size_t e = ew__pii_scan_token(c, i, te);
        if (e) return e;
        if (letters && !other) {
            /* "4th", "10am", "3.5GHz": a unit or ordinal, unless an address starts
             * here or it is a phone with an extension ("555-0132x12") */
            ew__pii_scan_address(c, i);
            ew__pii_scan_number(c, i);
            return te;
        }
    }
    ew__pii_scan_address(c, i);
    size_t e = ew__pii_scan_number(c, i);
    if (e) return e;
    while (i < n && (pii_is_alnum(s[i])))
        i++;
    return i;
}

/* Can a field's value start after the separator at i (0 < i < n - 1)? A
 * label's colon after a word ("Address:", "Siège :", "\"address\":"), an
 * INI or logfmt '=', a start tag's '>', a quoted CSV cell or a cell after ';'. */
static inline bool label_end(const unsigned char *s, size_t i)
{
    unsigned ch = s[i], p = s[i - 1], nx = s[i + 1];
    if (ch == ':')
        return nx != '/' && nx != ':' && (pii_is_alpha(p) || p >= 0x80 || p == '"' || p == ' ');
    if (ch == '>') return pii_is_alpha(p) && nx != '<' && nx != '\n';
    if (ch == '=') /* INI and logfmt: address = "...", address="..." */
        return (pii_is_alpha(p) || p == ' ') && (nx == '"' || nx == ' ' || nx == '\'');
    if (ch == ';' || ch == ',') return nx == '"' || (ch == ';' && nx > ' ');
    return false;
}

static size_t on_punct(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    unsigned ch = s[i];
    size_t e = 0;
    if (ch == '(' && i + 1 < n && pii_is_digit(s[i + 1])) {
        /* "(415) 555-0132" opens with an area code; "(123-45-6789)" is a
         * number in parentheses, read from its first digit */
        size_t k = i + 1;
        while (k < n && pii_is_digit(s[k]) && k - i <= 6)
            k++;
        if (k < n && s[k] == ')') e = ew__pii_scan_number(c, i);
    } else if (ch == '(' && i + 2 < n && s[i + 1] == '+' && pii_is_digit(s[i + 2])) {
        e = ew__pii_scan_number(c, i); /* "(+48) 601 234 567" */
    } else if (ch == '+' && i + 1 < n && pii_is_digit(s[i + 1])) {
        e = ew__pii_scan_number(c, i);
    } else if (ch == '-' && i + 10 < n && s[i + 1] == '-' && ew__pii_armour_begin(s, n, i)) {
        e = ew__pii_scan_pem(c, i);
    } else if (ch == '-' && i + 2 < n &&
               (i == 0 || pii_is_space(s[i - 1]) || s[i - 1] == '`' || s[i - 1] == '"') &&
               (pii_is_alpha(s[i + 1]) || s[i + 1] == '-')) {
        e = ew__pii_scan_flag(c, i); /* "--password x", "-p x" */
    } else if (ch == '/' && i + 3 < n &&
               (((s[i + 1] | 32) == 'u' && i + 6 < n) ||
                ((s[i + 1] | 32) == 'a' && i > 0 && s[i - 1] == ' '))) {
        e = ew__pii_scan_net_user(c, i); /* net use ... /user:name password; net user ... /add */
    } else if (ch == '$') {
        c->cue_at[CUE_PRICE] = (uint32_t)i + 1;
        if (i + 3 < n && (pii_is_alnum(s[i + 1]))) e = ew__pii_scan_pwhash(c, i);
    } else if (ch == '|' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ') {
        e = ew__pii_scan_pipe(c, i); /* echo "<v>" | docker login --password-stdin */
    } else if (ch == '<' && i + 3 < n && s[i + 1] == '<' && s[i + 2] == '<') {
        e = ew__pii_scan_here_string(c, i); /* vault login - <<< "<v>" */
    } else if (ch == '#' && i + 1 < n && pii_is_digit(s[i + 1]) &&
               !(i > 0 && pii_is_alpha(s[i - 1]))) {
        c->cue_at[CUE_NEG] = (uint32_t)i + 1; /* "#12345": an order or issue number */
    } else if ((ch == '(' || ch == '[') && i > 0 && i + 6 < n && (s[i + 1] | 32) == 'a' &&
               (s[i + 2] | 32) == 't' && s[i + 3] == (ch == '(' ? ')' : ']')) {
        e = ew__pii_scan_email_obf_at(c, i); /* "office[at]gmx.de", "office [at] gmx [dot] de" */
    } else if (ch == '@' && i > 0 && s[i - 1] >= 0x80 && i + 1 < n) {
        e = ew__pii_scan_email_at(c, i); /* a CJK local part: "用户@例子.中国" */
    } else if (i > 0 && i + 1 < n && label_end(s, i)) {
        ew__pii_scan_label_address(c, i); /* "Address: ...", "<deliveryAddress>...", a CSV cell */
    }
    return e ? e : i + 1;
}

static void scan_walk(pii_ctx *c)
{
    const unsigned char *s = c->s;
    size_t n = c->n, i = 0;
    walk w = {.plen = 0};
    while (i < n && !c->status) {
        unsigned ch = s[i];
        /* the two commonest cases first, without the jump table */
        if (ch == ' ') {
            i++;
            continue;
        }
        if (pii_is_lower(ch) && (i == 0 || s[i - 1] == ' ')) {
            bool word, address;
            i = plain_run(c, &w, i, &word, &address);
            if (word) {
                i = on_word(c, &w, i);
            } else if (address) {
                /* all on_word would do for this word: the name reader
                 * returns 0 at once for it */
                ew__pii_scan_address(c, i);
                i = pii_letters_end(s, n, i);
            }
            continue;
        }
        switch (ew__pii_class[ch]) {
        case PC_SPACE:
            if (ch == '\n') {
                /* after a label alone on its (short) line ("Address", "address: |", "c/o …") */
                if (i - c->line_start <= 52 && i > 0 && i + 1 < n && s[i + 1] != '\n' &&
                    (pii_is_alpha(s[i - 1]) || s[i - 1] == ':' || s[i - 1] == '|' ||
                     s[i - 1] >= 0x80))
                    ew__pii_scan_label_block(c, i);
                c->line_start = (uint32_t)i + 1;
                /* a passport's machine-readable line: 44 characters */
                size_t mz = i + 45 <= n && pii_is_digit(s[i + 44]) ? ew__pii_scan_mrz(c, i + 1) : 0;
                if (mz) {
                    i = mz;
                    continue;
                }
            }
            i++;
            continue;
        case PC_UPPER:
            c->seen_upper = true;
            /* fall through */
        case PC_LOWER:
        case PC_U2:
            /* inside an identifier; a leading '_' starts one ("_auth="); a
             * query string's next parameter starts after '&' ("a_b=1&secret=x"),
             * a value after '=' ("ntp_server=172.19.37.148") */
            if (i > 0 &&
                (pii_is_alnum(s[i - 1]) ||
                 (s[i - 1] == '_' && i > 1 && (pii_is_alnum(s[i - 2]) || s[i - 2] == '_')))) {
                while (i < n && ew__pii_tokch[s[i]] && s[i] != '&' && s[i] != '=')
                    i++;
                if (i < n && !ew__pii_tokch[s[i]]) continue;
                i += i < n;
                continue;
            }
            if (ch < 'a' && !w.plen) { /* "The", "In": ASCII capitals */
                uint64_t lang = 0;
                size_t e = function_capital(c, i, &lang);
                if (e) {
                    c->lang += lang;
                    i = e;
                    continue;
                }
            }
            i = on_word(c, &w, i);
            continue;
        case PC_DIGIT:
            if (i > 0 && (pii_is_alpha(s[i - 1]) || s[i - 1] == '_' || prev_latin(s, i))) {
                while (i < n && (pii_is_alnum(s[i]) || s[i] == '_'))
                    i++;
                continue;
            }
            i = on_digit(c, i);
            continue;
        case PC_U3:
            if (pii_walk_to_cjk(s, n, i)) { /* Han, kana, hangul, CJK punctuation */
                i = ew__pii_scan_cjk(c, i);
                continue;
            }
            /* a word that starts with a letter of Latin Extended Additional
             * ("Ọlátúndé"); one inside a word was read with it by on_word */
            if (latin_ext_at(s, n, i)) {
                i = on_word(c, &w, i);
                continue;
            }
            /* the Indic scripts, Thai, Lao, Burmese, Georgian, Ethiopic,
             * Khmer (U+0900..U+17FF): dates in their digits, names after
             * their cues */
            int dl;
            if ((ch == 0xE0 || ch == 0xE1) && ew__pii_uni_digit(s, n, i, &dl) >= 0) {
                size_t e = ew__pii_scan_indic_date(c, i);
                if (!e) e = ew__pii_scan_word_date(c, i); /* "๑๔ มิถุนายน ๒๔๗๙" */
                if (e) {
                    i = e;
                    continue;
                }
            }
            if (ch == 0xE0 || (ch == 0xE1 && i + 1 < n && s[i + 1] < 0xA0)) {
                /* a street named first ("აღმაშენებლის ქ. 43", "गली नं. 4") */
                if (i == 0 || (s[i - 1] < 0x80 && !pii_is_alnum(s[i - 1])))
                    ew__pii_scan_address(c, i);
                size_t e = ew__pii_scan_script_name(c, i);
                if (e) {
                    i = e;
                    continue;
                }
            }
            if (ch == 0xEF && ew__pii_fw_area_code(s, n, i)) { /* "（0571）7117 2171" */
                size_t e = ew__pii_scan_number(c, i);
                if (e > i) {
                    i = e;
                    continue;
                }
            }
            /* 一九… 二〇…: a year in Chinese numerals */
            if (ch == 0xE4 && i + 3 < n &&
                ((s[i + 1] == 0xB8 && s[i + 2] == 0x80) ||
                 (s[i + 1] == 0xBA && s[i + 2] == 0x8C))) {
                size_t e = ew__pii_scan_han_date(c, i);
                if (e) {
                    i = e;
                    continue;
                }
            }
            i = ew__pii_scan_cjk(c, i);
            continue;
        case PC_OTHER:
            i = on_punct(c, i);
            continue;
        case PC_U4: { /* "here you go 🔑 <key>" */
            size_t e = ch == 0xF0 ? ew__pii_scan_key_emoji(c, i) : 0;
            i = e ? e : i + 1;
            continue;
        }
        default:
            i++;
            continue;
        }
    }
}

/* ---- resolution -------------------------------------------------------------- */
/* Types that are costlier to leak win ties. */
static const float type_bonus[EW_PII_TYPE_COUNT] = {
    [EW_PII_SECRET] = 0.30f,        [EW_PII_CUSTOM] = 0.25f,
    [EW_PII_CREDIT_CARD] = 0.20f,   [EW_PII_IBAN] = 0.20f,
    [EW_PII_US_SSN] = 0.15f,        [EW_PII_CN_RESIDENT_ID] = 0.20f,
    [EW_PII_EMAIL] = 0.15f,         [EW_PII_CRYPTO_ADDRESS] = 0.15f,
    [EW_PII_IP_ADDRESS] = 0.10f,    [EW_PII_MAC_ADDRESS] = 0.10f,
    [EW_PII_UK_NINO] = 0.10f,       [EW_PII_PASSPORT] = 0.05f,
    [EW_PII_DATE_OF_BIRTH] = 0.05f, [EW_PII_PHONE] = 0.0f,
    [EW_PII_STREET_ADDRESS] = 0.0f, [EW_PII_PERSON] = 0.0f,
};

static int cmp_start(const void *a, const void *b)
{
    const ew_pii_span *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

/* Sorts the candidates by cmp_start, keeping equal ones in the order they
 * were found (as qsort's merge sort does). The readers add them almost in
 * order, so an insertion sort moves few; past a budget of moves (text made
 * to reverse them) qsort sorts the rest, stable too. */
static void sort_candidates(ew_pii_span *sp, int n)
{
    long budget = 8L * n + 64;
    for (int k = 1; k < n; k++) {
        ew_pii_span v = sp[k];
        int j = k;
        while (j > 0 && cmp_start(&sp[j - 1], &v) > 0 && budget-- > 0) {
            sp[j] = sp[j - 1];
            j--;
        }
        sp[j] = v;
        if (budget <= 0) {
            qsort(sp, (size_t)n, sizeof *sp, cmp_start);
            return;
        }
    }
}

static float strength(const ew_pii_span *s)
{
    return s->score + type_bonus[s->type] + (float)(s->end - s->start) * 1e-4f;
}

static bool allowed(const ew_pii_scanner *sc, const unsigned char *s, const ew_pii_span *sp)
{
    size_t n = sp->end - sp->start;
    const unsigned char *v = s + sp->start;
    for (int i = 0; i < sc->n_allow; i++) {
        const pii_allow *a = &sc->allow[i];
        if (!a->is_domain) {
            if (a->len == n && !strncasecmp((const char *)v, a->value, n)) return true;
            continue;
        }
        /* domain: the span ends with "@domain" or ".domain", or is the domain. */
        if (n >= a->len && !strncasecmp((const char *)v + n - a->len, a->value, a->len) &&
            (n == a->len || v[n - a->len - 1] == '@' || v[n - a->len - 1] == '.'))
            return true;
    }
    return false;
}

/* A span that holds another whole wins over it unless it is much weaker:
 * an address block beats the city name inside it. */
static int prefer_container(const ew_pii_span *sp, int i, int j, int best)
{
    for (int guard = 0; guard < 4; guard++) {
        int up = -1;
        for (int k = i; k < j; k++) {
            const ew_pii_span *a = &sp[k], *b = &sp[best];
            if (k == best || a->score <= 0 || a->start > b->start || a->end < b->end ||
                (a->start == b->start && a->end == b->end))
                continue;
            /* only soft findings yield to a container: never a card or a key */
            if (b->type != EW_PII_PERSON && b->type != EW_PII_STREET_ADDRESS &&
                b->type != EW_PII_DATE_OF_BIRTH)
                continue;
            /* a street holds no birth date: one that seems to is a date read
             * as a street ("Kaarawan: Pebrero 11, 1962\nPetsa …") */
            if (b->type == EW_PII_DATE_OF_BIRTH && a->type == EW_PII_STREET_ADDRESS) continue;
            if (a->score + type_bonus[a->type] >= b->score + type_bonus[b->type] - 0.3f &&
                (up < 0 || strength(a) > strength(&sp[up])))
                up = k;
        }
        if (up < 0) break;
        best = up;
    }
    return best;
}

/* Sorted, non-overlapping spans: within each cluster of overlapping
 * candidates the strongest are kept greedily. */
static void resolve(pii_ctx *c)
{
    ew_pii_result *res = c->res;
    ew_pii_span *sp = res->spans;
    int n = 0;
    for (int k = 0; k < res->n; k++)
        if (sp[k].score >= c->sc->min_score[sp[k].type]) sp[n++] = sp[k];
    res->n = n;
    if (n == 0) return;
    sort_candidates(sp, n);
    int out = 0, i = 0;
    while (i < n) {
        int j = i + 1;
        uint32_t end = sp[i].end;
        while (j < n && sp[j].start < end) {
            if (sp[j].end > end) end = sp[j].end;
            j++;
        }
        /* cluster [i, j): pick by strength; a picked span excludes overlaps. */
        for (;;) {
            int best = -1;
            for (int k = i; k < j; k++)
                if (sp[k].score > 0 && (best < 0 || strength(&sp[k]) > strength(&sp[best])))
                    best = k;
            if (best < 0) break;
            best = prefer_container(sp, i, j, best);
            ew_pii_span pick = sp[best];
            for (int k = i; k < j; k++)
                if (sp[k].score > 0 && sp[k].start < pick.end && pick.start < sp[k].end)
                    sp[k].score = 0;
            sp[best] = pick;
            sp[best].score = -pick.score; /* mark as picked */
        }
        for (int k = i; k < j; k++)
            if (sp[k].score < 0) {
                sp[k].score = -sp[k].score;
                sp[out++] = sp[k];
            }
        i = j;
    }
    int kept = 0;
    for (int k = 0; k < out; k++) {
        if (c->sc->n_allow && allowed(c->sc, c->s, &sp[k])) continue;
        sp[kept++] = sp[k];
    }
    res->n = kept;
    if (kept > c->sc->max_spans) c->status = EW_ERR_TOO_LARGE;
}

static void fail_closed(ew_pii_result *res, int status, size_t len)
{
    res->failed_closed = true;
    res->status = status;
    res->types |= EW_PII_BIT(EW_PII_SECRET);
    if (res->counts[EW_PII_SECRET] == 0) res->counts[EW_PII_SECRET] = 1;
    /* One span over everything, so a redacting caller hides it all. */
    if (res->cap >= 1 || (res->spans = malloc(sizeof *res->spans)) != NULL) {
        if (res->cap < 1) res->cap = 1;
        res->spans[0] =
            (ew_pii_span){EW_PII_SECRET, 0, (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len), 1.0f};
        res->n = 1;
    } else {
        res->n = 0;
    }
}

int ew_pii_scan(const ew_pii_scanner *sc, const char *text, size_t len, ew_pii_result *res)
{
    if (!res) return EW_ERR_INVALID;
    result_reset(res);
    if (!sc) {
        pthread_once(&default_once, default_build);
        sc = default_scanner;
        if (!sc) {
            fail_closed(res, EW_ERR_NOMEM, len);
            return EW_ERR_NOMEM;
        }
    }
    if (!text && len) {
        fail_closed(res, EW_ERR_INVALID, 0);
        return EW_ERR_INVALID;
    }
    if (len > sc->max_input) {
        fail_closed(res, EW_ERR_TOO_LARGE, len);
        return EW_ERR_TOO_LARGE;
    }
    pii_fold fold = {0};
    if (ew__pii_fold_needed((const unsigned char *)text, len) &&
        ew__pii_fold((const unsigned char *)text, len, &fold) != EW_OK) {
        fail_closed(res, EW_ERR_NOMEM, len);
        return EW_ERR_NOMEM;
    }
    pii_awords words;
    memset(words.at, 0, sizeof words.at);
    struct pii_memo memo[2]; /* cleared when first used */
    pii_ctx c = {.sc = sc,
                 .s = fold.s ? fold.s : (const unsigned char *)text,
                 .n = fold.s ? fold.n : len,
                 .res = res,
                 .awords = &words,
                 .memo = memo};
    for (int k = 0; k < CUE_COUNT; k++)
        c.cue_at[k] = CUE_NONE;
    c.name_next_at = CUE_NONE;
    c.next_digit = SIZE_MAX;
    c.word.at = SIZE_MAX;
    c.title_at = CUE_NONE;
    scan_walk(&c);
    if (!c.status && pii_not_english(&c))
        for (int k = 0; k < c.n_weak_person; k++) {
            ew_pii_span *sp = &res->spans[c.weak_person[k]];
            if (!ew__pii_name_evidence(&c, sp->start, sp->end)) sp->score = 0;
        }
    free(c.weak_person);
    if (!c.status && c.n_dob_maybe) ew__pii_dob_records(&c); /* after weak names are dropped */
    if (!c.status && (sc->ac || sc->n_regex)) ew__pii_scan_deny(&c);
    if (!c.status) resolve(&c);
    if (!c.status && fold.s) ew__pii_fold_spans(&fold, res);
    ew__pii_fold_free(&fold);
    if (c.status) {
        fail_closed(res, c.status, len);
        return c.status;
    }
    for (int k = 0; k < res->n; k++) {
        ew_pii_type t = res->spans[k].type;
        res->types |= EW_PII_BIT(t);
        if (res->counts[t] < UINT16_MAX) res->counts[t]++;
    }
    return EW_OK;
}
