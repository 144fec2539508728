/* edgeway public API: a parsed OpenAI chat/completions request.
 *
 * The gateway parses HTTP bodies into an ew_request; an embedder (a phone app
 * using the router as a library) may build one directly. Every string is
 * borrowed from the request's arena (or, when built by hand, from the caller)
 * and is NUL-terminated; lengths are given because text may contain NULs.
 */
#ifndef EDGEWAY_REQUEST_H
#define EDGEWAY_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ew_role {
    EW_ROLE_SYSTEM = 0,
    EW_ROLE_DEVELOPER,
    EW_ROLE_USER,
    EW_ROLE_ASSISTANT,
    EW_ROLE_TOOL,
} ew_role;

const char *ew_role_name(ew_role role);

/* One text part of a message's content. A string content is one part. */
typedef struct ew_text_part {
    const char *text;
    size_t len;
} ew_text_part;

/* The client's JSON spelling of a string: json[0..json_len) is the escaped
 * body of the string (no quotes), valid JSON for exactly the text
 * text[0..text_len). Writers forward it instead of escaping the text again,
 * but only while the field still holds that text (the same pointer and
 * length): whoever changes the field gives it a new pointer or length, so an
 * old spelling is never sent. json NULL: none. */
typedef struct ew_spelling {
    const char *json;
    size_t json_len;
    const char *text;
    size_t text_len;
} ew_spelling;

typedef struct ew_message {
    ew_role role;
    ew_text_part *parts; /* (n_parts) text parts, in order */
    int n_parts;
    const char *content; /* the parts concatenated (what scanners and templates read) */
    size_t content_len;
    const char *name;            /* optional */
    const char *tool_call_id;    /* role tool; optional */
    const char *tool_calls_json; /* assistant tool_calls, raw JSON kept for pass-through */
    size_t tool_calls_json_len;
    bool keep_local; /* edgeway extension "x_edgeway": {"local": true}: stays on the device */
    ew_spelling content_spelling; /* of a string content */
} ew_message;

#define EW_REQUEST_MAX_STOP 4

typedef struct ew_request {
    const char *model;    /* as asked: "auto", "local", "cloud", or a configured name */
    bool is_chat;         /* /v1/chat/completions (else /v1/completions with prompt) */
    ew_message *messages; /* (n_messages) */
    int n_messages;
    const char *prompt; /* /v1/completions */
    size_t prompt_len;
    ew_spelling prompt_spelling;
    bool stream;
    bool include_usage; /* stream_options.include_usage */
    int max_tokens;     /* -1 = not given */
    double temperature; /* NaN = not given */
    double top_p;       /* NaN = not given */
    bool has_seed;
    int64_t seed;
    const char *stop[EW_REQUEST_MAX_STOP]; /* (n_stop) */
    int n_stop;
    const char *user;
    bool logprobs;
    int top_logprobs;         /* 0 = not given */
    double frequency_penalty; /* NaN = not given */
    double presence_penalty;  /* NaN = not given */
    int parallel_tool_calls;  /* -1 = not given, else 0/1 */
    /* Kept verbatim (valid JSON) for pass-through to upstreams. These bytes
     * come from the client like the messages do: whatever scans messages
     * before they leave the device must scan these too. */
    const char *logit_bias_json;
    size_t logit_bias_json_len;
    const char *tools_json;
    size_t tools_json_len;
    const char *tool_choice_json;
    size_t tool_choice_json_len;
    const char *response_format_json;
    size_t response_format_json_len;
} ew_request;

#ifdef __cplusplus
}
#endif
#endif
