/* Prompt sets for the difficulty trainer: CSV and JSONL files, the rules
 * that turn their columns into "hard for the small model" labels, and the
 * held-out split. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/error.h"
#include "core/json.h"
#include "router/difficulty_data.h"

void ew__dload_opts_init(ew__dload_opts *o)
{
    memset(o, 0, sizeof *o);
    o->force_label = -1;
    o->max_file_bytes = (size_t)1 << 30;
    o->weight = 1.0;
}

void ew__dset_init(ew__dset *s)
{
    memset(s, 0, sizeof *s);
    s->max_items = 2000000;
}

void ew__dset_cleanup(ew__dset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i].text);
    free(s->items);
    for (int g = 0; g < s->n_groups; g++)
        free(s->groups[g]);
    memset(s, 0, sizeof *s);
}

int ew__dparse_bool(const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    static const char *const yes[] = {"true", "1", "yes", "t", "y"};
    static const char *const no[] = {"false", "0", "no", "f", "n"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (len == strlen(yes[i]) && !strncasecmp(s, yes[i], len)) return 1;
        if (len == strlen(no[i]) && !strncasecmp(s, no[i], len)) return 0;
    }
    return -1;
}

bool ew__dheldout(uint64_t hash, uint64_t seed, int percent)
{
    uint64_t h = hash ^ (seed * 0x9e3779b97f4a7c15ull);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    return (int)(h % 100) < percent;
}

static int add_example(ew__dset *s, const char *text, size_t len, int depth, int label,
                       ew_error *err)
{
    if (s->n == s->max_items)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "more than %zu examples", s->max_items);
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        ew__dexample *p = realloc(s->items, cap * sizeof *p);
        if (!p) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
        s->items = p;
        s->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    s->items[s->n++] = (ew__dexample){
        copy, len, depth < 1 ? 1 : depth, label, s->n_groups - 1, ew__fnv1a64(text, len), 0};
    return EW_OK;
}

/* Labels by file name for the public benchmark question sets, which carry no
 * correctness columns: arena-hard prompts are hard, self-instruct and vicuna
 * prompts are everyday ones (see docs/difficulty.md). -1 when the name says nothing. */
static int label_from_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    static const char *const hard[] = {"arena_hard", "arena-hard", "arenahard"};
    static const char *const easy[] = {"selfinstruct", "self_instruct", "self-instruct", "vicuna"};
    for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++)
        if (strcasestr(base, hard[i])) return 1;
    for (size_t i = 0; i < sizeof easy / sizeof easy[0]; i++)
        if (strcasestr(base, easy[i])) return 0;
    return -1;
}

static bool is_small_col(const char *name)
{
    if (strcasestr(name, "response")) return false;
    return strcasestr(name, "mixtral") || !strcasecmp(name, "small_correct") ||
           !strcasecmp(name, "local_correct");
}

static bool is_big_col(const char *name)
{
    if (strcasestr(name, "response")) return false;
    return strcasestr(name, "gpt-4") || strcasestr(name, "gpt4") ||
           !strcasecmp(name, "big_correct") || !strcasecmp(name, "remote_correct");
}

/* Column indexes of one CSV file. */
typedef struct csv_cols {
    int n, text, label, small, big, depth, category;
} csv_cols;

static int find_col(const ew__csv *c, const char *want)
{
    for (int i = 0; i < c->n_fields; i++)
        if (!strcasecmp(ew__csv_field(c, i, NULL), want)) return i;
    return -1;
}

