/* Labeled prompt sets for training and evaluating the difficulty estimate:
 * a bounded RFC 4180 CSV reader, the JSONL reader, the label rules, the
 * held-out split, and the metrics (AUC, calibration). Used by
 * `edgeway difficulty` and the tests. */
#ifndef EW_ROUTER_DIFFICULTY_DATA_H
#define EW_ROUTER_DIFFICULTY_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "router/difficulty.h"

/* ---- CSV ------------------------------------------------------------------------ */

typedef struct ew__csv_limits {
    size_t max_field_bytes; /* default 1 MiB */
    size_t max_row_bytes;   /* default 4 MiB (all fields of a row) */
    int max_fields;         /* default 256 */
} ew__csv_limits;

/* A cursor over a CSV document in memory (RFC 4180: quoted fields with ""
 * escapes and embedded newlines; LF, CRLF or CR line ends; a UTF-8 BOM is
 * skipped; blank lines are skipped). The document is borrowed. */
typedef struct ew__csv {
    const char *p;
    size_t len, pos;
    int line;     /* 1-based line of the cursor */
    int row_line; /* line where the current row starts */
    ew__csv_limits lim;
    ew_buf data;   /* the current row's fields, unescaped, each NUL-terminated */
    size_t *start; /* (n_fields) offsets into data */
    size_t *flen;  /* (n_fields) lengths */
    int n_fields, cap_fields;
    const char *name; /* for messages */
} ew__csv;

void ew__csv_init(ew__csv *c, const char *data, size_t len, const char *name,
                  const ew__csv_limits *lim);
void ew__csv_cleanup(ew__csv *c);
/* Reads the next row: 1 with a row, 0 at the end, or a negative status
 * (EW_ERR_PARSE, EW_ERR_TOO_LARGE, EW_ERR_NOMEM) with err at "name:line:col". */
int ew__csv_next(ew__csv *c, ew_error *err);
/* Field i of the current row (NUL-terminated), or NULL when i is out of range. */
const char *ew__csv_field(const ew__csv *c, int i, size_t *len);

/* ---- prompt sets -------------------------------------------------------------------- */

typedef struct ew__dexample {
    char *text; /* owned, NUL-terminated; user turns joined by '\n' */
    size_t len;
    int depth;         /* user turns */
    int label;         /* 1 = hard for the small model, 0 = not, -1 = unknown */
    int group;         /* index of the file it came from */
    uint64_t hash;     /* FNV-1a 64 of the text: the held-out split */
    uint64_t category; /* hash of the --category-col value; 0 = none */
} ew__dexample;

#define EW__DSET_MAX_FILES 64

typedef struct ew__dset {
    ew__dexample *items; /* (n) */
    size_t n, cap;
    size_t max_items;                 /* default 2,000,000 */
    char *groups[EW__DSET_MAX_FILES]; /* file names, owned */
    int n_groups;
    size_t skipped[EW__DSET_MAX_FILES];           /* rows without text */
    const char *label_source[EW__DSET_MAX_FILES]; /* how labels were found (static) */
    double weight[EW__DSET_MAX_FILES];            /* training weight multiplier per file */
} ew__dset;

/* How to find text and labels. NULL names mean "detect" (see docs/difficulty.md). */
typedef struct ew__dload_opts {
    int force_label;          /* -1: from the data; 0 or 1: every row (--neg / --pos) */
    const char *text_col;     /* default: prompt, text, question, instruction */
    const char *label_col;    /* default: label */
    const char *small_col;    /* small model correct; default: a column naming Mixtral */
    const char *big_col;      /* big model correct; default: a column naming GPT-4 */
    const char *category_col; /* optional: rows' category, for label smoothing */
    size_t max_file_bytes;    /* default 1 GiB */
    double weight;            /* training weight multiplier of the file's rows; default 1 */
} ew__dload_opts;

void ew__dload_opts_init(ew__dload_opts *o);
void ew__dset_init(ew__dset *s);
void ew__dset_cleanup(ew__dset *s);
/* Appends the rows of a CSV or JSONL file (by extension, else by content).
 * Rows with no label are kept with label -1. */
int ew__dset_load(ew__dset *s, const char *path, const ew__dload_opts *o, ew_error *err);
/* Parses a boolean cell: true/false, 1/0, yes/no (any case). -1 if neither. */
int ew__dparse_bool(const char *s, size_t len);

/* Held-out split: the example is held out when its hash, salted with seed,
 * falls in the first `percent` of 100 buckets. */
bool ew__dheldout(uint64_t hash, uint64_t seed, int percent);

/* ---- metrics ---------------------------------------------------------------------- */

/* Area under the ROC curve of scores against labels (0/1; others ignored),
 * with ties counted half. NaN when either class is empty. */
double ew__dauc(const double *scores, const int *labels, size_t n);
/* The threshold t that sends `share` of these scores to the cloud
 * (score > t), midway between neighbours; *achieved gets the share it gives. */
int ew__dcalibrate(const double *scores, size_t n, double share, double *threshold,
                   double *achieved);

/* ---- training ---------------------------------------------------------------------- */

typedef struct ew__dtrain_opts {
    ew__dcfg cfg;
    double l2;          /* L2 strength on hashed weights; default 1e-3 */
    double l2_dense;    /* on dense weights (bias excluded); default 1e-5 */
    int max_iter;       /* L-BFGS iterations; default 300 */
    double balance;     /* each file weighs rows^balance in total; default 0.5 */
    double smooth;      /* targets move this far toward their category's rate; default 0 */
    ew_log_fn progress; /* optional: one line per iteration batch */
    void *progress_user;
} ew__dtrain_opts;

void ew__dtrain_opts_init(ew__dtrain_opts *o);
/* Trains on the examples with use[i] set (all when use is NULL) and a label
 * of 0 or 1. Full-batch L-BFGS on L2-regularised logistic loss: deterministic.
 * out->sparse is owned by the caller on success (free it). */
int ew__dtrain(const ew__dset *s, const bool *use, const ew__dtrain_opts *o, ew__dweights *out,
               ew_error *err);

#endif
