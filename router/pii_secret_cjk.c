/* Secrets after cue words in Chinese, Japanese and Korean: 密码为x, API密钥：x,
 * パスワードは「x」です, アクセスキー: x, 비밀번호: x (and Vietnamese "mật khẩu",
 * whose letters are read by the same path). The Han cues (密码, 密钥, 令牌, ...)
 * are in pii_cjk.c's table; the kana and hangul ones are here. */
#include <string.h>

#include "router/pii_secret.h"

/* Kana and hangul cue words; strong ones name a password. */
static const struct {
    const char *w;
    bool strong;
} kana_cues[] = {
    {"\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89", true}, /* パスワード */
    {"\xe3\x82\xa2\xe3\x82\xaf\xe3\x82\xbb\xe3\x82\xb9\xe3\x82\xad\xe3\x83\xbc",
     false}, /* アクセスキー */
    {"\xe3\x82\xb7\xe3\x83\xbc\xe3\x82\xaf\xe3\x83\xac\xe3\x83\x83\xe3\x83\x88",
     false},                                                     /* シークレット */
    {"\xe3\x83\x88\xe3\x83\xbc\xe3\x82\xaf\xe3\x83\xb3", false}, /* トークン */
    {"\xe3\x82\xad\xe3\x83\xbc", false},                         /* キー */
    {"\xeb\xb9\x84\xeb\xb0\x80\xeb\xb2\x88\xed\x98\xb8", true},  /* 비밀번호 */
    {"\xed\x8c\xa8\xec\x8a\xa4\xec\x9b\x8c\xeb\x93\x9c", true},  /* 패스워드 */
    {"\xec\x95\x94\xed\x98\xb8", true},                          /* 암호 */
    {"\xeb\xb9\x84\xeb\xb2\x88", true}, /* 비번, short for 비밀번호 */
    /* パス, short for パスワード and also "path": a key-like value only
     * (after パスワード, which it begins) */
    {"\xe3\x83\x91\xe3\x82\xb9", false},
    {"\xe0\xb8\x9e\xe0\xb8\xb2\xe0\xb8\xaa\xe0\xb9\x80\xe0\xb8\xa7\xe0\xb8\xb4\xe0\xb8\xa3\xe0\xb9"
     "\x8c\xe0\xb8\x94",
     true},                              /* Thai พาสเวิร์ด */
    {"\xed\x86\xa0\xed\x81\xb0", false}, /* 토큰 */
    /* Hindi (Devanagari) and Thai */
    {"\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb8\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\xa1",
     true}, /* पासवर्ड */
    {"\xe0\xa4\x95\xe0\xa5\x81\xe0\xa4\x82\xe0\xa4\x9c\xe0\xa5\x80", false}, /* कुंजी */
    /* Bengali, with য় written as one letter or as য and a nukta */
    {"\xe0\xa6\xaa\xe0\xa6\xbe\xe0\xa6\xb8\xe0\xa6\x93\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa6\xbe\xe0\xa6"
     "\xb0\xe0\xa7\x8d\xe0\xa6\xa1",
     true}, /* পাসওয়ার্ড */
    {"\xe0\xa6\xaa\xe0\xa6\xbe\xe0\xa6\xb8\xe0\xa6\x93\xe0\xa7\x9f\xe0\xa6\xbe\xe0\xa6\xb0\xe0\xa7"
     "\x8d\xe0\xa6\xa1",
     true}, /* পাসওয়ার্ড */
    {"\xe0\xa4\x9f\xe0\xa5\x8b\xe0\xa4\x95\xe0\xa4\xa8", false}, /* टोकन */
    {"\xe0\xb8\xa3\xe0\xb8\xab\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x9c\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8"
     "\x99",
     true}, /* รหัสผ่าน */
};

/* Separators and particles between a cue and its value: spaces, ':', '=',
 * full-width '：', 是/为/為 ("is"), は/が, 는/은/이/가, opening quotes 「『“,
 * and "is" in Thai, Hindi and Bengali. Returns the byte length of the one
 * at s[a], or 0. */
