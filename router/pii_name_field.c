/* Names in machine text: a capitalised run that is the whole value of a
 * labelled field ("color": "Forest Green", Prioridad: Alta, <g:brand>Casa
 * Bella</g:brand>, msgstr "Neue Funktionen", account.save=Konto Löschen)
 * under a label that names no person. Forms, exports, catalogues and i18n
 * files put statuses, colours, products and UI strings there; a person's
 * field holds a full name, so such a value is a name only with a given name
 * of the gazetteer (pii_name.c asks). A label that names a person ("name",
 * "customer", "Vorname") keeps its value a name. */
#include <string.h>
#include <strings.h>

#include "router/pii_internal.h"

/* Does the label [a, b) name a person? Its words, split at anything but a
 * letter and at a capital after a small letter ("customerName"), are asked
 * for the name cues. */
static bool person_label(const unsigned char *s, size_t a, size_t b)
{
    /* the roles people hold in records and exports ("assignee",
     * "line_manager", "createdBy"), beside the name cues; sorted */
    static const char *const roles[] = {
        "agent",      "approver",    "assignee",  "attendee",  "author",      "buyer",
        "client",     "committer",   "consignee", "contact",   "contributor", "creator",
        "doctor",     "driver",      "editor",    "guest",     "holder",      "lead",
        "maintainer", "manager",     "member",    "nurse",     "organiser",   "organizer",
        "owner",      "participant", "passenger", "person",    "physician",   "recipient",
        "reporter",   "requester",   "reviewer",  "seller",    "shipper",     "signer",
        "speaker",    "staff",       "student",   "submitter", "teacher",     "tenant",
        "translator", "user",        "username",  "witness"};
    const uint32_t person = (1u << CUE_NAME) | (1u << CUE_NAME_NEXT) | (1u << CUE_TITLE);
    while (a < b) {
        while (a < b && !pii_is_alpha(s[a]))
            a++;
        char w[PII_WORD_MAX];
        size_t l = 0;
        do {
            if (l < sizeof w) w[l] = (char)(s[a] | 32);
            l++, a++;
        } while (a < b && pii_is_alpha(s[a]) && !(pii_is_upper(s[a]) && pii_is_lower(s[a - 1])));
        if (l >= sizeof w) continue;
        if (ew__pii_cue_lookup(w, l) & person) return true;
        for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
            if (strlen(roles[k]) == l && !memcmp(roles[k], w, l)) return true;
    }
    return false;
}

/* "Created by", "Erstellt von", "Créé par", "Creado por": a label ending in
 * an agent's preposition names the person who did it. */
static bool agent_label(const unsigned char *s, size_t a, size_t b)
{
    static const char *const by[] = {"by",   "von",   "par", "por", "da",
                                     "door", "przez", "av",  "af",  NULL};
    while (b > a && !pii_is_alpha(s[b - 1]))
        b--;
    size_t w = b;
    while (w > a && pii_is_alpha(s[w - 1]))
        w--;
    if (w == a || s[w - 1] != ' ') return false;
    for (int k = 0; by[k]; k++)
        if (strlen(by[k]) == b - w && !strncasecmp((const char *)s + w, by[k], b - w)) return true;
    return false;
}

/* The key of the object or list that holds the key at a, on its line, names
 * a person: {"name": [{"text": "Thanos Papadakis"}]}. */
static bool person_parent(const unsigned char *s, size_t ls, size_t a)
{
    int depth = 0;
    size_t k = a;
    while (k > ls) {
        unsigned ch = s[--k];
        if (ch == '}' || ch == ']') depth++;
        if ((ch == '{' || ch == '[') && depth-- == 0) break;
    }
    if (depth >= 0 || k == ls) return false;
    while (k > ls && (s[k - 1] == ' ' || s[k - 1] == '[' || s[k - 1] == '{'))
        k--;
    if (k == ls || s[k - 1] != ':') return false;
    k--;
    while (k > ls && s[k - 1] == ' ')
        k--;
    size_t e = k - (k > ls && (s[k - 1] == '"' || s[k - 1] == '\''));
    size_t b = e;
    while (b > ls && pii_is_alnum(s[b - 1]))
        b--;
    return b < e && person_label(s, b, e);
}

