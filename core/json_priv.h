/* Shared by the JSON reader and writer only. Kept out of json.h so that
 * <locale.h> does not reach every file that uses JSON. */
#ifndef EW_CORE_JSON_PRIV_H
#define EW_CORE_JSON_PRIV_H

#include <locale.h>
#include <stddef.h>

/* The "C" locale, created once; (locale_t)0 if the system could not. Numbers
 * are read and written in it, whatever locale the embedder set. */
locale_t ew__json_c_locale(void);

/* The first offset in s[i..to) holding a byte that a string body cannot
 * pass unchecked: a quote, a backslash, a control byte (< 0x20) or a byte
 * >= 0x80; `to` when there is none. Every form gives the same answer; the
 * reader takes the widest this CPU runs (core/json_scan.c). */
size_t ew__json_special(const char *s, size_t i, size_t to);
size_t ew__json_special_portable(const char *s, size_t i, size_t to);
#ifdef __SSE2__
size_t ew__json_special_sse2(const char *s, size_t i, size_t to);
#endif
#if defined(__x86_64__) || defined(__i386__)
/* Only where the CPU has AVX2 (core/json_scan_avx2.c). */
size_t ew__json_special_avx2(const char *s, size_t i, size_t to);
#endif

#endif
