/* Every SIMD kernel against its scalar reference, for every ISA this CPU
 * runs. Stated bounds:
 *  - activation quantization (Q8_0, Q8_K, F16) is bit-identical;
 *  - dot products differ from the reference only by the order of float
 *    additions (integer sums are exact): |simd - ref| <= 2e-6 * sum|w_i * a_i|
 *    (+1e-7); the VNNI legacy-quant kernels (Q8_0X activations) and the
 *    VNNI and NEON k-quant kernels equal it;
 *  - gemm gives exactly what dot gives, for any grouping of columns;
 *  - the attention kernels: q.k within 2e-6 * n (|k|, |q| <= 1), the
 *    weighted sum of rows within 1e-6 relative per element. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "local/quant.h"

/* 9 super-blocks, 72 blocks; rows: two 16-row groups and a tail; columns:
 * two 8-column tiles and a tail */
enum { N = 2304, COLS = 19, ROWS = 37 };

static uint64_t rng = 88172645463325252ull;

static float frand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (float)((rng >> 40) * (1.0 / 8388608.0)) - 1.0f;
}

static const uint32_t weight_types[] = {EW_GGML_F32,  EW_GGML_F16,  EW_GGML_BF16, EW_GGML_Q4_0,
                                        EW_GGML_Q4_1, EW_GGML_Q5_0, EW_GGML_Q5_1, EW_GGML_Q8_0,
                                        EW_GGML_Q4_K, EW_GGML_Q5_K, EW_GGML_Q6_K};
static const uint32_t act_types[] = {EW_GGML_F32,  EW_GGML_F16,  EW_GGML_BF16, EW_GGML_Q8_0,
                                     EW_GGML_Q8_1, EW_GGML_Q8_K, EW__ACT_Q8_0X};

static void test_activation_quant_identical(void **state)
{
    (void)state;
    static float x[N];
    static char want[N * 4], got[N * 4];
    for (int isa = 1; isa < EW_ISA_COUNT; isa++) {
        if (!ew__isa_available((ew__isa)isa)) continue;
        for (size_t t = 0; t < sizeof act_types / sizeof act_types[0]; t++) {
            for (int rep = 0; rep < 20; rep++) {
                float scale = rep == 0 ? 0.0f : powf(10.0f, (float)(rep % 7) - 3);
                for (int i = 0; i < N; i++)
                    x[i] = frand() * scale;
                if (rep == 3) x[17] = -scale * 3; /* a negative extreme */
                const ew__qtype *r = ew__qtype_get(act_types[t], EW_ISA_REF);
                const ew__qtype *s = ew__qtype_get(act_types[t], (ew__isa)isa);
                size_t bytes = ew__row_bytes(act_types[t], N);
                memset(want, 0x55, bytes);
                memset(got, 0x55, bytes);
                r->quant_act(x, want, N);
                s->quant_act(x, got, N);
                if (memcmp(want, got, bytes))
                    fail_msg("%s: %s activation quantization differs from the reference",
                             ew__isa_name((ew__isa)isa), r->name);
            }
        }
    }
}

static void check_type(ew__isa isa, uint32_t type)
{
    static float w[ROWS][N], a[COLS][N];
    static char wq[ROWS][N * 4], aq[COLS][N * 4 + 512], sq[COLS][N * 4 + 512];
    const ew__qtype *ref = ew__qtype_get(type, EW_ISA_REF), *simd = ew__qtype_get(type, isa);
    const ew__qtype *act = ew__qtype_get(ref->act, EW_ISA_REF);
    /* an ISA may read the same quantized activations in its own layout */
    const ew__qtype *sact = ew__qtype_get(simd->act, isa);
    for (int r = 0; r < ROWS; r++) {
        for (int i = 0; i < N; i++)
            w[r][i] = frand() * 0.1f;
        assert_int_equal(ew__quantize_row(type, w[r], wq[r], N), EW_OK);
    }
    for (int c = 0; c < COLS; c++) {
        for (int i = 0; i < N; i++)
            a[c][i] = frand() * 3.0f;
        act->quant_act(a[c], aq[c], N);
        sact->quant_act(a[c], sq[c], N);
    }
    int exact = simd->act == EW__ACT_Q8_0X ||
                ((isa == EW_ISA_AVX512_VNNI || isa == EW_ISA_NEON) &&
                 (type == EW_GGML_Q4_K || type == EW_GGML_Q5_K || type == EW_GGML_Q6_K));
    float dots[COLS][ROWS];
    static float wd[N], ad[N];
    for (int r = 0; r < ROWS; r++) {
        ref->dequant(wq[r], wd, N);
        for (int c = 0; c < COLS; c++) {
            act->dequant(aq[c], ad, N);
            double mag = 0;
            for (int i = 0; i < N; i++)
                mag += fabs((double)wd[i] * ad[i]);
            float want = ref->dot(N, wq[r], aq[c]), got = simd->dot(N, wq[r], sq[c]);
            dots[c][r] = got;
            if (exact && got != want)
                fail_msg("%s %s dot: %.9g, not the reference's %.9g", ew__isa_name(isa), ref->name,
                         got, want);
            if (fabs(got - want) > 2e-6 * mag + 1e-7)
                fail_msg("%s %s dot: %.9g vs reference %.9g (|w*a| %.3g)", ew__isa_name(isa),
                         ref->name, got, want, mag);
        }
    }
    /* gemm over all columns and over uneven column groups equals dot */
    float out[COLS][ROWS];
    static const int groups[] = {1, 2, 3, 5, 6, 8, 9, COLS};
    for (size_t gi = 0; gi < sizeof groups / sizeof groups[0]; gi++) {
        int group = groups[gi];
        memset(out, 0, sizeof out);
        for (int c = 0; c < COLS; c += group) {
            int m = COLS - c < group ? COLS - c : group;
            simd->gemm(N, wq[0], sizeof wq[0], ROWS, sq[c], sizeof sq[0], m, &out[c][0], ROWS);
        }
        for (int c = 0; c < COLS; c++)
            for (int r = 0; r < ROWS; r++)
                if (out[c][r] != dots[c][r])
                    fail_msg("%s %s gemm (groups of %d) [%d,%d]: %.9g vs dot %.9g",
                             ew__isa_name(isa), ref->name, group, r, c, out[c][r], dots[c][r]);
    }
}

