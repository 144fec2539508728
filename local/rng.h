/* The engine's random stream: xoshiro256** seeded by splitmix64. The sampler
 * and the speculative verifier share it, so a seed means the same stream in
 * both. Header-only: each call is a few instructions on the sampling path. */
#ifndef EW_LOCAL_RNG_H
#define EW_LOCAL_RNG_H

#include <stdint.h>

static inline uint64_t ew__rng_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static inline uint64_t ew__rng_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline void ew__rng_seed(uint64_t s[4], uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        s[i] = ew__rng_splitmix64(&seed);
}

static inline uint64_t ew__rng_next(uint64_t s[4])
{
    uint64_t r = ew__rng_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = ew__rng_rotl(s[3], 45);
    return r;
}

/* Uniform in [0, 1) with 53 random bits. */
static inline double ew__rng_unit(uint64_t s[4])
{
    return (double)(ew__rng_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

#endif
