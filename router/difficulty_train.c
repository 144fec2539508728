/* Training and metrics for the difficulty estimate.
 *
 * Training is full-batch L-BFGS on the L2-regularised logistic loss over the
 * exact features the scorer extracts. Full batch makes the result independent
 * of example order and deterministic, and L-BFGS needs no learning rate. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "router/difficulty_data.h"

void ew__dtrain_opts_init(ew__dtrain_opts *o)
{
    memset(o, 0, sizeof *o);
    ew__dcfg_default(&o->cfg);
    o->l2 = 1e-3;
    o->l2_dense = 1e-5;
    o->max_iter = 300;
    o->balance = 0.5;
}

/* ---- metrics ------------------------------------------------------------------------ */

typedef struct scored {
    double s;
    int y;
} scored;

static int cmp_scored(const void *a, const void *b)
{
    double x = ((const scored *)a)->s, y = ((const scored *)b)->s;
    return x < y ? -1 : x > y;
}

double ew__dauc(const double *scores, const int *labels, size_t n)
{
    scored *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) return NAN;
    size_t m = 0, pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (labels[i] != 0 && labels[i] != 1) continue;
        v[m++] = (scored){scores[i], labels[i]};
        pos += labels[i] == 1;
    }
    size_t neg = m - pos;
    if (!pos || !neg) {
        free(v);
        return NAN;
    }
    qsort(v, m, sizeof *v, cmp_scored);
    /* Mann-Whitney U: the rank sum of positives, ties sharing their mean rank. */
    double rank_sum = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        size_t p = 0;
        while (j < m && v[j].s == v[i].s)
            p += v[j++].y == 1;
        rank_sum += (double)p * ((double)(i + 1) + (double)j) / 2.0;
        i = j;
    }
    free(v);
    return (rank_sum - (double)pos * (double)(pos + 1) / 2.0) / ((double)pos * (double)neg);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int ew__dcalibrate(const double *scores, size_t n, double share, double *threshold,
                   double *achieved)
{
    if (!n || !(share >= 0.0 && share <= 1.0)) return EW_ERR_INVALID;
    double *s = malloc(n * sizeof *s);
    if (!s) return EW_ERR_NOMEM;
    memcpy(s, scores, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_double);
    size_t k = (size_t)llround(share * (double)n); /* how many go remote */
    double t;
    if (k == 0)
        t = s[n - 1];
    else if (k == n)
        t = s[0] > 0.0 ? s[0] / 2.0 : s[0];
    else
        t = (s[n - k - 1] + s[n - k]) / 2.0;
    size_t above = 0;
    for (size_t i = 0; i < n; i++)
        above += s[i] > t;
    free(s);
    *threshold = t;
    if (achieved) *achieved = (double)above / (double)n;
    return EW_OK;
}

/* ---- the design matrix ------------------------------------------------------------- */

typedef struct matrix {
    size_t rows;
    size_t *ptr;   /* (rows + 1) offsets into col/val */
    uint32_t *col; /* sparse column (bucket) */
    float *val;
    float *dense;        /* (rows, EW__DF_N_DENSE) */
    unsigned char *type; /* (rows) question type */
    double *y;           /* (rows) 0 or 1 */
    double *c;           /* (rows) example weight */
} matrix;

static void matrix_free(matrix *m)
{
    free(m->ptr);
    free(m->col);
    free(m->val);
    free(m->dense);
    free(m->type);
    free(m->y);
    free(m->c);
}

typedef struct pair {
    uint32_t idx;
    float val;
} pair;

static int cmp_pair(const void *a, const void *b)
{
    uint32_t x = ((const pair *)a)->idx, y = ((const pair *)b)->idx;
    return x < y ? -1 : x > y;
}

/* Appends one example's merged (bucket, value) list to the matrix; gain is
 * its question type's. */
static int add_row(matrix *m, size_t *cap, const ew__dacc *acc, double gain, pair *tmp)
{
    for (size_t i = 0; i < acc->n; i++) {
        uint32_t e = acc->ents[i];
        int ns = (int)EW__DF_NS(e);
        double v = gain * ew__dns_scale(ns, acc->count[ns]);
        tmp[i] = (pair){EW__DF_IDX(e), (float)(EW__DF_NEG(e) ? -v : v)};
    }
    qsort(tmp, acc->n, sizeof *tmp, cmp_pair);
    size_t base = m->ptr[m->rows];
    if (base + acc->n > *cap) {
        size_t nc = (*cap ? *cap : 1 << 16);
        while (nc < base + acc->n)
            nc *= 2;
        uint32_t *col = realloc(m->col, nc * sizeof *col);
        if (col) m->col = col;
        float *val = realloc(m->val, nc * sizeof *val);
        if (val) m->val = val;
        if (!col || !val) return EW_ERR_NOMEM;
        *cap = nc;
    }
    size_t k = base;
    for (size_t i = 0; i < acc->n; i++) {
        if (k > base && m->col[k - 1] == tmp[i].idx) {
            m->val[k - 1] += tmp[i].val;
        } else {
            m->col[k] = tmp[i].idx;
            m->val[k++] = tmp[i].val;
        }
    }
    m->ptr[++m->rows] = k;
    return EW_OK;
}

