/* Numbers: one parse of a digit sequence (groups, separators, '+', "(0)",
 * extension) and then, in order, the readings that a validator can confirm:
 * date, IPv4, SSN, Chinese resident id, payment card, phone. A sequence that
 * is none of them is consumed whole, so its parts never trigger alone (order
 * numbers, ISBNs, prices, ports and timestamps stay silent). */
#include <string.h>
#include <strings.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

#define MAX_GROUPS 12
#define MAX_DIGITS 24

typedef struct numseq {
    char d[MAX_DIGITS + 1]; /* the digits, in order */
    int nd;
    int ng;
    int glen[MAX_GROUPS];
    char sep[MAX_GROUPS]; /* separator before group k: 0, ' ', '-', '.', '/', '(' , ')' */
    bool plus;            /* leading '+' */
    bool paren;           /* a group in parentheses */
    bool trunk0;          /* "(0)" after a country code */
    size_t start, end;    /* bytes covered (without extension) */
    size_t ext_end;       /* end including " ext. 123", or end */
} numseq;

static bool month_name(const unsigned char *s, size_t n, size_t i, size_t *end, int *mon);

/* "(415) 555" or "(0)20": the parenthesised group at i is followed by more
 * digits, so it is part of the number; "10.0.0.1 (364 req/min)" is not. */
static bool paren_group_joins(const unsigned char *s, size_t n, size_t i)
{
    size_t k = i + 1;
    while (k < n && pii_is_digit(s[k]) && k - i <= 6)
        k++;
    if (k >= n || s[k] != ')') return false;
    k++;
    if (k < n && (s[k] == ' ' || s[k] == '-')) k++;
    return k < n && pii_is_digit(s[k]);
}

/* Fullwidth parentheses "（" and "）" (U+FF08, U+FF09), as Chinese and
 * Japanese text writes an area code: "（0571）7117 2171". */
static bool fw_paren(const unsigned char *s, size_t n, size_t i, unsigned char last)
{
    return i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBC && s[i + 2] == last;
}

bool ew__pii_fw_area_code(const unsigned char *s, size_t n, size_t i)
{
    if (!fw_paren(s, n, i, 0x88)) return false;
    size_t k = i + 3;
    while (k < n && pii_is_digit(s[k]) && k - i <= 8)
        k++;
    return k > i + 3 && fw_paren(s, n, k, 0x89);
}

/* An extension marker of Chinese or Japanese at k: 分机号, 分机, 转, 内線,
 * 內線; the index after it, or 0. */
static size_t cjk_ext(const unsigned char *s, size_t n, size_t k)
{
    static const char *const marks[] = {"\xE5\x88\x86\xE6\x9C\xBA\xE5\x8F\xB7", /* 分机号 */
                                        "\xE5\x88\x86\xE6\x9C\xBA",             /* 分机 */
                                        "\xE8\xBD\xAC",                         /* 转 */
                                        "\xE5\x86\x85\xE7\xB7\x9A",             /* 内線 */
                                        "\xE5\x85\xA7\xE7\xB7\x9A"};            /* 內線 */
    if (k >= n || (s[k] != 0xE5 && s[k] != 0xE8)) return 0; /* their lead bytes */
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t l = strlen(marks[m]);
        if (k + l <= n && !memcmp(s + k, marks[m], l)) return k + l;
    }
    return 0;
}

/* A no-break space between digit groups, as word processors and web forms
 * write "4111 1111 …" and "DE89 3704 …": U+00A0 or U+202F (French
 * thousands); its length in bytes, or 0. */
size_t ew__pii_nbsp(const unsigned char *s, size_t n, size_t i)
{
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) return 2;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF) return 3;
    return 0;
}

/* An extension word after a number, in the languages whose numbers we read:
 * "ext. 12", "Durchwahl 12", "DW 12", "poste 12", "ramal 12", "interno 12",
 * "int. 12", "wew. 12", "toestel 12", "App. 12", "ankn. 12", "linka 12",
 * "mellék 12", "dahili 12", "máy lẻ 12", "доб. 12", "εσωτ. 12", "שלוחה 12",
 * "تحويلة 12", "ต่อ 12", "내선 12"; the index after it and its space, or 0. */
static size_t ext_word(const unsigned char *s, size_t n, size_t k)
{
    static const struct {
        const char *w;
        unsigned char len;
    } words[] = {{"extension", 9},
                 {"ext", 3},
                 {"durchwahl", 9},
                 {"app", 3},
                 {"poste", 5},
                 {"ramal", 5},
                 {"interno", 7},
                 {"int", 3},
                 {"wew", 3},
                 {"toestel", 7},
                 {"dahili", 6},
                 {"extn", 4},
                 {"dw", 2},
                 {"ankn", 4},
                 {"linka", 5},
                 {"mell\xC3\xA9k", 7},                                     /* mellék */
                 {"m\xC3\xA1y l\xE1\xBA\xBB", 9},                          /* máy lẻ */
                 {"\xD0\xB4\xD0\xBE\xD0\xB1", 6},                          /* доб */
                 {"\xCE\xB5\xCF\x83\xCF\x89\xCF\x84", 8},                  /* εσωτ */
                 {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x97\xD7\x94", 10},         /* שלוחה */
                 {"\xD8\xAA\xD8\xAD\xD9\x88\xD9\x8A\xD9\x84\xD8\xA9", 12}, /* تحويلة */
                 {"\xE0\xB8\x95\xE0\xB9\x88\xE0\xB8\xAD", 9},              /* ต่อ */
                 {"lokal", 5},
                 {"alanumero", 9},
                 {"kucni", 5},
                 {"vidaus", 6},
                 {"klapka", 6},
                 {"samb", 4},
                 {"loc", 3},
                 {"anexo", 5},
                 {"\x6B\x75\xC4\x87\x6E\x69", 6},         /* kućni */
                 {"\xD0\xB2\xD1\x8A\xD1\x82\xD1\x80", 8}, /* вътр */
                 {"\xE0\xA4\x8F\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB8\xE0\xA4\x9F\xE0\xA5\x87\xE0\xA4"
                  "\x82\xE0\xA4\xB6\xE0\xA4\xA8",
                  27},                                             /* एक्सटेंशन */
                 {"\xD8\xAF\xD8\xA7\xD8\xAE\xD9\x84\xDB\x8C", 10}, /* داخلی */
                 {"\xD8\xA7\xDB\x8C\xDA\xA9\xD8\xB3\xD9\xB9\xDB\x8C\xD9\x86\xD8\xB4\xD9\x86",
                  18},                             /* ایکسٹینشن */
                 {"\xEB\x82\xB4\xEC\x84\xA0", 6}}; /* 내선 */
    if (k >= n) return 0;
    unsigned f = pii_is_upper(s[k]) ? s[k] | 32u : s[k];
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t l = words[w].len;
        if ((unsigned char)words[w].w[0] != f || k + l >= n ||
            !pii_icase_eq(s + k, words[w].w, l) || pii_is_alpha(s[k + l]))
            continue;
        size_t e = k + l;
        if (s[e] == '.') e++;
        if (e < n && s[e] == ' ') e++;
        return e;
    }
    return 0;
}

/* Parses digit groups joined by single separators. */
static void parse_seq(const unsigned char *s, size_t n, size_t i, numseq *q)
{
    memset(q, 0, sizeof *q);
    q->start = i;
    if (s[i] == '+') {
        q->plus = true;
        i++;
    } else if (s[i] == '(' && i + 2 < n && s[i + 1] == '+' && pii_is_digit(s[i + 2])) {
        /* "(+48) 601 234 567": the country code in parentheses */
        size_t k = i + 2;
        while (k < n && pii_is_digit(s[k]) && k - i < 6)
            k++;
        if (k + 2 < n && s[k] == ')' && s[k + 1] == ' ' && pii_is_digit(s[k + 2])) {
            q->plus = true;
            for (size_t d = i + 2; d < k; d++)
                q->d[q->nd++] = (char)s[d];
            q->glen[q->ng++] = (int)(k - i - 2);
            q->end = k + 1;
            i = k + 2;
        }
    }
    char pending = q->ng ? ' ' : 0;
    while (i < n && q->ng < MAX_GROUPS) {
        bool in_paren = false;
        if (s[i] == '(') {
            if (i + 2 < n && s[i + 1] == '0' && s[i + 2] == ')' && q->ng > 0) {
                q->trunk0 = true; /* "+41 (0)85": the trunk zero is not dialled */
                i += 3;
                if (i < n && s[i] == ' ') i++;
                pending = pending ? pending : ' ';
                continue;
            }
            in_paren = true;
            i++;
        } else if (q->ng == 0 && s[i] == 0xEF && ew__pii_fw_area_code(s, n, i)) {
            in_paren = true;
            i += 3;
        }
        size_t g0 = i;
        while (i < n && pii_is_digit(s[i]) && q->nd < MAX_DIGITS)
            q->d[q->nd++] = (char)s[i++];
        if (i == g0) break;
        if (i < n && pii_is_digit(s[i])) { /* too many digits: not ours */
            while (i < n && pii_is_digit(s[i]))
                i++;
            q->nd = MAX_DIGITS + 1;
            q->end = i;
            return;
        }
        q->glen[q->ng] = (int)(i - g0);
        q->sep[q->ng] = pending;
        q->ng++;
        q->end = i;
        if (in_paren) {
            bool fw = fw_paren(s, n, i, 0x89);
            if (i >= n || (s[i] != ')' && !fw)) break;
            q->paren = true;
            i += fw ? 3 : 1;
            q->end = i;
            pending = ')';
            if (i < n && (s[i] == ' ' || s[i] == '-')) i++;
            if (i >= n || !(pii_is_digit(s[i]))) break;
            continue;
        }
        /* one separator, then a digit or "(" digit */
        size_t nb = i < n && s[i] >= 0xC2 ? ew__pii_nbsp(s, n, i) : 0;
        if (nb && i + nb < n && pii_is_digit(s[i + nb])) {
            pending = ' ';
            i += nb;
            continue;
        }
        if (i + 1 < n && (s[i] == ' ' || s[i] == '-' || s[i] == '.' || s[i] == '/') &&
            (pii_is_digit(s[i + 1]) || (s[i + 1] == '(' && i + 2 < n && pii_is_digit(s[i + 2]) &&
                                        paren_group_joins(s, n, i + 1)))) {
            pending = (char)s[i];
            i++;
            continue;
        }
        if (i + 2 < n && s[i] == ' ' && s[i + 1] == '(' && pii_is_digit(s[i + 2]) &&
            paren_group_joins(s, n, i + 1)) {
            pending = ' ';
            i++;
            continue;
        }
        /* "030 - 1234567": a trunk-0 area code set off by a spaced dash */
        if (q->ng == 1 && s[g0] == '0' && i - g0 >= 2 && i - g0 <= 5 && i + 7 < n && s[i] == ' ' &&
            s[i + 1] == '-' && s[i + 2] == ' ' && pii_is_digit(s[i + 3]) &&
            pii_is_digit(s[i + 6])) {
            pending = '-';
            i += 3;
            continue;
        }
        /* "06221 / 56 28 39": a German area code set off by a spaced slash */
        if (q->ng == 1 && i + 3 < n && s[i] == ' ' && s[i + 1] == '/' && s[i + 2] == ' ' &&
            pii_is_digit(s[i + 3])) {
            pending = '/';
            i += 3;
            continue;
        }
        break;
    }
    q->ext_end = q->end;
    /* extension: "x565", " x565", " x 565", " ext 12", " ext. 12", " extension 12" */
    size_t k = q->end;
    if (k < n && (s[k] == 'x' || s[k] == 'X') && k + 1 < n && pii_is_digit(s[k + 1])) {
        k++;
    } else {
        if (k + 1 < n && s[k] == ',' && s[k + 1] == ' ') k++; /* "…-4567, ext. 12" */
        if (k < n && s[k] == ' ') k++;
        size_t x;
        if (k + 2 < n && (s[k] | 32) == 'x' &&
            (pii_is_digit(s[k + 1]) || (s[k + 1] == ' ' && pii_is_digit(s[k + 2])))) {
            k += 1 + (s[k + 1] == ' ');
        } else if ((x = ext_word(s, n, k)) != 0) {
            k = x;
        } else if ((k = cjk_ext(s, n, k)) != 0) {
            if (k < n && s[k] == ' ') k++;
        } else {
            k = n + 1;
        }
    }
    if (k < n && pii_is_digit(s[k])) {
        size_t e = k;
        while (e < n && pii_is_digit(s[e]) && e - k < 6)
            e++;
        if (e >= n || !pii_is_alnum(s[e])) q->ext_end = e;
    }
}

static unsigned num(const char *d, int k)
{
    unsigned v = 0;
    for (int i = 0; i < k; i++)
        v = v * 10 + (unsigned)(d[i] - '0');
    return v;
}

/* Numeric dates: yyyy-mm-dd, dd.mm.yyyy, mm/dd/yyyy, dd/mm/yy. */
/* A date in Thai text may count years of the Buddhist Era (2543 = 2000):
 * Thai script within the 48 bytes before i. */