static int csv_header(const ew__csv *c, const ew__dload_opts *o, csv_cols *k, ew_error *err)
{
    static const char *const text_names[] = {"prompt", "text", "question", "instruction"};
    k->n = c->n_fields;
    k->text = -1;
    if (o->text_col) {
        k->text = find_col(c, o->text_col);
    } else {
        for (size_t i = 0; i < sizeof text_names / sizeof text_names[0] && k->text < 0; i++)
            k->text = find_col(c, text_names[i]);
    }
    if (k->text < 0)
        return ew__error_at(err, EW_ERR_PARSE, c->name, 1, 0, "no text column (%s)",
                            o->text_col ? o->text_col : "prompt, text, question or instruction");
    k->label = find_col(c, o->label_col ? o->label_col : "label");
    if (o->label_col && k->label < 0)
        return ew__error_at(err, EW_ERR_PARSE, c->name, 1, 0, "no column '%s'", o->label_col);
    k->small = k->big = -1;
    for (int i = 0; i < c->n_fields; i++) {
        const char *name = ew__csv_field(c, i, NULL);
        if (o->small_col ? !strcasecmp(name, o->small_col) : (k->small < 0 && is_small_col(name)))
            k->small = i;
        if (o->big_col ? !strcasecmp(name, o->big_col) : (k->big < 0 && is_big_col(name)))
            k->big = i;
    }
    if ((o->small_col && k->small < 0) || (o->big_col && k->big < 0))
        return ew__error_at(err, EW_ERR_PARSE, c->name, 1, 0, "no column '%s'",
                            k->small < 0 ? o->small_col : o->big_col);
    k->depth = find_col(c, "depth");
    /* Optional per file: files without it simply have no categories. */
    k->category = o->category_col ? find_col(c, o->category_col) : -1;
    return EW_OK;
}

static int cell_bool(const ew__csv *c, int col, ew_error *err)
{
    size_t len;
    const char *v = ew__csv_field(c, col, &len);
    int b = ew__dparse_bool(v, len);
    if (b < 0)
        return ew__error_at(err, EW_ERR_PARSE, c->name, c->row_line, 0,
                            "column %d: '%.40s' is not true/false/1/0", col + 1, v);
    return b;
}

static int csv_row(ew__dset *s, const ew__csv *c, const csv_cols *k, const ew__dload_opts *o,
                   int name_label, ew_error *err)
{
    if (c->n_fields != k->n)
        return ew__error_at(err, EW_ERR_PARSE, c->name, c->row_line, 0,
                            "row has %d fields, the header has %d", c->n_fields, k->n);
    size_t len;
    const char *text = ew__csv_field(c, k->text, &len);
    if (len == 0) {
        s->skipped[s->n_groups - 1]++;
        return EW_OK;
    }
    int label = o->force_label;
    if (label < 0 && k->label >= 0) {
        label = cell_bool(c, k->label, err);
    } else if (label < 0 && k->small >= 0 && k->big >= 0) {
        int small = cell_bool(c, k->small, err),
            big = small < 0 ? small : cell_bool(c, k->big, err);
        label = big < 0 ? big : (!small && big);
    } else if (label < 0) {
        label = name_label;
    }
    if (label < -1) return label;
    int depth = 1;
    if (k->depth >= 0) {
        const char *d = ew__csv_field(c, k->depth, NULL);
        char *end;
        long v = strtol(d, &end, 10);
        if (end == d || *end || v < 1 || v > 10000)
            return ew__error_at(err, EW_ERR_PARSE, c->name, c->row_line, 0,
                                "depth '%.20s' is not a number in [1, 10000]", d);
        depth = (int)v;
    }
    int st = add_example(s, text, len, depth, label, err);
    if (!st && k->category >= 0) {
        size_t clen;
        const char *cat = ew__csv_field(c, k->category, &clen);
        s->items[s->n - 1].category = ew__fnv1a64(cat, clen) | 1;
    }
    return st;
}

static const char *csv_label_source(const csv_cols *k, const ew__dload_opts *o, int name_label)
{
    if (o->force_label >= 0)
        return o->force_label ? "every row hard (--pos)" : "every row easy (--neg)";
    if (k->label >= 0) return "label column";
    if (k->small >= 0 && k->big >= 0) return "small model wrong and big model right";
    return name_label < 0 ? "none" : name_label ? "file name: hard set" : "file name: easy set";
}

static int load_csv(ew__dset *s, const char *path, const char *data, size_t len,
                    const ew__dload_opts *o, ew_error *err)
{
    ew__csv c;
    ew__csv_init(&c, data, len, path, NULL);
    int name_label = label_from_name(path);
    csv_cols k = {0};
    int st = ew__csv_next(&c, err);
    if (st == 0)
        st = ew__error_at(err, EW_ERR_PARSE, path, 1, 0, "empty file (a header row is needed)");
    if (st > 0) st = csv_header(&c, o, &k, err);
    if (st >= 0) s->label_source[s->n_groups - 1] = csv_label_source(&k, o, name_label);
    while (st >= 0 && (st = ew__csv_next(&c, err)) > 0)
        st = csv_row(s, &c, &k, o, name_label, err);
    ew__csv_cleanup(&c);
    return st < 0 ? st : EW_OK;
}

