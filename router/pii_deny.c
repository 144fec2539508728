/* Custom deny terms. Literal terms are compiled once into an Aho-Corasick
 * automaton (a complete DFA over a compressed byte alphabet, ASCII case
 * folded) and matched on word boundaries in one pass; regexes are POSIX
 * extended expressions from libc, each compiled once with regcomp. */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "router/pii_internal.h"

#define AC_MAX_BYTES (256u << 10) /* total bytes of all terms */

struct pii_ac {
    int nstates;
    int nclass;         /* alphabet size; class 0 = bytes in no term */
    uint8_t cls[256];   /* byte -> class */
    int32_t *delta;     /* (nstates, nclass) next state */
    int32_t *out_term;  /* (nstates) term ending here, or -1 */
    int32_t *out_next;  /* (nstates) next state on the suffix chain with an output */
    uint32_t *term_len; /* (nterms) */
    ew_pii_type *term_type;
    uint8_t *emit;      /* (nstates) a term ends here or on the suffix chain */
    uint8_t start[256]; /* the byte leaves the root: prose skips to such bytes */
};

static unsigned fold(unsigned ch)
{
    return pii_is_upper(ch) ? ch | 32 : ch;
}

static void ac_free(pii_ac *ac)
{
    if (!ac) return;
    free(ac->delta);
    free(ac->out_term);
    free(ac->out_next);
    free(ac->term_len);
    free(ac->term_type);
    free(ac->emit);
    free(ac);
}

static int ac_build(pii_ac *ac, const ew_pii_deny *deny, int n_deny, int nterms, size_t total)
{
    /* alphabet: every folded byte that appears in a term */
    for (int i = 0; i < n_deny; i++) {
        if (deny[i].regex) continue;
        for (const unsigned char *p = (const unsigned char *)deny[i].pattern; *p; p++) {
            unsigned f = fold(*p);
            if (!ac->cls[f]) ac->cls[f] = (uint8_t)++ac->nclass;
        }
    }
    ac->nclass++;
    for (int b = 0; b < 256; b++)
        ac->cls[b] = ac->cls[fold((unsigned)b)];
    size_t maxstates = total + 1;
    ac->delta = malloc(maxstates * (size_t)ac->nclass * sizeof *ac->delta);
    ac->out_term = malloc(maxstates * sizeof *ac->out_term);
    ac->out_next = malloc(maxstates * sizeof *ac->out_next);
    ac->term_len = calloc((size_t)nterms, sizeof *ac->term_len);
    ac->term_type = calloc((size_t)nterms, sizeof *ac->term_type);
    int32_t *fail = malloc(maxstates * sizeof *fail);
    int32_t *queue = malloc(maxstates * sizeof *queue);
    if (!ac->delta || !ac->out_term || !ac->out_next || !ac->term_len || !ac->term_type || !fail ||
        !queue) {
        free(fail);
        free(queue);
        return EW_ERR_NOMEM;
    }
    memset(ac->delta, 0xFF, maxstates * (size_t)ac->nclass * sizeof *ac->delta);
    ac->nstates = 1;
    ac->out_term[0] = -1;
    int t = 0;
    for (int i = 0; i < n_deny; i++) {
        if (deny[i].regex) continue;
        int st = 0;
        const unsigned char *p = (const unsigned char *)deny[i].pattern;
        for (; *p; p++) {
            int32_t *slot = &ac->delta[(size_t)st * (size_t)ac->nclass + ac->cls[*p]];
            if (*slot < 0) {
                *slot = ac->nstates;
                ac->out_term[ac->nstates] = -1;
                ac->nstates++;
            }
            st = *slot;
        }
        if (ac->out_term[st] < 0) /* duplicate terms keep the first */
            ac->out_term[st] = t;
        ac->term_len[t] = (uint32_t)strlen(deny[i].pattern);
        ac->term_type[t] = deny[i].type;
        t++;
    }
    /* breadth-first: failure links, complete transitions, output chain */
    int qh = 0, qt = 0;
    fail[0] = 0;
    ac->out_next[0] = -1;
    for (int c = 0; c < ac->nclass; c++) {
        int32_t *slot = &ac->delta[c];
        if (*slot < 0) {
            *slot = 0;
        } else {
            fail[*slot] = 0;
            ac->out_next[*slot] = -1;
            queue[qt++] = *slot;
        }
    }
    while (qh < qt) {
        int st = queue[qh++];
        for (int c = 0; c < ac->nclass; c++) {
            int32_t *slot = &ac->delta[(size_t)st * (size_t)ac->nclass + c];
            int32_t via_fail = ac->delta[(size_t)fail[st] * (size_t)ac->nclass + c];
            if (*slot < 0) {
                *slot = via_fail;
                continue;
            }
            int nx = *slot;
            fail[nx] = via_fail;
            ac->out_next[nx] = ac->out_term[via_fail] >= 0 ? via_fail : ac->out_next[via_fail];
            queue[qt++] = nx;
        }
    }
    free(fail);
    free(queue);
    ac->emit = malloc((size_t)ac->nstates);
    if (!ac->emit) return EW_ERR_NOMEM;
    for (int st = 0; st < ac->nstates; st++)
        ac->emit[st] = ac->out_term[st] >= 0 || ac->out_next[st] >= 0;
    for (int b = 0; b < 256; b++)
        ac->start[b] = ac->delta[ac->cls[b]] != 0;
    return EW_OK;
}