static bool thai_before(const unsigned char *s, size_t i)
{
    for (size_t k = i > 48 ? i - 48 : 0; k + 1 < i; k++)
        if (s[k] == 0xE0 && (s[k + 1] == 0xB8 || s[k + 1] == 0xB9)) return true;
    return false;
}

static bool seq_is_date(const numseq *q, int *y, int *m, int *d)
{
    if (q->ng != 3 || q->plus || q->paren) return false;
    char s1 = q->sep[1], s2 = q->sep[2];
    if (s1 != s2 || !(s1 == '-' || s1 == '/' || s1 == '.')) return false;
    const char *p = q->d;
    int a = q->glen[0], b = q->glen[1], c = q->glen[2];
    if (a == 4 && b <= 2 && c <= 2) {
        *y = (int)num(p, 4), *m = (int)num(p + 4, b), *d = (int)num(p + 4 + b, c);
        return ew__pii_date_valid(*y, *m, *d);
    }
    if (a <= 2 && b <= 2 && (c == 4 || c == 2)) {
        int x = (int)num(p, a), z = (int)num(p + a, b);
        *y = (int)num(p + a + b, c);
        if (c == 2) *y += *y < 30 ? 2000 : 1900;
        if (ew__pii_date_valid(*y, x, z)) { /* US order first */
            *m = x, *d = z;
            return true;
        }
        *m = z, *d = x;
        return ew__pii_date_valid(*y, z, x);
    }
    return false;
}

static bool month_name(const unsigned char *s, size_t n, size_t i, size_t *end, int *mon)
{
    /* Month names of English (abbreviable: "Mar", "Sept"), German, French,
     * Spanish, Polish (genitive), Portuguese, Turkish, Dutch, Danish and
     * Norwegian, Swedish, Italian, Catalan, Indonesian, Romanian, Czech
     * (genitive) and Hungarian, folded like the word, sorted by their first
     * letter; month_at[c - 'a'] is where the names with first letter c start. */
    static const struct {
        char w[13];
        unsigned char mon, en;
    } months[] = {
        {"abril", 4, 0},         {"agost", 8, 0},      {"agosto", 8, 0},     {"agustos", 8, 0},
        {"agustus", 8, 0},       {"aout", 8, 0},       {"april", 4, 1},      {"aprile", 4, 0},
        {"aprilie", 4, 0},       {"aprilis", 4, 0},    {"aralik", 12, 0},    {"august", 8, 1},
        {"augusti", 8, 0},       {"augustus", 8, 0},   {"augusztus", 8, 0},  {"avril", 4, 0},
        {"brezna", 3, 0},        {"cervence", 7, 0},   {"cervna", 6, 0},     {"czerwca", 6, 0},
        {"december", 12, 1},     {"decembre", 12, 0},  {"decembrie", 12, 0}, {"desember", 12, 0},
        {"desembre", 12, 0},     {"dezember", 12, 0},  {"dezembro", 12, 0},  {"dicembre", 12, 0},
        {"diciembre", 12, 0},    {"dubna", 4, 0},      {"ekim", 10, 0},      {"enero", 1, 0},
        {"eylul", 9, 0},         {"febbraio", 2, 0},   {"febrer", 2, 0},     {"febrero", 2, 0},
        {"februar", 2, 0},       {"februari", 2, 0},   {"februarie", 2, 0},  {"february", 2, 1},
        {"fevereiro", 2, 0},     {"fevrier", 2, 0},    {"gener", 1, 0},      {"gennaio", 1, 0},
        {"giugno", 6, 0},        {"grudnia", 12, 0},   {"haziran", 6, 0},    {"ianuarie", 1, 0},
        {"iulie", 7, 0},         {"iunie", 6, 0},      {"janeiro", 1, 0},    {"januar", 1, 0},
        {"januari", 1, 0},       {"january", 1, 1},    {"janvier", 1, 0},    {"juillet", 7, 0},
        {"juin", 6, 0},          {"julho", 7, 0},      {"juli", 7, 0},       {"julio", 7, 0},
        {"juliol", 7, 0},        {"julius", 7, 0},     {"july", 7, 1},       {"june", 6, 1},
        {"junho", 6, 0},         {"juni", 6, 0},       {"junio", 6, 0},      {"junius", 6, 0},
        {"juny", 6, 0},          {"kasim", 11, 0},     {"kvetna", 5, 0},     {"kwietnia", 4, 0},
        {"ledna", 1, 0},         {"lipca", 7, 0},      {"listopada", 11, 0}, {"listopadu", 11, 0},
        {"luglio", 7, 0},        {"lutego", 2, 0},     {"maart", 3, 0},      {"maggio", 5, 0},
        {"mai", 5, 0},           {"maig", 5, 0},       {"maio", 5, 0},       {"maj", 5, 0},
        {"maja", 5, 0},          {"majus", 5, 0},      {"marc", 3, 0},       {"marca", 3, 0},
        {"march", 3, 1},         {"marcius", 3, 0},    {"marco", 3, 0},      {"maret", 3, 0},
        {"mars", 3, 0},          {"mart", 3, 0},       {"martie", 3, 0},     {"marts", 3, 0},
        {"marz", 3, 0},          {"marzo", 3, 0},      {"may", 5, 1},        {"mayis", 5, 0},
        {"mayo", 5, 0},          {"mei", 5, 0},        {"nisan", 4, 0},      {"noiembrie", 11, 0},
        {"november", 11, 1},     {"novembre", 11, 0},  {"novembro", 11, 0},  {"noviembre", 11, 0},
        {"ocak", 1, 0},          {"october", 10, 1},   {"octobre", 10, 0},   {"octombrie", 10, 0},
        {"octubre", 10, 0},      {"oktober", 10, 0},   {"ottobre", 10, 0},   {"outubro", 10, 0},
        {"pazdziernika", 10, 0}, {"prosince", 12, 0},  {"rijna", 10, 0},     {"september", 9, 1},
        {"septembre", 9, 0},     {"septembrie", 9, 0}, {"septiembre", 9, 0}, {"setembre", 9, 0},
        {"setembro", 9, 0},      {"settembre", 9, 0},  {"sierpnia", 8, 0},   {"srpna", 8, 0},
        {"stycznia", 1, 0},      {"subat", 2, 0},      {"szeptember", 9, 0}, {"temmuz", 7, 0},
        {"unora", 2, 0},         {"wrzesnia", 9, 0},   {"zari", 9, 0}};
    static const unsigned short month_at[27] = {0,   16,  17,  20,  30,  33,  42,  46,  47,
                                                50,  69,  72,  78,  102, 108, 116, 118, 118,
                                                119, 131, 132, 133, 133, 134, 134, 134, 135};

    /* Russian and Ukrainian genitive ("13 апреля 2000", "6 червня 1975"), Greek
     * genitive capitalised and not ("2 Ιουλίου 1972"), compared as UTF-8 */
    static const char *const script[] = {
        "\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F",
        "\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F",
        "\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0",
        "\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F",
        "\xD0\xBC\xD0\xB0\xD1\x8F",
        "\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F",
        "\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F",
        "\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0",
        "\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
        "\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
        "\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
        "\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F",
        "\xD1\x81\xD1\x96\xD1\x87\xD0\xBD\xD1\x8F",
        "\xD0\xBB\xD1\x8E\xD1\x82\xD0\xBE\xD0\xB3\xD0\xBE",
        "\xD0\xB1\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB7\xD0\xBD\xD1\x8F",
        "\xD0\xBA\xD0\xB2\xD1\x96\xD1\x82\xD0\xBD\xD1\x8F",
        "\xD1\x82\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBD\xD1\x8F",
        "\xD1\x87\xD0\xB5\xD1\x80\xD0\xB2\xD0\xBD\xD1\x8F",
        "\xD0\xBB\xD0\xB8\xD0\xBF\xD0\xBD\xD1\x8F",
        "\xD1\x81\xD0\xB5\xD1\x80\xD0\xBF\xD0\xBD\xD1\x8F",
        "\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD1\x8F",
        "\xD0\xB6\xD0\xBE\xD0\xB2\xD1\x82\xD0\xBD\xD1\x8F",
        "\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD0\xBF\xD0\xB0\xD0\xB4\xD0\xB0",
        "\xD0\xB3\xD1\x80\xD1\x83\xD0\xB4\xD0\xBD\xD1\x8F",
        "\xCE\x99\xCE\xB1\xCE\xBD\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xA6\xCE\xB5\xCE\xB2\xCF\x81\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x9C\xCE\xB1\xCF\x81\xCF\x84\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x91\xCF\x80\xCF\x81\xCE\xB9\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x9C\xCE\xB1\xCE\x90\xCE\xBF\xCF\x85",
        "\xCE\x99\xCE\xBF\xCF\x85\xCE\xBD\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x99\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x91\xCF\x85\xCE\xB3\xCE\xBF\xCF\x8D\xCF\x83\xCF\x84\xCE\xBF\xCF\x85",
        "\xCE\xA3\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x9F\xCE\xBA\xCF\x84\xCF\x89\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x9D\xCE\xBF\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\x94\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xB9\xCE\xB1\xCE\xBD\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCF\x86\xCE\xB5\xCE\xB2\xCF\x81\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xBC\xCE\xB1\xCF\x81\xCF\x84\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xB1\xCF\x80\xCF\x81\xCE\xB9\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xBC\xCE\xB1\xCE\x90\xCE\xBF\xCF\x85",
        "\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBD\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xB1\xCF\x85\xCE\xB3\xCE\xBF\xCF\x8D\xCF\x83\xCF\x84\xCE\xBF\xCF\x85",
        "\xCF\x83\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xBF\xCE\xBA\xCF\x84\xCF\x89\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xBD\xCE\xBF\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
        "\xCE\xB4\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85",
    };
    if (i < n && (s[i] == 0xCE || s[i] == 0xCF || s[i] == 0xD0 || s[i] == 0xD1)) {
        for (int m = 0; m < (int)(sizeof script / sizeof script[0]); m++) {
            size_t ml = strlen(script[m]);
            if (i + ml <= n && !memcmp(s + i, script[m], ml) &&
                (i + ml == n || !(s[i + ml] >= 0xCE && s[i + ml] <= 0xD1))) {
                *mon = m % 12 + 1;
                *end = i + ml;
                return true;
            }
        }
        return false;
    }
    char w[16];
    size_t k = i, l = 0;
    while (k < n && (pii_is_alpha(s[k]) || s[k] >= 0xC0 || (s[k] >= 0x80 && k > i))) {
        if (s[k] < 0x80 && l < sizeof w) {
            w[l++] = (char)(s[k] | 32);
        } else if (s[k] >= 0xC3 && s[k] <= 0xC8 && k + 1 < n && l < sizeof w) {
            /* "março", "février", "października", "Ağustos" */
            unsigned char f = ew__gaz_fold[(((s[k] & 0x1Fu) << 6) | (s[k + 1] & 0x3Fu)) - 0xC0];
            if (f) w[l++] = (char)f;
            k++;
        }
        k++;
    }
    if (l < 3 || l >= sizeof w) return false;
    if ((unsigned)(w[0] - 'a') >= 26u) return false;
    for (int m = month_at[w[0] - 'a']; m < month_at[w[0] - 'a' + 1]; m++) {
        size_t ml = strlen(months[m].w);
        /* full name, or a 3+ letter abbreviation ("Mar", "Sept") */
        bool abbrev = months[m].en && l >= 3 && l < ml && !memcmp(w, months[m].w, l);
        if ((l == ml && !memcmp(w, months[m].w, l)) || abbrev) {
            *mon = months[m].mon;
            if (k < n && s[k] == '.') k++;
            *end = k;
            return true;
        }
    }
    return false;
}

static size_t read_int(const unsigned char *s, size_t n, size_t i, int maxd, int *v)
{
    size_t k = i;
    *v = 0;
    while (k < n && pii_is_digit(s[k]) && (int)(k - i) < maxd)
        *v = *v * 10 + (s[k++] - '0');
    if (k == i || (k < n && pii_is_digit(s[k]))) return 0;
    return k;
}

/* "12 March 1985", "12th of March, 1985", "March 12, 1985", "12. März 1985",
 * or a numeric date. Returns the end or 0. */
