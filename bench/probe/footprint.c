/* Distinct cache lines and pages a gateway request touches, from valgrind
 * lackey's --trace-mem output on stdin (see bench/gateway_footprint.sh).
 * A window runs from one execution of the instruction at MARK (the entry of
 * ew__ep_chat) to the next, so with requests sent one at a time each window
 * is one whole request: its start, the upstream's answer, the reply and the
 * loop's idle pass. Per window it prints the instructions, the data accesses
 * and the distinct 64-byte code and data lines and 4 KiB pages, and writes
 * the window's code and data lines to DIR/wN.code and DIR/wN.data, each with
 * the address of the instruction that touched it first.
 *
 *   footprint MARK_HEX DIR <trace */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SET_BITS 20

typedef struct set {
    uint64_t *k; /* key + 1; 0 = empty */
    uint64_t *v; /* per key: the instruction that first touched it */
    unsigned n;
} set;

static int set_add(set *s, uint64_t key, uint64_t ip)
{
    key += 1;
    uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> (64 - SET_BITS);
    while (s->k[h] && s->k[h] != key)
        h = (h + 1) & ((1u << SET_BITS) - 1);
    if (s->k[h]) return 0;
    s->k[h] = key;
    s->v[h] = ip;
    return (int)++s->n;
}

static void set_dump(const set *s, const char *dir, int win, const char *kind)
{
    char path[512];
    snprintf(path, sizeof path, "%s/w%d.%s", dir, win, kind);
    FILE *f = fopen(path, "w");
    if (!f) return;
    for (unsigned i = 0; i < (1u << SET_BITS); i++)
        if (s->k[i])
            fprintf(f, "%llx %llx\n", (unsigned long long)((s->k[i] - 1) << 6),
                    (unsigned long long)s->v[i]);
    fclose(f);
}

/* " 1ffeffe8a8,8" -> address and size; 0 when the line is not one. */
static int parse_access(const char *p, uint64_t *a, unsigned *size)
{
    while (*p == ' ')
        p++;
    uint64_t v = 0;
    int digits = 0;
    for (;; p++, digits++) {
        if (*p >= '0' && *p <= '9')
            v = v * 16 + (uint64_t)(*p - '0');
        else if (*p >= 'a' && *p <= 'f')
            v = v * 16 + (uint64_t)(*p - 'a' + 10);
        else
            break;
    }
    if (!digits || *p != ',') return 0;
    *a = v;
    *size = (unsigned)strtoul(p + 1, NULL, 10);
    return *size > 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: footprint MARK_HEX DIR <lackey-trace\n");
        return 2;
    }
    uint64_t mark = strtoull(argv[1], NULL, 16);
    enum { CODE, CODE_PAGES, DATA, DATA_PAGES, WRITTEN, N_SETS };
    set s[N_SETS];
    for (int i = 0; i < N_SETS; i++) {
        s[i].k = calloc((size_t)1 << SET_BITS, sizeof *s[i].k);
        s[i].v = calloc((size_t)1 << SET_BITS, sizeof *s[i].v);
        s[i].n = 0;
        if (!s[i].k || !s[i].v) return 1;
    }
    static char inbuf[1 << 20];
    setvbuf(stdin, inbuf, _IOFBF, sizeof inbuf);
    char line[256];
    unsigned long long ins = 0, acc = 0;
    int win = -1;
    uint64_t ip = 0;
    while (fgets(line, sizeof line, stdin)) {
        uint64_t a;
        unsigned size;
        if (line[0] == 'I' && parse_access(line + 1, &a, &size)) {
            if (a == mark) {
                if (win >= 0) {
                    printf("%d ins %llu acc %llu code_lines %u code_pages %u data_lines %u "
                           "written_lines %u data_pages %u\n",
                           win, ins, acc, s[CODE].n, s[CODE_PAGES].n, s[DATA].n, s[WRITTEN].n,
                           s[DATA_PAGES].n);
                    fflush(stdout);
                    set_dump(&s[CODE], argv[2], win, "code");
                    set_dump(&s[DATA], argv[2], win, "data");
                }
                win++;
                ins = acc = 0;
                for (int i = 0; i < N_SETS; i++) {
                    memset(s[i].k, 0, sizeof *s[i].k << SET_BITS);
                    s[i].n = 0;
                }
            }
            if (win < 0) continue;
            ins++;
            ip = a;
            set_add(&s[CODE], a >> 6, a);
            set_add(&s[CODE], (a + size - 1) >> 6, a);
            set_add(&s[CODE_PAGES], a >> 12, a);
        } else if (win >= 0 && line[0] == ' ' && parse_access(line + 2, &a, &size)) {
            acc++;
            for (uint64_t l = a >> 6; l <= (a + size - 1) >> 6; l++) {
                set_add(&s[DATA], l, ip);
                if (line[1] == 'S' || line[1] == 'M') set_add(&s[WRITTEN], l, ip);
            }
            set_add(&s[DATA_PAGES], a >> 12, ip);
        }
    }
    return 0;
}
