/* libcurl's memory (curl_global_init_mem), when the program asks for it
 * (ew__remote_curl_freelists): per-thread free lists by size class in
 * front of malloc. curl 7.88 allocates and frees about fifty
 * blocks per transfer (a connection struct it throws away on reuse, the
 * URL's parts, header copies, the request buffer, its 16 KiB receive
 * buffer); glibc serves each in 60-170 instructions, a list here in ~15.
 * A block carries its class in a 16-byte header (malloc's alignment is
 * kept); a freed block goes to the freeing thread's list, up to a bound,
 * and a thread's lists go back to malloc when it exits. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "remote/remote_priv.h"

/* Class c holds blocks of (32 << c) + SLACK bytes, header included: the
 * slack lets curl's receive buffer (16 KiB + 1) fit the 16 KiB class. */
#define N_CLASS    10
#define SLACK      32u
#define HDR        16u
#define BIG        0xffffu /* larger than every class: plain malloc */
#define KEEP_SMALL 128     /* blocks a thread keeps per class up to 1 KiB */
#define KEEP_LARGE 8

typedef struct block {
    struct block *next; /* while on a free list */
} block;

typedef struct cache {
    block *head[N_CLASS];
    uint16_t n[N_CLASS];
    bool registered; /* with tl_key, so that thread exit empties it */
} cache;

static _Thread_local cache tl;
static pthread_key_t tl_key;
static pthread_once_t tl_key_once = PTHREAD_ONCE_INIT;
static bool tl_key_ok;

static size_t class_cap(unsigned c)
{
    return ((size_t)32 << c) + SLACK;
}

static unsigned class_of(size_t total)
{
    if (total <= class_cap(0)) return 0;
    unsigned c = (unsigned)(64 - __builtin_clzll((unsigned long long)(total - SLACK - 1))) - 5;
    return c < N_CLASS ? c : BIG;
}

static void tl_release(void *arg);

static void tl_key_init(void)
{
    tl_key_ok = pthread_key_create(&tl_key, tl_release) == 0;
}

static unsigned keep_of(unsigned c)
{
    return class_cap(c) <= 1024 + SLACK ? KEEP_SMALL : KEEP_LARGE;
}

static void tl_release(void *arg)
{
    cache *k = arg;
    for (unsigned c = 0; c < N_CLASS; c++) {
        while (k->head[c]) {
            block *b = k->head[c];
            k->head[c] = b->next;
            free((char *)b - HDR);
        }
        k->n[c] = 0;
    }
    k->registered = false;
}

void *ew__curl_malloc(size_t size)
{
    if (size > SIZE_MAX - HDR - SLACK) return NULL;
    unsigned c = class_of(size + HDR);
    if (c != BIG && tl.head[c]) {
        block *b = tl.head[c];
        tl.head[c] = b->next;
        tl.n[c]--;
        return b;
    }
    char *p = malloc(c == BIG ? size + HDR : class_cap(c));
    if (!p) return NULL;
    *(uint32_t *)p = c;
    return p + HDR;
}

void ew__curl_free(void *ptr)
{
    if (!ptr) return;
    char *p = (char *)ptr - HDR;
    unsigned c = *(uint32_t *)p;
    if (c == BIG || tl.n[c] >= keep_of(c)) {
        free(p);
        return;
    }
    if (!tl.registered) {
        pthread_once(&tl_key_once, tl_key_init);
        if (!tl_key_ok || pthread_setspecific(tl_key, &tl)) {
            free(p);
            return;
        }
        tl.registered = true;
    }
    block *b = ptr;
    b->next = tl.head[c];
    tl.head[c] = b;
    tl.n[c]++;
}

void *ew__curl_realloc(void *ptr, size_t size)
{
    if (!ptr) return ew__curl_malloc(size);
    if (size > SIZE_MAX - HDR - SLACK) return NULL;
    char *p = (char *)ptr - HDR;
    unsigned c = *(uint32_t *)p;
    if (c != BIG && size + HDR <= class_cap(c)) return ptr;
    if (c == BIG && class_of(size + HDR) == BIG) {
        char *q = realloc(p, size + HDR);
        return q ? q + HDR : NULL;
    }
    /* Another class: a big block shrinking, or a class block growing. */
    void *n = ew__curl_malloc(size);
    if (!n) return NULL;
    memcpy(n, ptr, c == BIG ? size : class_cap(c) - HDR);
    ew__curl_free(ptr);
    return n;
}

char *ew__curl_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = ew__curl_malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

void *ew__curl_calloc(size_t nmemb, size_t size)
{
    if (size && nmemb > SIZE_MAX / size) return NULL;
    void *p = ew__curl_malloc(nmemb * size);
    if (p) memset(p, 0, nmemb * size);
    return p;
}

/* curl is initialised once per process; the lists only when the program
 * asked first (ew__remote_curl_freelists): curl_global_init_mem is process
 * wide, so an application that embeds the library keeps its own choice. */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static bool want_lists, lists_on;
static CURLcode init_rc;

static void curl_init(void)
{
    if (want_lists) {
        init_rc = curl_global_init_mem(CURL_GLOBAL_DEFAULT, ew__curl_malloc, ew__curl_free,
                                       ew__curl_realloc, ew__curl_strdup, ew__curl_calloc);
        lists_on = init_rc == CURLE_OK;
    } else {
        init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    }
}

CURLcode ew__curl_init(void)
{
    pthread_once(&init_once, curl_init);
    return init_rc;
}

bool ew__remote_curl_freelists(void)
{
#ifdef EW_SANITIZED
    return false; /* the sanitizers must see curl's memory */
#else
    want_lists = true;
    ew__curl_init();
    return lists_on;
#endif
}
