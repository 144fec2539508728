/* `edgeway difficulty`: train, evaluate and calibrate the difficulty
 * estimate, and score a prompt. A thin shell over router/difficulty*. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgeway.h"
#include "gateway/commands.h"
#include "router/difficulty_data.h"

#define CMD       "difficulty"
#define MAX_FILES EW__DSET_MAX_FILES

static const char usage_text[] =
    "usage:\n"
    "  edgeway difficulty train -o WEIGHTS --data FILE... [options]\n"
    "  edgeway difficulty eval --weights W --data FILE... [options]\n"
    "  edgeway difficulty calibrate --remote-share S --data FILE... [--weights W]\n"
    "  edgeway difficulty score --weights W [--depth N] [FILE|-]\n"
    "\n"
    "data (CSV or JSONL; docs/difficulty.md explains how labels are found):\n"
    "  --data FILE...        labels from the file: a label column, small/big model\n"
    "                        correctness columns, or a known benchmark file name\n"
    "  --pos FILE...         every row is hard (label 1)\n"
    "  --neg FILE...         every row is easy (label 0)\n"
    "  FILE@W                multiplies the file's training weight by W\n"
    "  --text-col NAME  --label-col NAME  --small-col NAME  --big-col NAME\n"
    "  --holdout PCT         hold out PCT% of rows by prompt hash (default 0)\n"
    "  --seed N              salt of the held-out split (default 0)\n"
    "  --split all|train|heldout   rows eval/calibrate use (default all)\n"
    "\n"
    "train:\n"
    "  --l2 X (1e-3)  --l2-dense X (1e-5)  --iters N (300)  --bits N (16)  --char-ngrams "
    "N[,N...]|none (4)\n"
    "  --scan-head N (2048)  --scan-tail N (2048)\n"
    "  --balance P (0.5): each file weighs rows^P in total (1 = every row alike)\n"
    "  --type-gain TYPE=G[,...]: weight of hashed features for a question type\n"
    "                        (other, choice, word_problem, math, code; default 1)\n"
    "  --category-col NAME --smooth A (0): move each target A of the way toward\n"
    "                        its category's rate on the training rows\n"
    "  With --holdout, prints the AUC of the rows it did not train on.\n"
    "\n"
    "Without --weights: the shipped weights built into edgeway (conf/difficulty.weights).\n";

enum split { SPLIT_ALL, SPLIT_TRAIN, SPLIT_HELDOUT };

typedef struct args {
    const char *files[MAX_FILES];
    int labels[MAX_FILES];         /* -1 from data, 0 --neg, 1 --pos */
    double file_weight[MAX_FILES]; /* FILE@W */
    int n_files;
    ew__dload_opts load;
    int holdout;
    uint64_t seed;
    enum split split;
    const char *weights;
    const char *out;
    double share;
    int depth;
    const char *input;
    ew__dtrain_opts train;
} args;

static int parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v)) return -1;
    *out = v;
    return 0;
}

static int parse_ngrams(const char *s, uint32_t *mask)
{
    *mask = 0;
    if (!strcmp(s, "none")) return 0;
    while (*s) {
        char *end;
        long n = strtol(s, &end, 10);
        if (end == s || n < EW__DF_MIN_NGRAM || n > EW__DF_MAX_NGRAM) return -1;
        *mask |= 1u << n;
        s = *end == ',' ? end + 1 : end;
        if (*end && *end != ',') return -1;
    }
    return *mask ? 0 : -1;
}

/* "word_problem=0,code=1.5": gains of the hashed features per question type. */
static int parse_gains(const char *s, float *gain)
{
    while (*s) {
        const char *eq = strchr(s, '=');
        if (!eq) return -1;
        int t = 0;
        while (ew__dtype_name(t) && (strlen(ew__dtype_name(t)) != (size_t)(eq - s) ||
                                     strncmp(ew__dtype_name(t), s, (size_t)(eq - s))))
            t++;
        if (!ew__dtype_name(t)) return -1;
        char *end;
        double v = strtod(eq + 1, &end);
        if (end == eq + 1 || !(v >= 0 && v <= 16) || (*end && *end != ',')) return -1;
        gain[t] = (float)v;
        s = *end ? end + 1 : end;
    }
    return 0;
}

