/* YAML -> node tree on libyaml's event API. See yaml.h for the contract.
 *
 * The tree is built without recursion: open containers sit on an explicit
 * stack (bounded by max_depth) and the children of all open containers share
 * one pending array, so closing a container copies its slice into the arena.
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/error.h"
#include "policy/yaml.h"

#define YAML_DEFAULT_MAX_BYTES  (1u << 20)
#define YAML_DEFAULT_MAX_NODES  100000
#define YAML_DEFAULT_MAX_DEPTH  64
#define YAML_DEFAULT_MAX_SCALAR (64u << 10)
/* The tree of a 1 MiB file stays well below this. */
#define YAML_ARENA_MAX ((size_t)64 << 20)

#define YAML_STR_TAG "tag:yaml.org,2002:str"

typedef struct frame {
    ew_yaml_node *node;
    int start; /* first child's index in pending */
} frame;

typedef struct builder {
    ew_yaml_doc *doc;
    ew_yaml_limits lim;
    ew_error *err;
    const char *text;
    size_t len;
    frame *stack; /* (lim.max_depth) */
    int depth;
    ew_yaml_node **pending; /* children of the open containers; maps alternate key, value */
    int n_pending;
    int cap_pending;
    int n_nodes;
    int n_docs;
} builder;

static int fail_at(builder *b, int status, yaml_mark_t mark, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail_at(builder *b, int status, yaml_mark_t mark, const char *fmt, ...)
{
    if (!b->err) return status;
    char msg[sizeof b->err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ew__error_at(b->err, status, b->doc->file, (int)mark.line + 1, (int)mark.column + 1,
                        "%s", msg);
}

/* Reader errors (bad UTF-8) carry only a byte offset: count lines and
 * characters up to it the way libyaml's marks do. */
static yaml_mark_t mark_from_offset(const char *text, size_t len, size_t off)
{
    yaml_mark_t m = {0};
    for (size_t i = 0; i < off && i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') {
            m.line++;
            m.column = 0;
        } else if ((ch & 0xC0) != 0x80) {
            m.column++;
        }
    }
    m.index = off;
    return m;
}

static int syntax_error(builder *b, yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return ew__error_set(b->err, EW_ERR_NOMEM, "%s: out of memory parsing YAML", b->doc->file);
    yaml_mark_t mark = p->problem_mark;
    if (p->error == YAML_READER_ERROR) mark = mark_from_offset(b->text, b->len, p->problem_offset);
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->context)
        return fail_at(b, EW_ERR_PARSE, mark, "YAML syntax error: %s (%s at line %d)", problem,
                       p->context, (int)p->context_mark.line + 1);
    return fail_at(b, EW_ERR_PARSE, mark, "YAML syntax error: %s", problem);
}

static int push_pending(builder *b, ew_yaml_node *n)
{
    if (b->n_pending == b->cap_pending) {
        int cap = b->cap_pending ? b->cap_pending * 2 : 64;
        ew_yaml_node **p = realloc(b->pending, (size_t)cap * sizeof *p);
        if (!p) return ew__error_set(b->err, EW_ERR_NOMEM, "out of memory parsing YAML");
        b->pending = p;
        b->cap_pending = cap;
    }
    b->pending[b->n_pending++] = n;
    return EW_OK;
}

/* Checks the node-level limits and properties shared by scalars and
 * containers, allocates the node and attaches it to its parent. */
