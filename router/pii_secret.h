/* Internal to the secret detector (router/pii_secret*.c) and its hooks in the
 * scan walk. The older secret entry points are declared in pii_internal.h. */
#ifndef EW_ROUTER_PII_SECRET_H
#define EW_ROUTER_PII_SECRET_H

#include "router/pii_internal.h"

/* ---- values that look like secrets and are not (pii_secret_fake.c) ------- */
/* Masked: a run of mask characters ("****", "••••", "●●●●", "xxxxxxxx"). */
bool ew__pii_masked(const unsigned char *v, size_t n);
/* Made up by a person: eight or more characters in alphabet or keyboard
 * order ("ABCDEFGH", "12345678", "qwertyui", "asdfghjk"). */
bool ew__pii_made_up(const unsigned char *v, size_t n);
/* The words of v joined by '-' or '_', all small letters or all capitals,
 * each at most max_len long: how many, or 0 when v is not so made. */
size_t ew__pii_word_parts(const unsigned char *v, size_t n, bool upper, size_t max_len);
/* A token body spelt from lowercase words ("not-a-real-token-this-will-not-work"). */
bool ew__pii_word_body(const unsigned char *v, size_t n);
/* A credential that a provider or a standard publishes as its example. */
bool ew__pii_doc_fixture(const unsigned char *v, size_t n);
/* The password named [i, ke) and assigned up to e belongs to the anonymous
 * FTP login: the same record's user, within three lines, is "anonymous". */
bool ew__pii_anonymous_login(const unsigned char *s, size_t n, size_t i, size_t ke, size_t e);
/* The key named [i, ke) holds v, an npm classic token (a UUID), which npm
 * revoked with all classic tokens. */
bool ew__pii_npm_revoked(const unsigned char *s, size_t i, size_t ke, const unsigned char *v,
                         size_t vn);

/* ---- examples by general signs (pii_secret_doc.c, pii_secret.c) ---------- */
/* The hosts [h, e) of a URL ("h1:27017,h2") are all documentation hosts:
 * RFC 2606 names, RFC 5737 and RFC 3849 addresses. */
bool ew__pii_doc_host(const unsigned char *s, size_t h, size_t e);
/* A webhook's secret path [a, e) was typed by hand: parts of one repeated
 * character, or two ids that are near copies of each other. */
bool ew__pii_hook_made_up(const unsigned char *s, size_t a, size_t e);
/* The first URL on the line from k on has a documentation host. */
bool ew__pii_line_doc_url(const unsigned char *s, size_t n, size_t k);
/* A password spelt, after percent-decoding and undoing digits and symbols
 * written for letters, only from words that name a secret or a stand-in
 * ("secret", "passw0rd", "my-secret-pw"). */
bool ew__pii_describing_password(const unsigned char *v, size_t n);

/* ---- values in code that sit where a secret goes (pii_secret_code.c) ----- */
/* A call, a command line's flags, or (quoted, not a password) a slug of three
 * or more small words: code, not a secret of this kind. */
bool ew__pii_code_value(int kind, const unsigned char *v, size_t n, bool quoted);

/* ---- hooks ------------------------------------------------------------------ */
/* name(...) at [i, ie) with its '(' at k: a credential constructor
 * (NetworkCredential("u", "p")) or a Twilio client ("AC...", token). */
size_t ew__pii_scan_call_at(pii_ctx *c, size_t i, size_t ie, size_t k);
/* A kana or hangul character at i: a Japanese or Korean secret cue
 * (パスワード, アクセスキー, 비밀번호) and the value after it; its end or 0. */
size_t ew__pii_scan_kana_cue(pii_ctx *c, size_t i, uint32_t cp);
/* The value after a CJK secret cue ending at e (密码为x, パスワードは「x」); its
 * end or 0. A strong cue names a password: any token that is not a word. */
size_t ew__pii_cjk_secret_value(pii_ctx *c, size_t e, bool strong);

/* "tokens {\n  initial_management = "<x>"": an entry at [i, ...) with its
 * separator at k whose name says nothing takes the name of the block that
 * holds it, for a machine-made value; its end or 0. */
size_t ew__pii_scan_block_entry(pii_ctx *c, size_t i, size_t k);
/* A YAML anchor named after a secret at [i, ie) ("db: &dbpass "x""): the
 * value after it; its end or 0. */
size_t ew__pii_scan_yaml_anchor(pii_ctx *c, size_t i, size_t ie);
/* A key emoji (🔑, 🔐, 🗝) at i and the key or password after it; its end or 0. */
size_t ew__pii_scan_key_emoji(pii_ctx *c, size_t i);

/* <password>x</password> at the tag name [i, ie); the end or 0. */
size_t ew__pii_scan_xml_element(pii_ctx *c, size_t i, size_t ie);
/* A URL's user part without a password that is itself a key
 * (https://<32 hex>@o1.ingest.sentry.io/2). */
bool ew__pii_url_user_token(const unsigned char *u, size_t n);

/* "-----BEGIN " or "---- BEGIN " at i: the end of that armour, or 0. */
size_t ew__pii_armour_begin(const unsigned char *s, size_t n, size_t i);

/* A short note between a key and its separator ("key (hex): x", "token
 * [prod] = x") at k: the separator's offset, or k when there is none. */
size_t ew__pii_skip_note(const unsigned char *s, size_t n, size_t k);

/* What may stand between a key and its '=' at k: Go's declared type ("var
 * token string = x") or a compound operator ("TOKEN ?= x", "$token .= x",
 * "token ??= x", "token ||= x", "TOKEN += x"). The '=' offset, or k. */
