/* Internals shared by the cloud client's files. */
#ifndef EW_REMOTE_PRIV_H
#define EW_REMOTE_PRIV_H

#include <curl/curl.h>

#include "core/arena.h"
#include "remote/remote.h"

#define EW__BACKEND_URLS 4
#define EW__USER_AGENT   "edgeway/" EW_VERSION

/* One upstream, copied from the config into the client's arena. */
typedef struct ew__backend {
    const char *name;
    const char *base_url;       /* without a trailing '/' */
    const char *log_url;        /* scheme://host:port only: what logs may show */
    char *key;                  /* NULL when the upstream needs none; wiped on free */
    struct curl_slist *headers; /* content type, auth and the configured extras */
    const char **map_from;      /* (n_map) */
    const char **map_to;
    int n_map;
    int priority, weight;
    int connect_ms, first_byte_ms, idle_ms, total_ms, max_retries;
    const char *ca_file, *pinned_pubkey, *client_cert, *client_key;
    /* The proxy ("" for none) and no-proxy list for every transfer: the
     * config's, else the environment's as read at load (backend.c). */
    const char *proxy, *no_proxy;
    bool agent_header; /* our User-Agent is in headers (not CURLOPT_USERAGENT) */
    bool host_is_ip;   /* the URL names an address, not a host to resolve */
    ew__health health;
    uint64_t rtt_sampled_us; /* when the RTT was last read (client.c) */
    /* Its last 8 answers, a bit each (1 = the first byte came within twice
     * the busy-poll budget), newest lowest; for ew__remote_answer_due. */
    uint8_t fast_answers;
    /* The first-byte times of its last 8 fast answers (microseconds after
     * the attempt began), a ring, and how many it holds; quiet_us is 3/4 of
     * their least once there are 8, else 0: no answer is expected sooner. */
    uint8_t n_fast_ttfb, fast_ttfb_at;
    uint32_t fast_ttfb_us[8];
    uint32_t quiet_us;
    /* Its URLs by path, parsed once (client.c): curl would otherwise parse
     * the URL string again for every transfer. */
    struct {
        char path[64];
        CURLU *url;
    } urls[EW__BACKEND_URLS];
} ew__backend;

/* Initialises curl once per process (curl_alloc.c), with its memory from
 * the free lists below if ew__remote_curl_freelists asked first. */
CURLcode ew__curl_init(void);
void *ew__curl_malloc(size_t size);
void ew__curl_free(void *ptr);
void *ew__curl_realloc(void *ptr, size_t size);
char *ew__curl_strdup(const char *s);
void *ew__curl_calloc(size_t nmemb, size_t size);

/* Copies and checks one backend config, loading its key. Strings live in a. */
int ew__backend_load(ew_arena *a, const ew_backend_cfg *cfg, const char *config_dir,
                     const ew__breaker_opts *breaker, ew__backend *out, ew_error *err);
/* Wipes the key and frees the header list. */
void ew__backend_cleanup(ew__backend *b);
/* The upstream model name for a requested one (see ew__remote_start). */
const char *ew__backend_model(const ew__backend *b, const char *requested);

#endif
