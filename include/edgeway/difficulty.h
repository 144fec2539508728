/* edgeway public API: the difficulty estimate.
 *
 * A score in [0,1] predicting that the small local model fails on a prompt
 * where a big cloud model succeeds. It is a logistic regression over cheap
 * features (hashed word uni/bigrams and character n-grams, length, digits and
 * math symbols, code markers, question type, constraints, conversation depth),
 * learned with `edgeway difficulty train` and stored in a weights file
 * (conf/difficulty.weights ships with defaults; docs in the README).
 *
 * A loaded model is immutable: one model may score from many threads at once.
 * Scoring allocates nothing and does no I/O; its cost is bounded by the scan
 * limits recorded in the weights file (head and tail bytes of the prompt).
 */
#ifndef EDGEWAY_DIFFICULTY_H
#define EDGEWAY_DIFFICULTY_H

#include <stddef.h>

#include "edgeway/core.h"
#include "edgeway/request.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ew_difficulty ew_difficulty;

/* What the `difficulty:` config section holds; the config module fills it. */
typedef struct ew_difficulty_opts {
    const char *weights_path; /* weights file; relative paths are the caller's to resolve */
} ew_difficulty_opts;

/* Largest weights file accepted (the shipped one is ~0.5 MiB). */
#define EW_DIFFICULTY_MAX_FILE_BYTES (64u << 20)

/* Loads and strictly validates a weights file (magic, version, feature
 * config, sizes, finite values, checksum). Returns owned *out, or EW_ERR_IO /
 * EW_ERR_PARSE / EW_ERR_UNSUPPORTED / EW_ERR_TOO_LARGE / EW_ERR_INTEGRITY /
 * EW_ERR_NOMEM with err saying what is wrong. */
int ew_difficulty_load(const char *path, ew_difficulty **out, ew_error *err);
/* The same from memory (borrows data only during the call). */
int ew_difficulty_load_mem(const void *data, size_t len, ew_difficulty **out, ew_error *err);
/* Opens the model the options name. */
int ew_difficulty_open(const ew_difficulty_opts *opts, ew_difficulty **out, ew_error *err);
void ew_difficulty_free(ew_difficulty *m);

/* Scores one prompt. depth is the number of user turns in the conversation,
 * this one included (values < 1 count as 1). Returns a value in [0,1]. */
double ew_difficulty_score(const ew_difficulty *m, const char *text, size_t len, int depth);
/* Scores the user turns of a request, in order, as one text: chat messages
 * with role user (depth = their number), or the completions prompt. */
double ew_difficulty_score_request(const ew_difficulty *m, const ew_request *req);

#ifdef __cplusplus
}
#endif
#endif
