/* libFuzzer harness for the upstream answer reader (remote/openai.c; see
 * README.md in this folder). Byte 0 picks a stream chunk or a whole answer;
 * the rest is the JSON. What the reader accepts is JSON ew_json_parse
 * accepts; its strings are NUL-terminated valid UTF-8, tool_calls is a JSON
 * array and usage counts are not negative. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/json.h"
#include "remote/openai.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s, size_t len)
{
    if (s && (s[len] != '\0' || !ew_utf8_valid(s, len))) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    size_t n = size - 1;
    char *body = malloc(n ? n : 1); /* exact size, so ASan sees a read past the end */
    memcpy(body, data + 1, n);
    ew_arena a;
    ew_arena_init(&a, 0, 1u << 24);
    ew__openai_delta d;
    ew_error err;
    int st = data[0] & 1 ? ew__openai_parse_response(body, n, &a, &d, &err)
                         : ew__openai_parse_chunk(body, n, NULL, &a, &d, &err);
    ew_json_doc doc;
    int pst = ew_json_parse(&doc, body, n, NULL, NULL);
    ew_json_doc_cleanup(&doc);
    if (st == EW_OK) {
        if (pst != EW_OK) abort();
        const char *names[] = {d.model, d.role, d.finish_reason};
        for (int i = 0; i < 3; i++)
            if (names[i]) check_text(names[i], strlen(names[i]));
        check_text(d.content, d.content_len);
        if (d.tool_calls) {
            if (ew_json_parse(&doc, d.tool_calls, d.tool_calls_len, NULL, NULL) != EW_OK ||
                ew_json_type_of(&doc, 0) != EW_JSON_ARRAY)
                abort();
            ew_json_doc_cleanup(&doc);
        }
        if (d.usage.present && (d.usage.prompt_tokens < 0 || d.usage.completion_tokens < 0 ||
                                d.usage.total_tokens < 0))
            abort();
    } else if (st >= 0 || !err.message[0]) {
        abort();
    }
    ew_arena_cleanup(&a);
    free(body);
    return 0;
}