static void test_dot_and_gemm(void **state)
{
    (void)state;
    int tested = 0;
    for (int isa = 0; isa < EW_ISA_COUNT; isa++) {
        if (!ew__isa_available((ew__isa)isa)) continue;
        for (size_t t = 0; t < sizeof weight_types / sizeof weight_types[0]; t++)
            check_type((ew__isa)isa, weight_types[t]);
        tested++;
    }
    assert_true(tested >= 1);
}

/* Attention kernels over a KV cache (rows with a stride, head sizes with
 * and without a vector tail, key counts around the 16-key groups). */
static void test_kv_rows(void **state)
{
    (void)state;
    enum { MAXN = 136, MAXR = 190, STRIDE = 3 * MAXN };
    static float k32[MAXR * STRIDE], q32[MAXN], a[MAXR], y1[MAXN], y2[MAXN], o1[MAXR + 1],
        o2[MAXR + 1];
    static ew_f16 k16[MAXR * STRIDE], q16[MAXN];
    for (int i = 0; i < MAXR * STRIDE; i++)
        k32[i] = frand();
    ew__quant_f16_ref(k32, k16, MAXR * STRIDE);
    for (int i = 0; i < MAXN; i++)
        q32[i] = frand();
    ew__quant_f16_ref(q32, q16, MAXN);
    for (int j = 0; j < MAXR; j++)
        a[j] = frand() * 0.01f;
    static const int ns[] = {64, 128, 80, 37, MAXN}, nrs[] = {1, 15, 16, 17, 64, MAXR};
    const uint32_t types[2] = {EW_GGML_F32, EW_GGML_F16};
    const void *ks[2] = {k32, k16}, *qs[2] = {q32, q16};
    const size_t strides[2] = {STRIDE * sizeof(float), STRIDE * sizeof(ew_f16)};
    for (int isa = 1; isa < EW_ISA_COUNT; isa++) {
        if (!ew__isa_available((ew__isa)isa)) continue;
        for (int t = 0; t < 2; t++) {
            const ew__qtype *r = ew__qtype_get(types[t], EW_ISA_REF);
            const ew__qtype *v = ew__qtype_get(types[t], (ew__isa)isa);
            for (size_t ni = 0; ni < sizeof ns / sizeof ns[0]; ni++)
                for (size_t ri = 0; ri < sizeof nrs / sizeof nrs[0]; ri++) {
                    int n = ns[ni], nr = nrs[ri];
                    const char *kb = (const char *)ks[t] + (size_t)n / 2 * (t ? 2 : 4);
                    r->dot_rows(n, kb, strides[t], nr, qs[t], o1);
                    o2[nr] = 12345.0f;
                    v->dot_rows(n, kb, strides[t], nr, qs[t], o2);
                    assert_true(o2[nr] == 12345.0f); /* writes nr scores, no more */
                    for (int j = 0; j < nr; j++)
                        if (fabsf(o1[j] - o2[j]) > 2e-6f * (float)n + 1e-7f)
                            fail_msg("%s %s dot_rows n=%d nr=%d [%d]: %.9g vs ref %.9g",
                                     ew__isa_name((ew__isa)isa), r->name, n, nr, j, o2[j], o1[j]);
                    for (int i = 0; i < MAXN; i++)
                        y1[i] = y2[i] = frand();
                    r->axpy_rows(n, a, kb, strides[t], nr, y1);
                    v->axpy_rows(n, a, kb, strides[t], nr, y2);
                    for (int i = 0; i < MAXN; i++)
                        if (fabsf(y1[i] - y2[i]) > 1e-6f * (fabsf(y1[i]) + 1) ||
                            (i >= n && y1[i] != y2[i]))
                            fail_msg("%s %s axpy_rows n=%d nr=%d [%d]: %.9g vs ref %.9g",
                                     ew__isa_name((ew__isa)isa), r->name, n, nr, i, y2[i], y1[i]);
                }
        }
    }
}

/* The ISA list is what the kernels promise: on x86-64 at least AVX2 should
 * be found on any machine this project targets; report what ran. */
static void test_report_isas(void **state)
{
    (void)state;
    for (int isa = 0; isa < EW_ISA_COUNT; isa++)
        if (ew__isa_available((ew__isa)isa))
            print_message("kernels tested for %s\n", ew__isa_name((ew__isa)isa));
    assert_true(ew__isa_available(ew__isa_best()));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_activation_quant_identical),
        cmocka_unit_test(test_dot_and_gemm),
        cmocka_unit_test(test_kv_rows),
        cmocka_unit_test(test_report_isas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
