/* Tokenizer speed: load time and encode/decode throughput per vocab, on
 * llama.cpp's tokenizer test inputs repeated to about 1 MB (mixed English,
 * code, white space runs, CJK and emoji). Prints a table.
 *   bench_tokenizer [SHARED_DIR]      (default $EW_SHARED or ../shared) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edgeway.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *load_text(const char *shared, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/models/vocab/ggml-vocab-gpt-2.gguf.inp", shared);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char chunk[4096];
    size_t n = fread(chunk, 1, sizeof chunk, f);
    fclose(f);
    size_t want = (size_t)1 << 20, k = 0;
    char *text = malloc(want + n);
    while (k < want) {
        memcpy(text + k, chunk, n);
        k += n;
    }
    *len = k;
    return text;
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : getenv("EW_SHARED");
    if (!shared) shared = "../shared";
    size_t len;
    char *text = load_text(shared, &len);
    if (!text) {
        fprintf(stderr, "bench_tokenizer: no test inputs under %s\n", shared);
        return 1;
    }
    static const char *const vocabs[] = {"llama-spm", "gpt-2",     "deepseek-llm", "deepseek-coder",
                                         "falcon",    "starcoder", "bert-bge"};
    printf("input: %.2f MB\n\n", (double)len / 1e6);
    printf("| vocab | n_vocab | load ms | encode MB/s | tokens | Mtok/s | decode MB/s |\n");
    printf("|---|---:|---:|---:|---:|---:|---:|\n");
    ew_token *ids = malloc(ew_tokenizer_max_ids(len) * sizeof *ids);
    char *out = malloc(4 * len + 1);
    for (size_t v = 0; v < sizeof vocabs / sizeof vocabs[0]; v++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/models/vocab/ggml-vocab-%s.gguf", shared, vocabs[v]);
        ew_tokenizer *tok;
        ew_error err;
        double t0 = now();
        if (ew_tokenizer_open(path, &tok, &err)) {
            fprintf(stderr, "%s: %s\n", path, err.message);
            continue;
        }
        double t1 = now();
        size_t n;
        if (ew_tokenizer_encode(tok, text, len, false, true, ids, ew_tokenizer_max_ids(len), &n,
                                &err)) {
            fprintf(stderr, "%s: %s\n", path, err.message);
            ew_tokenizer_free(tok);
            continue;
        }
        double t2 = now();
        size_t olen;
        ew_tokenizer_detokenize(tok, ids, n, false, false, out, 4 * len + 1, &olen);
        double t3 = now();
        printf("| %s | %d | %.1f | %.1f | %zu | %.2f | %.1f |\n", vocabs[v],
               ew_tokenizer_n_vocab(tok), (t1 - t0) * 1e3, (double)len / 1e6 / (t2 - t1), n,
               (double)n / 1e6 / (t2 - t1), (double)olen / 1e6 / (t3 - t2));
        ew_tokenizer_free(tok);
    }
    free(ids);
    free(out);
    free(text);
    return 0;
}
