/* The reference models of $EW_SHARED/models, for the unit tests that run
 * them (engine, early exit, speculative): the list, their paths, and opening
 * a model or a session so that a failure fails the test. Header-only; include
 * it after <cmocka.h>. */
#ifndef EW_TEST_REF_MODELS_H
#define EW_TEST_REF_MODELS_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "edgeway/engine.h"

/* Every reference model: each family, tokenizer and quant type. A macro, so
 * each test keeps its own array: `static const char *const m[] = {EW_TEST_REF_MODELS};` */
#define EW_TEST_REF_MODELS                                                                         \
    "stories260K.gguf", "llama-2-tiny-random.gguf", "synth-A-llama-spm-Q4_K_M.gguf",               \
        "synth-A-llama-spm-Q8_0.gguf", "synth-B-llama-gpt2-Q4_0.gguf",                             \
        "synth-C-qwen2-gpt2-Q4_K_M.gguf", "synth-C-qwen2-gpt2-Q8_0.gguf"

/* $EW_SHARED/models/<file> (../shared when EW_SHARED is not set). */
static inline void ref_model_path(char *out, size_t size, const char *file)
{
    const char *dir = getenv("EW_SHARED");
    snprintf(out, size, "%s/models/%s", dir ? dir : "../shared", file);
}

/* Opens a model by its path; fails the test if it cannot. */
static inline ew_model *ref_model_open_path(const char *path)
{
    ew_model *m = NULL;
    ew_error err;
    if (ew_model_open(path, NULL, &m, &err)) fail_msg("%s: %s", path, err.message);
    return m;
}

/* Opens a reference model by file name; fails the test if it cannot. */
static inline ew_model *ref_model_open(const char *file)
{
    char path[1024];
    ref_model_path(path, sizeof path, file);
    return ref_model_open_path(path);
}

/* A session with p (NULL = the defaults); fails the test if it cannot. */
static inline ew_session *ref_session_new(const ew_model *m, const ew_session_params *p)
{
    ew_session_params d;
    if (!p) {
        ew_session_params_init(&d);
        p = &d;
    }
    ew_session *s = NULL;
    ew_error err;
    if (ew_session_new(m, p, &s, &err)) fail_msg("session: %s", err.message);
    return s;
}

/* A session of n_ctx and n_batch that stops after n_layer_exit layers (0 =
 * all) and keeps the logits of every position or only the last. */
static inline ew_session *ref_session(const ew_model *m, int n_ctx, int n_batch, int n_layer_exit,
                                      bool logits_all)
{
    ew_session_params p;
    ew_session_params_init(&p);
    p.n_ctx = n_ctx;
    p.n_batch = n_batch;
    p.n_layer_exit = n_layer_exit;
    p.logits_all = logits_all;
    return ref_session_new(m, &p);
}

#endif