/* The longest run of literal ASCII characters that every match of the POSIX
 * extended regex `re` must contain, lowercased into lit (up to 15 bytes), or
 * "" when the pattern has alternation or no such run of at least 3. Only the
 * top level counts (a group may be optional); a character followed by `*`,
 * `?` or `{` may be absent, one before `+` is present but ends the run. */
static void regex_literal(const char *re, char lit[16])
{
    char cur[16];
    size_t cl = 0, best = 0;
    lit[0] = '\0';
    if (strchr(re, '|')) return;
    for (const char *p = re; *p;) {
        unsigned ch = (unsigned char)*p;
        size_t step = 1;
        bool literal = false;
        if (ch == '\\' && p[1] && strchr(".[]()*+?{}|^$\\/-", p[1])) {
            ch = (unsigned char)p[1], step = 2, literal = true;
        } else if (ch == '\\') {
            return;             /* \1 and other escapes: not worth reading */
        } else if (ch == '[') { /* a bracket expression: skip it whole */
            const char *q = p + 1 + (p[1] == '^');
            q += *q == ']';
            while (*q && *q != ']') {
                const char *cls = q[0] == '[' && (q[1] == ':' || q[1] == '.' || q[1] == '=')
                                      ? strchr(q + 2, ']')
                                      : NULL;
                q = cls ? cls + 1 : q + 1;
            }
            if (!*q) return;
            step = (size_t)(q - p) + 1;
        } else if (ch == '{') { /* a bound "{2,5}": skip it whole */
            const char *q = strchr(p, '}');
            if (!q) return;
            step = (size_t)(q - p) + 1;
        } else if (ch == '(') { /* a group: skip it whole */
            int depth = 0;
            const char *q = p;
            do {
                if (*q == '\\' && q[1])
                    q++;
                else if (*q == '(')
                    depth++;
                else if (*q == ')')
                    depth--;
                q++;
            } while (*q && depth > 0);
            if (depth) return;
            step = (size_t)(q - p);
        } else if (ch >= 0x20 && ch < 0x7F && !strchr(".[]()*+?{}|^$", (int)ch)) {
            literal = true;
        }
        const char *after = p + step;
        bool optional = *after == '*' || *after == '?' || *after == '{';
        if (literal && !optional && cl < sizeof cur - 1) {
            cur[cl++] = (char)(pii_is_upper(ch) ? ch | 32 : ch);
            if (*after == '+') literal = false; /* present, but repeats: the run ends */
        } else {
            literal = false;
        }
        if (!literal) {
            if (cl > best) {
                memcpy(lit, cur, cl);
                lit[cl] = '\0';
                best = cl;
            }
            cl = 0;
        }
        p = after;
    }
    if (cl > best) {
        memcpy(lit, cur, cl);
        lit[cl] = '\0';
        best = cl;
    }
    if (best < 3) lit[0] = '\0';
}

