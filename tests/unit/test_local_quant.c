/* Block layouts, conversions and reference kernels of local/quant*.c:
 * hand-built blocks with known values, quantize/dequantize error bounds and
 * the identity dot(w, act) == sum(dequant(w) * dequant(act)). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "local/quant.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static float frand(void) /* uniform in [-1, 1) */
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (float)((rng_state >> 40) * (1.0 / 8388608.0)) - 1.0f;
}

static void fill(float *x, int n, float scale)
{
    for (int i = 0; i < n; i++)
        x[i] = frand() * scale;
}

static void test_f16_known_values(void **state)
{
    (void)state;
    assert_int_equal(ew__f32_to_f16(1.0f), 0x3c00);
    assert_int_equal(ew__f32_to_f16(-2.0f), 0xc000);
    assert_int_equal(ew__f32_to_f16(65504.0f), 0x7bff);
    assert_int_equal(ew__f32_to_f16(65520.0f), 0x7c00); /* rounds up to inf */
    assert_int_equal(ew__f32_to_f16(65519.0f), 0x7bff);
    assert_int_equal(ew__f32_to_f16(ldexpf(1, -24)), 0x0001);
    assert_int_equal(ew__f32_to_f16(ldexpf(1, -25)), 0x0000);        /* tie to even: zero */
    assert_int_equal(ew__f32_to_f16(ldexpf(3, -25)), 0x0002);        /* 1.5 ulp: to even 2 */
    assert_int_equal(ew__f32_to_f16(1.0f + ldexpf(1, -11)), 0x3c00); /* tie, even */
    assert_int_equal(ew__f32_to_f16(1.0f + ldexpf(3, -11)), 0x3c02); /* tie, up to even */
    assert_int_equal(ew__f32_to_f16(ldexpf(1, -14)), 0x0400);        /* smallest normal */
    assert_true(isnan(ew__f16_to_f32(ew__f32_to_f16(NAN))));
    assert_true(ew__f16_to_f32(0xfc00) < 0 && isinf(ew__f16_to_f32(0xfc00)));
    assert_true(ew__f16_to_f32(0x0001) == ldexpf(1, -24));
    assert_true(ew__f16_to_f32(0x3555) == 0.333251953125f);
}

static void test_f16_round_trip_all(void **state)
{
    (void)state;
    for (uint32_t h = 0; h < 65536; h++) {
        if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff)) continue; /* NaN payloads need not survive */
        assert_int_equal(ew__f32_to_f16(ew__f16_to_f32((ew_f16)h)), h);
    }
}

static void test_bf16(void **state)
{
    (void)state;
    assert_int_equal(ew__f32_to_bf16(1.0f), 0x3f80);
    assert_true(ew__bf16_to_f32(0xc040) == -3.0f);
    /* 1 + 2^-8 is a tie between 1 and 1+2^-7: to even (1.0) */
    assert_int_equal(ew__f32_to_bf16(1.0f + ldexpf(1, -8)), 0x3f80);
    assert_int_equal(ew__f32_to_bf16(1.0f + ldexpf(3, -8)), 0x3f82);
    for (uint32_t h = 0; h < 65536; h += 7) {
        if ((h & 0x7f80) == 0x7f80 && (h & 0x7f)) continue;
        assert_int_equal(ew__f32_to_bf16(ew__bf16_to_f32((ew_bf16)h)), h);
    }
}

static void test_nearest_int_is_half_even(void **state)
{
    (void)state;
    assert_int_equal(ew__nearest_int(0.5f), 0);
    assert_int_equal(ew__nearest_int(1.5f), 2);
    assert_int_equal(ew__nearest_int(-2.5f), -2);
    assert_int_equal(ew__nearest_int(-2.6f), -3);
    assert_int_equal(ew__nearest_int(126.49f), 126);
}

static void dequant(uint32_t type, const void *x, float *y, int n)
{
    const ew__qtype *t = ew__qtype_get(type, EW_ISA_REF);
    assert_non_null(t);
    t->dequant(x, y, n);
}

static void test_q4_0_block(void **state)
{
    (void)state;
    ew_block_q4_0 b;
    b.d = ew__f32_to_f16(0.5f);
    for (int j = 0; j < 16; j++)
        b.qs[j] = (uint8_t)(j | ((15 - j) << 4));
    float y[32];
    dequant(EW_GGML_Q4_0, &b, y, 32);
    for (int j = 0; j < 16; j++) {
        assert_true(y[j] == (j - 8) * 0.5f);
        assert_true(y[j + 16] == (7 - j) * 0.5f);
    }
}