/* A letter, digit or byte of a multi-byte letter: a label's word. */
static inline bool label_ch(unsigned ch)
{
    return pii_is_alnum(ch) || ch >= 0x80 || ch == '_' || ch == '.' || ch == '-' || ch == '/';
}

/* The XML element whose text starts after the '>' at gt: its name [*a, *b).
 * Presentational tags (p, td, span, b, ...) label nothing. */
static bool element_label(const unsigned char *s, size_t ls, size_t gt, size_t *a, size_t *b)
{
    size_t lt = gt;
    while (lt > ls && s[lt - 1] != '<' && gt - lt < 96)
        lt--;
    if (lt == ls || s[lt - 1] != '<' || s[lt] == '/') return false;
    size_t e = lt;
    while (e < gt && s[e] != ' ' && s[e] != '/')
        e++;
    static const char *const plain[] = {"span", "div",  "strong", "font", "label", "cell",
                                        "para", "body", "small",  "cite", "mark",  NULL};
    if (e - lt < 3) return false; /* p, td, li, b, em, h1 */
    for (int k = 0; plain[k]; k++)
        if (strlen(plain[k]) == e - lt && !memcmp(s + lt, plain[k], e - lt)) return false;
    *a = lt, *b = e;
    return true;
}

/* The key before a value opened at v (after "key: ", "key=", "\"key\": ",
 * "msgstr "): [*a, *b). Unquoted keys open their line and are short. */