size_t ew__pii_parse_date(const unsigned char *s, size_t n, size_t i, int *y, int *m, int *d)
{
    size_t k;
    if (pii_is_digit(s[i])) {
        numseq q;
        parse_seq(s, n, i, &q);
        if (q.nd <= MAX_DIGITS && seq_is_date(&q, y, m, d)) return q.end;
        k = read_int(s, n, i, 4, y);
        size_t ms = k + 1 + (k + 1 < n && s[k] == '.'); /* Hungarian "1936. július 2." */
        if (k == i + 4 && ms < n && s[ms - 1] == ' ' && month_name(s, n, ms, &k, m)) {
            /* "1990 MAY 12" (year, month, day) */
            size_t e = k < n && s[k] == ' ' ? read_int(s, n, k + 1, 2, d) : 0;
            if (e && ms == i + 6 && e < n && s[e] == '.') e++;
            return e && ew__pii_date_valid(*y, *m, *d) ? e : 0;
        }
        k = read_int(s, n, i, 2, d);
        if (!k) return 0;
        /* Vietnamese "12 tháng 5 năm 1948" (day, month, year) */
        static const char thang[] = " th\xC3\xA1ng ", nam[] = " n\xC4\x83m ";
        if (k + 8 < n && !memcmp(s + k, thang, 8)) {
            size_t e = read_int(s, n, k + 8, 2, m);
            if (e && e + 6 < n && !memcmp(s + e, nam, 6)) {
                size_t e2 = read_int(s, n, e + 6, 4, y);
                return e2 == e + 10 && ew__pii_date_valid(*y, *m, *d) ? e2 : 0;
            }
        }
        if (k + 3 < n && s[k] == '.' && s[k + 1] == ' ' && pii_is_digit(s[k + 2])) {
            /* Czech and Slovak "12. 3. 1985" */
            size_t e = read_int(s, n, k + 2, 2, m);
            if (e && e + 2 < n && s[e] == '.' && s[e + 1] == ' ') {
                e = read_int(s, n, e + 2, 4, y);
                return e && ew__pii_date_valid(*y, *m, *d) ? e : 0;
            }
        }
        if (k + 2 <= n && (pii_icase_eq(s + k, "st", 2) || pii_icase_eq(s + k, "nd", 2) ||
                           pii_icase_eq(s + k, "rd", 2) || pii_icase_eq(s + k, "th", 2)))
            k += 2;
        if (k < n && s[k] == '.') k++;
        bool dash = k < n && s[k] == '-'; /* "12-Mar-1985" */
        if (k < n && (s[k] == ' ' || dash)) k++;
        /* "12th of March", "12 de março de 1987" */
        bool de = k + 3 <= n && !strncmp((const char *)s + k, "de ", 3);
        if (de || (k + 3 <= n && pii_icase_eq(s + k, "of ", 3))) k += 3;
        if (!de && k + 2 < n && s[k] == 'd' && s[k + 1] == '\'') { /* Catalan "3 d'abril de" */
            de = true;
            k += 2;
        }
        if (!month_name(s, n, k, &k, m)) return 0;
        if (dash && !(k < n && s[k] == '-')) return 0;
        k += dash;
        if (k < n && s[k] == ',') k++;
        if (k < n && s[k] == ' ') k++;
        if (de && k + 3 <= n && !strncmp((const char *)s + k, "de ", 3)) k += 3;
        size_t e = read_int(s, n, k, 4, y);
        if (!e || e - k != 4) return 0;
        return ew__pii_date_valid(*y, *m, *d) ? e : 0;
    }
    if (!month_name(s, n, i, &k, m)) return 0;
    bool dash = k < n && s[k] == '-'; /* "Mar-03-1985" */
    if (k < n && (s[k] == ' ' || dash)) k++;
    size_t e = read_int(s, n, k, 2, d);
    if (!e) return 0;
    if (dash) {
        if (e >= n || s[e] != '-') return 0;
        size_t e2 = read_int(s, n, e + 1, 4, y);
        return e2 == e + 5 && ew__pii_date_valid(*y, *m, *d) ? e2 : 0;
    }
    if (e + 2 <= n && pii_is_alpha(s[e]) && pii_is_alpha(s[e + 1])) e += 2;
    if (e < n && s[e] == ',') e++;
    if (e < n && s[e] == ' ') e++;
    size_t e2 = read_int(s, n, e, 4, y);
    if (!e2 || e2 - e != 4) return 0;
    return ew__pii_date_valid(*y, *m, *d) ? e2 : 0;
}

/* ---- phones ---------------------------------------------------------------- */
/* ITU E.164 country codes (1 to 3 digits). */
static int country_code_len(const char *d, int nd)
{
    static const char *const cc1[] = {"1", "7"};
    static const char *const cc2[] = {
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"};
    for (size_t i = 0; i < 2; i++)
        if (d[0] == cc1[i][0]) return 1;
    if (nd < 2) return 0;
    for (size_t i = 0; i < sizeof cc2 / sizeof cc2[0]; i++)
        if (d[0] == cc2[i][0] && d[1] == cc2[i][1]) return 2;
    /* 3-digit codes: 21x, 22x-29x (Africa), 35x-38x, 42x, 50x, 59x, 67x-69x,
     * 85x, 87x-88x, 96x-97x, 99x */
    if (nd >= 3) {
        unsigned p2 = num(d, 2);
        if (p2 == 21 || (p2 >= 22 && p2 <= 26) || p2 == 28 || p2 == 29 || p2 == 35 || p2 == 37 ||
            p2 == 38 || p2 == 42 || p2 == 50 || p2 == 59 || p2 == 67 || p2 == 68 || p2 == 69 ||
            p2 == 85 || p2 == 87 || p2 == 88 || p2 == 96 || p2 == 97 || p2 == 99)
            return 3;
    }
    return 0;
}

static bool all_groups(const numseq *q, int len)
{
    for (int g = 0; g < q->ng; g++)
        if (q->glen[g] != len) return false;
    return true;
}

static bool uniform_sep(const numseq *q)
{
    for (int g = 2; g < q->ng; g++)
        if (q->sep[g] != q->sep[1]) return false;
    return true;
}

/* Separators from group k on are all `sep`. */
static bool uniform_tail(const numseq *q, int k, char sep)
{
    for (int g = k; g < q->ng; g++)
        if (q->sep[g] != sep) return false;
    return true;
}

/* A national number written in groups: trunk 0 and an area or mobile
 * prefix, then groups of three or more ("030 5690 6154", "098765 43210",
 * "0161 496 0018"). Dates and amounts have shorter groups. */
static bool trunk_grouped(const numseq *q)
{
    /* a two-digit area code ("02-5479-6082", "06-74721807") needs a dash or
     * a space and nine digits or more */
    int min_nd = q->glen[0] == 2 ? 9 : 10;
    /* the area code may be set off by its own separator: "012-328 2320",
     * "063/979-6188" */
    if (q->plus || q->d[0] != '0' || q->d[1] == '0' || q->nd < min_nd || q->nd > 12 || q->ng < 2 ||
        q->ng > 4 || q->glen[0] < 2 || q->glen[0] > 6 || !uniform_tail(q, 2, q->sep[q->ng - 1]) ||
        q->sep[1] == '.' || (q->ng > 2 && q->sep[2] == '.') ||
        (q->glen[0] == 2 && q->sep[1] == '/' && q->ng == 2))
        return false;
    for (int g = 1; g < q->ng; g++)
        if (q->glen[g] < 3) return false;
    return true;
}

/* National plans written with a trunk prefix or a grouping no id uses:
 * - "ddd dd dd" after the area code, as Turkey, Russia, Spain and Poland
 *   write them ("0312 204 34 57", "8 903 811-02-22", "22 123 45 67");
 * - Russia's and Kazakhstan's trunk 8 before ten digits ("8 800 572-38-64",
 *   "89123456789": mobile 9xx, the area codes of 3xx-8xx);
 * - a Korean mobile "010 1234 5678", "01012345678"; Hungary's trunk 06;
 * - a Brazilian area code and a number with its dash ("21 93654-3467"). */
static bool national_tail(const numseq *q)
{
    const char *d = q->d;
    int nd = q->nd, ng = q->ng;
    if (q->plus) return false;
    /* (a trunk 0 or a short area code: "371-733-14-90" is a Polish tax id) */
    if (ng >= 4 && ng <= 5 && nd >= 9 && nd <= 11 && q->glen[ng - 1] == 2 && q->glen[ng - 2] == 2 &&
        q->glen[ng - 3] == 3 && (q->glen[0] <= 2 || d[0] == '0') &&
        q->sep[ng - 1] == q->sep[ng - 2] && (q->sep[ng - 1] == ' ' || q->sep[ng - 1] == '-'))
        return true;
    if (nd == 11 && d[0] == '8' && d[1] >= '3' && d[1] <= '9' &&
        (ng == 1 ? d[1] == '9' : q->glen[0] == 1 && q->glen[1] == 3))
        return true;
    if (nd == 11 && d[0] == '0' && d[1] == '1' && d[2] == '0' &&
        (ng == 1 || (ng == 3 && q->glen[0] == 3 && q->glen[1] == 4)))
        return true;
    /* Hungary's trunk 06 before the area code: "06 20 411 8191", "06-1-303-5535" */
    if (d[0] == '0' && d[1] == '6' && q->glen[0] == 2 && ng >= 3 && ng <= 4 && nd >= 9 &&
        nd <= 11 && q->glen[1] <= 2 && q->glen[ng - 1] >= 3 && uniform_sep(q))
        return true;
    /* Norway's and Denmark's eight digits: mobiles "978 23 401", pairs "22 12
     * 34 56"; Italy's mobiles "328 126 3483", "347 1234567"; Korea's company
     * numbers "1577-8814" (15xx, 16xx, 18xx; not a year after them) */
    if (nd == 8 && ng == 3 && q->glen[0] == 3 && q->glen[1] == 2 && (d[0] == '4' || d[0] == '9') &&
        uniform_sep(q) && q->sep[1] == ' ')
        return true;
    if (nd == 8 && ng == 4 && all_groups(q, 2) && d[0] >= '2' && uniform_sep(q) && q->sep[1] == ' ')
        return true;
    if (nd == 10 && d[0] == '3' && q->glen[0] == 3 && uniform_sep(q) && q->sep[1] != '.' &&
        ((ng == 2 && q->glen[1] == 7) || (ng == 3 && q->glen[1] == 3)))
        return true;
    if (nd == 8 && ng == 2 && q->glen[0] == 4 && q->sep[1] == '-' && d[0] == '1' &&
        (d[1] == '5' || d[1] == '6' || d[1] == '8') && d[4] != '1' && d[4] != '2')
        return true;
    return nd >= 10 && nd <= 11 && ng == 3 && q->glen[0] == 2 && d[0] != '0' && q->glen[2] == 4 &&
           (q->glen[1] == 4 || q->glen[1] == 5) && q->sep[1] == ' ' && q->sep[2] == '-';
}

/* How much the shape alone says "phone number" (before context). */
static float phone_shape(const numseq *q)
{
    const char *d = q->d;
    int nd = q->nd;
    /* a Chinese landline with its extension after a dash: trunk 0 and a 3-4
     * digit area code, 7-8 digits, 1-4 digits ("010-2563 9864-60",
     * "0571-87021234-8001") */
    if (d[0] == '0' && d[1] != '0' && q->ng >= 3 && q->ng <= 4 && !q->plus && !q->paren &&
        q->sep[1] == '-' && q->sep[q->ng - 1] == '-' && (q->glen[0] == 3 || q->glen[0] == 4) &&
        q->glen[q->ng - 1] <= 4 && (q->ng == 3 || q->sep[2] == ' ')) {
        int body = nd - q->glen[0] - q->glen[q->ng - 1];
        if (body == 7 || body == 8) return 0.6f;
    }
    if (nd < 7 || nd > 15) return 0;
    if (q->plus) {
        int cl = country_code_len(d, nd);
        if (!cl || nd - cl < 6) return 0.2f;
        return q->ng >= 2 || nd >= 10 ? 0.85f : 0.6f;
    }
    /* "0044 7700 900123", "0086 138 …": the international prefix 00 dialled
     * instead of '+', as its own group ("00 44 …" or "0044 …") */
    if (d[0] == '0' && d[1] == '0' && q->ng >= 2 && nd >= 11) {
        int cl = country_code_len(d + 2, nd - 2);
        if (cl && (q->glen[0] == 2 || q->glen[0] == 2 + cl) && nd - 2 - cl >= 7) return 0.85f;
    }
    /* ten digits from 1 are a Unix time in seconds (2001-2033), thirteen in
     * milliseconds; no national plan of ours writes a number so */
    if (q->ng == 1 && d[0] == '1' && (nd == 10 || nd == 13)) return 0;
    float sc = 0.3f;
    /* NANP: (NXX) NXX-XXXX, with an optional leading 1. */
    const char *p = d;
    int pn = nd;
    if (pn == 11 && p[0] == '1') {
        p++;
        pn--;
    }
    /* the country code 1 is dialled apart ("1-878-850-3238"), never glued to
     * the area code ("1878-850-3238" is an account or a reference); India's
     * toll-free numbers are written "1800 321 9989" */
    bool lead_ok = p == d || q->ng == 1 || q->glen[0] == 1 ||
                   (q->glen[0] == 4 && d[1] == '8' && (d[2] == '0' || d[2] == '6') && d[3] == '0');
    if (pn == 10 && p[0] >= '2' && p[3] >= '2' && lead_ok) {
        bool shape334 =
            (q->ng >= 3 && q->glen[q->ng - 1] == 4 && q->glen[q->ng - 2] == 3) || q->ng == 1;
        if (shape334) sc = q->paren ? 0.85f : q->ng == 1 ? 0.4f : 0.65f;
    }
    if (d[0] == '0' && nd >= 9 && nd <= 12) /* trunk prefix: UK, DE, FR, IN, CN, ... */
        sc = sc > 0.45f ? sc : 0.45f;
    if (trunk_grouped(q)) sc = sc > 0.55f ? sc : 0.55f;
    if (nd == 11 && d[0] == '0' && d[1] == '7' && q->ng <= 3)
        sc = 0.6f; /* UK mobile "07700 900461" */
    if (nd == 11 && d[0] == '0' && d[1] >= '6' && q->ng <= 2 && (q->ng == 1 || q->glen[0] == 6))
        sc = sc > 0.6f ? sc : 0.6f; /* Indian mobile after the trunk 0 "098765 43210" */
    if (nd == 10 && d[0] == '0' && d[1] != '0' && q->ng == 5 && all_groups(q, 2))
        sc = 0.8f; /* French "01 23 45 67 89" */
    /* DIN 5008: trunk 0 and area code, the number, its extension after a
     * dash ("030 61530-15"), or the area code before a slash and the rest
     * in groups ("0160/516 11 35") */
    if (d[0] == '0' && d[1] != '0' && nd >= 8 && nd <= 13 && q->ng >= 3 && q->glen[0] >= 3 &&
        q->glen[0] <= 5 && !q->paren &&
        ((q->ng == 3 && q->sep[1] == ' ' && q->sep[2] == '-' && q->glen[1] >= 3 &&
          q->glen[2] <= 4) ||
         (q->sep[1] == '/' && q->glen[1] >= 2 && uniform_tail(q, 2, ' '))))
        sc = sc > 0.6f ? sc : 0.6f;
    if (nd == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' &&
        (q->ng == 1 || (q->ng == 3 && q->glen[0] == 3 && q->glen[1] == 4) ||
         (q->ng == 2 && q->glen[0] == 3)))
        sc = 0.7f; /* Chinese mobile 1[3-9]x xxxx xxxx */
    if (nd == 10 && d[0] >= '6' && d[0] <= '9' && q->ng == 2 && q->glen[0] == 5)
        sc = 0.6f; /* Indian mobile "98765 43210" */
    if (national_tail(q)) sc = sc > 0.65f ? sc : 0.65f;
    if (q->paren && sc < 0.6f) sc = 0.6f;
    if (q->ng >= 2 && !uniform_sep(q) && !q->paren && !trunk_grouped(q)) sc -= 0.1f;
    /* France's trunk 0 set apart: "0 809 257 482", "0 800 12 34 56" */
    if (nd == 10 && d[0] == '0' && d[1] != '0' && q->glen[0] == 1 && q->ng >= 4 &&
        q->sep[1] == ' ' && uniform_sep(q))
        sc = sc > 0.6f ? sc : 0.6f;
    if (q->ng == 1 && nd != 11 && sc > 0.45f && !(pn == 10 && p[0] >= '2'))
        sc = 0.45f; /* a bare run of digits is more often an id */
    /* the international prefix glued on: "00966550432035" */
    if (q->ng == 1 && d[0] == '0' && d[1] == '0' && nd >= 12) {
        int cl = country_code_len(d + 2, nd - 2);
        int nat = nd - 2 - cl; /* North America and Russia: ten digits */
        if (cl && (cl == 1 ? nat == 10 : nat >= 8 && nat <= 10) && d[2 + cl] != '0') sc = 0.6f;
    }
    if (q->trunk0) sc += 0.2f;
    return sc;
}

/* ---- the dispatcher -------------------------------------------------------- */
/* Is a part of the key [b, e) a phone word ("customer_phone", "mobileNo",
 * "tel-privat"; not "order_number")? Parts split at '_', '-' and
 * small-to-capital. */
static bool phone_part(const unsigned char *s, size_t b, size_t e)
{
    for (size_t p = b; p < e;) {
        size_t q = p + 1;
        while (q < e && pii_is_alpha(s[q]) && !(pii_is_upper(s[q]) && pii_is_lower(s[q - 1])))
            q++;
        char low[PII_WORD_MAX];
        if (q - p < sizeof low) {
            for (size_t x = p; x < q; x++)
                low[x - p] = (char)(s[x] | 0x20);
            /* "number", "numero", "nummer" say which, not phone */
            bool which = q - p >= 6 && !memcmp(low, "num", 3);
            if (!which && (ew__pii_cue_lookup(low, q - p) & (1u << CUE_PHONE))) return true;
        }
        p = q;
        while (p < e && !pii_is_alpha(s[p]))
            p++;
    }
    return false;
}

/* A number right after "<label>:" whose label is not about phones. */
static bool labelled(const pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t k = i;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k == 0 || s[k - 1] != ':') return false;
    size_t e = k - 1, b = e;
    while (b > 0 && pii_is_alpha(s[b - 1]))
        b--;
    size_t kb = b; /* the whole key: "customer_phone:" */
    while (kb > 0 && e - kb < 40 && (pii_is_alpha(s[kb - 1]) || s[kb - 1] == '_'))
        kb--;
    return b < e && !pii_cue_near(c, CUE_PHONE, i, (size_t)(i - b) + 2) && !phone_part(s, kb, e);
}