static int new_node(builder *b, ew_yaml_kind kind, const yaml_event_t *ev,
                    const yaml_char_t *anchor, const yaml_char_t *tag, ew_yaml_node **out)
{
    yaml_mark_t at = ev->start_mark;
    if (anchor)
        return fail_at(b, EW_ERR_UNSUPPORTED, at,
                       "anchors (&%s) and aliases are not supported in edgeway configs: "
                       "write the value out",
                       (const char *)anchor);
    if (tag && strcmp((const char *)tag, YAML_STR_TAG))
        return fail_at(b, EW_ERR_UNSUPPORTED, at, "YAML tag '%s' is not supported (only !!str is)",
                       (const char *)tag);
    if (tag && kind != EW_YAML_SCALAR)
        return fail_at(b, EW_ERR_UNSUPPORTED, at, "the !!str tag applies only to scalars");
    if (++b->n_nodes > b->lim.max_nodes)
        return fail_at(b, EW_ERR_TOO_LARGE, at, "YAML document has more than %d nodes",
                       b->lim.max_nodes);
    if (b->depth > 0) {
        frame *f = &b->stack[b->depth - 1];
        bool key_position = f->node->kind == EW_YAML_MAP && (b->n_pending - f->start) % 2 == 0;
        if (key_position && kind != EW_YAML_SCALAR)
            return fail_at(b, EW_ERR_UNSUPPORTED, at, "map keys must be plain strings");
    } else if (b->doc->root) {
        return fail_at(b, EW_ERR_PARSE, at, "unexpected second root node");
    }
    ew_yaml_node *n = ew_arena_calloc(&b->doc->arena, 1, sizeof *n);
    if (!n) return ew__error_set(b->err, EW_ERR_NOMEM, "out of memory parsing YAML");
    n->kind = kind;
    n->line = (int)at.line + 1;
    n->column = (int)at.column + 1;
    n->str = "";
    if (b->depth == 0)
        b->doc->root = n;
    else if (push_pending(b, n))
        return EW_ERR_NOMEM;
    *out = n;
    return EW_OK;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    const yaml_char_t *tag = ev->data.scalar.tag;
    ew_yaml_node *n;
    int st = new_node(b, EW_YAML_SCALAR, ev, ev->data.scalar.anchor, tag, &n);
    if (st) return st;
    size_t len = ev->data.scalar.length;
    if (len > b->lim.max_scalar)
        return fail_at(b, EW_ERR_TOO_LARGE, ev->start_mark, "YAML scalar longer than %zu bytes",
                       b->lim.max_scalar);
    char *s = ew_arena_strndup(&b->doc->arena, (const char *)ev->data.scalar.value, len);
    if (!s) return ew__error_set(b->err, EW_ERR_NOMEM, "out of memory parsing YAML");
    n->str = s;
    n->len = len;
    switch (ev->data.scalar.style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        n->style = EW_YAML_QUOTED;
        break;
    case YAML_LITERAL_SCALAR_STYLE:
    case YAML_FOLDED_SCALAR_STYLE:
        n->style = EW_YAML_BLOCK;
        break;
    default:
        n->style = tag ? EW_YAML_QUOTED : EW_YAML_PLAIN;
        break;
    }
    return EW_OK;
}

static int on_start(builder *b, const yaml_event_t *ev, ew_yaml_kind kind)
{
    const yaml_char_t *anchor =
        kind == EW_YAML_MAP ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
    const yaml_char_t *tag =
        kind == EW_YAML_MAP ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
    if (b->depth >= b->lim.max_depth)
        return fail_at(b, EW_ERR_TOO_LARGE, ev->start_mark, "YAML nested deeper than %d levels",
                       b->lim.max_depth);
    ew_yaml_node *n;
    int st = new_node(b, kind, ev, anchor, tag, &n);
    if (st) return st;
    b->stack[b->depth].node = n;
    b->stack[b->depth].start = b->n_pending;
    b->depth++;
    return EW_OK;
}

static int key_cmp(const void *pa, const void *pb)
{
    const ew_yaml_node *a = *(ew_yaml_node *const *)pa, *b = *(ew_yaml_node *const *)pb;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    int c = memcmp(a->str, b->str, a->len);
    if (c) return c;
    /* Equal keys sort in file order, so the later one is reported. */
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    return (a->column > b->column) - (a->column < b->column);
}

/* Sorting a copy keeps duplicate detection O(n log n) on hostile maps. */
static int check_duplicates(builder *b, ew_yaml_node *map)
{
    if (map->n < 2) return EW_OK;
    ew_yaml_node **sorted = malloc((size_t)map->n * sizeof *sorted);
    if (!sorted) return ew__error_set(b->err, EW_ERR_NOMEM, "out of memory parsing YAML");
    memcpy(sorted, map->keys, (size_t)map->n * sizeof *sorted);
    qsort(sorted, (size_t)map->n, sizeof *sorted, key_cmp);
    /* y follows an equal key in the sorted order: it is a repeat. Report the
     * earliest repeat in the file, naming where the key first appeared. */
    const ew_yaml_node *dup = NULL;
    for (int i = 1; i < map->n; i++) {
        const ew_yaml_node *x = sorted[i - 1], *y = sorted[i];
        if (x->len == y->len && !memcmp(x->str, y->str, x->len) &&
            (!dup || y->line < dup->line || (y->line == dup->line && y->column < dup->column)))
            dup = y;
    }
    int st = EW_OK;
    if (dup) {
        const ew_yaml_node *first = dup;
        for (int i = 0; i < map->n && first == dup; i++)
            if (map->keys[i]->len == dup->len && !memcmp(map->keys[i]->str, dup->str, dup->len))
                first = map->keys[i];
        yaml_mark_t m = {.line = (size_t)dup->line - 1, .column = (size_t)dup->column - 1};
        st = fail_at(b, EW_ERR_PARSE, m, "duplicate key '%s' (first defined at line %d)", dup->str,
                     first->line);
    }
    free(sorted);
    return st;
}