/* Options that take one value. Returns 1 if argv[*i] was one, -1 on a bad value. */
static int value_opt(args *a, int argc, char **argv, int *i)
{
    const char *o = argv[*i];
    static const char *const names[] = {
        "--weights",      "-o",          "--remote-share", "--holdout",
        "--seed",         "--split",     "--l2",           "--l2-dense",
        "--balance",      "--iters",     "--bits",         "--char-ngrams",
        "--scan-head",    "--scan-tail", "--depth",        "--type-gain",
        "--category-col", "--smooth",    "--text-col",     "--label-col",
        "--small-col",    "--big-col",
    };
    size_t k = 0;
    while (k < sizeof names / sizeof names[0] && strcmp(o, names[k]))
        k++;
    if (k == sizeof names / sizeof names[0]) return 0;
    if (*i + 1 >= argc) return ew_cli_fail(CMD, "%s needs a value", o), -1;
    const char *v = argv[++*i];
    long n;
    int bad = 0;
    if (!strcmp(o, "--weights"))
        a->weights = v;
    else if (!strcmp(o, "-o"))
        a->out = v;
    else if (!strcmp(o, "--remote-share"))
        bad = parse_double(v, &a->share) || a->share < 0 || a->share > 1;
    else if (!strcmp(o, "--holdout"))
        bad = parse_long(v, 0, 99, &n) || ((a->holdout = (int)n), 0);
    else if (!strcmp(o, "--seed"))
        bad = parse_long(v, 0, 1L << 30, &n) || ((a->seed = (uint64_t)n), 0);
    else if (!strcmp(o, "--split"))
        bad = !strcmp(v, "all")       ? (a->split = SPLIT_ALL, 0)
              : !strcmp(v, "train")   ? (a->split = SPLIT_TRAIN, 0)
              : !strcmp(v, "heldout") ? (a->split = SPLIT_HELDOUT, 0)
                                      : 1;
    else if (!strcmp(o, "--l2"))
        bad = parse_double(v, &a->train.l2) || !(a->train.l2 > 0);
    else if (!strcmp(o, "--l2-dense"))
        bad = parse_double(v, &a->train.l2_dense) || !(a->train.l2_dense > 0);
    else if (!strcmp(o, "--balance"))
        bad = parse_double(v, &a->train.balance) || a->train.balance < 0 || a->train.balance > 1;
    else if (!strcmp(o, "--iters"))
        bad = parse_long(v, 1, 100000, &n) || ((a->train.max_iter = (int)n), 0);
    else if (!strcmp(o, "--bits"))
        bad = parse_long(v, EW__DF_MIN_BITS, EW__DF_MAX_BITS, &n) ||
              ((a->train.cfg.hash_bits = (uint32_t)n), 0);
    else if (!strcmp(o, "--char-ngrams"))
        bad = parse_ngrams(v, &a->train.cfg.char_ngrams);
    else if (!strcmp(o, "--scan-head"))
        bad = parse_long(v, 0, EW__DF_MAX_SCAN, &n) || ((a->train.cfg.scan_head = (uint32_t)n), 0);
    else if (!strcmp(o, "--scan-tail"))
        bad = parse_long(v, 0, EW__DF_MAX_SCAN, &n) || ((a->train.cfg.scan_tail = (uint32_t)n), 0);
    else if (!strcmp(o, "--depth"))
        bad = parse_long(v, 1, 10000, &n) || ((a->depth = (int)n), 0);
    else if (!strcmp(o, "--type-gain"))
        bad = parse_gains(v, a->train.cfg.type_gain);
    else if (!strcmp(o, "--category-col"))
        a->load.category_col = v;
    else if (!strcmp(o, "--smooth"))
        bad = parse_double(v, &a->train.smooth) || a->train.smooth < 0 || a->train.smooth > 1;
    else if (!strcmp(o, "--text-col"))
        a->load.text_col = v;
    else if (!strcmp(o, "--label-col"))
        a->load.label_col = v;
    else if (!strcmp(o, "--small-col"))
        a->load.small_col = v;
    else if (!strcmp(o, "--big-col"))
        a->load.big_col = v;
    if (bad) return ew_cli_fail(CMD, "bad value for %s: '%s'", o, v), -1;
    return 1;
}

static int parse_args(args *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    ew__dload_opts_init(&a->load);
    ew__dtrain_opts_init(&a->train);
    a->share = -1;
    a->depth = 1;
    int label = -2; /* no list open */
    for (int i = 2; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--data") || !strcmp(o, "--pos") || !strcmp(o, "--neg")) {
            label = o[2] == 'd' ? -1 : o[2] == 'p' ? 1 : 0;
            continue;
        }
        int r = value_opt(a, argc, argv, &i);
        if (r < 0) return -1;
        if (r > 0) {
            label = -2;
            continue;
        }
        if (o[0] == '-' && o[1]) {
            return ew_cli_fail(CMD, "unknown option '%s' (see --help)", o);
        }
        if (label == -2) {
            if (!a->input) {
                a->input = o;
                continue;
            }
            return ew_cli_fail(CMD, "unexpected argument '%s'", o);
        }
        if (a->n_files == MAX_FILES) return ew_cli_fail(CMD, "more than %d data files", MAX_FILES);
        /* FILE@W gives the file's rows a training weight multiplier. */
        double w = 1.0;
        char *at = strrchr(argv[i], '@');
        if (at && at != argv[i]) {
            if (parse_double(at + 1, &w) < 0 || w < 0)
                return ew_cli_fail(CMD, "bad weight in '%s' (FILE@W, W >= 0)", o);
            *at = '\0';
        }
        a->files[a->n_files] = o;
        a->file_weight[a->n_files] = w;
        a->labels[a->n_files++] = label;
    }
    return 0;
}