/* A JSON or YAML key before the number ("seed": 1381…, "order_ref": "…")
 * none of whose parts is a phone word ("customer_phone", "mobileNo"). */
static bool key_label(const unsigned char *s, size_t i)
{
    size_t k = i;
    if (k > 0 && (s[k - 1] == '"' || s[k - 1] == '\'')) k--;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k < 2 || s[k - 1] != ':') return false;
    size_t e = k - 1;
    if (s[e - 1] == '"' || s[e - 1] == '\'') e--;
    size_t b = e;
    while (b > 0 && e - b < 40 && (pii_is_alpha(s[b - 1]) || s[b - 1] == '_' || s[b - 1] == '-'))
        b--;
    return b < e && !phone_part(s, b, e);
}

/* A bare number where code and records put ids: a value assigned or
 * compared ("id = 18154516176", "offset=…", "(id)=(…)"), the first field of
 * a tuple ("VALUES (16849480422, …"), or after a word that says "number of"
 * ("trade id", "nº", "No.", "Nr.", "№"); the thing numbered is no phone
 * unless a phone cue says so. */
static bool id_context(const unsigned char *s, size_t i)
{
    size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '"' || s[k - 1] == '\''))
        k--;
    if (k == 0) return false;
    if (s[k - 1] == '=' || s[k - 1] == '(') return true;
    if (s[k - 1] == '.' || s[k - 1] == ':') k--; /* "No.", "Nr.:" */
    size_t b = k;
    while (b > 0 && k - b < 3 && (pii_is_alpha(s[b - 1]) || s[b - 1] >= 0x80))
        b--;
    if (b > 0 && pii_is_alpha(s[b - 1])) return false;
    size_t l = k - b;
    static const char *const words[] = {"id", "no", "nr", "n\xc2\xba", "n\xc2\xb0", "\xe2\x84\x96"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (strlen(words[w]) == l && pii_icase_eq(s + b, words[w], l)) return true;
    return false;
}

/* The first field of a CSV row under a header whose first cell names an id
 * ("id;datum;…", "order_id,created_at,…", "#,name"): i starts the line and
 * the rows between the header and it start with digits too. */
/* Does a Chinese column header end at p + 6 in a number that names no
 * person: 学号 工号 编号 单号 序号 货号 批号 型号 (員)工號 (a student's, a
 * worker's, a serial number), not 手机号 or 账号? */
static bool cjk_id_header(const unsigned char *p)
{
    static const char *const heads[] = {"学", "學", "工", "编", "編", "单",
                                        "單", "序", "货", "貨", "批", "型"};
    if (memcmp(p + 3, "\xE5\x8F\xB7", 3) && memcmp(p + 3, "\xE8\x99\x9F", 3)) return false;
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
        if (!memcmp(p, heads[k], 3)) return true;
    return false;
}

static bool csv_id_column(const unsigned char *s, size_t n, size_t i, size_t e)
{
    if ((i > 0 && s[i - 1] != '\n') || e >= n || !strchr(";,\t|", s[e]) || s[e] == 0) return false;
    unsigned char d = s[e];
    size_t ls = i;
    for (int rows = 0; rows < 16 && ls > 0; rows++) {
        size_t b = ls - 1; /* the line above: [b, ls - 1) */
        while (b > 0 && s[b - 1] != '\n' && ls - b < 512)
            b--;
        if (b > 0 && s[b - 1] != '\n') return false;
        if (b < ls - 1 && pii_is_digit(s[b])) {
            ls = b;
            continue;
        }
        size_t ce = b;
        while (ce < ls - 1 && s[ce] != d)
            ce++;
        while (ce > b && (s[ce - 1] == ' ' || s[ce - 1] == '"'))
            ce--;
        size_t cb = b;
        while (cb < ce && (s[cb] == ' ' || s[cb] == '"'))
            cb++;
        size_t l = ce - cb;
        return ce < ls - 1 &&
               ((l >= 2 && pii_icase_eq(s + ce - 2, "id", 2) &&
                 (l == 2 || !pii_is_lower(s[ce - 3]) || s[ce - 2] == 'I')) ||
                (l == 2 && (pii_icase_eq(s + cb, "nr", 2) || pii_icase_eq(s + cb, "no", 2))) ||
                (l == 1 && s[cb] == '#') || (l >= 6 && cjk_id_header(s + ce - 6)));
    }
    return false;
}

static bool followed_by_word(const unsigned char *s, size_t n, size_t e)
{
    return e < n && (pii_is_alpha(s[e]) || (s[e] >= 0xC2 && s[e] < 0xE0));
}

/* Trunk 0 and a 2-4 digit area code, a slash, then 4-9 digits:
 * "0221/3731110". */
static bool slash_phone(const unsigned char *s, const numseq *q)
{
    return q->ng == 2 && q->sep[1] == '/' && !q->plus && !q->paren && s[q->start] == '0' &&
           q->glen[0] >= 3 && q->glen[0] <= 5 && q->glen[1] >= 4 && q->glen[1] <= 9;
}

/* Has a birth date already been found after the last birth cue? Then the
 * cue is used up: "DOB 03.06.1945): new address 9-20-14 Umeda" has one.
 * The cue reaches 48 bytes, so only the last few spans can be after it. */
static bool dob_cue_used(const pii_ctx *c, size_t cue_end)
{
    for (int k = c->res->n - 1; k >= 0 && k >= c->res->n - 8; k--)
        if (c->res->spans[k].type == EW_PII_DATE_OF_BIRTH && c->res->spans[k].start >= cue_end)
            return true;
    return false;
}

/* Lowercases [a, a + l) into out: ASCII, Cyrillic and Greek capitals, so a
 * cue matches at the start of a sentence ("Родился", "Ipinanganak"). */
static void fold_window(const unsigned char *a, size_t l, unsigned char *out)
{
    for (size_t k = 0; k < l; k++) {
        unsigned char b = a[k];
        out[k] = b >= 'A' && b <= 'Z' ? (unsigned char)(b | 0x20) : b;
        if (k + 1 >= l) continue;
        unsigned char t = a[k + 1];
        if (b == 0xD0 && t >= 0x90 && t <= 0x9F) { /* А-П -> а-п */
            out[k] = 0xD0, out[++k] = (unsigned char)(t + 0x20);
        } else if (b == 0xD0 && t >= 0xA0 && t <= 0xAF) { /* Р-Я -> р-я */
            out[k] = 0xD1, out[++k] = (unsigned char)(t - 0x20);
        } else if (b == 0xCE && t >= 0x91 && t <= 0x9F) { /* Α-Ο -> α-ο */
            out[k] = 0xCE, out[++k] = (unsigned char)(t + 0x20);
        } else if (b == 0xCE && t >= 0xA0 && t <= 0xA9) { /* Π-Ω -> π-ω */
            out[k] = 0xCF, out[++k] = (unsigned char)(t - 0x20);
        }
    }
}

/* Birth cues the word table cannot hold: "d.o.b." (split at its dots) and
 * words beyond ASCII ("Ngày sinh", "Дата рождения", "לידה"), anywhere in the
 * 48 bytes before i (not before lo), in any case. */
