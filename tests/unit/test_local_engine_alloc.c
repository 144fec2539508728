/* Nothing is allocated per token: with a counting allocator installed, a
 * warmed-up session evaluates tokens, samples and generates (stop strings,
 * streaming callback, several threads) without a single malloc.
 *
 * The count comes from the sanitizer's malloc hooks under ASan, and otherwise
 * from malloc/calloc/realloc defined here on top of glibc's __libc_*
 * functions (this binary's allocator is the counting one). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway.h"

static _Atomic int counting;
static _Atomic long allocations;

#if defined(EW_SANITIZED)
/* From the sanitizer runtime (sanitizer/allocator_interface.h, which not
 * every toolchain installs). */
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *));

static void on_malloc(const volatile void *p, size_t n)
{
    (void)p;
    (void)n;
    if (atomic_load(&counting)) atomic_fetch_add(&allocations, 1);
}

static void on_free(const volatile void *p)
{
    (void)p;
}

static void install_counter(void)
{
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}
#else
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t m);
void *__libc_realloc(void *p, size_t n);
void __libc_free(void *p);

static inline void count(void)
{
    if (atomic_load_explicit(&counting, memory_order_relaxed)) atomic_fetch_add(&allocations, 1);
}

void *malloc(size_t n)
{
    count();
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
    count();
    return __libc_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
    count();
    return __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}

static void install_counter(void) {}
#endif

static int on_token(void *user, int32_t token, const char *text, size_t len)
{
    (void)token;
    size_t *total = user;
    *total += len;
    return 0;
}

static void run(int threads, ew_kv_type kv)
{
    const char *shared = getenv("EW_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/models/stories260K.gguf", shared ? shared : "../shared");
    ew_model *m;
    ew_session *s;
    ew_sampler *smp;
    ew_error err;
    assert_int_equal(ew_model_open(path, NULL, &m, &err), EW_OK);
    ew_session_params sp;
    ew_session_params_init(&sp);
    sp.n_threads = threads;
    sp.n_ctx = 256;
    sp.kv_type = kv;
    assert_int_equal(ew_session_new(m, &sp, &s, &err), EW_OK);
    ew_sampler_params pp;
    ew_sampler_params_init(&pp);
    pp.repeat_penalty = 1.1f;
    assert_int_equal(ew_sampler_new(&pp, ew_model_n_vocab(m), &smp, &err), EW_OK);
    int32_t prompt[8] = {1, 403, 407, 261, 378, 432, 383, 286};
    /* warm up: first use of every buffer and thread */
    assert_int_equal(ew_session_eval(s, prompt, 8, NULL), EW_OK);
    int32_t t = ew_sampler_sample(smp, ew_session_logits(s, -1));

    atomic_store(&allocations, 0);
    atomic_store(&counting, 1);
    for (int i = 0; i < 32; i++) {
        assert_int_equal(ew_session_eval(s, &t, 1, NULL), EW_OK);
        t = ew_sampler_sample(smp, ew_session_logits(s, -1));
        ew_sampler_accept(smp, t);
    }
    ew_session_rewind(s, 0);
    assert_int_equal(ew_session_eval(s, prompt, 8, NULL), EW_OK);
    size_t text = 0;
    ew_generate_params gp;
    memset(&gp, 0, sizeof gp);
    gp.max_tokens = 48;
    gp.stop[0] = "xyzzy";
    gp.stop[1] = " the end.";
    gp.on_token = on_token;
    gp.user = &text;
    ew_generate_result r;
    assert_int_equal(ew_generate(s, smp, prompt, 8, &gp, &r, &err), EW_OK);
    atomic_store(&counting, 0);

    assert_int_equal(r.n_generated, 48);
    assert_true(text > 48);
    if (atomic_load(&allocations))
        fail_msg("%ld allocations while evaluating and generating (%d threads)",
                 atomic_load(&allocations), threads);
    ew_sampler_free(smp);
    ew_session_free(s);
    ew_model_close(m);
}

static void test_no_allocation_per_token(void **state)
{
    (void)state;
    install_counter();
    run(1, EW_KV_F16);
    run(2, EW_KV_F32);
}

/* The counter itself works: an allocation in the window is seen. */
static void test_counter_sees_allocations(void **state)
{
    (void)state;
    install_counter();
    atomic_store(&allocations, 0);
    atomic_store(&counting, 1);
    void *volatile p = malloc(100);
    atomic_store(&counting, 0);
    free(p);
    assert_true(atomic_load(&allocations) >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_sees_allocations),
        cmocka_unit_test(test_no_allocation_per_token),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