static size_t cue_glue(const unsigned char *s, size_t n, size_t a)
{
    /* from คือ on: Thai คือ, Hindi है, Bengali হলো and হল, Cantonese 係 */
    static const char *const glue[] = {"\xef\xbc\x9a",
                                       "\xe6\x98\xaf",
                                       "\xe4\xb8\xba",
                                       "\xe7\x82\xba",
                                       "\xe3\x81\xaf",
                                       "\xe3\x81\x8c",
                                       "\xeb\x8a\x94",
                                       "\xec\x9d\x80",
                                       "\xec\x9d\xb4",
                                       "\xea\xb0\x80",
                                       "\xe3\x80\x8c",
                                       "\xe3\x80\x8e",
                                       "\xe2\x80\x9c",
                                       "\xe0\xb8\x84\xe0\xb8\xb7\xe0\xb8\xad",
                                       "\xe0\xa4\xb9\xe0\xa5\x88",
                                       "\xe0\xa6\xb9\xe0\xa6\xb2\xe0\xa7\x8b",
                                       "\xe0\xa6\xb9\xe0\xa6\xb2",
                                       "\xe4\xbf\x82"};
    if (s[a] == ':' || s[a] == ' ' || s[a] == '=' || s[a] == '\t') return 1;
    for (size_t k = 0; k < sizeof glue / sizeof glue[0]; k++) {
        size_t l = strlen(glue[k]);
        if (a + l <= n && !memcmp(s + a, glue[k], l)) return l;
    }
    return 0;
}

/* A few more words between a cue and a colon ("密码都发你：x", "密码如下：x",
 * "APIキーをお送りいたします：x"): up to twelve CJK characters, no sentence
 * punctuation, then '：' or ':'. Returns the colon's offset, or e. */
static size_t words_to_colon(const unsigned char *s, size_t n, size_t e)
{
    size_t a = e;
    for (int k = 0; k < 12 && a + 3 <= n && s[a] >= 0xE3 && s[a] <= 0xE9; k++) {
        if (ew__pii_wide_colon(s, n, a)) return a;
        a += 3;
    }
    if (a < n && s[a] == ':') return a;
    return a > e && ew__pii_wide_colon(s, n, a) ? a : e;
}

/* The end of a bare ASCII value at a. */
static size_t ascii_value_end(const unsigned char *s, size_t n, size_t a)
{
    size_t vs = a;
    while (a < n && s[a] > ' ' && s[a] != ',' && s[a] != ';' && a - vs < 256) {
        if (s[a] >= 0xC3 && s[a] <= 0xC5 && a + 1 < n && (s[a + 1] & 0xC0) == 0x80)
            a++; /* a Latin letter with a diacritic: "Gökyüzü#77" */
        else if (s[a] >= 0x80)
            break;
        a++;
    }
    return a;
}

size_t ew__pii_cjk_secret_value(pii_ctx *c, size_t e, bool strong)
{
    const unsigned char *s = c->s;
    size_t n = c->n, a = e, g;
    for (int k = 0; k < 6 && a < n && (g = cue_glue(s, n, a)) != 0; k++)
        a += g;
    if (a == e) a = words_to_colon(s, n, e);
    for (int k = 0; k < 6 && a < n && (g = cue_glue(s, n, a)) != 0; k++)
        a += g;
    /* a few words and then the value ("数据库密码改成了x", "APIキーを貼って
     * おきます x"): only a value that cannot be a word will do */
    bool loose = false;
    if (a == e) {
        size_t b = e;
        for (int k = 0; k < 8 && b + 3 <= n && s[b] >= 0xE3 && s[b] <= 0xE9 && s[b + 1] != 0x80;
             k++)
            b += 3;
        if (b > e && b < n && s[b] == ' ') b++;
        if (b > e && b < n && s[b] < 0x80 && s[b] > ' ') a = b, loose = true;
    }
    /* words of another script between cue and value, each followed by a
     * space ("पासवर्ड है x", "পাসওয়ার্ড হল x"): again only a value that
     * cannot be a word */
    if (!loose && a > e && a < n && s[a] >= 0xC2) {
        size_t b = a;
        for (int w = 0; w < 3 && b < n && s[b] >= 0xC2; w++) {
            size_t we = b;
            while (we < n && s[we] >= 0x80 && we - b < 32)
                we++;
            if (we + 1 >= n || s[we] != ' ') break;
            b = we + 1;
            if (s[b] > ' ' && s[b] < 0x80) {
                a = b;
                loose = true;
            }
        }
    }
    size_t vs = a;
    a = ascii_value_end(s, n, a);
    /* "账号密码：user / password": a user and its password */
    size_t p = a;
    while (p < n && s[p] == ' ')
        p++;
    if (strong && p + 1 < n && s[p] == '/' && a > vs && a - vs <= 32) {
        p++;
        while (p < n && s[p] == ' ')
            p++;
        size_t pe = ascii_value_end(s, n, p);
        if (pe - p >= 4) vs = p, a = pe;
    }
    /* Left to the other detectors: a PEM block ("-----BEGIN"), which they
     * take whole, a key ("password": "x", pwd=x), whose value they read, and a
     * command-line flag (--password x), whose argument is the secret. */
    size_t vn = a - vs;
    bool pem = vn >= 5 && !memcmp(s + vs, "-----", 5);
    bool flag = vn && s[vs] == '-';
    /* '=' inside names a key ("pwd=x"); at the end it pads base64 */
    size_t body = vn;
    while (body > 0 && s[vs + body - 1] == '=')
        body--;
    bool key = vn && (s[vs] == '"' || s[vs] == '\'' || s[a - 1] == ':' ||
                      (body > 1 && memchr(s + vs + 1, '=', body - 1)));
    if (vn < 4 || pem || flag || key) return 0;
    if (loose && !ew__pii_strong_password(s + vs, vn) &&
        !(vn >= 16 && ew__pii_random_looking(s + vs, vn)))
        return 0;
    /* a key or token cue needs a machine-made value ("キーボード" is no key) */
    if (!strong && !ew__pii_random_looking(s + vs, vn)) return 0;
    if (strong && ew__pii_prose_word(s + vs, vn)) return 0;
    ew__pii_add(c, EW_PII_SECRET, vs, a, 0.9f);
    return a;
}

