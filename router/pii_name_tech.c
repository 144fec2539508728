/* Software named like people ("Jenkins", "Hudson", "Jarvis", "Alexa",
 * "Cassandra", "Ruby"): a lone capitalised word is no person when the text
 * shows it is the software's name. Two signs:
 * - the word is written elsewhere in the text inside an identifier, a path
 *   or a URL ("/var/jenkins_home", "hudson.XmlFile", "ghcr.io/acme/jarvis",
 *   "jarvis-settings"): this holds for any word, listed or not;
 * - it is one of the tools, services and assistants below and the text is
 *   about software: it holds machine tokens (a version, an identifier with
 *   '_' or a dot between words, braces, a URL) or a word of software work
 *   ("deploy", "build", "server", "bot").
 * The list is written for edgeway from general knowledge (CC0; router/data/
 * README.md): well-known software, languages and voice assistants whose
 * names are also given names or surnames. */
#include <string.h>
#include <strings.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

/* folded; sorted (strcmp) */
static const char *const tools[] = {
    "ada",     "alexa",   "apollo", "athena",  "aurora", "bixby",  "cassandra", "celery",
    "cortana", "django",  "erlang", "haskell", "hermes", "hudson", "jaeger",    "jarvis",
    "jasmine", "jenkins", "julia",  "jupyter", "kafka",  "karma",  "maven",     "mocha",
    "pascal",  "polly",   "ruby",   "sentry",  "siri",   "sinon",  "travis",    "watson",
};

/* words of software work, in the languages' shared loanwords; sorted */
static const char *const work[] = {
    "agent",   "agente",  "api",    "backend",  "bot",      "branch",   "bug",      "build",
    "ci",      "cluster", "commit", "crash",    "deploy",   "deployed", "endpoint", "job",
    "kernel",  "merge",   "node",   "pipeline", "plugin",   "queue",    "release",  "repo",
    "restart", "server",  "skill",  "upgrade",  "upgraded", "worker",   "workers",
};

static bool in_sorted(const char *const *list, size_t n, const char *w, size_t l)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int d = strncmp(list[mid], w, l);
        if (d == 0 && list[mid][l]) d = 1;
        if (d == 0) return true;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* How far from the word its identifier is looked for (a log's or a trace's
 * lines around it; a whole 64 KiB piece cost 5 % of a scan of prose). */
#define NEAR 1024

/* A mark that glues a word into an identifier or a path. */
static inline bool ident_mark(unsigned ch)
{
    return ch == '_' || ch == '.' || ch == '/' || ch == '\\' || ch == '-' || pii_is_digit(ch);
}

/* Is the word [a, a + l) written again nearby, in any case, glued into an
 * identifier ("jenkins_home", "hudson.XmlFile", "acme/jarvis",
 * "jarvis-settings")? A mark must have a letter or digit on its other side:
 * a sentence's full stop or a dash between words glues nothing. */
static bool in_identifier(const unsigned char *s, size_t n, size_t a, size_t l)
{
    unsigned f = s[a] | 32;
    size_t lo = a > NEAR ? a - NEAR : 0, hi = n - a > NEAR ? a + NEAR : n;
    for (size_t k = lo; k + l <= hi; k++) {
        if ((s[k] | 32) != f || k == a || strncasecmp((const char *)s + k, (const char *)s + a, l))
            continue;
        size_t e = k + l;
        if ((k > 0 && pii_is_alnum(s[k - 1])) || (e < n && pii_is_alpha(s[e]))) continue;
        bool before = k >= 2 && ident_mark(s[k - 1]) && pii_is_alnum(s[k - 2]);
        bool after = e + 1 < n && ident_mark(s[e]) && pii_is_alnum(s[e + 1]);
        if (before || after || (k > 0 && s[k - 1] == '/')) return true;
    }
    return false;
}

/* Does the text show software: machine tokens or a word of software work? */
static bool about_software(const unsigned char *s, size_t n)
{
    for (size_t k = 1; k + 1 < n; k++) {
        unsigned ch = s[k];
        if ((ch == '{' || ch == '}' || ch == '`' || ch == '_') && pii_is_alnum(s[k - 1]))
            return true;
        if (ch == '.' && pii_is_digit(s[k - 1]) && pii_is_digit(s[k + 1])) return true;
        if (ch == '.' && k >= 2 && pii_is_alpha(s[k - 1]) && pii_is_alpha(s[k - 2]) &&
            pii_is_alpha(s[k + 1]) && k + 2 < n && pii_is_alpha(s[k + 2]))
            return true; /* "hudson.model", "ghcr.io" */
    }
    for (size_t k = 0; k < n;) {
        while (k < n && !pii_is_alpha(s[k]))
            k++;
        size_t e = k;
        while (e < n && pii_is_alpha(s[e]))
            e++;
        char w[16];
        size_t l = e - k;
        if (l >= 2 && l < sizeof w && (k == 0 || s[k - 1] < 0x80) && (e == n || s[e] < 0x80)) {
            for (size_t j = 0; j < l; j++)
                w[j] = (char)(s[k + j] | 32);
            if (in_sorted(work, sizeof work / sizeof work[0], w, l)) return true;
        }
        k = e;
    }
    return false;
}

bool ew__pii_tech_name(pii_ctx *c, size_t ss, size_t se)
{
    size_t l = se - ss;
    if (l < 3 || l > 24) return false;
    if (in_identifier(c->s, c->n, ss, l)) return true;
    char f[EW__GAZ_MAX_WORD];
    size_t fl = ew__gaz_fold_word(c->s + ss, l, f);
    if (!fl || !in_sorted(tools, sizeof tools / sizeof tools[0], f, fl)) return false;
    if (!c->software) c->software = about_software(c->s, c->n) ? 1 : -1;
    return c->software > 0;
}
