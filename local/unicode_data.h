/* Unicode tables for the tokenizers (generated into local/unicode_data.c by
 * scripts/gen_unicode_data.py) and the lookups over them (local/unicode.c).
 *
 * Categories are collapsed to the classes the pre-tokenizer regexes use:
 * \p{N}, \p{L}, \p{Z}, \p{M}, \p{P}, \p{S}, \p{C} and unassigned. White space
 * is the Unicode White_Space property, a separate flag. */
#ifndef EW_LOCAL_UNICODE_DATA_H
#define EW_LOCAL_UNICODE_DATA_H

#include <stddef.h>
#include <stdint.h>

enum {
    EW_UC_UNDEF = 0x01, /* unassigned (Cn) */
    EW_UC_N = 0x02,
    EW_UC_L = 0x04,
    EW_UC_Z = 0x08,
    EW_UC_M = 0x10,
    EW_UC_P = 0x20,
    EW_UC_S = 0x40,
    EW_UC_C = 0x80,
    EW_UC_WS = 0x100, /* White_Space */
};

/* Generated tables. */
extern const char ew__uc_version[];
extern const uint16_t ew__uc_ascii[128]; /* flags including EW_UC_WS */
extern const uint32_t ew__uc_cat_start[];
extern const uint8_t ew__uc_cat_class[];
extern const int ew__uc_cat_n;
extern const uint32_t ew__uc_lower[][2];
extern const int ew__uc_lower_n;
extern const uint32_t ew__uc_nfd[][3];
extern const int ew__uc_nfd_n;

/* Category class | EW_UC_WS of a code point; EW_UC_UNDEF past U+10FFFF. */
unsigned ew__uc_flags(uint32_t cp);
/* Simple lowercase mapping, or cp itself. */
uint32_t ew__uc_tolower(uint32_t cp);
/* First code point of the NFD decomposition, or cp itself. */
uint32_t ew__uc_nfd_first(uint32_t cp);

/* Decodes one code point at s[0..n) the way llama.cpp does, so tokenization
 * matches it on malformed input too: an invalid sequence yields U+FFFD and
 * consumes one byte. n must be > 0. Sets *len to the bytes consumed. */
uint32_t ew__utf8_decode(const unsigned char *s, size_t n, size_t *len);
/* Encodes cp (<= 0x10FFFF) into out[4]; returns the byte count. */

/* Length of a UTF-8 sequence from its lead byte alone (1 for stray bytes). */
int ew__utf8_lead_len(unsigned char c);

#endif
