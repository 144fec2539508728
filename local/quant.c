/* Kernel dispatch: one table of type traits per instruction set, built once
 * from the reference table with each ISA's kernels laid over it. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "local/quant.h"

#define MAX_QTYPES 16

static ew__qtype tables[EW_ISA_COUNT][MAX_QTYPES];
static int n_types;
static ew__isa best_isa;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static const char *const isa_names[EW_ISA_COUNT] = {"ref", "avx2", "avx512", "avx512vnni", "neon"};

const char *ew__isa_name(ew__isa isa)
{
    return (unsigned)isa < EW_ISA_COUNT ? isa_names[isa] : "?";
}

int ew__isa_available(ew__isa isa)
{
    switch (isa) {
    case EW_ISA_REF:
        return 1;
#if defined(__x86_64__) || defined(__i386__)
    case EW_ISA_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case EW_ISA_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
               __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
               ew__isa_available(EW_ISA_AVX2);
    case EW_ISA_AVX512_VNNI:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512vnni") && ew__isa_available(EW_ISA_AVX512);
#endif
#if defined(__aarch64__)
    case EW_ISA_NEON:
        return 1;
#endif
    default:
        return 0;
    }
}

static void build_tables(void)
{
    n_types = ew__n_qtypes_ref < MAX_QTYPES ? ew__n_qtypes_ref : MAX_QTYPES;
    for (int isa = 0; isa < EW_ISA_COUNT; isa++) {
        memcpy(tables[isa], ew__qtypes_ref, (size_t)n_types * sizeof(ew__qtype));
        if (!ew__isa_available((ew__isa)isa)) continue;
#if defined(__x86_64__) || defined(__i386__)
        if (isa >= EW_ISA_AVX2 && isa <= EW_ISA_AVX512_VNNI)
            ew__quant_patch_avx2(tables[isa], n_types);
        if (isa >= EW_ISA_AVX512 && isa <= EW_ISA_AVX512_VNNI)
            ew__quant_patch_avx512(tables[isa], n_types, isa == EW_ISA_AVX512_VNNI);
#endif
#if defined(__aarch64__)
        if (isa == EW_ISA_NEON) ew__quant_patch_neon(tables[isa], n_types);
#endif
        best_isa = (ew__isa)isa;
    }
    /* An explicit request can only lower the level, never ask for more than
     * the CPU has. */
    const char *want = getenv("EW_ISA");
    if (want)
        for (int isa = 0; isa < EW_ISA_COUNT; isa++)
            if (!strcmp(want, isa_names[isa]) && ew__isa_available((ew__isa)isa))
                best_isa = (ew__isa)isa;
}

ew__isa ew__isa_best(void)
{
    pthread_once(&tables_once, build_tables);
    return best_isa;
}

const ew__qtype *ew__qtype_get(uint32_t type, ew__isa isa)
{
    pthread_once(&tables_once, build_tables);
    if ((unsigned)isa >= EW_ISA_COUNT) return NULL;
    for (int i = 0; i < n_types; i++)
        if (tables[isa][i].type == type) return &tables[isa][i];
    return NULL;
}

const ew__qtype *ew__qtype_of(uint32_t type)
{
    return ew__qtype_get(type, ew__isa_best());
}

size_t ew__row_bytes(uint32_t type, int64_t n)
{
    const ew__qtype *t = ew__qtype_get(type, EW_ISA_REF);
    if (!t || n < 0 || n % t->blck) return 0;
    return (size_t)(n / t->blck) * t->bytes;
}
