/* libFuzzer harness for the OpenAI request parser (gateway/openai_request.c;
 * see README.md in this folder). Byte 0 picks chat or completions; the rest is
 * the HTTP body. An accepted request must hold valid UTF-8 whose pieces add
 * up; a refused one must carry a 400/413 error that formats as JSON. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "edgeway/gateway.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s, size_t len)
{
    if (!s || s[len] != '\0' || !ew_utf8_valid(s, len)) abort();
}

static void check_request(const ew_request *r)
{
    if (r->n_messages < 0 || r->n_stop < 0 || r->n_stop > EW_REQUEST_MAX_STOP) abort();
    if (!r->model) abort();
    for (int i = 0; i < r->n_messages; i++) {
        const ew_message *m = &r->messages[i];
        if ((unsigned)m->role > EW_ROLE_TOOL || m->n_parts < 0) abort();
        size_t sum = 0;
        for (int p = 0; p < m->n_parts; p++) {
            check_text(m->parts[p].text, m->parts[p].len);
            sum += m->parts[p].len;
        }
        check_text(m->content, m->content_len);
        if (sum != m->content_len) abort();
    }
    if (r->prompt) check_text(r->prompt, r->prompt_len);
    for (int i = 0; i < r->n_stop; i++)
        if (!r->stop[i] || !ew_utf8_valid(r->stop[i], strlen(r->stop[i]))) abort();
    if (!isnan(r->temperature) && !(r->temperature >= 0 && r->temperature <= 2)) abort();
    if (!isnan(r->top_p) && !(r->top_p >= 0 && r->top_p <= 1)) abort();
    /* The verbatim pass-through fields must be JSON an upstream accepts. */
    const char *raw[] = {r->logit_bias_json, r->tools_json, r->tool_choice_json,
                         r->response_format_json};
    size_t raw_len[] = {r->logit_bias_json_len, r->tools_json_len, r->tool_choice_json_len,
                        r->response_format_json_len};
    for (int i = 0; i < 4; i++) {
        if (!raw[i]) continue;
        ew_json_doc doc;
        if (ew_json_parse(&doc, raw[i], raw_len[i], NULL, NULL) != EW_OK) abort();
        ew_json_doc_cleanup(&doc);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    ew_request_kind kind = data[0] & 1 ? EW_REQUEST_COMPLETION : EW_REQUEST_CHAT;
    size_t n = size - 1;
    char *body = malloc(n ? n : 1); /* exact size, so ASan sees a read past the end */
    memcpy(body, data + 1, n);
    ew_request *req = NULL;
    ew_api_error err;
    memset(&err, 0, sizeof err);
    int st = ew_request_parse_json(body, n, kind, &req, &err);
    if (st == EW_OK) {
        if (!req) abort();
        check_request(req);
    } else {
        if (req || st >= 0) abort();
        if (err.http_status != 400 && err.http_status != 413 && st != EW_ERR_NOMEM) abort();
        char out[1024];
        size_t need = ew_api_error_format(&err, out, sizeof out);
        if (need >= sizeof out) abort();
        ew_json_doc doc;
        if (ew_json_parse(&doc, out, need, NULL, NULL) != EW_OK) abort();
        ew_json_doc_cleanup(&doc);
    }
    ew_request_free(req);
    free(body);
    return 0;
}