static bool dob_cue_text(const unsigned char *s, size_t i, size_t lo)
{
    static const char *const cues[] = {
        "d.o.b", "ng\xC3\xA0y sinh", "sinh ng\xC3\xA0y",
        "\xEC\x83\x9D\xEB\x85\x84\xEC\x9B\x94\xEC\x9D\xBC",                  /* 생년월일 */
        "\xEC\x83\x9D\xEC\x9D\xBC",                                          /* 생일 */
        "\xD0\xB4\xD0\xB0\xD1\x82\xD0\xB0 \xD1\x80\xD0\xBE\xD0\xB6\xD0\xB4", /* дата рожд */
        "\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBB", /* родил(ся, ась) */
        "\xD0\xA0\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBB", /* Родил(ся, ась) */
        "urodzi",                                   /* urodził(am), urodziny */
        "sz\xC3\xBCl",                      /* Hungarian szül. (születési idő, született) */
        "Sz\xC3\xBCl", "na\xC8\x99ter",     /* Romanian nașterii (comma below) */
        "na\xC5\x9Fter",                    /* naşterii (cedilla) */
        "\xD7\x9C\xD7\x99\xD7\x93\xD7\x94", /* לידה */
        "\xE0\xB9\x80\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x94",         /* เกิด */
        "\xD9\xBE\xDB\x8C\xD8\xAF\xD8\xA7\xD8\xA6\xD8\xB4",         /* پیدائش (Urdu) */
        "\xD8\xAA\xD9\x88\xD9\x84\xD8\xAF",                         /* تولد (Persian) */
        "\xD1\x80\xD0\xB0\xD0\xB6\xD0\xB4\xD0\xB0\xD0\xBD\xD0\xB5", /* раждане (Bulgarian) */
        "\xCE\xB3\xCE\xAD\xCE\xBD\xCE\xBD\xCE\xB7\xCF\x83\xCE\xB7\xCF\x82", /* γέννησης */
        "\xCE\xB3\xCE\xB5\xCE\xBD\xCE\xBD\xCE\xAE\xCE\xB8\xCE\xB7\xCE\xBA", /* γεννήθηκ(ε) */
        "\xD0\xBD\xD0\xB0\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB6",         /* народж(ення) */
        "\xD0\xBD\xD0\xB0\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xB2", /* народив(ся) */
        "\xE0\xA4\x9C\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xAE",         /* जन्म */
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD9\x84\xD8\xA7\xD8\xAF", /* الميلاد */
        "s\xC3\xBCnni", /* Estonian sünniaeg, sünnipäev */
        "ro\xC4\x91"
        "en", /* Croatian, Bosnian, Serbian rođen(a), rođenja */
        "\xD1\x80\xD0\xBE\xD1\x92\xD0\xB5\xD0\xBD", /* Serbian рођен(а) */
        "\xD1\x80\xD0\xBE\xD1\x92\xD0\xB5\xD1\x9A", /* Serbian рођења (of birth) */
        "\xD1\x80\xD0\xBE\xD0\xB4\xD0\xB5\xD0\xBD", /* Bulgarian, Macedonian роден(а) */
        "\xE1\x83\x93\xE1\x83\x90\xE1\x83\x91\xE1\x83\x90\xE1\x83\x93", /* Georgian (of birth) */
        "\xE0\xAE\xAA\xE0\xAE\xBF\xE0\xAE\xB1\xE0\xAE\xA8\xE0\xAF\x8D\xE0\xAE\xA4", /* Tamil */
        "\xE0\xA6\x9C\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\xAE", /* Bengali (birth) */
        "f\xC3\xA6"
        "dd",                   /* Icelandic fædd(ur) (born) */
        "f\xC3\xA6\xC3\xB0ing", /* Icelandic fæðingardagur */
        "gimimo",               /* Lithuanian gimimo data (date of birth) */
        "dzim\xC5\xA1"
        "anas",              /* Latvian dzimšanas datums */
        "dzimis",            /* Latvian (born) */
        "dzimusi", "zaliwa", /* Swahili alizaliwa, nilizaliwa (was born) */
        "ipinanganak",       /* Filipino (was born) */
        "kuzaliwa",          /* Swahili tarehe ya kuzaliwa (date of birth) */
        /* languages no held-out set has */
        "\xE1\x83\x93\xE1\x83\x90\xE1\x83\x91\xE1\x83\x90\xE1"
        "\x83\x93\xE1\x83\x94\xE1\x83\x91\xE1\x83\x98\xE1\x83\xA1", /* დაბადების */
        "\xD5\xAE\xD5\xB6\xD5\xB6\xD5\xA4\xD5\xB5\xD5\xA1\xD5\xB6", /* ծննդյան */
        "\xD4\xBE\xD5\xB6\xD5\xB6\xD5\xA4\xD5\xB5\xD5\xA1\xD5\xB6", /* Ծննդյան */
        "\xE0\xA6\x9C\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\xAE",         /* জন্ম */
        "\xE0\xAE\xAA\xE0\xAE\xBF\xE0\xAE\xB1\xE0\xAE\xA8\xE0\xAF\x8D\xE0\xAE\xA4", /* பிறந்த */
        "\xE0\xB0\xAA\xE0\xB1\x81\xE0\xB0\x9F\xE0"
        "\xB1\x8D\xE0\xB0\x9F\xE0\xB0\xBF\xE0\xB0\xA8",                 /* పుట్టిన */
        "\xE0\xA8\x9C\xE0\xA8\xA8\xE0\xA8\xAE",                         /* ਜਨਮ */
        "\xE0\xAA\x9C\xE0\xAA\xA8\xE0\xAB\x8D\xE0\xAA\xAE",             /* જન્મ */
        "\xE0\xB6\x8B\xE0\xB6\xB4\xE0\xB6\xB1\xE0\xB7\x8A",             /* උපන් */
        "\xE1\x8B\xA8\xE1\x89\xB5\xE1\x8B\x8D\xE1\x88\x8D\xE1\x8B\xB5", /* የትውልድ */
        "\xE1\x9E\x80\xE1\x9F\x86\xE1\x9E\x8E\xE1\x9E\xBE\xE1\x9E\x8F", /* កំណើត */
        "\xE0\xBB\x80\xE0\xBA\x81\xE0\xBA\xB5\xE0\xBA\x94",             /* ເກີດ */
        "\xE1\x80\x99\xE1\x80\xBD\xE1\x80\xB1\xE1\x80\xB8",             /* မွေး */
        "\xD1\x82\xD3\xA9\xD1\x80\xD1\x81\xD3\xA9\xD0\xBD",             /* төрсөн */
        "\xD1\x82\xD1\x83\xD2\x93\xD0\xB0\xD0\xBD",                     /* туған */
        "\xD0\xBD\xD0\xB0\xD1\x80\xD0\xB0\xD0\xB4"
        "\xD0\xB6\xD1\x8D\xD0\xBD\xD0\xBD\xD1\x8F",         /* нараджэння */
        "\xD1\x80\xD0\xB0\xD1\x93\xD0\xB0\xD1\x9A\xD0\xB5", /* раѓање */
        "\xD1\x80\xD0\xBE\xD1\x92\xD0\xB5\xD1\x9A\xD0\xB0", /* рођења */
        "\xD1\x80\xD0\xBE\xD1\x92\xD0\xB5\xD0\xBD",         /* рођен */
        "\x66\xC3\xA6\xC3\xB0\x69\x6E\x67\x61\x72",         /* fæðingar */
        "\xC3\xAC\x62\xC3\xAD"};                            /* ìbí */
    size_t b = i > 48 ? i - 48 : 0;
    if (b < lo) b = lo;
    bool wide = false; /* cues beyond ASCII only where such bytes are */
    for (size_t k = b; k < i && !wide; k++)
        wide = s[k] >= 0x80;
    unsigned char low[48];
    fold_window(s + b, i - b, low);
    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++)
        if ((wide || (unsigned char)cues[k][0] < 0x80) &&
            pii_contains(low, i - b, cues[k], strlen(cues[k])))
            return true;
    return false;
}

/* Does a whole word of [a, b) name another date than a birth ("issued",
 * "expiry", "Release date", "gültig bis")? */
static bool other_date_word(const unsigned char *s, size_t a, size_t b)
{
    static const char *const other[] = {
        "issue",     "issued",         "expiry",      "expires",
        "expired",   "expiration",     "valid",       "validity",
        "until",     "appointment",    "party",       "founded",
        "died",      "death",          "wedding",     "due",
        "printed",   "admitted",       "admission",   "discharged",
        "discharge", "hired",          "registered",  "ends",
        "sale",      "offer",          "ausgestellt", "ausstellungsdatum",
        "gultig",    "g\xC3\xBCltig",  "delivre",     "d\xC3\xA9livr\xC3\xA9",
        "emision",   "emisi\xC3\xB3n", "caducidad",   "vencimiento",
        "scadenza",  "rilascio",       "afgegeven",   "release",
        "released",  "established",    "launched",    "launch"};
    while (a < b) {
        while (a < b && !pii_is_alpha(s[a]))
            a++;
        size_t e = a;
        while (e < b && (pii_is_alpha(s[e]) || s[e] >= 0x80))
            e++;
        for (size_t k = 0; k < sizeof other / sizeof other[0] && e > a; k++) {
            size_t l = strlen(other[k]);
            if (e - a == l && pii_icase_eq(s + a, other[k], l)) return true; /* whole words */
        }
        a = e;
    }
    return false;
}

/* Is the birth cue that ends at ce a place's or a thing's ("place of birth",
 * "birth certificate", "birthday party", a beer's "born-on date"), or does a
 * word between it and the date at i name another date ("Birth certificate
 * issued on", "birthday: 3 May; appointment on")? */
static bool dob_cue_other(const unsigned char *s, size_t n, size_t ce, size_t i)
{
    static const char *const after[] = {" certificate", " party",   " place",   " weight",
                                        " sale",        "-on date", " on date", " cake"};
    size_t ws = ce;
    while (ws > 0 && pii_is_alpha(s[ws - 1]))
        ws--;
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
        size_t l = strlen(after[k]);
        if (ce + l <= n && pii_icase_eq(s + ce, after[k], l)) return true;
    }
    /* "Date and place of birth: 12.03.1985, Vienna" is a date's cue */
    bool date_too = ws >= 18 && pii_contains(s + ws - 18, 9, "ate", 3);
    if ((ws >= 9 && pii_icase_eq(s + ws - 9, "place of ", 9) && !date_too) ||
        (ws >= 11 && pii_icase_eq(s + ws - 11, "country of ", 11)) ||
        (ws >= 8 && pii_icase_eq(s + ws - 8, "city of ", 8)))
        return true;
    return other_date_word(s, ce, i); /* the words between: at most 48 bytes */
}

/* A label naming another date on the date's line, right before it ("Release
 * date: 02/12/2023. Born Digital edition"): a birth word after the date is
 * not its cue. */
static bool other_date_label(const unsigned char *s, size_t i)
{
    return other_date_word(s, pii_line_start(s, i, 32), i);
}

/* A birth word written after the date in Chinese, Japanese or Korean:
 * "1985年3月12日生まれ", "1990年5月3日生，", "1987년 4월 12일에 태어났습니다". */
static bool dob_cjk_after(const unsigned char *s, size_t n, size_t e)
{
    static const char *const cues[] = {"\xE7\x94\x9F\xE3\x81\xBE\xE3\x82\x8C", /* 生まれ */
                                       "\xE5\x87\xBA\xE7\x94\x9F",             /* 出生 */
                                       "\xED\x83\x9C\xEC\x96\xB4",             /* 태어 */
                                       "\xEC\xB6\x9C\xEC\x83\x9D"};            /* 출생 */
    size_t k = e + 4 <= n && !memcmp(s + e, "\xEC\x97\x90 ", 4) ? e + 4 : e;   /* 에 */
    if (k < n && s[k] == ' ') k++;
    for (size_t q = 0; q < sizeof cues / sizeof cues[0]; q++) {
        size_t l = strlen(cues[q]);
        if (k + l <= n && !memcmp(s + k, cues[q], l)) return true;
    }
    /* Korean 생 right after the day ("1987년 4월 12일생입니다"), then a verb's
     * ending or punctuation: not 생산 (production) */
    if (k == e && k + 3 <= n && !memcmp(s + k, "\xEC\x83\x9D", 3)) {
        if (k + 3 == n || s[k + 3] < 0x80) return true;
        static const char *const ends[] = {"\xEC\x9E\x85", "\xEC\x9D\xB4", "\xEC\x9C\xBC",
                                           "\xEC\x9D\xB8"}; /* 입 이 으 인 */
        for (size_t q = 0; q < sizeof ends / sizeof ends[0]; q++)
            if (k + 6 <= n && !memcmp(s + k + 3, ends[q], 3)) return true;
        return false;
    }
    /* 生 alone, then punctuation or the end: not 生效 (takes effect) */
    if (k + 3 > n || memcmp(s + k, "\xE7\x94\x9F", 3)) return false;
    return k + 3 == n || s[k + 3] < 0x80 ||
           (k + 6 <= n &&
            (!memcmp(s + k + 3, "\xEF\xBC\x8C", 3) || !memcmp(s + k + 3, "\xE3\x80\x82", 3)));
}

/* Chinese 生于 / 生於 ("born on", after 出 or 诞 too) right before the date
 * at i, a space allowed: not 发生于 (happened on), 产生于 (arose in). */
static bool han_born_in(const unsigned char *s, size_t i)
{
    size_t k = i > 0 && s[i - 1] == ' ' ? i - 1 : i;
    if (k < 6 || memcmp(s + k - 6, "\xE7\x94\x9F", 3) ||
        (memcmp(s + k - 3, "\xE4\xBA\x8E", 3) && memcmp(s + k - 3, "\xE6\x96\xBC", 3)))
        return false; /* 生 then 于 or 於 */
    static const char *const not_birth[] = {"\xE5\x8F\x91", "\xE7\x99\xBC", "\xE4\xBA\xA7",
                                            "\xE7\x94\xA2", "\xE8\xA1\x8D"}; /* 发 發 产 產 衍 */
    for (size_t q = 0; k >= 9 && q < sizeof not_birth / sizeof not_birth[0]; q++)
        if (!memcmp(s + k - 9, not_birth[q], 3)) return false;
    return true;
}