static void test_q4_1_block(void **state)
{
    (void)state;
    ew_block_q4_1 b;
    b.d = ew__f32_to_f16(0.25f);
    b.m = ew__f32_to_f16(-1.0f);
    for (int j = 0; j < 16; j++)
        b.qs[j] = (uint8_t)(j | (3 << 4));
    float y[32];
    dequant(EW_GGML_Q4_1, &b, y, 32);
    for (int j = 0; j < 16; j++) {
        assert_true(y[j] == j * 0.25f - 1.0f);
        assert_true(y[j + 16] == 3 * 0.25f - 1.0f);
    }
}

/* Fifth bits: qh bit j belongs to element j (both halves). */
static void test_q5_blocks(void **state)
{
    (void)state;
    ew_block_q5_0 b;
    b.d = ew__f32_to_f16(1.0f);
    uint32_t qh = 0x80000001u; /* elements 0 and 31 get +16 */
    memcpy(b.qh, &qh, 4);
    for (int j = 0; j < 16; j++)
        b.qs[j] = (uint8_t)(1 | (2 << 4));
    float y[32];
    dequant(EW_GGML_Q5_0, &b, y, 32);
    assert_true(y[0] == 17 - 16);
    assert_true(y[1] == 1 - 16);
    assert_true(y[16] == 2 - 16);
    assert_true(y[31] == 18 - 16);

    ew_block_q5_1 c;
    c.d = ew__f32_to_f16(2.0f);
    c.m = ew__f32_to_f16(0.5f);
    qh = 1u << 20;
    memcpy(c.qh, &qh, 4);
    memset(c.qs, 0, sizeof c.qs);
    dequant(EW_GGML_Q5_1, &c, y, 32);
    assert_true(y[20] == 16 * 2.0f + 0.5f);
    assert_true(y[19] == 0.5f);
}

static void test_q8_0_block(void **state)
{
    (void)state;
    ew_block_q8_0 b;
    b.d = ew__f32_to_f16(0.125f);
    for (int j = 0; j < 32; j++)
        b.qs[j] = (int8_t)(j * 8 - 128);
    float y[32];
    dequant(EW_GGML_Q8_0, &b, y, 32);
    for (int j = 0; j < 32; j++)
        assert_true(y[j] == (j * 8 - 128) * 0.125f);
}

/* The 12-byte scale layout: j < 4 plain 6 bits; j >= 4 low nibbles in bytes
 * 8..11 and the two high bits in the top of bytes 0..7. */
static void test_k4_scale_layout(void **state)
{
    (void)state;
    uint8_t q[12] = {0};
    uint8_t sc[8] = {1, 2, 3, 63, 17, 33, 48, 63}, mn[8] = {5, 0, 62, 7, 63, 1, 16, 47};
    for (int j = 0; j < 8; j++) {
        if (j < 4) {
            q[j] = sc[j];
            q[j + 4] = mn[j];
        }
    }
    for (int j = 4; j < 8; j++) {
        q[j + 4] = (uint8_t)((sc[j] & 0xF) | ((mn[j] & 0xF) << 4));
        q[j - 4] |= (uint8_t)((sc[j] >> 4) << 6);
        q[j] |= (uint8_t)((mn[j] >> 4) << 6);
    }
    for (int j = 0; j < 8; j++) {
        uint8_t s, m;
        ew__k4_scale_min(j, q, &s, &m);
        assert_int_equal(s, sc[j]);
        assert_int_equal(m, mn[j]);
    }
}

static void test_q4_K_block(void **state)
{
    (void)state;
    ew_block_q4_K b;
    memset(&b, 0, sizeof b);
    b.d = ew__f32_to_f16(0.5f);
    b.dmin = ew__f32_to_f16(0.25f);
    /* sub-block j: scale j+1, min 2 (all j < 4 so plain bytes suffice, plus j >= 4) */
    for (int j = 0; j < 4; j++) {
        b.scales[j] = (uint8_t)(j + 1);
        b.scales[j + 4] = 2;
    }
    for (int j = 4; j < 8; j++)
        b.scales[j + 4] = (uint8_t)((j + 1) | (2 << 4));
    for (int l = 0; l < 128; l++)
        b.qs[l] = (uint8_t)((l % 16) | ((15 - l % 16) << 4));
    float y[256];
    dequant(EW_GGML_Q4_K, &b, y, 256);
    for (int e = 0; e < 256; e++) {
        int sub = e / 32, g = e / 64, l = e % 32;
        int q = (sub % 2 == 0) ? (b.qs[32 * g + l] & 0xF) : (b.qs[32 * g + l] >> 4);
        float want = 0.5f * (sub + 1) * q - 0.25f * 2;
        assert_true(fabsf(y[e] - want) < 1e-6f);
    }
}