size_t ew__pii_skip_to_assign_at(const unsigned char *s, size_t n, size_t k);
static inline size_t ew__pii_skip_to_assign(const unsigned char *s, size_t n, size_t k)
{
    if (k + 2 >= n) return k;
    unsigned ch = s[k]; /* most words are followed by none of these */
    bool go_type = (ch == 's' && s[k + 1] == 't') || ch == '[' || ch == '*';
    if (!go_type && ch != '?' && ch != '.' && ch != '+' && ch != '|') return k;
    return ew__pii_skip_to_assign_at(s, n, k);
}

/* "token - 'x'": a dash at k between spaces, a quote after it. */
static inline bool ew__pii_dash_separator(const unsigned char *s, size_t n, size_t k)
{
    return k > 0 && k + 2 < n && s[k] == '-' && s[k - 1] == ' ' && s[k + 1] == ' ' &&
           (s[k + 2] == '\'' || s[k + 2] == '"');
}

/* A quoted password after k ("IDENTIFIED BY 'x'"); its end, or 0. */
size_t ew__pii_scan_quoted_password(pii_ctx *c, size_t k);

/* A full-width colon '：' at k. */
static inline bool ew__pii_wide_colon(const unsigned char *s, size_t n, size_t k)
{
    return k + 2 < n && s[k] == 0xEF && s[k + 1] == 0xBC && s[k + 2] == 0x9A;
}

/* A UUID (8-4-4-4-12 hex digits) starts at i (pii_token.c). */
bool ew__pii_is_uuid(const unsigned char *s, size_t n, size_t i);

/* One argument of a call: a string [vs, ve) given by position or by name
 * ("user=", "user:"), or anything else (a variable, a call). */
typedef struct {
    size_t vs, ve;
    bool quoted, named;
} pii_call_arg;

/* The arguments of the list opening at k ('('), at most cap of them within
 * 400 bytes: how many. Brackets and strings inside one are skipped whole. */
int ew__pii_call_args(const unsigned char *s, size_t n, size_t k, pii_call_arg *a, int cap);

/* Adds [vs, ve) as the value of a key of this kind when it is a secret (not
 * a placeholder, a reference, a digest ...): its end, or 0. */
size_t ew__pii_add_secret_value(pii_ctx *c, int kind, size_t vs, size_t ve, bool quoted);

/* ---- structure around a cue (pii_secret_table.c) ---------------------------- */
/* The cue at [i, ie) is a cell: a header's column (Markdown, CSV, TSV) whose
 * cells below are values of this kind, or a Markdown row's first cell whose
 * next cell is. Returns 0: the walk goes on over the table's text. */
size_t ew__pii_scan_table(pii_ctx *c, size_t i, size_t ie, int kind);
/* The cue at [i, ie) in an SQL INSERT's column list; its VALUES element. */
size_t ew__pii_scan_sql_insert(pii_ctx *c, size_t i, size_t ie, int kind);
/* The quoted setting name at [i, ie) after "name =" and the "value = 'x'" of
 * its statement ("UPDATE settings SET value = 'x' WHERE name = 'api_secret'"). */
size_t ew__pii_scan_sql_pair(pii_ctx *c, size_t i, size_t ie, int kind);

/* The name at [i, ie), compared with a quoted literal before it ("<v>" ==
 * password, '<v>' !== my_secret): the literal when the name holds a secret. */
size_t ew__pii_scan_compared(pii_ctx *c, size_t i, size_t ie);

/* ---- chat in any language (pii_secret_chat.c) ------------------------------- */
/* The token at i, a credential by its shape and place in a message that is
 * not English ("lykilorðið er Hekla#4521"): its end, or 0. */
size_t ew__pii_scan_chat_value(pii_ctx *c, size_t i);
/* Does [b, e) hold a word English text can hardly do without ("the", "for",
 * "is") or one that names a numbered thing ("room", "ticket")? */
bool ew__pii_english_words(const unsigned char *s, size_t b, size_t e);

/* ---- formats of their own (pii_secret_carrier.c) ---------------------------- */
/* The fields of a WiFi QR code at k, after "WIFI:": its password ("P:"). */
size_t ew__pii_scan_wifi_qr(pii_ctx *c, size_t k);
/* Redis's "AUTH [user] <password>" and "masterauth <password>", the word at
 * [i, ie): the password's end, or 0. */
size_t ew__pii_scan_redis_auth(pii_ctx *c, size_t i, size_t ie);

/* ---- shell lines (pii_secret_shell.c) --------------------------------------- */
/* The '|' at i after "echo <v>" or "printf <v>": <v> when the command after
 * the pipe reads a secret ("docker login --password-stdin"). Its end, or 0. */
size_t ew__pii_scan_pipe(pii_ctx *c, size_t i);
/* The "<<<" at i: the here-string's value when the command before it names a
 * secret ("vault login - <<< v", "read -r API_TOKEN <<< v"). Its end, or 0. */
size_t ew__pii_scan_here_string(pii_ctx *c, size_t i);

/* Shared within pii_secret*.c. */
bool ew__pii_random_looking(const unsigned char *v, size_t n);
bool ew__pii_prose_word(const unsigned char *v, size_t n);
bool ew__pii_strong_password(const unsigned char *v, size_t n);
/* A stand-in: a variable, template, placeholder, masked or example value. */
bool ew__pii_placeholder(const unsigned char *v, size_t n);

#endif