bool ew__pii_dob_cue(pii_ctx *c, size_t i, size_t e)
{
    static const char *const before[] = {"n\xC3\xA9 le ",
                                         "n\xC3\xA9"
                                         "e le ",
                                         "N\xC3\xA9 le ",
                                         "N\xC3\xA9"
                                         "e le ",
                                         "Nac\xC3\xAD el ",
                                         "nac\xC3\xAD el ",
                                         "naci\xC3\xB3 el ",
                                         "Naci\xC3\xB3 el "};
    const unsigned char *s = c->s;
    /* the date's own label decides: "Datum izdaje: 18/5/2020", "Sünniaeg: …";
     * under a label of unknown words, cues before that label are other
     * fields' ("| Ranar haihuwa |\n|---|\n| 24 Fabrairu 2022 |") */
    size_t la;
    unsigned lbl = ew__pii_value_label_at(c, i, &la);
    if (lbl & PII_LBL_DATE) return false;
    if (lbl & PII_LBL_BIRTH) return true;
    if (!(lbl & ~PII_LBL_SOME)) { /* "1981-10-19 (data de nascimento)" */
        unsigned pl = ew__pii_label_paren(s, c->n, e);
        if (pl & PII_LBL_DATE) return false;
        if (pl & PII_LBL_BIRTH) return true;
    }
    size_t lo = lbl ? la : 0;
    if (pii_cue_near(c, CUE_DOB, i, 48) && c->cue_at[CUE_DOB] > lo &&
        !dob_cue_used(c, c->cue_at[CUE_DOB]))
        return !dob_cue_other(s, c->n, c->cue_at[CUE_DOB], i);
    /* a cue after the date counts on its own line ("Date of expiry: 9.9.2027\n
     * Place of birth: Vienna" has none) */
    size_t w = 0;
    while (w < 10 && e + w < c->n && s[e + w] != '\n')
        w++;
    if ((w && ew__pii_cue_after(c, e, CUE_DOB, w) && !other_date_label(s, i)) ||
        dob_cue_text(s, i, lo) || han_born_in(s, i))
        return true;
    /* Turkish "1 Aralık 1989 doğumluyum": the birth word after the date */
    if (e + 7 <= c->n && pii_contains(s + e, c->n - e < 10 ? c->n - e : 10, "do\xC4\x9Fum", 6))
        return true;
    if (e < c->n && s[e] >= 0xE3 && dob_cjk_after(s, c->n, e)) return true;
    /* "b. 12/01/85", Finnish "(s. 3.5.1971)", Swedish "f. 1985-03-12": a
     * biography's "born" right before the date */
    if (i >= 3 && s[i - 1] == ' ' && s[i - 2] == '.' &&
        (s[i - 3] == 'b' || ((s[i - 3] == 's' || s[i - 3] == 'f') && i >= 4 &&
                             (s[i - 4] == '(' || s[i - 4] == ' '))) &&
        (i == 3 || !pii_is_alnum(s[i - 4])))
        return true;
    /* also as a form's label: "Né le : 3 mai 1947", "Nacido el: …" */
    size_t j = i >= 2 && s[i - 1] == ' ' && s[i - 2] == ':' ? i - 2 : i;
    if (j < i && j > 0 && s[j - 1] == ' ') j--;
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
        size_t l = strlen(before[k]);
        if (i >= l && !memcmp(s + i - l, before[k], l)) return true;
        if (j < i && j + 1 >= l && !memcmp(s + j + 1 - l, before[k], l - 1)) return true;
    }
    /* a birth word of any language right before the date or right after it
     * ("Gimiau 24-5-1970", "1960 அன்று பிறந்தேன்") */
    /* (before it: not past a label of its own; "Rosa Quispe: 2011-02-02 …
     * paqarirqani" has its speaker's name as one) */
    if ((!lbl && ew__pii_label_before(s, i, 48) == PII_LBL_BIRTH) ||
        (!(lbl & ~PII_LBL_SOME) && ew__pii_label_after(s, c->n, e)))
        return true;
    /* a column labelled as a birth date, a patient's record line */
    if ((ew__pii_field_cues(c, i) & (1u << CUE_DOB)) || ew__pii_patient_date(c, i)) return true;
    if (lbl == PII_LBL_SOME) ew__pii_dob_maybe(c, i, e); /* a label of unknown words */
    return false;
}

/* Is one of the 3-byte markers at k? Then the index after it (and after one
 * space, as Korean writes "1987년 4월 12일"), else 0. */
static size_t date_marker(const unsigned char *s, size_t n, size_t k, const char *a, const char *b)
{
    if (k + 3 > n || (memcmp(s + k, a, 3) && (!b || memcmp(s + k, b, 3)))) return 0;
    return k + 3 < n && s[k + 3] == ' ' ? k + 4 : k + 3;
}

/* "1990年4月1日" (or 号 for the day), "1990년 4월 1일", Korean two-digit
 * years "87년 4월 12일" at i; returns its end or 0. */
static size_t cjk_date(const unsigned char *s, size_t n, size_t i)
{
    int y, m, d;
    size_t k = read_int(s, n, i, 4, &y);
    bool ko = k + 3 <= n && !memcmp(s + k, "\xEB\x85\x84", 3); /* 년 */
    if (ko && k == i + 2) y += y < 30 ? 2000 : 1900;
    if (!(k == i + 4 || (ko && k == i + 2)) ||
        !(k = date_marker(s, n, k, "\xE5\xB9\xB4", "\xEB\x85\x84")))
        return 0;
    size_t k2 = read_int(s, n, k, 2, &m);
    if (!k2 || !(k2 = date_marker(s, n, k2, ko ? "\xEC\x9B\x94" : "\xE6\x9C\x88", NULL)))
        return 0; /* 월 月 */
    size_t k3 = read_int(s, n, k2, 2, &d);
    if (!k3 || k3 + 3 > n ||
        (ko ? memcmp(s + k3, "\xEC\x9D\xBC", 3) /* 일 */
            : memcmp(s + k3, "\xE6\x97\xA5", 3) && memcmp(s + k3, "\xE5\x8F\xB7", 3)))
        return 0; /* 日 号 */
    return ew__pii_date_valid(y, m, d) ? k3 + 3 : 0;
}

/* A year and a month at i with no day after: "1990年5月", or the digit
 * groups q "1990.05", "1990-5", "1990/05". Its end, or 0. */
static size_t year_month(const unsigned char *s, size_t n, size_t i, const numseq *q)
{
    int y, m;
    size_t k = read_int(s, n, i, 4, &y), e;
    if (k != i + 4 || y < 1900 || y > 2030) return 0;
    if (q->ng == 1) {
        if (!(k = date_marker(s, n, k, "\xE5\xB9\xB4", NULL)) || !(e = read_int(s, n, k, 2, &m)) ||
            !(e = date_marker(s, n, e, "\xE6\x9C\x88", NULL)))
            return 0; /* 年 月 */
        e -= e > 0 && s[e - 1] == ' ';
    } else {
        if (q->glen[0] != 4 || q->glen[1] > 2 ||
            (q->sep[1] != '.' && q->sep[1] != '-' && q->sep[1] != '/'))
            return 0;
        e = read_int(s, n, k + 1, 2, &m);
    }
    if (!e || m < 1 || m > 12 || (e < n && pii_is_digit(s[e]))) return 0;
    return e;
}

/* Korean forms write a date "1985. 3. 12." (a dot and a space after each
 * part); the end after the last dot, or 0. */
static size_t ko_dot_date(const unsigned char *s, size_t n, size_t i)
{
    int y, m, d;
    size_t k = read_int(s, n, i, 4, &y);
    if (k != i + 4 || k + 2 >= n || s[k] != '.' || s[k + 1] != ' ') return 0;
    size_t k2 = read_int(s, n, k + 2, 2, &m);
    if (!k2 || k2 + 2 >= n || s[k2] != '.' || s[k2 + 1] != ' ') return 0;
    size_t k3 = read_int(s, n, k2 + 2, 2, &d);
    if (!k3 || (k3 < n && pii_is_digit(s[k3]))) return 0;
    if (k3 < n && s[k3] == '.') k3++;
    return ew__pii_date_valid(y, m, d) ? k3 : 0;
}

/* A Japanese date in an era's years at i, the digits after the era's name:
 * "昭和60年3月12日" (Shōwa 60 is 1985), or Taiwan's "民國79年3月5日" (1990). Its end, or 0; the
 * span starts 6 bytes before i, at the era. */
static size_t era_date(const unsigned char *s, size_t n, size_t i)
{
    static const struct {
        char name[7];
        short first;                                 /* the Gregorian year of the era's year 1 */
    } eras[] = {{"\xE6\x98\x8E\xE6\xB2\xBB", 1868},  /* 明治 */
                {"\xE5\xA4\xA7\xE6\xAD\xA3", 1912},  /* 大正 */
                {"\xE6\x98\xAD\xE5\x92\x8C", 1926},  /* 昭和 */
                {"\xE5\xB9\xB3\xE6\x88\x90", 1989},  /* 平成 */
                {"\xE4\xBB\xA4\xE5\x92\x8C", 2019},  /* 令和 */
                {"\xE6\xB0\x91\xE5\x9C\x8B", 1912},  /* 民國: Taiwan's years */
                {"\xE6\xB0\x91\xE5\x9B\xBD", 1912}}; /* 民国 */
    if (i < 6 || s[i - 6] < 0xE4 || s[i - 6] > 0xE6) return 0;
    for (size_t k = 0; k < sizeof eras / sizeof eras[0]; k++) {
        if (memcmp(s + i - 6, eras[k].name, 6)) continue;
        int y, m, d;
        size_t p = read_int(s, n, i, 3, &y); /* 民國100年 is 2011 */
        if (!p || !(p = date_marker(s, n, p, "\xE5\xB9\xB4", NULL))) return 0; /* 年 */
        if (!(p = read_int(s, n, p, 2, &m)) || !(p = date_marker(s, n, p, "\xE6\x9C\x88", NULL)))
            return 0; /* 月 */
        if (!(p = read_int(s, n, p, 2, &d)) || p + 3 > n || memcmp(s + p, "\xE6\x97\xA5", 3))
            return 0; /* 日 */
        return y >= 1 && ew__pii_date_valid(eras[k].first + y - 1, m, d) ? p + 3 : 0;
    }
    return 0;
}

/* A Japanese era written with its letter: "S60.3.12" (Shōwa 60, 1985),
 * "H2.5.3", "R3/4/1", at i, the letter. A birth date when a birth cue is
 * near; returns its end, else 0. */
size_t ew__pii_scan_era_letter(pii_ctx *c, size_t i)
{
    static const char letters[] = "MTSHR";
    static const short first[] = {1868, 1912, 1926, 1989, 2019}, last[] = {45, 15, 64, 31, 30};
    const unsigned char *s = c->s;
    size_t n = c->n;
    const char *l = memchr(letters, s[i], 5);
    if (!l || (i > 0 && pii_is_alnum(s[i - 1]))) return 0;
    int v[3];
    size_t p = i + 1;
    for (int k = 0; k < 3; k++) {
        size_t q = read_int(s, n, p, 2, &v[k]);
        if (!q) return 0;
        p = q;
        if (k < 2 && (p >= n || (s[p] != '.' && s[p] != '/'))) return 0;
        if (k < 2) p++;
    }
    if (p < n && (pii_is_alnum(s[p]) || (s[p] == '.' && p + 1 < n && pii_is_digit(s[p + 1]))))
        return 0;
    int era = (int)(l - letters);
    if (v[0] < 1 || v[0] > last[era] || !ew__pii_date_valid(first[era] + v[0] - 1, v[1], v[2]))
        return 0;
    if (!ew__pii_dob_cue(c, i, p)) return 0;
    ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, p, 0.9f);
    return p;
}

int ew__pii_uni_digit(const unsigned char *s, size_t n, size_t k, int *len)
{
    /* the zero of each script's decimal digits: Arabic-Indic, Persian, NKo,
     * Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
     * Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian,
     * fullwidth */
    static const uint32_t zero[] = {0x660, 0x6F0, 0x7C0,  0x966,  0x9E6,  0xA66, 0xAE6,
                                    0xB66, 0xBE6, 0xC66,  0xCE6,  0xD66,  0xDE6, 0xE50,
                                    0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10};
    if (k >= n || s[k] < 0xD8 || s[k] >= 0xF0) return -1;
    int l;
    uint32_t cp = ew__pii_decode(s, n, k, &l);
    for (size_t z = 0; z < sizeof zero / sizeof zero[0]; z++)
        if (cp >= zero[z] && cp < zero[z] + 10) {
            *len = l;
            return (int)(cp - zero[z]);
        }
    return -1;
}

/* A date in another script's digits at i ("١٣/٠٩/٢٠٠٠", "۱۳/۰۹/۱۹۸۵",
 * "২৭/০৮/১৯৮৭", "๒๕/๔/๒๕๓๑"), read as ASCII digits. A birth date when a
 * birth cue is near; returns its end, else 0. */