static void test_q5_K_block(void **state)
{
    (void)state;
    ew_block_q5_K b;
    memset(&b, 0, sizeof b);
    b.d = ew__f32_to_f16(1.0f);
    for (int j = 0; j < 4; j++)
        b.scales[j] = 1;
    for (int j = 4; j < 8; j++)
        b.scales[j + 4] = 1;
    /* element 64*g + 32*h + l has its fifth bit at bit 2g+h of qh[l] */
    b.qh[3] = 1 << 5; /* g = 2, h = 1, l = 3: element 163 */
    b.qs[32 * 2 + 3] = 0x70;
    float y[256];
    dequant(EW_GGML_Q5_K, &b, y, 256);
    assert_true(y[163] == 16 + 7);
    assert_true(y[131] == 0);
    for (int e = 0; e < 256; e++)
        if (e != 163) assert_true(y[e] == 0);
}

/* q6_K written element by element from the layout description, read back. */
static void test_q6_K_block(void **state)
{
    (void)state;
    ew_block_q6_K b;
    memset(&b, 0, sizeof b);
    b.d = ew__f32_to_f16(0.5f);
    for (int g = 0; g < 16; g++)
        b.scales[g] = (int8_t)(g - 8);
    int vals[256];
    for (int e = 0; e < 256; e++) {
        int v = (e * 37 + 11) % 64; /* stored 0..63, value v - 32 */
        vals[e] = v - 32;
        int h = e / 128, r = e % 128, k = r / 32, l = r % 32;
        uint8_t *ql = &b.ql[64 * h + 32 * (k & 1) + l];
        *ql |= (uint8_t)((v & 0xF) << (4 * (k >> 1)));
        b.qh[32 * h + l] |= (uint8_t)((v >> 4) << (2 * k));
    }
    float y[256];
    dequant(EW_GGML_Q6_K, &b, y, 256);
    for (int e = 0; e < 256; e++)
        assert_true(y[e] == 0.5f * (e / 16 - 8) * vals[e]);
}

static void test_q8_0_activation(void **state)
{
    (void)state;
    float x[32];
    for (int j = 0; j < 32; j++)
        x[j] = (j - 16) * 0.1f;
    x[5] = -2.54f; /* the largest magnitude maps to -127 */
    ew_block_q8_0 b;
    ew__quant_q8_0_ref(x, &b, 32);
    assert_int_equal(b.qs[5], -127);
    assert_true(fabsf(ew__f16_to_f32(b.d) - 2.54f / 127) < 1e-5f);
    assert_int_equal(b.qs[16], 0);
    assert_int_equal(b.qs[26], 50); /* 1.0 / 0.02 */
}

static void test_q8_K_activation(void **state)
{
    (void)state;
    float x[256];
    fill(x, 256, 3.0f);
    x[77] = 4.0f;
    ew_block_q8_K b;
    ew__quant_q8_K_ref(x, &b, 256);
    assert_int_equal(b.qs[77], -127); /* the extreme maps to -127 */
    assert_true(b.d < 0);
    for (int g = 0; g < 16; g++) {
        int s = 0;
        for (int l = 0; l < 16; l++)
            s += b.qs[16 * g + l];
        assert_int_equal(b.bsums[g], s);
    }
    float y[256];
    dequant(EW_GGML_Q8_K, &b, y, 256);
    for (int j = 0; j < 256; j++)
        assert_true(fabsf(y[j] - x[j]) <= fabsf(b.d) * 0.5f + 1e-6f);
    float z[256] = {0};
    ew__quant_q8_K_ref(z, &b, 256);
    assert_true(b.d == 0);
}

/* Relative RMS error of quantize -> dequantize on Gaussian-ish data. */
static double roundtrip_rel_err(uint32_t type, int n)
{
    float *x = malloc((size_t)n * sizeof *x), *y = malloc((size_t)n * sizeof *y);
    void *q = malloc(ew__row_bytes(type, n));
    assert_true(x && y && q);
    for (int i = 0; i < n; i++)
        x[i] = (frand() + frand() + frand()) * 0.02f;
    assert_int_equal(ew__quantize_row(type, x, q, n), EW_OK);
    dequant(type, q, y, n);
    double e = 0, s = 0;
    for (int i = 0; i < n; i++) {
        e += (double)(x[i] - y[i]) * (x[i] - y[i]);
        s += (double)x[i] * x[i];
    }
    free(x);
    free(y);
    free(q);
    return sqrt(e / s);
}

