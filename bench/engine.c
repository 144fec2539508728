/* bench_engine: prompt processing (pp128) and generation (tg64) speed of the
 * embedded engine, with peak RSS and load time, for each model shape x type
 * x thread count. Models are synthesized (random weights, real shapes) and
 * quantized into a cache directory on first use.
 *
 * With EW_LLAMA_BENCH=/path/to/llama-bench (a llama.cpp build made outside
 * this repository by whoever runs the bench) the same files are measured
 * with llama.cpp in the same run and the table gains ours/theirs ratios.
 *
 * Each measurement runs in a child process (ours forked, llama-bench exec'd
 * without a shell) so that peak RSS belongs to one model and one
 * configuration. Models are cached in --dir (default
 * $XDG_CACHE_HOME/edgeway/bench-models, or ~/.cache/...), never in the
 * source tree. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "edgeway.h"
#include "local/tools.h"
#include "pp_tg.h"

#define RSS_BOUND 10.0 /* percent over weights + KV cache (issue #4) */

typedef struct result {
    double pp, tg;     /* tokens per second */
    double load_ms;    /* model open + session creation */
    double rss_mib;    /* peak RSS of the child */
    double budget_mib; /* weights + KV cache: the RSS target is within 10 % of it */
    int ok;
} result;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* In the child: load, warm up, then reps of pp128 and tg64 from an empty
 * cache, as llama-bench does. */
static int measure(const char *path, int threads, int reps, result *r)
{
    ew_error err;
    ew_model *m = NULL;
    ew_session *s = NULL;
    double t0 = now_s();
    if (ew_model_open(path, NULL, &m, &err))
        return fprintf(stderr, "%s: %s\n", path, err.message), -1;
    ew_session_params sp;
    ew_session_params_init(&sp);
    sp.n_threads = threads;
    sp.n_ctx = PP + TG + 16;
    sp.n_batch = PP;
    if (ew_session_new(m, &sp, &s, &err)) {
        ew_model_close(m);
        return fprintf(stderr, "%s: %s\n", path, err.message), -1;
    }
    r->load_ms = (now_s() - t0) * 1e3;
    ew_model_info info;
    ew_model_get_info(m, &info);
    size_t kv;
    ew_session_memory(s, &kv);
    r->budget_mib = (double)(info.weight_bytes + kv) / 1048576.0;
    double pp[16], tg[16];
    bench_pp_tg(m, s, reps, now_s, pp, tg);
    for (int rep = 0; rep < reps; rep++) {
        pp[rep] = PP / pp[rep];
        tg[rep] = TG / tg[rep];
    }
    r->pp = median(pp, reps);
    r->tg = median(tg, reps);
    ew_session_free(s);
    ew_model_close(m);
    return 0;
}

static int run_child(const char *path, int threads, int reps, result *r)
{
    int fd[2];
    memset(r, 0, sizeof *r);
    if (pipe(fd)) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        close(fd[0]);
        result cr = {0};
        cr.ok = measure(path, threads, reps, &cr) == 0;
        ssize_t w = write(fd[1], &cr, sizeof cr);
        _exit(w == (ssize_t)sizeof cr ? 0 : 1);
    }
    close(fd[1]);
    ssize_t n = read(fd[0], r, sizeof *r);
    close(fd[0]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || n != (ssize_t)sizeof *r || !r->ok) return -1;
    r->rss_mib = (double)ru.ru_maxrss / 1024.0;
    return 0;
}

/* "key": number in a JSON line, or -1 when the key is absent. */
static double json_num(const char *line, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = strstr(line, pat);
    return p ? strtod(p + strlen(pat), NULL) : -1;
}

/* llama-bench on the same file, exec'd directly: tokens/s of pp128 and tg64
 * from its JSON lines, and its peak RSS. */