static void progress_to_stderr(void *user, ew_log_level level, const char *rid, const char *msg)
{
    (void)user, (void)level, (void)rid;
    fprintf(stderr, "edgeway difficulty: %s\n", msg);
}

static int load_data(const args *a, ew__dset *set)
{
    ew__dset_init(set);
    if (!a->n_files) return ew_cli_fail(CMD, "no data: give --data, --pos or --neg files");
    for (int f = 0; f < a->n_files; f++) {
        ew__dload_opts o = a->load;
        o.force_label = a->labels[f];
        o.weight = a->file_weight[f];
        ew_error err = {0};
        if (ew__dset_load(set, a->files[f], &o, &err) < 0) {
            char msg[1024];
            return ew_cli_fail(CMD, "%s", ew_error_format(&err, msg, sizeof msg));
        }
    }
    return 0;
}

static bool *split_mask(const args *a, const ew__dset *set, enum split split)
{
    bool *use = calloc(set->n ? set->n : 1, sizeof *use);
    if (!use) return NULL;
    for (size_t i = 0; i < set->n; i++) {
        bool held = a->holdout > 0 && ew__dheldout(set->items[i].hash, a->seed, a->holdout);
        use[i] = split == SPLIT_ALL || (split == SPLIT_HELDOUT) == held;
    }
    return use;
}

static double *score_all(const ew_difficulty *m, const ew__dset *set)
{
    double *s = malloc((set->n ? set->n : 1) * sizeof *s);
    for (size_t i = 0; s && i < set->n; i++)
        s[i] = ew_difficulty_score(m, set->items[i].text, set->items[i].len, set->items[i].depth);
    return s;
}

static void print_auc_row(const char *name, const double *scores, const int *labels, size_t n)
{
    size_t pos = 0, lab = 0;
    for (size_t i = 0; i < n; i++) {
        pos += labels[i] == 1;
        lab += labels[i] == 0 || labels[i] == 1;
    }
    double auc = ew__dauc(scores, labels, n);
    if (isnan(auc))
        printf("%-48s %7zu %7zu %8s\n", name, lab, pos, "-");
    else
        printf("%-48s %7zu %7zu %8.4f\n", name, lab, pos, auc);
}

/* Per-file and overall AUC over the rows in use. */
static int report_auc(const ew__dset *set, const double *scores, const bool *use, const char *title)
{
    double *s = malloc((set->n ? set->n : 1) * sizeof *s);
    int *y = malloc((set->n ? set->n : 1) * sizeof *y);
    if (!s || !y) {
        free(s);
        free(y);
        return ew_cli_fail(CMD, "out of memory");
    }
    printf("%s\n%-48s %7s %7s %8s\n", title, "file", "rows", "hard", "auc");
    for (int g = 0; g < set->n_groups; g++) {
        size_t n = 0;
        for (size_t i = 0; i < set->n; i++)
            if (use[i] && set->items[i].group == g) {
                s[n] = scores[i];
                y[n++] = set->items[i].label;
            }
        const char *base = strrchr(set->groups[g], '/');
        print_auc_row(base ? base + 1 : set->groups[g], s, y, n);
    }
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++)
        if (use[i]) {
            s[n] = scores[i];
            y[n++] = set->items[i].label;
        }
    if (set->n_groups > 1) print_auc_row("all", s, y, n);
    free(s);
    free(y);
    return 0;
}

/* path NULL: the shipped weights compiled into the library, so the command
 * works from any directory. */
static int open_model(const char *path, ew_difficulty **m)
{
    ew_error err = {0};
    ew_difficulty_opts o = {.weights_path = path};
    if (ew_difficulty_open(&o, m, &err) < 0) {
        char msg[1024];
        return ew_cli_fail(CMD, "%s", ew_error_format(&err, msg, sizeof msg));
    }
    return 0;
}