static int build_matrix(const ew__dset *s, const bool *use, const ew__dtrain_opts *o, matrix *m,
                        ew_error *err)
{
    memset(m, 0, sizeof *m);
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += (!use || use[i]) && (s->items[i].label == 0 || s->items[i].label == 1);
    if (!n) return ew__error_set(err, EW_ERR_INVALID, "no labeled examples to train on");
    m->ptr = calloc(n + 1, sizeof *m->ptr);
    m->dense = malloc(n * EW__DF_N_DENSE * sizeof *m->dense);
    m->y = malloc(n * sizeof *m->y);
    m->type = malloc(n * sizeof *m->type);
    m->c = malloc(n * sizeof *m->c);
    size_t max_ents = (size_t)(o->cfg.scan_head + o->cfg.scan_tail + 2) * (EW__DF_MAX_NGRAM + 4);
    pair *tmp = malloc(max_ents * sizeof *tmp);
    ew__dcues cues;
    ew__dcues_init(&cues);
    ew__dacc acc;
    memset(&acc, 0, sizeof acc);
    size_t cap = 0;
    int st = (m->ptr && m->dense && m->y && m->type && m->c && tmp) ? EW_OK : EW_ERR_NOMEM;
    for (size_t i = 0; i < s->n && !st; i++) {
        const ew__dexample *ex = &s->items[i];
        if ((use && !use[i]) || (ex->label != 0 && ex->label != 1)) continue;
        acc.n = 0;
        memset(acc.count, 0, sizeof acc.count);
        ew_text_part part = {ex->text, ex->len};
        size_t r = m->rows;
        m->type[r] = (unsigned char)ew__dextract(&o->cfg, &cues, &part, 1, ex->depth, &acc,
                                                 m->dense + r * EW__DF_N_DENSE);
        st = acc.status;
        if (!st && acc.n > max_ents)
            st = EW_ERR_INTERNAL; /* the bound above is an invariant of extraction */
        if (!st) st = add_row(m, &cap, &acc, o->cfg.type_gain[m->type[r]], tmp);
        m->y[r] = ex->label;
        m->c[r] = 1.0;
    }
    free(acc.ents);
    free(tmp);
    if (st) {
        matrix_free(m);
        return ew__error_set(err, st, "building features: %s", ew_strerror(st));
    }
    return EW_OK;
}

/* Example weights: each file weighs weight * rows^balance in total (balance
 * 1: every row alike; 0.5: one large file does not drown the others);
 * weights average 1. */
static void set_weights(const ew__dset *s, const bool *use, double balance, matrix *m)
{
    size_t per[EW__DSET_MAX_FILES] = {0};
    size_t r = 0;
    for (size_t i = 0; i < s->n; i++)
        if ((!use || use[i]) && (s->items[i].label == 0 || s->items[i].label == 1))
            per[s->items[i].group]++;
    double total = 0;
    for (size_t i = 0; i < s->n; i++) {
        if ((use && !use[i]) || (s->items[i].label != 0 && s->items[i].label != 1)) continue;
        double n_g = (double)per[s->items[i].group];
        m->c[r] = s->weight[s->items[i].group] * pow(n_g, balance) / n_g;
        total += m->c[r++];
    }
    for (r = 0; r < m->rows; r++)
        m->c[r] *= (double)m->rows / total;
}

typedef struct cat_row {
    uint64_t cat;
    size_t row;
} cat_row;

static int cmp_cat(const void *a, const void *b)
{
    uint64_t x = ((const cat_row *)a)->cat, y = ((const cat_row *)b)->cat;
    return x < y ? -1 : x > y;
}

/* Label smoothing by category: each target moves `smooth` of the way toward
 * its category's positive rate (shrunk toward the overall rate with a prior
 * of 10 rows), computed from the training rows only. */
static int smooth_targets(const ew__dset *s, const bool *use, double smooth, matrix *m)
{
    if (smooth <= 0) return EW_OK;
    cat_row *v = malloc(m->rows * sizeof *v);
    if (!v) return EW_ERR_NOMEM;
    size_t r = 0, n = 0;
    double overall = 0;
    for (size_t i = 0; i < s->n; i++) {
        if ((use && !use[i]) || (s->items[i].label != 0 && s->items[i].label != 1)) continue;
        overall += m->y[r];
        if (s->items[i].category) v[n++] = (cat_row){s->items[i].category, r};
        r++;
    }
    overall /= (double)m->rows;
    qsort(v, n, sizeof *v, cmp_cat);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double pos = 0;
        while (j < n && v[j].cat == v[i].cat)
            pos += m->y[v[j++].row];
        double rate = (pos + 10.0 * overall) / ((double)(j - i) + 10.0);
        for (size_t k = i; k < j; k++)
            m->y[v[k].row] = (1 - smooth) * m->y[v[k].row] + smooth * rate;
        i = j;
    }
    free(v);
    return EW_OK;
}