int ew__pii_deny_compile(ew_pii_scanner *sc, const ew_pii_options *opt, ew_error *err);
int ew__pii_deny_compile(ew_pii_scanner *sc, const ew_pii_options *opt, ew_error *err)
{
    int nterms = 0, nregex = 0;
    size_t total = 0;
    for (int i = 0; i < opt->n_deny; i++) {
        const ew_pii_deny *d = &opt->deny[i];
        if (!d->pattern || !*d->pattern)
            return ew__error_set(err, EW_ERR_CONFIG, "pii: deny entry %d is empty", i + 1);
        if ((unsigned)d->type >= EW_PII_TYPE_COUNT)
            return ew__error_set(err, EW_ERR_CONFIG, "pii: deny entry %d has an unknown type",
                                 i + 1);
        if (d->regex) {
            nregex++;
        } else {
            nterms++;
            total += strlen(d->pattern);
        }
    }
    if (total > AC_MAX_BYTES)
        return ew__error_set(err, EW_ERR_CONFIG, "pii: deny terms exceed %u bytes", AC_MAX_BYTES);
    if (nterms) {
        sc->ac = calloc(1, sizeof *sc->ac);
        if (!sc->ac || ac_build(sc->ac, opt->deny, opt->n_deny, nterms, total))
            return ew__error_set(err, EW_ERR_NOMEM, "pii: out of memory");
    }
    if (nregex) {
        sc->regex = calloc((size_t)nregex, sizeof *sc->regex);
        sc->regex_type = calloc((size_t)nregex, sizeof *sc->regex_type);
        sc->regex_lit = calloc((size_t)nregex, sizeof *sc->regex_lit);
        if (!sc->regex || !sc->regex_type || !sc->regex_lit)
            return ew__error_set(err, EW_ERR_NOMEM, "pii: out of memory");
        for (int i = 0; i < opt->n_deny; i++) {
            const ew_pii_deny *d = &opt->deny[i];
            if (!d->regex) continue;
            int rc = regcomp(&sc->regex[sc->n_regex], d->pattern, REG_EXTENDED | REG_ICASE);
            if (rc) {
                char msg[128];
                regerror(rc, &sc->regex[sc->n_regex], msg, sizeof msg);
                return ew__error_set(err, EW_ERR_CONFIG, "pii: deny regex %d: %s", i + 1, msg);
            }
            regex_literal(d->pattern, sc->regex_lit[sc->n_regex]);
            sc->regex_type[sc->n_regex++] = d->type;
        }
    }
    return EW_OK;
}

void ew__pii_deny_free(ew_pii_scanner *sc);
void ew__pii_deny_free(ew_pii_scanner *sc)
{
    ac_free(sc->ac);
    sc->ac = NULL;
    for (int i = 0; i < sc->n_regex; i++)
        regfree(&sc->regex[i]);
    free(sc->regex);
    free(sc->regex_type);
    free(sc->regex_lit);
    sc->regex_lit = NULL;
    sc->regex = NULL;
    sc->n_regex = 0;
}

static bool boundary(const unsigned char *s, size_t n, size_t a, size_t b)
{
    bool left = a == 0 || !(pii_is_alnum(s[a - 1]) || s[a - 1] == '_');
    bool right = b >= n || !(pii_is_alnum(s[b]) || s[b] == '_');
    return left && right;
}