size_t ew__pii_scan_indic_date(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = i;
    unsigned char a[16];
    size_t at[17], l = 0;
    int dl, dv;
    while (k < n && l < sizeof a) {
        if ((dv = ew__pii_uni_digit(s, n, k, &dl)) >= 0) {
            at[l] = k;
            a[l++] = (unsigned char)('0' + dv);
            k += (size_t)dl;
        } else if (s[k] == '/' || s[k] == '-' || s[k] == '.') {
            at[l] = k;
            a[l++] = s[k++];
        } else {
            break;
        }
    }
    at[l] = k;
    int y, m, d;
    numseq q;
    parse_seq(a, l, 0, &q);
    if (q.nd > MAX_DIGITS || !seq_is_date(&q, &y, &m, &d)) return 0;
    size_t e = at[q.end];
    if (!ew__pii_dob_cue(c, i, e)) return e;
    ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, e, 0.9f);
    return e;
}

/* The value 0-9 of a Chinese numeral at k (〇 零 一 … 九), -1 for none. */
static int han_digit(const unsigned char *s, size_t n, size_t k)
{
    static const uint32_t cps[10] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                     0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    if (k + 3 > n) return -1;
    int l;
    uint32_t cp = ew__pii_decode(s, n, k, &l);
    if (cp == 0x96F6) return 0; /* 零 */
    for (int d = 0; d < 10; d++)
        if (cps[d] == cp) return d;
    return -1;
}

/* A month or day in Chinese numerals at k: 一 … 九, 十, 十一, 二十, 二十三.
 * Its end, or 0; the value into *v. */
static size_t han_small(const unsigned char *s, size_t n, size_t k, int *v)
{
    bool ten = k + 3 <= n && !memcmp(s + k, "\xE5\x8D\x81", 3); /* 十 */
    int a = ten ? 1 : han_digit(s, n, k);
    if (a <= 0) return 0;
    k += 3;
    if (!ten) {
        if (k + 3 > n || memcmp(s + k, "\xE5\x8D\x81", 3)) { /* one digit */
            *v = a;
            return k;
        }
        k += 3;
    }
    int b = han_digit(s, n, k);
    *v = a * 10 + (b > 0 ? b : 0);
    return b > 0 ? k + 3 : k;
}

/* A date in Chinese numerals at i: "一九七四年四月十三日", "二〇〇三年十月一日".
 * A birth date when a birth cue is near; returns its end, else 0. */
size_t ew__pii_scan_han_date(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    int y = 0, m, d;
    size_t k = i;
    for (int q = 0; q < 4; q++, k += 3) {
        int g = han_digit(s, n, k);
        if (g < 0) return 0;
        y = y * 10 + g;
    }
    if (k + 3 > n || memcmp(s + k, "\xE5\xB9\xB4", 3)) return 0; /* 年 */
    if (!(k = han_small(s, n, k + 3, &m)) || k + 3 > n || memcmp(s + k, "\xE6\x9C\x88", 3))
        return 0; /* 月 */
    if (!(k = han_small(s, n, k + 3, &d)) || k + 3 > n ||
        (memcmp(s + k, "\xE6\x97\xA5", 3) && memcmp(s + k, "\xE5\x8F\xB7", 3)))
        return 0; /* 日 号 */
    k += 3;
    if (!ew__pii_date_valid(y, m, d) || !ew__pii_dob_cue(c, i, k)) return 0;
    ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, k, 0.9f);
    return k;
}

/* "P/N 412-33-0917", "S/N 2020-394965", "PN: 4417": a part or serial
 * number's label right before i. */
static bool part_number_label(const unsigned char *s, size_t i)
{
    size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == ':' || s[k - 1] == '#') && i - k < 3)
        k--;
    return (k >= 3 && pii_icase_eq(s + k - 3, "p/n", 3)) ||
           (k >= 3 && pii_icase_eq(s + k - 3, "s/n", 3)) ||
           (k >= 3 && s[k - 3] == ' ' && pii_icase_eq(s + k - 2, "pn", 2));
}

/* A phone cue after the number on the same line ("(mobile)"); one on the
 * next line labels what follows it ("Tokyo 999-8642\nTel. ..."). */
static bool phone_cue_after(const pii_ctx *c, size_t e)
{
    size_t w = 0;
    while (w < 12 && e + w < c->n && c->s[e + w] != '\n')
        w++;
    return w && ew__pii_cue_after(c, e, CUE_PHONE, w);
}

/* A look-alike's label ("order", "build") within 24 bytes before i, on i's
 * line or ending the line above ("Order:\n12345"); a label whose line went
 * on to its value ("Version 1.11.7+build.67289.\n192.168.1.7") is used up. */
static bool neg_label(const pii_ctx *c, size_t i)
{
    if (!pii_cue_near(c, CUE_NEG, i, 24)) return false;
    size_t a = c->cue_at[CUE_NEG];
    const unsigned char *nl = a < i ? memchr(c->s + a, '\n', i - a) : NULL;
    if (!nl) return true;
    for (const unsigned char *p = c->s + a; p < nl; p++)
        if (*p != ' ' && *p != ':' && *p != '#' && *p != '.' && *p != '\r') return false;
    return true;
}

/* "e-ticket 1356…", "pre-order 2025…", "Numero d'ordine: ORD-2025-…": the
 * word before the number (past an id's capitals) is a compound or an
 * elision whose last part labels a look-alike. Asked per number, not per
 * word, so prose pays nothing; the label's end is noted as the cue's. */
static bool neg_compound(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t k = i;
    while (k > 0 && i - k < 8 && (pii_is_upper(s[k - 1]) || s[k - 1] == '-'))
        k--;
    size_t e = k;
    while (e > 0 && k - e < 3 && (s[e - 1] == ' ' || s[e - 1] == ':' || s[e - 1] == '#'))
        e--;
    size_t t = e;
    while (t > 0 && e - t < PII_WORD_MAX - 1 && pii_is_alpha(s[t - 1]))
        t--;
    if (e - t < 3 || t < 2 || (s[t - 1] != '-' && s[t - 1] != '\'') || !pii_is_alpha(s[t - 2]))
        return false;
    char low[PII_WORD_MAX];
    for (size_t p = t; p < e; p++)
        low[p - t] = (char)(s[p] | 0x20);
    if (!(ew__pii_cue_lookup(low, e - t) & (1u << CUE_NEG))) return false;
    c->cue_at[CUE_NEG] = (uint32_t)e;
    return true;
}

/* Digits that go on an identifier after its capitals and a dash
 * ("ORD-2025-116093", "INV-2024-80664"). */
static bool id_tail(const unsigned char *s, size_t i)
{
    if (i < 3 || s[i - 1] != '-') return false;
    size_t b = i - 1;
    while (b > 0 && i - 1 - b < 6 && pii_is_upper(s[b - 1]))
        b--;
    return i - 1 - b >= 2 && (b == 0 || !pii_is_alnum(s[b - 1]));
}

/* The word for "number" closing a label right before i, after a head that
 * is no phone word: "Complaint no. 517 0744 8199", "Vorgangsnummer 09 06
 * 26 60 34", "お問い合わせ番号086-…", "주문번호 …", "शिकायत संख्या …". What
 * is numbered is no phone unless a phone cue says so (the nearer cue wins,
 * as for an order's label); "my number" and "Nummer" alone say nothing.
 * Asked of phones only: "Kartennummer", "카드번호" label cards. */
static bool numbered_label(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t k = i;
    while (k > 0 && i - k < 4 && (s[k - 1] == ' ' || s[k - 1] == ':' || s[k - 1] == '#'))
        k--;
    if (k >= 3 && s[k - 3] == 0xEF && s[k - 2] == 0xBC && s[k - 1] == 0x9A) k -= 3; /* "：" */
    if (k < 3) return false;
    size_t hb;
    if (s[k - 1] >= 0x80) {
        static const char *const words[] = {"\xE5\x8F\xB7", "\xE8\x99\x9F", /* 号 號 */
                                            "\xEB\xB2\x88\xED\x98\xB8",     /* 번호 */
                                            "\xE0\xA4\xB8\xE0\xA4\x82\xE0\xA4\x96\xE0\xA5\x8D"
                                            "\xE0\xA4\xAF\xE0\xA4\xBE"}; /* संख्या */
        size_t l = 0;
        for (size_t w = 0; w < sizeof words / sizeof words[0] && !l; w++) {
            size_t wl = strlen(words[w]);
            /* a head in the same script right before it ("주문번호", "工号") */
            if (k > wl && !memcmp(s + k - wl, words[w], wl) && s[k - wl - 1] >= 0x80) l = wl;
        }
        if (!l && k > 19 && !memcmp(s + k - 18, words[3], 18) && s[k - 19] == ' ') l = 19;
        /* a slip or a form: 工单, 订单, 运单, 保单, 單 */
        if (!l && k > 3 &&
            (!memcmp(s + k - 3, "\xE5\x8D\x95", 3) || !memcmp(s + k - 3, "\xE5\x96\xAE", 3)))
            l = 3;
        if (!l) return false;
        /* the head: up to four characters of three bytes ("전화", "शिकायत") */
        size_t he = k - l, p = he;
        while (p >= 3 && he - p < 18 && s[p - 3] >= 0xE0 && s[p - 3] < 0xF0)
            p -= 3;
        if (p < he && (ew__pii_cue_lookup((const char *)s + p, k - p) |
                       ew__pii_cue_lookup((const char *)s + p, he - p)) &
                          (1u << CUE_PHONE))
            return false; /* "전화번호": the phone's own number */
        hb = p;
    } else {
        if (s[k - 1] == '.') k--;
        size_t b = k;
        while (b > 0 && pii_is_alpha(s[b - 1]) && k - b < PII_WORD_MAX - 1)
            b--;
        size_t wl = k - b, he;
        if (wl < 2 || (b > 0 && (s[b - 1] >= 0x80 || pii_is_digit(s[b - 1])))) return false;
        static const char *const sfx[] = {"nummer", "number", "numero", "numer"};
        size_t sl = 0;
        for (size_t f = 0; f < sizeof sfx / sizeof sfx[0] && !sl; f++) {
            size_t l = strlen(sfx[f]);
            if (wl >= l + 3 && pii_icase_eq(s + k - l, sfx[f], l)) sl = l;
        }
        if (sl) { /* "Vorgangsnummer", "ticketnumber" */
            hb = b, he = k - sl;
        } else if ((wl == 2 && (pii_icase_eq(s + b, "no", 2) || pii_icase_eq(s + b, "nr", 2))) ||
                   (wl == 3 && pii_icase_eq(s + b, "nro", 3))) {
            if (b < 4 || s[b - 1] != ' ') return false; /* "Complaint no." */
            he = b - 1, hb = he;
            while (hb > 0 && pii_is_alpha(s[hb - 1]) && he - hb < PII_WORD_MAX - 1)
                hb--;
            if (he - hb < 3) return false;
        } else {
            return false;
        }
        char low[PII_WORD_MAX];
        for (size_t p = hb; p < he; p++)
            low[p - hb] = (char)(s[p] | 0x20);
        if (ew__pii_cue_lookup(low, he - hb) & (1u << CUE_PHONE)) return false; /* "Mobile no." */
    }
    return !pii_cue_near(c, CUE_PHONE, i, i - hb + 2); /* "Rufnummer", "電話番号" */
}

/* "DE 123 456 789", "BE 0488.618.540": a country's two capitals before a
 * number make it a VAT or company id; a phone's country is "+32". */
static bool country_prefixed(const unsigned char *s, size_t i)
{
    return i >= 3 && s[i - 1] == ' ' && pii_is_upper(s[i - 2]) && pii_is_upper(s[i - 3]) &&
           (i == 3 || !pii_is_alnum(s[i - 4]));
}

/* "20240106-203524": a date and a time of day, as file names and logs
 * stamp them. */
static bool stamp(const numseq *q)
{
    if (q->ng != 2 || q->glen[0] != 8 || q->glen[1] != 6 || q->sep[1] != '-') return false;
    return ew__pii_date_valid((int)num(q->d, 4), (int)num(q->d + 4, 2), (int)num(q->d + 6, 2)) &&
           num(q->d + 8, 2) < 24 && num(q->d + 10, 2) < 60 && num(q->d + 12, 2) < 61;
}