/* ---- the objective --------------------------------------------------------------------- */

typedef struct problem {
    const matrix *m;
    size_t dim;      /* EW__DF_N_DW + table size */
    double l2;       /* sparse weights */
    double l2_dense; /* dense weights (few, so they need less shrinking) */
    double wsum;     /* sum of example weights */
} problem;

static double softplus(double z)
{
    return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

/* Mean weighted logistic loss plus l2/2 |w|^2 (bias excluded); fills g. */
static double objective(const problem *p, const double *w, double *g)
{
    const matrix *m = p->m;
    const double *ws = w + EW__DF_N_DW;
    double *gs = g + EW__DF_N_DW;
    memset(g, 0, p->dim * sizeof *g);
    double loss = 0;
    for (size_t r = 0; r < m->rows; r++) {
        const float *x = m->dense + r * EW__DF_N_DENSE;
        size_t typed = EW__DF_N_DENSE * (1 + (size_t)m->type[r]);
        double z = 0;
        for (int d = 0; d < EW__DF_N_DENSE; d++)
            z += (w[d] + w[typed + d]) * x[d];
        for (size_t k = m->ptr[r]; k < m->ptr[r + 1]; k++)
            z += ws[m->col[k]] * m->val[k];
        loss += m->c[r] * (softplus(z) - m->y[r] * z);
        double q = 1.0 / (1.0 + exp(-z));
        double res = m->c[r] * (q - m->y[r]) / p->wsum;
        for (int d = 0; d < EW__DF_N_DENSE; d++) {
            g[d] += res * x[d];
            g[typed + d] += res * x[d];
        }
        for (size_t k = m->ptr[r]; k < m->ptr[r + 1]; k++)
            gs[m->col[k]] += res * m->val[k];
    }
    loss /= p->wsum;
    double reg = 0;
    double reg_dense = 0;
    for (size_t j = 1; j < EW__DF_N_DW; j++) { /* j = 0 is the shared bias */
        reg_dense += w[j] * w[j];
        g[j] += p->l2_dense * w[j];
    }
    for (size_t j = EW__DF_N_DW; j < p->dim; j++) {
        reg += w[j] * w[j];
        g[j] += p->l2 * w[j];
    }
    return loss + 0.5 * (p->l2 * reg + p->l2_dense * reg_dense);
}

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* ---- L-BFGS ------------------------------------------------------------------------------- */

#define LBFGS_M 8

typedef struct lbfgs {
    size_t dim;
    double *s[LBFGS_M], *y[LBFGS_M];
    double rho[LBFGS_M], alpha[LBFGS_M];
    int n, head; /* stored pairs; index of the newest */
} lbfgs;

/* d = -H g by the two-loop recursion. */
static void lbfgs_direction(lbfgs *h, const double *g, double *d)
{
    for (size_t i = 0; i < h->dim; i++)
        d[i] = -g[i];
    int k = h->head;
    for (int i = 0; i < h->n; i++, k = (k + LBFGS_M - 1) % LBFGS_M) {
        h->alpha[k] = h->rho[k] * dot(h->s[k], d, h->dim);
        for (size_t j = 0; j < h->dim; j++)
            d[j] -= h->alpha[k] * h->y[k][j];
    }
    if (h->n) {
        double gamma =
            dot(h->s[h->head], h->y[h->head], h->dim) / dot(h->y[h->head], h->y[h->head], h->dim);
        for (size_t j = 0; j < h->dim; j++)
            d[j] *= gamma;
    }
    k = (h->head + LBFGS_M - h->n + 1) % LBFGS_M;
    for (int i = 0; i < h->n; i++, k = (k + 1) % LBFGS_M) {
        double beta = h->rho[k] * dot(h->y[k], d, h->dim);
        for (size_t j = 0; j < h->dim; j++)
            d[j] += (h->alpha[k] - beta) * h->s[k][j];
    }
}

static void progress(const ew__dtrain_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void progress(const ew__dtrain_opts *o, const char *fmt, ...)
{
    if (!o->progress) return;
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    o->progress(o->progress_user, EW_LOG_INFO, NULL, line);
}

/* Minimises the objective from w = 0. Returns EW_OK or EW_ERR_NOMEM. */
static int minimise(const problem *p, const ew__dtrain_opts *o, double *w)
{
    size_t dim = p->dim;
    lbfgs h = {.dim = dim, .n = 0, .head = LBFGS_M - 1};
    double *g = calloc(dim, sizeof *g), *d = calloc(dim, sizeof *d);
    double *wn = calloc(dim, sizeof *wn), *gn = calloc(dim, sizeof *gn);
    int st = (g && d && wn && gn) ? EW_OK : EW_ERR_NOMEM;
    for (int i = 0; i < LBFGS_M && !st; i++) {
        h.s[i] = malloc(dim * sizeof(double));
        h.y[i] = malloc(dim * sizeof(double));
        if (!h.s[i] || !h.y[i]) st = EW_ERR_NOMEM;
    }
    double f = st ? 0 : objective(p, w, g);
    for (int it = 0; it < o->max_iter && !st; it++) {
        lbfgs_direction(&h, g, d);
        double gd = dot(g, d, dim);
        if (gd >= 0) { /* not a descent direction: restart from steepest descent */
            h.n = 0;
            for (size_t j = 0; j < dim; j++)
                d[j] = -g[j];
            gd = dot(g, d, dim);
        }
        double step = h.n ? 1.0 : 1.0 / sqrt(dot(g, g, dim) + 1e-300);
        double fn = 0;
        int tries = 0;
        for (; tries < 40; tries++, step *= 0.5) {
            for (size_t j = 0; j < dim; j++)
                wn[j] = w[j] + step * d[j];
            fn = objective(p, wn, gn);
            if (fn <= f + 1e-4 * step * gd) break;
        }
        if (tries == 40) break; /* no progress along any step: at the optimum within precision */
        h.head = (h.head + 1) % LBFGS_M;
        for (size_t j = 0; j < dim; j++) {
            h.s[h.head][j] = wn[j] - w[j];
            h.y[h.head][j] = gn[j] - g[j];
        }
        double sy = dot(h.s[h.head], h.y[h.head], dim);
        if (sy > 1e-12) {
            h.rho[h.head] = 1.0 / sy;
            if (h.n < LBFGS_M) h.n++;
        } else {
            h.head = (h.head + LBFGS_M - 1) % LBFGS_M;
        }
        double df = f - fn;
        memcpy(w, wn, dim * sizeof *w);
        memcpy(g, gn, dim * sizeof *g);
        f = fn;
        if (it % 20 == 0)
            progress(o, "iteration %d: objective %.6f |g| %.3g", it, f, sqrt(dot(g, g, dim)));
        if (df < 1e-10 * fmax(1.0, fabs(f)) && h.n > 0) break;
    }
    progress(o, "final objective %.6f", f);
    for (int i = 0; i < LBFGS_M; i++) {
        free(h.s[i]);
        free(h.y[i]);
    }
    free(g);
    free(d);
    free(wn);
    free(gn);
    return st;
}

int ew__dtrain(const ew__dset *s, const bool *use, const ew__dtrain_opts *o, ew__dweights *out,
               ew_error *err)
{
    memset(out, 0, sizeof *out);
    int st = ew__dcfg_check(&o->cfg, err);
    if (st) return st;
    if (!(o->l2 > 0) || !(o->l2_dense > 0) || o->max_iter < 1 ||
        !(o->balance >= 0 && o->balance <= 1) || !(o->smooth >= 0 && o->smooth <= 1))
        return ew__error_set(err, EW_ERR_INVALID,
                             "l2 must be > 0, iterations >= 1, balance and smooth in [0, 1]");
    matrix m;
    st = build_matrix(s, use, o, &m, err);
    if (st) return st;
    set_weights(s, use, o->balance, &m);
    st = smooth_targets(s, use, o->smooth, &m);
    if (st) {
        matrix_free(&m);
        return ew__error_set(err, st, "training: %s", ew_strerror(st));
    }
    problem p = {&m, EW__DF_N_DW + ((size_t)1 << o->cfg.hash_bits), o->l2, o->l2_dense, 0};
    for (size_t r = 0; r < m.rows; r++)
        p.wsum += m.c[r];
    progress(o, "%zu examples, %zu feature entries, %zu weights", m.rows, m.ptr[m.rows], p.dim);
    double *w = calloc(p.dim, sizeof *w);
    st = w ? minimise(&p, o, w) : EW_ERR_NOMEM;
    matrix_free(&m);
    if (st) {
        free(w);
        return ew__error_set(err, st, "training: %s", ew_strerror(st));
    }
    out->cfg = o->cfg;
    memcpy(out->dense, w, sizeof out->dense);
    out->sparse = w; /* the table follows the dense weights in w */
    memmove(w, w + EW__DF_N_DW, ((size_t)1 << o->cfg.hash_bits) * sizeof *w);
    return EW_OK;
}