static int run_llama(const char *bin, const char *path, int threads, int reps, result *r)
{
    char sp[16], sn[16], st[16], sr[16];
    snprintf(sp, sizeof sp, "%d", PP);
    snprintf(sn, sizeof sn, "%d", TG);
    snprintf(st, sizeof st, "%d", threads);
    snprintf(sr, sizeof sr, "%d", reps);
    memset(r, 0, sizeof *r);
    int fd[2];
    if (pipe(fd)) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(fd[1], 1);
        if (null >= 0) dup2(null, 2);
        close(fd[0]);
        close(fd[1]);
        execl(bin, bin, "-m", path, "-p", sp, "-n", sn, "-t", st, "-r", sr, "-o", "jsonl",
              (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    char line[16384];
    while (f && fgets(line, sizeof line, f)) {
        double n_prompt = json_num(line, "n_prompt"), n_gen = json_num(line, "n_gen");
        double ts = json_num(line, "avg_ts");
        if (n_prompt == PP && n_gen == 0) r->pp = ts;
        if (n_prompt == 0 && n_gen == TG) r->tg = ts;
    }
    if (f)
        fclose(f);
    else
        close(fd[0]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) return -1;
    r->rss_mib = (double)ru.ru_maxrss / 1024.0;
    r->ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && r->pp > 0 && r->tg > 0;
    return r->ok ? 0 : -1;
}

static int exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* <dir>/<shape>-<type>.gguf, made from the F16 synth when missing. Files
 * are written under a temporary name and renamed, so an interrupted run
 * never leaves a truncated model to be reused. */
static int model_path(const char *dir, const char *shape, const char *type, char *out, size_t n)
{
    ew_error err;
    char f16[1024], tmp[1100];
    if (snprintf(out, n, "%s/%s-%s.gguf", dir, shape, type) >= (int)n ||
        snprintf(f16, sizeof f16, "%s/%s-F16.gguf", dir, shape) >= (int)sizeof f16)
        return fprintf(stderr, "%s: path too long\n", dir), -1;
    if (exists(out)) return 0;
    if (!exists(f16)) {
        if (snprintf(tmp, sizeof tmp, "%s.tmp", f16) >= (int)sizeof tmp) return -1;
        ew_synth_params sp = {shape, EW_FTYPE_F16, 1, NULL, tmp};
        fprintf(stderr, "synthesizing %s\n", f16);
        if (ew__synth(&sp, &err) || rename(tmp, f16))
            return fprintf(stderr, "%s: %s\n", f16, err.message), -1;
    }
    if (strcmp(type, "F16")) {
        int ftype = ew__ftype_parse(type);
        if (ftype < 0) return fprintf(stderr, "unknown type %s\n", type), -1;
        if (snprintf(tmp, sizeof tmp, "%s.tmp", out) >= (int)sizeof tmp) return -1;
        fprintf(stderr, "quantizing %s\n", out);
        if (ew__quantize_file(f16, tmp, ftype, 2, &err) || rename(tmp, out))
            return fprintf(stderr, "%s: %s\n", out, err.message), -1;
    }
    return 0;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    char p[1024];
    snprintf(p, sizeof p, "%s", path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            if (mkdir(p, 0755) && errno != EEXIST) return -1;
            *s = '/';
        }
    return mkdir(p, 0755) && errno != EEXIST ? -1 : 0;
}

static void default_dir(char *out, size_t n)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg && *xdg)
        snprintf(out, n, "%s/edgeway/bench-models", xdg);
    else
        snprintf(out, n, "%s/.cache/edgeway/bench-models", home && *home ? home : "/tmp");
}

static void usage(void)
{
    fprintf(stderr, "usage: bench_engine [--dir DIR] [--shapes a,b] [--types a,b] [--threads 1,2]"
                    " [--reps N]\n"
                    "  --dir DIR  model cache (default $XDG_CACHE_HOME/edgeway/bench-models)\n"
                    "  EW_LLAMA_BENCH=/path/llama-bench adds llama.cpp on the same files and\n"
                    "  ours/theirs ratios to the same table\n");
}

/* Splits a comma list in place into at most max items. */
static int split(char *s, char **items, int max)
{
    int n = 0;
    for (char *p = s; p && n < max;) {
        items[n++] = p;
        p = strchr(p, ',');
        if (p) *p++ = 0;
    }
    return n;
}

static void print_header(bool llama)
{
    if (!llama) {
        printf(
            "| shape | type | MiB | t | pp%d tok/s | tg%d tok/s | peak RSS MiB (vs weights+KV) | "
            "load ms |\n",
            PP, TG);
        printf("|---|---|---:|---:|---:|---:|---:|---:|\n");
        return;
    }
    printf("| shape | type | MiB | t | pp%d ours | pp%d llama.cpp | pp ratio | tg%d ours | tg%d "
           "llama.cpp | tg ratio | RSS MiB ours (vs weights+KV) | RSS MiB llama.cpp | load ms ours "
           "|\n",
           PP, PP, TG, TG);
    printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
}

static int n_over_bound;