static int evaluate(const args *a, const ew_difficulty *m, const ew__dset *set, enum split split,
                    const char *title)
{
    bool *use = split_mask(a, set, split);
    double *scores = score_all(m, set);
    int rc =
        (use && scores) ? report_auc(set, scores, use, title) : ew_cli_fail(CMD, "out of memory");
    free(use);
    free(scores);
    return rc;
}

static int cmd_train(args *a)
{
    if (!a->out) return ew_cli_fail(CMD, "train needs -o WEIGHTS");
    ew__dset set;
    int rc = load_data(a, &set);
    bool *use = rc ? NULL : split_mask(a, &set, a->holdout ? SPLIT_TRAIN : SPLIT_ALL);
    if (!rc && !use) rc = ew_cli_fail(CMD, "out of memory");
    for (int g = 0; !rc && g < set.n_groups; g++)
        fprintf(stderr, "edgeway difficulty: %s: labels from %s\n", set.groups[g],
                set.label_source[g]);
    ew__dweights w = {0};
    ew_difficulty *m = NULL;
    ew_error err = {0};
    a->train.progress = progress_to_stderr;
    if (!rc && (ew__dtrain(&set, use, &a->train, &w, &err) < 0 ||
                ew__difficulty_from_weights(&w, &m, &err) < 0 ||
                ew__difficulty_save(m, a->out, &err) < 0)) {
        char msg[1024];
        rc = ew_cli_fail(CMD, "%s", ew_error_format(&err, msg, sizeof msg));
    }
    if (!rc) {
        rc = evaluate(a, m, &set, a->holdout ? SPLIT_TRAIN : SPLIT_ALL, "training rows:");
        if (!rc && a->holdout) rc = evaluate(a, m, &set, SPLIT_HELDOUT, "held-out rows:");
    }
    free(w.sparse);
    free(use);
    ew_difficulty_free(m);
    ew__dset_cleanup(&set);
    return rc;
}

static int cmd_eval(args *a)
{
    ew_difficulty *m = NULL;
    ew__dset set;
    int rc = open_model(a->weights, &m);
    if (!rc) rc = load_data(a, &set);
    if (!rc) {
        static const char *const titles[] = {"all rows:", "training rows:", "held-out rows:"};
        rc = evaluate(a, m, &set, a->split, titles[a->split]);
        ew__dset_cleanup(&set);
    }
    ew_difficulty_free(m);
    return rc;
}

static int cmd_calibrate(args *a)
{
    if (a->share < 0) return ew_cli_fail(CMD, "calibrate needs --remote-share S (0..1)");
    ew_difficulty *m = NULL;
    ew__dset set;
    int rc = open_model(a->weights, &m);
    if (!rc) rc = load_data(a, &set);
    if (rc) {
        ew_difficulty_free(m);
        return rc;
    }
    bool *use = split_mask(a, &set, a->split);
    double *all = score_all(m, &set);
    size_t n = 0;
    for (size_t i = 0; use && all && i < set.n; i++)
        if (use[i]) all[n++] = all[i];
    double t, got;
    if (!use || !all)
        rc = ew_cli_fail(CMD, "out of memory");
    else if (ew__dcalibrate(all, n, a->share, &t, &got) < 0)
        rc = ew_cli_fail(CMD, "no prompts to calibrate on");
    else
        printf("threshold %.6f\nremote_share %.4f of %zu prompts (difficulty > threshold goes "
               "remote)\n",
               t, got, n);
    free(use);
    free(all);
    ew__dset_cleanup(&set);
    ew_difficulty_free(m);
    return rc;
}

static int cmd_score(args *a)
{
    ew_difficulty *m = NULL;
    int rc = open_model(a->weights, &m);
    if (rc) return rc;
    ew_buf b;
    ew_buf_init(&b, 64u << 20);
    ew_error err = {0};
    if (ew_cli_read_file(a->input ? a->input : "-", &b, &err) < 0) {
        char msg[1024];
        rc = ew_cli_fail(CMD, "%s", ew_error_format(&err, msg, sizeof msg));
    } else {
        printf("%.6f\n", ew_difficulty_score(m, b.data ? b.data : "", b.len, a->depth));
    }
    ew_buf_cleanup(&b);
    ew_difficulty_free(m);
    return rc;
}

int ew_cmd_difficulty(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
    args a;
    if (parse_args(&a, argc, argv) < 0) return 2;
    const char *sub = argv[1];
    if (!strcmp(sub, "train")) return cmd_train(&a);
    if (!strcmp(sub, "eval")) return cmd_eval(&a);
    if (!strcmp(sub, "calibrate")) return cmd_calibrate(&a);
    if (!strcmp(sub, "score")) return cmd_score(&a);
    ew_cli_fail(CMD, "unknown subcommand '%s' (train, eval, calibrate, score)", sub);
    return 2;
}
