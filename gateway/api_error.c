/* The OpenAI error object, the one shape every failure takes on the wire. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/json.h"
#include "gateway/gateway_internal.h"

void ew_api_error_set(ew_api_error *e, int http_status, const char *type, const char *code,
                      const char *param, const char *fmt, ...)
{
    e->http_status = http_status;
    e->type = type;
    e->code = code;
    snprintf(e->param, sizeof e->param, "%s", param ? param : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

int ew__api_error_json(const ew_api_error *e, ew_buf *out)
{
    ew_jw w;
    ew_jw_init(&w, out);
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "error");
    ew_jw_object_begin(&w);
    ew_jw_key(&w, "message");
    ew_jw_string(&w, e->message);
    ew_jw_key(&w, "type");
    ew_jw_string(&w, e->type ? e->type : "server_error");
    ew_jw_key(&w, "param");
    if (e->param[0])
        ew_jw_string(&w, e->param);
    else
        ew_jw_null(&w);
    ew_jw_key(&w, "code");
    if (e->code)
        ew_jw_string(&w, e->code);
    else
        ew_jw_null(&w);
    ew_jw_object_end(&w);
    ew_jw_object_end(&w);
    return w.status;
}

size_t ew_api_error_format(const ew_api_error *e, char *out, size_t size)
{
    /* The fields are bounded (param 96, message 384 bytes), so the escaped
     * object always fits 8 KiB: the cap is a formality. */
    ew_buf b;
    ew_buf_init(&b, 8192);
    size_t need = 0;
    if (ew__api_error_json(e, &b) == EW_OK) {
        need = b.len;
        if (size) snprintf(out, size, "%s", need < size ? b.data : "");
    } else if (size) {
        out[0] = '\0';
    }
    ew_buf_cleanup(&b);
    return need;
}