/* Peak RSS above (or below) the weights plus the KV cache, in percent. */
static double rss_over(const result *r)
{
    return r->budget_mib > 0 ? 100.0 * (r->rss_mib / r->budget_mib - 1.0) : 0;
}

/* "152 (+7.8 %)", flagged when over the bound. */
static void print_rss(const result *r)
{
    double over = rss_over(r);
    bool bad = over > RSS_BOUND;
    n_over_bound += bad;
    printf(" %.0f (%+.1f %%%s) |", r->rss_mib, over, bad ? " OVER" : "");
}

/* One table row: ours, and llama.cpp's beside it when asked for. */
static void bench_row(const char *shape, const char *type, const char *path, int t, int reps,
                      const char *llama)
{
    struct stat st;
    double mib = stat(path, &st) ? 0 : (double)st.st_size / 1048576.0;
    result ours, theirs;
    bool ok = run_child(path, t, reps, &ours) == 0;
    bool lok = llama && run_llama(llama, path, t, reps, &theirs) == 0;
    printf("| %s | %s | %.0f | %d |", shape, type, mib, t);
    if (!llama) {
        if (ok) {
            printf(" %.1f | %.1f |", ours.pp, ours.tg);
            print_rss(&ours);
            printf(" %.0f |\n", ours.load_ms);
        } else
            printf(" failed | | | |\n");
    } else {
#define OURS(v)     (ok ? printf(" %.1f |", v) : printf(" failed |"))
#define THEIRS(v)   (lok ? printf(" %.1f |", v) : printf(" failed |"))
#define RATIO(a, b) (ok && lok ? printf(" %.2f |", (a) / (b)) : printf(" - |"))
        OURS(ours.pp);
        THEIRS(theirs.pp);
        RATIO(ours.pp, theirs.pp);
        OURS(ours.tg);
        THEIRS(theirs.tg);
        RATIO(ours.tg, theirs.tg);
        ok ? print_rss(&ours) : (void)printf(" - |");
        lok ? printf(" %.0f |", theirs.rss_mib) : printf(" - |");
        ok ? printf(" %.0f |\n", ours.load_ms) : printf(" - |\n");
#undef OURS
#undef THEIRS
#undef RATIO
    }
    fflush(stdout);
}

int main(int argc, char **argv)
{
    char shapes_s[256] = "smollm2-135m,qwen2.5-0.5b", types_s[256] = "Q8_0,Q4_K_M,Q4_0,F16";
    char threads_s[64] = "1,2", dir[1024];
    default_dir(dir, sizeof dir);
    int reps = 3;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            usage();
            return 2;
        }
        if (!strcmp(argv[i], "--dir"))
            snprintf(dir, sizeof dir, "%s", v);
        else if (!strcmp(argv[i], "--shapes"))
            snprintf(shapes_s, sizeof shapes_s, "%s", v);
        else if (!strcmp(argv[i], "--types"))
            snprintf(types_s, sizeof types_s, "%s", v);
        else if (!strcmp(argv[i], "--threads"))
            snprintf(threads_s, sizeof threads_s, "%s", v);
        else if (!strcmp(argv[i], "--reps"))
            reps = (int)strtol(v, NULL, 10);
        else {
            usage();
            return 2;
        }
        i++;
    }
    if (reps < 1 || reps > 16) reps = 3;
    if (make_dirs(dir)) return fprintf(stderr, "%s: %s\n", dir, strerror(errno)), 2;
    const char *llama = getenv("EW_LLAMA_BENCH");
    if (llama && !*llama) llama = NULL;
    if (llama && access(llama, X_OK))
        return fprintf(stderr, "EW_LLAMA_BENCH=%s: %s\n", llama, strerror(errno)), 2;
    char *shapes[8], *types[16], *threads[8];
    int ns = split(shapes_s, shapes, 8), nt = split(types_s, types, 16);
    int nth = split(threads_s, threads, 8);
    print_header(llama != NULL);
    for (int a = 0; a < ns; a++)
        for (int b = 0; b < nt; b++) {
            char path[1024];
            if (model_path(dir, shapes[a], types[b], path, sizeof path)) continue;
            for (int c = 0; c < nth; c++) {
                int t = (int)strtol(threads[c], NULL, 10);
                if (t < 1 || t > 256) continue;
                bench_row(shapes[a], types[b], path, t, reps, llama);
            }
        }
    if (n_over_bound)
        printf("\n%d row(s) OVER the RSS bound: peak RSS more than %.0f %% above weights + KV "
               "cache\n",
               n_over_bound, RSS_BOUND);
    return 0;
}
