/* The token estimate's block machinery (router/estimate.c), shared with the
 * per-ISA file and the tests. */
#ifndef EW_ROUTER_ESTIMATE_H
#define EW_ROUTER_ESTIMATE_H

#include <stddef.h>
#include <stdint.h>

/* Bit i of each mask is byte i of a 64-byte block: ASCII letters, digits,
 * other ASCII but space, \t, \n and \r; bytes >= 0x80, and of those the
 * continuation bytes (10xxxxxx). */
typedef struct ew__est_block {
    uint64_t letter, digit, other, high, cont;
} ew__est_block;

/* Runs carried from one block to the next: the previous block's masks. */
typedef struct ew__est_carry {
    uint64_t letter, letter_marks, digit, digit_marks, high;
} ew__est_carry;

/* The bytes of runs m at offsets 0, step, 2 step... from their run's start
 * (step 4 for letters, 3 for digits); pm and pq are the previous block's m
 * and result. A mark step bytes on from another needs the step bytes up to
 * it in the run (c); doubling the jump (4, 8, 16, 32 or 3, 6, ... 48)
 * reaches every offset below 64. With a constant step the loops unroll. */
static inline uint64_t ew__est_marks(uint64_t m, uint64_t pm, uint64_t pq, int step)
{
    if (!m) return 0;
    uint64_t c = m;
#pragma GCC unroll 4
    for (int j = 1; j < step; j++)
        c &= m << j | pm >> (64 - j);
    uint64_t q = (m & ~(m << 1 | pm >> 63)) | (pq >> (64 - step) & c);
#pragma GCC unroll 5
    for (int j = step; j < 64; j *= 2) {
        q |= q << j & c;
        c &= c << j;
    }
    return q;
}

/* The bytes of block b that start a token, all disjoint: each "other" byte,
 * high bytes but continuations after a high byte, and the run marks. */
static inline uint64_t ew__est_block_marks(const ew__est_block *b, ew__est_carry *k)
{
    uint64_t ql = ew__est_marks(b->letter, k->letter, k->letter_marks, 4);
    uint64_t qd = ew__est_marks(b->digit, k->digit, k->digit_marks, 3);
    uint64_t hs = b->high & ~(b->cont & (b->high << 1 | k->high >> 63));
    *k = (ew__est_carry){b->letter, ql, b->digit, qd, b->high};
    return b->other | hs | ql | qd;
}

/* Tokens of the n whole 64-byte blocks at s, carrying k along
 * (router/estimate_avx2.c; only where the CPU has AVX2). */
int64_t ew__est_blocks_avx2(const unsigned char *s, size_t n, ew__est_carry *k);

/* Which code classifies the blocks. */
typedef enum ew__est_isa { EW__EST_PORTABLE, EW__EST_SSE2, EW__EST_AVX2, EW__EST_ISAS } ew__est_isa;

/* ew__estimate_tokens with the given code, so tests can compare each with
 * the definition; -1 when it is not built in or the CPU lacks it. */
int64_t ew__estimate_tokens_isa(const char *text, size_t len, ew__est_isa isa);

#endif