static bool key_label(const unsigned char *s, size_t ls, size_t v, size_t *a, size_t *b)
{
    size_t k = v;
    while (k > ls && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        k--;
    bool sep = k > ls && (s[k - 1] == ':' || s[k - 1] == '=');
    if (sep) k--;
    while (k > ls && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        k--;
    if (k == ls) return false;
    if (s[k - 1] == '"' || s[k - 1] == '\'') { /* "key": */
        size_t q = k - 1, o = q;
        while (o > ls && s[o - 1] != s[q] && q - o < 64)
            o--;
        if (o == ls || s[o - 1] != s[q] || !sep) return false;
        *a = o, *b = q;
        return q > o;
    }
    size_t e = k, o = k;
    while (o > ls && (label_ch(s[o - 1]) || s[o - 1] == ' ') && e - o < 48)
        o--;
    while (o < e && (s[o] == ' ' || s[o] == '-' || s[o] == '.'))
        o++; /* "  - name:", a list's dash */
    size_t lead = o;
    while (lead > ls && (s[lead - 1] == ' ' || s[lead - 1] == '\t' || s[lead - 1] == '-' ||
                         s[lead - 1] == '*' || s[lead - 1] == '#' || s[lead - 1] == '"'))
        lead--;
    if (lead != ls || o == e) return false;
    int spaces = 0;
    for (size_t p = o; p < e; p++)
        spaces += s[p] == ' ';
    /* msgstr "...": a single word before the quote stands for the colon */
    if (!sep) {
        if (spaces || !pii_is_lower(s[o]) || s[v] != '"') return false;
        *a = o, *b = e;
        return true;
    }
    if (spaces > 4) return false;
    *a = o, *b = e;
    return true;
}

/* A key written for machines: quoted, an element's name, or one token with
 * no capital first ("color", "account.save", "saveChanges", "msgstr"); a
 * label written for people has words ("Billing address", "Prioridad"). */
static bool machine_key(const unsigned char *s, size_t a, size_t b, unsigned open)
{
    if (a > 0 && (s[a - 1] == '"' || s[a - 1] == '\'' || s[a - 1] == '<')) return true;
    if (open == '>') return true;
    if (!pii_is_lower(s[a]) && s[a] != '_') return false; /* "Prioridad", "ФИО" */
    for (size_t k = a; k < b; k++)
        if (s[k] == ' ') return false;
    return true;
}

/* A table cell's whole value under a header that names no person
 * ("item\tmaker\tfinish\n...\tRuby Red", "| Product | Shade |"). */
static int cell_value(const pii_ctx *c, size_t ss, size_t se)
{
    const unsigned char *s = c->s;
    size_t a, b, e = se;
    unsigned char d;
    if (!ew__pii_table_header(c, ss, &a, &b, &d) || a == b) return 0;
    while (e < c->n && (s[e] == ' ' || s[e] == '"'))
        e++;
    if (e < c->n && s[e] != d && s[e] != '\n' && s[e] != '\r') return 0;
    if (person_label(s, a, b) || agent_label(s, a, b)) return 0;
    return machine_key(s, a, b, 0) ? PII_FIELD_MACHINE : PII_FIELD_LABEL;
}

int ew__pii_field_value(const pii_ctx *c, size_t ss, size_t se)
{
    const unsigned char *s = c->s;
    size_t n = c->n, ls = ss;
    while (ls > 0 && s[ls - 1] != '\n' && ss - ls < 256)
        ls--;
    if (ss == ls) return 0;
    unsigned open = s[ss - 1];
    size_t a, b;
    bool labelled;
    if (open == '>')
        labelled = element_label(s, ls, ss - 1, &a, &b);
    else
        labelled = key_label(s, ls, open == '"' || open == '\'' ? ss - 1 : ss, &a, &b);
    if (!labelled) return cell_value(c, ss, se);
    /* the run is the whole value: a closing quote or tag, or the line's end */
    size_t e = se;
    while (e < n && (s[e] == '.' || s[e] == '!' || s[e] == '?' || s[e] == ':' || s[e] == ' '))
        e++;
    bool whole = open == '"' || open == '\'' ? e < n && s[e] == open
                 : open == '>'               ? e < n && s[e] == '<'
                                             : e == n || s[e] == '\n' || s[e] == '\r';
    if (!whole || person_label(s, a, b) || agent_label(s, a, b) || person_parent(s, ls, a))
        return 0;
    return machine_key(s, a, b, open) ? PII_FIELD_MACHINE : PII_FIELD_LABEL;
}

bool ew__pii_role_column(const pii_ctx *c, size_t i)
{
    size_t a, b;
    unsigned char d;
    return ew__pii_table_header(c, i, &a, &b, &d) && person_label(c->s, a, b);
}

/* The label opening the line at k ("Prioridad: ", "Line manager: "): up
 * to three words of letters before ": ", its value no sentence. Its first
 * bytes go to key. */
static bool line_label(const unsigned char *s, size_t n, size_t k, uint64_t *key)
{
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    size_t a = k;
    int spaces = 0;
    while (k < n && k - a < 32 && (pii_is_alpha(s[k]) || s[k] >= 0x80 || s[k] == ' ')) {
        spaces += s[k] == ' ';
        k++;
    }
    if (k == a || spaces > 2 || k + 1 >= n || s[k] != ':' || s[k + 1] != ' ' ||
        !(pii_is_upper(s[a]) || s[a] >= 0x80))
        return false;
    *key = 0;
    memcpy(key, s + a, k - a < 8 ? k - a : 8);
    /* a value that is speech ("What a wife. ...") makes the label a speaker */
    int small = 0;
    for (size_t w = k + 2; w < n && s[w] != '\n'; w++)
        small += pii_is_lower(s[w]) && s[w - 1] == ' ';
    return small < 3;
}

bool ew__pii_form_text(pii_ctx *c)
{
    if (c->form) return c->form > 0;
    uint64_t seen[8];
    int distinct = 0, repeats = 0;
    for (size_t k = 0; k < c->n && repeats == 0;) {
        uint64_t key;
        if (line_label(c->s, c->n, k, &key)) {
            int j = 0;
            while (j < distinct && seen[j] != key)
                j++;
            if (j < distinct)
                repeats++;
            else if (distinct < 8)
                seen[distinct++] = key;
        }
        const unsigned char *nl = memchr(c->s + k, '\n', c->n - k);
        k = nl ? (size_t)(nl - c->s) + 1 : c->n;
    }
    c->form = distinct >= 3 && repeats == 0 ? 1 : -1;
    return c->form > 0;
}