/* ---- JSONL ------------------------------------------------------------------------- */

#define JSONL_MAX_LINE ((size_t)4 << 20)

/* A JSON value as a label: true/false, 1/0, or a string ew__dparse_bool takes. */
static int json_bool(const ew_json_doc *d, int v)
{
    bool b;
    int64_t n;
    size_t len;
    switch (ew_json_type_of(d, v)) {
    case EW_JSON_BOOL:
        return ew_json_bool(d, v, &b) ? -1 : b;
    case EW_JSON_NUMBER:
        return (ew_json_int64(d, v, &n) || (n != 0 && n != 1)) ? -1 : (int)n;
    case EW_JSON_STRING: {
        const char *raw = ew_json_raw(d, v, &len);
        return ew__dparse_bool(raw, len);
    }
    default:
        return -1;
    }
}

/* Appends the string at v (or nothing if v is not a string); sep goes first
 * when the text is not empty. Returns 1 if something was added. */
static int add_string(const ew_json_doc *d, int v, const char *sep, ew_buf *text, int *st)
{
    if (ew_json_type_of(d, v) != EW_JSON_STRING || *st) return 0;
    if (text->len) *st = ew_buf_append_str(text, sep);
    if (!*st) *st = ew_json_string_buf(d, v, text);
    return !*st;
}

/* The user text of a record: prompt | text | question | turns[] | messages[]
 * (user contents) | instruction (+ instances[0].input). Sets *depth. */
static int json_text(const ew_json_doc *d, const ew__dload_opts *o, ew_buf *text, int *depth)
{
    int st = EW_OK;
    *depth = 1;
    if (o->text_col) {
        add_string(d, ew_json_get(d, 0, o->text_col), "\n", text, &st);
        return st;
    }
    static const char *const keys[] = {"prompt", "text", "question"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (add_string(d, ew_json_get(d, 0, keys[i]), "\n", text, &st) || st) return st;
    int turns = ew_json_get(d, 0, "turns");
    if (ew_json_type_of(d, turns) == EW_JSON_ARRAY) {
        int n = 0;
        for (int v = ew_json_first(d, turns); v >= 0 && !st; v = ew_json_next(d, v))
            n += add_string(d, v, "\n", text, &st);
        *depth = n;
        return st;
    }
    int msgs = ew_json_get(d, 0, "messages");
    if (ew_json_type_of(d, msgs) == EW_JSON_ARRAY) {
        int n = 0;
        for (int m = ew_json_first(d, msgs); m >= 0 && !st; m = ew_json_next(d, m))
            if (ew_json_string_eq(d, ew_json_get(d, m, "role"), "user"))
                n += add_string(d, ew_json_get(d, m, "content"), "\n", text, &st);
        *depth = n;
        return st;
    }
    if (add_string(d, ew_json_get(d, 0, "instruction"), "\n", text, &st))
        add_string(d, ew_json_path(d, 0, "instances[0].input"), "\n\n", text, &st);
    return st;
}

/* The label of a record, or a negative status. */
static int json_label(const ew_json_doc *d, const ew__dload_opts *o, int name_label,
                      const char *path, int line, ew_error *err)
{
    if (o->force_label >= 0) return o->force_label;
    int v = ew_json_get(d, 0, o->label_col ? o->label_col : "label");
    int small = -1, big = -1;
    if (v < 0) {
        for (int k = ew_json_first(d, 0); k >= 0; k = ew_json_next(d, k)) {
            size_t len;
            const char *raw = ew_json_raw(d, k, &len);
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(len < 127 ? len : 127), raw);
            if (o->small_col ? !strcmp(name, o->small_col) : (small < 0 && is_small_col(name)))
                small = ew_json_member_value(d, k);
            if (o->big_col ? !strcmp(name, o->big_col) : (big < 0 && is_big_col(name)))
                big = ew_json_member_value(d, k);
        }
        if (small < 0 || big < 0) return name_label;
    }
    int a = json_bool(d, v >= 0 ? v : small), b = v >= 0 ? 1 : json_bool(d, big);
    if (a < 0 || b < 0)
        return ew__error_at(err, EW_ERR_PARSE, path, line, 0, "%s is not true/false/1/0",
                            v >= 0 ? "the label" : "a correctness field");
    return v >= 0 ? a : (!a && b);
}