static int on_end(builder *b)
{
    frame *f = &b->stack[--b->depth];
    ew_yaml_node *n = f->node;
    int count = b->n_pending - f->start;
    ew_yaml_node **slice = b->pending + f->start;
    if (n->kind == EW_YAML_MAP) {
        n->n = count / 2;
        n->keys = ew_arena_alloc(&b->doc->arena, (size_t)n->n * sizeof *n->keys + 1);
        n->items = ew_arena_alloc(&b->doc->arena, (size_t)n->n * sizeof *n->items + 1);
        if (!n->keys || !n->items)
            return ew__error_set(b->err, EW_ERR_NOMEM, "out of memory parsing YAML");
        for (int i = 0; i < n->n; i++) {
            n->keys[i] = slice[2 * i];
            n->items[i] = slice[2 * i + 1];
        }
    } else {
        n->n = count;
        n->items = ew_arena_alloc(&b->doc->arena, (size_t)count * sizeof *n->items + 1);
        if (!n->items) return ew__error_set(b->err, EW_ERR_NOMEM, "out of memory parsing YAML");
        if (count) memcpy(n->items, slice, (size_t)count * sizeof *slice);
    }
    b->n_pending = f->start;
    return n->kind == EW_YAML_MAP ? check_duplicates(b, n) : EW_OK;
}

/* Handles one event; *done is set at the end of the stream. */
static int on_event(builder *b, const yaml_event_t *ev, bool *done)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->n_docs > 1)
            return fail_at(b, EW_ERR_PARSE, ev->start_mark,
                           "a config file holds one YAML document; found a second one");
        return EW_OK;
    case YAML_SCALAR_EVENT:
        return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_start(b, ev, EW_YAML_SEQ);
    case YAML_MAPPING_START_EVENT:
        return on_start(b, ev, EW_YAML_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return on_end(b);
    case YAML_ALIAS_EVENT:
        return fail_at(b, EW_ERR_UNSUPPORTED, ev->start_mark,
                       "aliases (*%s) and anchors are not supported in edgeway configs: "
                       "write the value out",
                       (const char *)ev->data.alias.anchor);
    case YAML_STREAM_END_EVENT:
        *done = true;
        return EW_OK;
    default:
        return EW_OK;
    }
}

static void limits_or_defaults(ew_yaml_limits *l, const ew_yaml_limits *in)
{
    l->max_bytes = in && in->max_bytes ? in->max_bytes : YAML_DEFAULT_MAX_BYTES;
    l->max_nodes = in && in->max_nodes > 0 ? in->max_nodes : YAML_DEFAULT_MAX_NODES;
    l->max_depth = in && in->max_depth > 0 ? in->max_depth : YAML_DEFAULT_MAX_DEPTH;
    l->max_scalar = in && in->max_scalar ? in->max_scalar : YAML_DEFAULT_MAX_SCALAR;
}

int ew_yaml_parse(ew_yaml_doc *doc, const char *text, size_t len, const char *file,
                  const ew_yaml_limits *limits, ew_error *err)
{
    memset(doc, 0, sizeof *doc);
    ew_arena_init(&doc->arena, 0, YAML_ARENA_MAX);
    doc->file = ew_arena_strdup(&doc->arena, file ? file : "<string>");
    if (!doc->file) return ew__error_set(err, EW_ERR_NOMEM, "out of memory parsing YAML");
    builder b = {.doc = doc, .err = err, .text = text, .len = len};
    limits_or_defaults(&b.lim, limits);
    if (len > b.lim.max_bytes) {
        ew__error_at(err, EW_ERR_TOO_LARGE, doc->file, 0, 0, "YAML input larger than %zu bytes",
                     b.lim.max_bytes);
        ew_yaml_doc_cleanup(doc);
        return EW_ERR_TOO_LARGE;
    }
    b.stack = malloc((size_t)b.lim.max_depth * sizeof *b.stack);
    yaml_parser_t p;
    if (!b.stack || !yaml_parser_initialize(&p)) {
        free(b.stack);
        ew_yaml_doc_cleanup(doc);
        return ew__error_set(err, EW_ERR_NOMEM, "out of memory parsing YAML");
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int st = EW_OK;
    for (bool done = false; !st && !done;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            st = syntax_error(&b, &p);
            break;
        }
        st = on_event(&b, &ev, &done);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    free(b.stack);
    free(b.pending);
    if (st) ew_yaml_doc_cleanup(doc);
    return st;
}

void ew_yaml_doc_cleanup(ew_yaml_doc *doc)
{
    ew_arena_cleanup(&doc->arena);
    doc->root = NULL;
    doc->file = NULL;
}

static int map_index(const ew_yaml_node *map, const char *key)
{
    if (!map || map->kind != EW_YAML_MAP) return -1;
    size_t klen = strlen(key);
    for (int i = 0; i < map->n; i++)
        if (map->keys[i]->len == klen && !memcmp(map->keys[i]->str, key, klen)) return i;
    return -1;
}

const ew_yaml_node *ew_yaml_map_get(const ew_yaml_node *map, const char *key)
{
    int i = map_index(map, key);
    return i < 0 ? NULL : map->items[i];
}

const ew_yaml_node *ew_yaml_map_key(const ew_yaml_node *map, const char *key)
{
    int i = map_index(map, key);
    return i < 0 ? NULL : map->keys[i];
}