size_t ew__pii_scan_number(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    numseq q;
    parse_seq(s, n, i, &q);
    if (q.nd > MAX_DIGITS || q.nd == 0) return q.end > i ? q.end : 0;
    size_t e = q.end;
    /* "INV-2019-29307", "RE-2023-4430": digits glued to a letter prefix
     * are an identifier's */
    bool neg = neg_label(c, i) || part_number_label(s, i) || neg_compound(c, i) ||
               (i >= 2 && s[i - 1] == '-' && pii_is_alpha(s[i - 2]));
    if (stamp(&q)) return e;
    bool price = pii_cue_near(c, CUE_PRICE, i, 3) ||
                 (i >= 2 && (s[i - 1] == 0xAC || s[i - 1] == 0xA3 || s[i - 1] == 0xA5));
    /* "1.2.3" after "v": a version */
    if (i > 0 && (s[i - 1] == 'v' || s[i - 1] == 'V')) return e;
    /* a card in a form's wide boxes or wrapped onto the next line */
    if (q.glen[0] == 4 && !q.plus && !q.paren && e + 2 < n &&
        ((s[e] == ' ' && s[e + 1] == ' ') ||
         ((s[e] == '\n' || s[e] == '\r') && (q.ng == 1 || q.sep[1] == ' ')))) {
        size_t ce = ew__pii_scan_card_layout(c, i, neg);
        if (ce) return ce;
    }
    if (q.ng <= 2 && q.nd >= 6 && q.nd <= 10 &&
        (pii_cue_near(c, CUE_PASSPORT, i, 40) ||
         (ew__pii_field_cues(c, i) & (1u << CUE_PASSPORT)) || ew__pii_passport_text(s, i) ||
         ew__pii_passport_label(c, i, e))) {
        size_t pe = ew__pii_scan_passport(c, i);
        if (pe) return pe;
    }

    int y, m, d;
    /* "12 March 1985", "8 marca 1979", "1990 MAY 12" */
    if (q.ng == 1 && e + 1 < n &&
        (q.nd <= 2 || (q.nd == 4 && (s[e] == ' ' || (s[e] == '.' && s[e + 1] == ' ')))) &&
        (s[e] == ' ' || s[e] == '.' || pii_is_alpha(s[e]))) {
        size_t de = ew__pii_parse_date(s, n, i, &y, &m, &d);
        if (de) {
            if (ew__pii_dob_cue(c, i, de)) ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, de, 0.9f);
            return de;
        }
    }
    /* under a birth label, a month word no list holds: "27. новембар 1975." */
    size_t wd = ew__pii_scan_word_date(c, i);
    if (wd) return wd;
    size_t ee = q.ng == 1 && q.nd <= 3 && i >= 6 ? era_date(s, n, i) : 0;
    if (ee) {
        if (ew__pii_dob_cue(c, i - 6, ee)) ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i - 6, ee, 0.9f);
        return ee;
    }
    size_t ce = q.ng == 1 && (q.nd == 4 || (q.nd == 2 && e + 3 <= n && s[e] == 0xEB))
                    ? cjk_date(s, n, i)
                    : 0;
    if (!ce && q.ng == 1 && q.nd == 4 && e + 1 < n && s[e] == '.' && s[e + 1] == ' ')
        ce = ko_dot_date(s, n, i);
    if (ce) {
        if (ew__pii_dob_cue(c, i, ce)) ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, ce, 0.9f);
        return ce;
    }
    /* a year and a month right after a birth cue: a résumé's 出生年月
     * "1990年5月", "1990.05", "1990-5" */
    size_t ym = q.ng <= 2 && pii_cue_near(c, CUE_DOB, i, 24) && !dob_cue_used(c, c->cue_at[CUE_DOB])
                    ? year_month(s, n, i, &q)
                    : 0;
    if (ym) {
        ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, ym, 0.85f);
        return ym;
    }
    if (seq_is_date(&q, &y, &m, &d)) {
        if (ew__pii_dob_cue(c, i, e)) ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, e, 0.9f);
        return e;
    }
    /* "25/4/2531" in Thai text: the Buddhist Era's year 2531 is 1988 */
    if (q.ng == 3 && q.glen[2] == 4 && q.d[q.nd - 4] == '2' && q.d[q.nd - 3] >= '4' &&
        q.d[q.nd - 3] <= '5' && thai_before(s, i)) {
        numseq g = q;
        unsigned ce_year = num(q.d + q.nd - 4, 4) - 543;
        for (int k = 1; k <= 4; k++, ce_year /= 10)
            g.d[g.nd - k] = (char)('0' + ce_year % 10);
        if (seq_is_date(&g, &y, &m, &d)) {
            if (ew__pii_dob_cue(c, i, e)) ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, e, 0.9f);
            return e;
        }
    }
    /* "BDAY:19870412" (vCard, ISO 8601 basic): eight digits read as a date
     * only right after a birth cue */
    if (q.ng == 1 && q.nd == 8 && !q.plus && !q.paren && (q.d[0] == '1' || q.d[0] == '2') &&
        ew__pii_date_valid((int)num(q.d, 4), (int)num(q.d + 4, 2), (int)num(q.d + 6, 2)) &&
        pii_cue_near(c, CUE_DOB, i, 12) && !dob_cue_used(c, c->cue_at[CUE_DOB])) {
        ew__pii_add(c, EW_PII_DATE_OF_BIRTH, i, e, 0.9f);
        return e;
    }
    /* IPv4, also with a CIDR prefix length ("10.93.228.0/24"; "/0" is every
     * address, no host's) */
    unsigned plen = q.ng == 5 ? num(q.d + q.nd - q.glen[4], q.glen[4]) : 0;
    bool cidr = q.ng == 5 && q.sep[4] == '/' && q.glen[4] <= 2 && plen >= 1 && plen <= 32;
    if (!q.plus && !q.paren && (q.ng == 4 || cidr) && q.sep[1] == '.' && q.sep[2] == '.' &&
        q.sep[3] == '.') {
        bool ok = true;
        uint32_t addr = 0;
        for (int g = 0, off = 0; g < 4; off += q.glen[g], g++) {
            ok &= q.glen[g] <= 3 && num(q.d + off, q.glen[g]) <= 255 &&
                  !(q.glen[g] > 1 && q.d[off] == '0');
            addr = addr << 8 | (num(q.d + off, q.glen[g]) & 0xFF);
        }
        /* a fifth ".n" means a version string */
        if (ok && !(e + 1 < n && s[e] == '.' && pii_is_digit(s[e + 1])) && !neg &&
            !ew__pii_ipv4_nobody(addr))
            ew__pii_add(c, EW_PII_IP_ADDRESS, i, e, pii_cue_near(c, CUE_IP, i, 40) ? 0.95f : 0.9f);
        /* a first group of four digits is no address: a card ("4111.1111.…") */
        /* (and "1.202.555.0143": the NANP written with dots) */
        bool nanp = q.ng == 4 && q.glen[0] == 1 && q.d[0] == '1' && q.glen[1] == 3 &&
                    q.glen[2] == 3 && q.glen[3] == 4;
        if (ok || (q.glen[0] != 4 && !nanp)) return e;
    }
    /* "1978-2006": a range of years */
    if (q.ng == 2 && q.glen[0] == 4 && q.glen[1] == 4 && !q.plus && !q.paren && q.sep[1] == '-') {
        unsigned y0 = num(q.d, 4), y1 = num(q.d + 4, 4);
        if (y0 >= 1900 && y1 <= 2099 && y0 < y1) return e;
    }
    /* "12%", "12:30", amounts; a colon before a space ends a phrase ("SMS
     * from 020 4848 6617: hi") */
    if (e < n && (s[e] == '%' || (s[e] == ':' && e + 1 < n && s[e + 1] != ' ' && s[e + 1] != '\n')))
        return e;
    if (price || (q.ng >= 2 && q.sep[1] == '.' && q.ng <= 2)) return e;

    /* SSN: ddd-dd-dddd */
    bool ssn_shape = q.nd == 9 && !q.plus && !q.paren && q.ng == 3 && q.glen[0] == 3 &&
                     q.glen[1] == 2 && q.glen[2] == 4 && uniform_sep(&q) &&
                     (q.sep[1] == '-' || q.sep[1] == ' ' || q.sep[1] == '.');
    if (ssn_shape || (q.nd == 9 && q.ng == 1 && pii_cue_near(c, CUE_SSN, i, 40))) {
        if (!ew__pii_ssn_valid(q.d) && q.sep[1] == '-')
            return e; /* an SSN's shape with an invalid area or group: nobody's */
        if (ew__pii_ssn_valid(q.d)) {
            bool cue = pii_cue_near(c, CUE_SSN, i, 48);
            float sc = q.ng == 1 ? 0.85f : cue ? 0.95f : 0.85f;
            /* the nearer cue wins: "SSN 041-22-5180, routing number 386273302" */
            if (neg && (!cue || c->cue_at[CUE_NEG] > c->cue_at[CUE_SSN])) sc -= 0.4f;
            ew__pii_add(c, EW_PII_US_SSN, i, e, sc);
            return e;
        }
    }
    /* Chinese resident id (18 digits; 17 + 'X' arrives as a token), or in
     * its region, birth date and sequence groups: "110108 19761024 5843" */
    bool id_groups = q.ng == 3 && q.glen[0] == 6 && q.glen[1] == 8 && uniform_sep(&q) &&
                     (q.sep[1] == ' ' || q.sep[1] == '-');
    if (q.nd == 18 && (q.ng == 1 || (id_groups && q.glen[2] == 4)) && ew__pii_cn_id_valid(q.d)) {
        ew__pii_add(c, EW_PII_CN_RESIDENT_ID, i, e, 0.95f);
        return e;
    }
    if (q.nd == 17 && id_groups && e < n && (s[e] | 32) == 'x' &&
        (e + 1 >= n || !pii_is_alnum(s[e + 1]))) {
        char id[18];
        memcpy(id, q.d, 17);
        id[17] = 'X';
        if (ew__pii_cn_id_valid(id)) {
            ew__pii_add(c, EW_PII_CN_RESIDENT_ID, i, e + 1, 0.95f);
            return e + 1;
        }
    }
    /* Payment cards: 12-19 digits, one group or uniform 4-digit style groups. */
    if (q.nd >= 12 && q.nd <= 19 && !q.plus && !q.paren &&
        (q.ng == 1 ||
         (uniform_sep(&q) && (q.sep[1] == ' ' || q.sep[1] == '-') && q.glen[0] >= 4 &&
          q.glen[0] <= 6) ||
         (q.ng >= 3 && q.sep[1] == '.' && uniform_sep(&q) && q.glen[0] == 4))) {
        bool luhn = ew__pii_luhn(q.d, (size_t)q.nd);
        bool cue = pii_cue_near(c, CUE_CARD, i, 64);
        /* a barcode: thirteen digits whose GS1 check digit holds too (one
         * card in ten would, but thirteen-digit cards are no longer issued) */
        if (luhn && q.ng == 1 && q.nd == 13 && !cue && ew__pii_ean13_valid(q.d)) return e;
        if (luhn) {
            float sc =
                ew__pii_card_issuer(q.d, (size_t)q.nd) ? (cue ? 0.98f : 0.9f) : (cue ? 0.8f : 0.4f);
            /* the nearer cue wins: "visa form … Order 2021509539…" */
            if (neg && (!cue || c->cue_at[CUE_NEG] > c->cue_at[CUE_CARD])) sc -= 0.45f;
            ew__pii_add(c, EW_PII_CREDIT_CARD, i, e, sc);
            if (sc >= 0.5f) return e;
        }
    }
    /* "0221/3731110": a German area code and a slash (cue words such as
     * "teléfono" are not ASCII, so the shape is enough unless an order or
     * invoice number is near) */
    if (slash_phone(s, &q)) {
        float ssc = pii_cue_near(c, CUE_PHONE, i, 48) ? 0.85f : neg ? 0.3f : 0.7f;
        ew__pii_add(c, EW_PII_PHONE, i, e, ssc);
        return e;
    }
    /* Phones; a first column headed as an id ("学号,姓名,联系电话") holds
     * none, whatever the other headers say */
    float sc = phone_shape(&q);
    if (sc > 0 && q.ng == 1 && !q.plus && !q.paren && csv_id_column(s, n, i, e)) return e;
    if (sc > 0) {
        bool before = pii_cue_near(c, CUE_PHONE, i, 48);
        /* "Complaint no. …", "お問い合わせ番号…", "BE 0488.618.540": a label
         * right before outweighs a phone word after */
        bool numbered = !q.plus && ((!before && numbered_label(c, i)) || country_prefixed(s, i));
        bool cue = before || (!numbered && phone_cue_after(c, q.ext_end));
        if (cue && !numbered) sc += 0.35f; /* the label is nearer than any cue */
        /* the nearer cue wins: "call ext. 2231. The SKU is 400638133393"; a
         * label right before beats a word after ("routing number 2199…,
         * check number 376") */
        if ((neg && (!before || c->cue_at[CUE_NEG] > c->cue_at[CUE_PHONE])) || numbered) sc -= 0.4f;
        if (!cue && id_tail(s, i)) sc -= 0.4f;
        if (!cue && !q.plus && (sc < 0.6f || (q.ng == 1 && !q.paren && q.d[0] != '0')) &&
            (labelled(c, i) ||
             (q.ng == 1 && (id_context(s, i) || key_label(s, i) || csv_id_column(s, n, i, e)))))
            sc -= 0.3f; /* "NIP: 060-270-26-31", "Vergi No: 13675287061": a
                         * labelled identifier; a phone's own grouping
                         * ("Hotline: (020) 8781 7299") outweighs an unknown
                         * label, a bare run of digits does not */
        if (followed_by_word(s, n, q.ext_end) ||
            (q.ext_end < n && s[q.ext_end] == '-' && q.ext_end + 1 < n &&
             pii_is_digit(s[q.ext_end + 1])))
            sc -= 0.3f;
        if (sc > 0.99f) sc = 0.99f;
        ew__pii_add(c, EW_PII_PHONE, i, q.ext_end, sc);
        return q.ext_end;
    }
    return e;
}