static void test_quantize_error_bounds(void **state)
{
    (void)state;
    struct {
        uint32_t type;
        double max_err;
    } cases[] = {
        {EW_GGML_F32, 0.0},   {EW_GGML_F16, 0.001}, {EW_GGML_BF16, 0.005}, {EW_GGML_Q8_0, 0.01},
        {EW_GGML_Q6_K, 0.03}, {EW_GGML_Q5_K, 0.05}, {EW_GGML_Q5_0, 0.07},  {EW_GGML_Q5_1, 0.06},
        {EW_GGML_Q4_K, 0.10}, {EW_GGML_Q4_0, 0.14}, {EW_GGML_Q4_1, 0.12},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double e = roundtrip_rel_err(cases[i].type, 4096);
        if (e > cases[i].max_err)
            fail_msg("%s: relative error %.4f > %.4f",
                     ew__qtype_get(cases[i].type, EW_ISA_REF)->name, e, cases[i].max_err);
    }
}

/* dot(w, quant_act(a)) must equal the float dot of the two dequantized rows
 * (same integers, same scales; only the summation order differs). */
static void test_dot_identity(void **state)
{
    (void)state;
    const uint32_t types[] = {EW_GGML_F32,  EW_GGML_F16,  EW_GGML_BF16, EW_GGML_Q4_0,
                              EW_GGML_Q4_1, EW_GGML_Q5_0, EW_GGML_Q5_1, EW_GGML_Q8_0,
                              EW_GGML_Q4_K, EW_GGML_Q5_K, EW_GGML_Q6_K};
    enum { N = 1024 };
    static float w[N], a[N], wd[N], ad[N];
    static char wq[N * 4], aq[N * 4 + 1024];
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
        const ew__qtype *qt = ew__qtype_get(types[t], EW_ISA_REF);
        const ew__qtype *at = ew__qtype_get(qt->act, EW_ISA_REF);
        assert_non_null(at);
        assert_non_null(at->quant_act);
        fill(w, N, 0.05f);
        fill(a, N, 2.0f);
        assert_int_equal(ew__quantize_row(types[t], w, wq, N), EW_OK);
        at->quant_act(a, aq, N);
        qt->dequant(wq, wd, N);
        at->dequant(aq, ad, N);
        double want = 0, mag = 0;
        for (int i = 0; i < N; i++) {
            want += (double)wd[i] * ad[i];
            mag += fabs((double)wd[i] * ad[i]);
        }
        if (qt->act == EW_GGML_Q8_1) {
            /* the min term uses the activation sum stored as f16 (block field s) */
            const ew_block_q8_1 *ab = (const ew_block_q8_1 *)aq;
            for (int b = 0; b < N / 32; b++) {
                ew_f16 m;
                memcpy(&m, wq + b * qt->bytes + 2, 2); /* q4_1/q5_1: d, m first */
                int sum = 0;
                for (int j = 0; j < 32; j++)
                    sum += ab[b].qs[j];
                want += (double)ew__f16_to_f32(m) *
                        (ew__f16_to_f32(ab[b].s) - ew__f16_to_f32(ab[b].d) * sum);
            }
        }
        float got = qt->dot(N, wq, aq);
        if (fabs(got - want) > 1e-5 * mag + 1e-6)
            fail_msg("%s: dot %.7g, dequantized %.7g", qt->name, got, want);
        float out[1];
        qt->gemm(N, wq, 0, 1, aq, 0, 1, out, 1);
        assert_true(out[0] == got);
    }
}

static void test_row_bytes(void **state)
{
    (void)state;
    assert_int_equal(ew__row_bytes(EW_GGML_Q4_K, 512), 288);
    assert_int_equal(ew__row_bytes(EW_GGML_Q4_K, 100), 0); /* not a block multiple */
    assert_int_equal(ew__row_bytes(EW_GGML_Q8_0, 64), 68);
    assert_int_equal(ew__row_bytes(EW_GGML_F16, 3), 6);
    assert_int_equal(ew__row_bytes(EW_GGML_Q2_K, 256), 0); /* unsupported */
    assert_null(ew__qtype_get(EW_GGML_Q3_K, EW_ISA_REF));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_f16_known_values),
        cmocka_unit_test(test_f16_round_trip_all),
        cmocka_unit_test(test_bf16),
        cmocka_unit_test(test_nearest_int_is_half_even),
        cmocka_unit_test(test_q4_0_block),
        cmocka_unit_test(test_q4_1_block),
        cmocka_unit_test(test_q5_blocks),
        cmocka_unit_test(test_q8_0_block),
        cmocka_unit_test(test_k4_scale_layout),
        cmocka_unit_test(test_q4_K_block),
        cmocka_unit_test(test_q5_K_block),
        cmocka_unit_test(test_q6_K_block),
        cmocka_unit_test(test_q8_0_activation),
        cmocka_unit_test(test_q8_K_activation),
        cmocka_unit_test(test_quantize_error_bounds),
        cmocka_unit_test(test_dot_identity),
        cmocka_unit_test(test_row_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