static int jsonl_record(ew__dset *s, const char *path, int line, const char *p, size_t len,
                        const ew__dload_opts *o, int name_label, ew_buf *text, ew_error *err)
{
    ew_json_doc d;
    ew_error jerr = {0};
    int st = ew_json_parse(&d, p, len, NULL, &jerr);
    if (st) return ew__error_at(err, st, path, line, 0, "%s", jerr.message);
    if (ew_json_type_of(&d, 0) != EW_JSON_OBJECT) {
        ew_json_doc_cleanup(&d);
        return ew__error_at(err, EW_ERR_PARSE, path, line, 0, "a line must be a JSON object");
    }
    ew_buf_reset(text);
    int depth;
    st = json_text(&d, o, text, &depth);
    int label = st ? st : json_label(&d, o, name_label, path, line, err);
    if (st)
        ew__error_at(err, st, path, line, 0, "text: %s", ew_strerror(st));
    else if (label >= -1 && text->len == 0)
        s->skipped[s->n_groups - 1]++;
    else if (label >= -1)
        st = add_example(s, text->data, text->len, depth, label, err);
    else
        st = label;
    int cat = o->category_col ? ew_json_get(&d, 0, o->category_col) : -1;
    if (!st && text->len && ew_json_type_of(&d, cat) == EW_JSON_STRING) {
        size_t clen;
        const char *raw = ew_json_raw(&d, cat, &clen);
        s->items[s->n - 1].category = ew__fnv1a64(raw, clen) | 1;
    }
    ew_json_doc_cleanup(&d);
    return st;
}

static int load_jsonl(ew__dset *s, const char *path, const char *data, size_t len,
                      const ew__dload_opts *o, ew_error *err)
{
    int name_label = label_from_name(path);
    s->label_source[s->n_groups - 1] =
        o->force_label >= 0 ? (o->force_label ? "every row hard (--pos)" : "every row easy (--neg)")
                            : "label or correctness fields, else the file name";
    ew_buf text;
    ew_buf_init(&text, JSONL_MAX_LINE);
    int st = EW_OK, line = 0;
    for (size_t pos = 0; pos < len && !st;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len, n = end - pos;
        line++;
        if (n > JSONL_MAX_LINE)
            st = ew__error_at(err, EW_ERR_TOO_LARGE, path, line, 0, "line longer than %zu bytes",
                              JSONL_MAX_LINE);
        while (!st && n && isspace((unsigned char)data[pos + n - 1]))
            n--;
        if (!st && n) st = jsonl_record(s, path, line, data + pos, n, o, name_label, &text, err);
        pos = end + 1;
    }
    ew_buf_cleanup(&text);
    return st;
}

/* JSONL by extension, CSV by extension; otherwise a '{' first means JSONL. */
static bool is_jsonl(const char *path, const char *data, size_t len)
{
    size_t n = strlen(path);
    if ((n >= 6 && !strcasecmp(path + n - 6, ".jsonl")) ||
        (n >= 5 && !strcasecmp(path + n - 5, ".json")))
        return true;
    if (n >= 4 && !strcasecmp(path + n - 4, ".csv")) return false;
    size_t i = 0;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    return i < len && data[i] == '{';
}

int ew__dset_load(ew__dset *s, const char *path, const ew__dload_opts *o, ew_error *err)
{
    if (s->n_groups == EW__DSET_MAX_FILES)
        return ew__error_set(err, EW_ERR_TOO_LARGE, "more than %d data files", EW__DSET_MAX_FILES);
    ew_buf b;
    ew_buf_init(&b, o->max_file_bytes);
    int st = ew__dread_file(path, o->max_file_bytes, &b, err);
    if (st) {
        ew_buf_cleanup(&b);
        return st;
    }
    s->groups[s->n_groups] = strdup(path);
    if (!s->groups[s->n_groups]) {
        ew_buf_cleanup(&b);
        return ew__error_set(err, EW_ERR_NOMEM, "out of memory");
    }
    s->skipped[s->n_groups] = 0;
    s->label_source[s->n_groups] = "none";
    s->weight[s->n_groups] = o->weight;
    s->n_groups++;
    const char *data = b.data ? b.data : "";
    st = is_jsonl(path, data, b.len) ? load_jsonl(s, path, data, b.len, o, err)
                                     : load_csv(s, path, data, b.len, o, err);
    ew_buf_cleanup(&b);
    return st;
}
