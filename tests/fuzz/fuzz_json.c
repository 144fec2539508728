/* libFuzzer harness for the JSON reader (see README.md in this folder).
 * Every accepted document must navigate cleanly, unescape to valid UTF-8 and
 * re-serialize through the writer into a document the reader accepts again;
 * ew_json_pick must give the same verdict as ew_json_parse. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes value v; tokens come in document order, so an explicit walk over
 * parent links would do too, but the depth is capped by the parse (64). */
static void emit(ew_jw *w, const ew_json_doc *doc, int v, ew_arena *a)
{
    size_t len = 0;
    switch (ew_json_type_of(doc, v)) {
    case EW_JSON_OBJECT:
        ew_jw_object_begin(w);
        for (int k = ew_json_first(doc, v); k >= 0; k = ew_json_next(doc, k)) {
            char *key = ew_json_string(doc, k, a, &len);
            if (!key || !ew_utf8_valid(key, len)) abort();
            ew_jw_keyn(w, key, len);
            emit(w, doc, ew_json_member_value(doc, k), a);
        }
        ew_jw_object_end(w);
        break;
    case EW_JSON_ARRAY:
        ew_jw_array_begin(w);
        for (int i = 0; i < ew_json_count(doc, v); i++)
            emit(w, doc, ew_json_at(doc, v, i), a);
        ew_jw_array_end(w);
        break;
    case EW_JSON_STRING: {
        char *s = ew_json_string(doc, v, a, &len);
        if (!s || !ew_utf8_valid(s, len)) abort();
        ew_jw_stringn(w, s, len);
        break;
    }
    case EW_JSON_NUMBER: {
        double d;
        int64_t i;
        (void)ew_json_double(doc, v, &d);
        (void)ew_json_int64(doc, v, &i);
        const char *raw = ew_json_raw(doc, v, &len);
        ew_jw_raw(w, raw, len);
        break;
    }
    default: {
        const char *raw = ew_json_raw(doc, v, &len);
        ew_jw_raw(w, raw, len);
        break;
    }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The one-pass picker accepts exactly what the parser accepts. */
    static const ew_json_want picks[] = {{0, "a", 0}, {1, NULL, 0}, {2, "b", 0}};
    ew_json_doc doc;
    int pst = ew_json_pick(&doc, (const char *)data, size, picks, 3, NULL, NULL);
    ew_json_doc_cleanup(&doc);
    /* Resuming over a kept prefix gives the same verdict: the second read
     * of the same bytes resumes wherever a[0] starts. */
    ew_json_picks t;
    ew_json_picks_init(&t, picks, 3, NULL);
    ew_json_pick_memo *m = ew_json_pick_memo_new(2);
    for (int k = 0; k < 2 && m; k++) {
        if ((ew_json_pick_resume(&doc, (const char *)data, size, &t, NULL, m, NULL) == EW_OK) !=
            (pst == EW_OK))
            abort();
        ew_json_doc_cleanup(&doc);
    }
    ew_json_pick_memo_free(m);
    int st = ew_json_parse(&doc, (const char *)data, size, NULL, NULL);
    if ((pst == EW_OK) != (st == EW_OK)) abort();
    if (st != EW_OK) return 0;
    ew_arena a;
    ew_arena_init(&a, 0, 64u << 20);
    ew_buf out;
    ew_buf_init(&out, 64u << 20);
    ew_jw w;
    ew_jw_init(&w, &out);
    emit(&w, &doc, 0, &a);
    (void)ew_json_path(&doc, 0, "a.b[0].c");
    if (w.status == EW_OK) {
        ew_json_doc again;
        if (ew_json_parse(&again, out.data, out.len, NULL, NULL) != EW_OK) abort();
        ew_json_doc_cleanup(&again);
    }
    ew_buf_cleanup(&out);
    ew_arena_cleanup(&a);
    ew_json_doc_cleanup(&doc);
    return 0;
}