size_t ew__pii_scan_kana_cue(pii_ctx *c, size_t i, uint32_t cp)
{
    /* "mật khẩu" is reached at its 'ậ', one byte after the 'm' */
    static const char vi[] = "\xe1\xba\xadt kh\xe1\xba\xa9u";
    if (cp == 0x1EAD) {
        size_t l = sizeof vi - 1;
        if (i == 0 || (c->s[i - 1] | 32) != 'm' || i + l > c->n || memcmp(c->s + i, vi, l))
            return 0;
        /* a Latin-script sentence: read as the other languages' phrases are
         * ("mật khẩu wifi là x"), else as a CJK cue's value ("mật khẩu: x") */
        size_t r = ew__pii_scan_phrase(c, i - 1, i + l, PII_KEY_PASSWORD);
        if (!r) r = ew__pii_cjk_secret_value(c, i + l, true);
        return r ? r : i + l;
    }
    /* the word for "password" of a script between Devanagari and Khmer, from
     * the translations' list, where a word starts */
    if (cp - 0x0900u < 0xF00u && (i == 0 || c->s[i - 1] < 0x80)) {
        size_t l = ew__pii_password_word_at(c->s, c->n, i);
        if (l) {
            c->cue_at[CUE_SECRET] = (uint32_t)(i + l);
            size_t r = ew__pii_cjk_secret_value(c, i + l, true);
            return r ? r : i + l;
        }
    }
    /* first characters of the cues: パ ア シ ト キ 비 패 암 토 प क ट ร প พ */
    if (cp != 0x30D1 && cp != 0x30A2 && cp != 0x30B7 && cp != 0x30C8 && cp != 0x30AD &&
        cp != 0xBE44 && cp != 0xD328 && cp != 0xC554 && cp != 0xD1A0 && cp != 0x092A &&
        cp != 0x0915 && cp != 0x091F && cp != 0x0E23 && cp != 0x09AA && cp != 0x0E1E)
        return 0;
    const unsigned char *s = c->s;
    for (size_t k = 0; k < sizeof kana_cues / sizeof kana_cues[0]; k++) {
        size_t l = strlen(kana_cues[k].w);
        if (i + l > c->n || memcmp(s + i, kana_cues[k].w, l)) continue;
        /* katakana going on makes a longer word: パスポート, キーボード */
        if (s[i] == 0xE3 && i + l + 2 < c->n && s[i + l] == 0xE3 &&
            ((s[i + l + 1] == 0x82 && s[i + l + 2] >= 0xA0) || s[i + l + 1] == 0x83))
            continue;
        c->cue_at[CUE_SECRET] = (uint32_t)(i + l);
        size_t r = ew__pii_cjk_secret_value(c, i + l, kana_cues[k].strong);
        return r ? r : i + l;
    }
    return 0;
}