static bool ci_at(const unsigned char *s, const char *needle, size_t nl)
{
    size_t k = 0;
    while (k < nl && fold(s[k]) == (unsigned char)needle[k])
        k++;
    return k == nl;
}

/* Is the lowercase ASCII needle in s, ignoring ASCII case? A needle with a
 * character that has no case ("EMP-", "ACME-") is found with memchr. */
static bool ci_find(const unsigned char *s, size_t n, const char *needle, size_t nl)
{
    if (nl > n) return false;
    size_t j = 0;
    while (j < nl && pii_is_alpha((unsigned char)needle[j]))
        j++;
    if (j < nl) {
        const unsigned char *p = s + j, *end = s + n - (nl - j) + 1;
        while (p < end && (p = memchr(p, needle[j], (size_t)(end - p))) != NULL) {
            if (ci_at(p - j, needle, nl)) return true;
            p++;
        }
        return false;
    }
    for (size_t i = 0; i + nl <= n; i++)
        if (fold(s[i]) == (unsigned char)needle[0] && ci_at(s + i, needle, nl)) return true;
    return false;
}

static void scan_regex(pii_ctx *c)
{
    const ew_pii_scanner *sc = c->sc;
    /* regexec wants a NUL-terminated subject, and text[0..n) has none: even
     * with REG_STARTEND the sanitizers' regexec interceptor strlen()s it. So
     * the text is copied once, when some regex's literal is present. */
    char *text = NULL;
    for (int r = 0; r < sc->n_regex && !c->status; r++) {
        const char *lit = sc->regex_lit[r];
        if (lit[0] && !ci_find(c->s, c->n, lit, strlen(lit))) continue; /* cannot match */
        if (!text) {
            if (!(text = malloc(c->n + 1))) {
                c->status = EW_ERR_NOMEM;
                return;
            }
            memcpy(text, c->s, c->n);
            text[c->n] = '\0';
        }
        size_t off = 0;
        int guard = 0;
        while (off <= c->n && guard++ < sc->max_spans * 2) {
            regmatch_t m[1];
            int flags = off ? REG_NOTBOL : 0;
#ifdef REG_STARTEND
            m[0].rm_so = (regoff_t)off;
            m[0].rm_eo = (regoff_t)c->n;
            flags |= REG_STARTEND;
            if (regexec(&sc->regex[r], text, 1, m, flags)) break;
#else
            if (regexec(&sc->regex[r], text + off, 1, m, flags)) break;
            m[0].rm_so += (regoff_t)off;
            m[0].rm_eo += (regoff_t)off;
#endif
            size_t so = (size_t)m[0].rm_so, eo = (size_t)m[0].rm_eo;
            if (eo > so) ew__pii_add(c, sc->regex_type[r], so, eo, 1.0f);
            off = eo > so ? eo : so + 1;
        }
    }
    free(text);
}

void ew__pii_scan_deny(pii_ctx *c)
{
    const pii_ac *ac = c->sc->ac;
    if (ac) {
        const unsigned char *s = c->s;
        size_t n = c->n;
        int st = 0;
        for (size_t i = 0; i < n; i++) {
            if (st == 0) { /* at the root: no term is under way */
                while (i < n && !ac->start[s[i]])
                    i++;
                if (i == n) break;
            }
            st = ac->delta[(size_t)st * (size_t)ac->nclass + ac->cls[s[i]]];
            if (!ac->emit[st]) continue;
            for (int o = ac->out_term[st] >= 0 ? st : ac->out_next[st]; o >= 0;
                 o = ac->out_next[o]) {
                int t = ac->out_term[o];
                size_t a = i + 1 - ac->term_len[t];
                if (boundary(s, n, a, i + 1)) ew__pii_add(c, ac->term_type[t], a, i + 1, 1.0f);
            }
        }
    }
    if (c->sc->n_regex) scan_regex(c);
}
