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
    return EW_OK;
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
        if (!sc->regex || !sc->regex_type)
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
    sc->regex = NULL;
    sc->n_regex = 0;
}

static bool boundary(const unsigned char *s, size_t n, size_t a, size_t b)
{
    bool left = a == 0 || !(pii_is_alnum(s[a - 1]) || s[a - 1] == '_');
    bool right = b >= n || !(pii_is_alnum(s[b]) || s[b] == '_');
    return left && right;
}

static void scan_regex(pii_ctx *c)
{
    const ew_pii_scanner *sc = c->sc;
    char *copy = NULL;
    const char *text = (const char *)c->s;
#ifndef REG_STARTEND
    copy = malloc(c->n + 1);
    if (!copy) {
        c->status = EW_ERR_NOMEM;
        return;
    }
    memcpy(copy, c->s, c->n);
    copy[c->n] = '\0';
    text = copy;
#endif
    for (int r = 0; r < sc->n_regex && !c->status; r++) {
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
    free(copy);
}

void ew__pii_scan_deny(pii_ctx *c)
{
    const pii_ac *ac = c->sc->ac;
    if (ac) {
        const unsigned char *s = c->s;
        int st = 0;
        for (size_t i = 0; i < c->n; i++) {
            st = ac->delta[(size_t)st * (size_t)ac->nclass + ac->cls[s[i]]];
            for (int o = ac->out_term[st] >= 0 ? st : ac->out_next[st]; o >= 0;
                 o = ac->out_next[o]) {
                int t = ac->out_term[o];
                size_t a = i + 1 - ac->term_len[t];
                if (boundary(s, c->n, a, i + 1)) ew__pii_add(c, ac->term_type[t], a, i + 1, 1.0f);
            }
        }
    }
    if (c->sc->n_regex) scan_regex(c);
}
