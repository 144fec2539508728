/* Chat templates: detection from template sources (including the real one in
 * the Phi-3 vocab), and the exact prompt each family renders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/chat.h"
#include "local/gguf.h"

static ew_message msg(ew_role role, const char *content)
{
    ew_message m;
    memset(&m, 0, sizeof m);
    m.role = role;
    m.content = content;
    m.content_len = strlen(content);
    return m;
}

static ew_message conv[4];

static int setup(void **state)
{
    (void)state;
    conv[0] = msg(EW_ROLE_SYSTEM, "You are helpful.");
    conv[1] = msg(EW_ROLE_USER, "Hello");
    conv[2] = msg(EW_ROLE_ASSISTANT, "Hi there");
    conv[3] = msg(EW_ROLE_USER, "How are you?");
    return 0;
}

static void expect_render(ew_chat_format f, const ew_message *m, int n, bool gen, const char *eos,
                          const char *want)
{
    char out[2048];
    size_t len;
    ew_error err;
    int st = ew_chat_render(f, m, n, gen, eos, out, sizeof out, &len, &err);
    if (st) fail_msg("%s: %s", ew_chat_format_name(f), err.message);
    if (strcmp(out, want)) fail_msg("%s:\n want: %s\n got:  %s", ew_chat_format_name(f), want, out);
    assert_int_equal(len, strlen(want));
}

static void test_render_families(void **state)
{
    (void)state;
    expect_render(EW_CHAT_CHATML, conv, 4, true, NULL,
                  "<|im_start|>system\nYou are helpful.<|im_end|>\n"
                  "<|im_start|>user\nHello<|im_end|>\n"
                  "<|im_start|>assistant\nHi there<|im_end|>\n"
                  "<|im_start|>user\nHow are you?<|im_end|>\n"
                  "<|im_start|>assistant\n");
    expect_render(EW_CHAT_CHATML, conv + 1, 1, false, NULL, "<|im_start|>user\nHello<|im_end|>\n");
    expect_render(EW_CHAT_LLAMA3, conv, 4, true, NULL,
                  "<|start_header_id|>system<|end_header_id|>\n\nYou are helpful.<|eot_id|>"
                  "<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>"
                  "<|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|>"
                  "<|start_header_id|>user<|end_header_id|>\n\nHow are you?<|eot_id|>"
                  "<|start_header_id|>assistant<|end_header_id|>\n\n");
    expect_render(EW_CHAT_LLAMA2, conv, 4, true, NULL,
                  "[INST] You are helpful.\nHello [/INST]Hi there</s>[INST] How are you? [/INST]");
    expect_render(EW_CHAT_LLAMA2_SYS, conv, 4, true, NULL,
                  "[INST] <<SYS>>\nYou are helpful.\n<</SYS>>\n\nHello [/INST]Hi there</s>"
                  "[INST] How are you? [/INST]");
    expect_render(EW_CHAT_LLAMA2_SYS_BOS, conv, 4, true, NULL,
                  "[INST] <<SYS>>\nYou are helpful.\n<</SYS>>\n\nHello [/INST]Hi there</s>"
                  "<s>[INST] How are you? [/INST]");
    expect_render(EW_CHAT_ZEPHYR, conv, 4, true, NULL,
                  "<|system|>\nYou are helpful.</s>\n<|user|>\nHello</s>\n"
                  "<|assistant|>\nHi there</s>\n<|user|>\nHow are you?</s>\n<|assistant|>\n");
    expect_render(EW_CHAT_ZEPHYR, conv + 1, 1, true, "<|endoftext|>",
                  "<|user|>\nHello<|endoftext|>\n<|assistant|>\n");
    expect_render(EW_CHAT_PHI3, conv, 4, true, NULL,
                  "<|system|>\nYou are helpful.<|end|>\n<|user|>\nHello<|end|>\n"
                  "<|assistant|>\nHi there<|end|>\n<|user|>\nHow are you?<|end|>\n"
                  "<|assistant|>\n");
    expect_render(EW_CHAT_PHI4, conv, 4, true, NULL,
                  "<|im_start|>system<|im_sep|>You are helpful.<|im_end|>"
                  "<|im_start|>user<|im_sep|>Hello<|im_end|>"
                  "<|im_start|>assistant<|im_sep|>Hi there<|im_end|>"
                  "<|im_start|>user<|im_sep|>How are you?<|im_end|>"
                  "<|im_start|>assistant<|im_sep|>");
    /* Gemma has no system turn: it opens the first user turn. */
    expect_render(EW_CHAT_GEMMA, conv, 4, true, NULL,
                  "<start_of_turn>user\nYou are helpful.\n\nHello<end_of_turn>\n"
                  "<start_of_turn>model\nHi there<end_of_turn>\n"
                  "<start_of_turn>user\nHow are you?<end_of_turn>\n"
                  "<start_of_turn>model\n");
    expect_render(EW_CHAT_MISTRAL_V1, conv, 4, true, NULL,
                  " [INST] You are helpful.\n\nHello [/INST] Hi there</s> [INST] How are you? "
                  "[/INST]");
    expect_render(EW_CHAT_MISTRAL_V3, conv, 4, true, NULL,
                  "[INST] You are helpful.\n\nHello[/INST] Hi there</s>[INST] How are you?[/INST]");
    expect_render(EW_CHAT_MISTRAL_V3_TEKKEN, conv, 4, true, NULL,
                  "[INST]You are helpful.\n\nHello[/INST]Hi there</s>[INST]How are you?[/INST]");
    expect_render(EW_CHAT_MISTRAL_V7, conv, 4, true, NULL,
                  "[SYSTEM_PROMPT] You are helpful.[/SYSTEM_PROMPT][INST] Hello[/INST] Hi "
                  "there</s>[INST] How are you?[/INST]");
}

static void test_render_details(void **state)
{
    (void)state;
    /* Llama-3, Gemma and the strip variant trim; ChatML keeps content as is. */
    ew_message pad[2] = {msg(EW_ROLE_USER, "  Hi \n"), msg(EW_ROLE_ASSISTANT, "\tYo ")};
    expect_render(EW_CHAT_LLAMA3, pad, 2, false, NULL,
                  "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                  "<|start_header_id|>assistant<|end_header_id|>\n\nYo<|eot_id|>");
    expect_render(EW_CHAT_GEMMA, pad, 2, false, NULL,
                  "<start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\nYo<end_of_turn>\n");
    expect_render(EW_CHAT_LLAMA2_SYS_STRIP, pad, 2, false, NULL, "[INST] Hi [/INST]Yo</s>");
    expect_render(EW_CHAT_CHATML, pad, 1, false, NULL, "<|im_start|>user\n  Hi \n<|im_end|>\n");

    /* developer is system; tool keeps its name where roles are spelled. */
    ew_message roles[3] = {msg(EW_ROLE_DEVELOPER, "D"), msg(EW_ROLE_TOOL, "T"),
                           msg(EW_ROLE_USER, "U")};
    expect_render(EW_CHAT_CHATML, roles, 3, false, NULL,
                  "<|im_start|>system\nD<|im_end|>\n<|im_start|>tool\nT<|im_end|>\n"
                  "<|im_start|>user\nU<|im_end|>\n");
    expect_render(EW_CHAT_LLAMA2_SYS, roles, 3, false, NULL,
                  "[INST] <<SYS>>\nD\n<</SYS>>\n\nT [/INST]U [/INST]");
    /* Two system messages both reach Gemma's first user turn. */
    ew_message sys2[3] = {msg(EW_ROLE_SYSTEM, "A"), msg(EW_ROLE_SYSTEM, " B"),
                          msg(EW_ROLE_USER, "U")};
    expect_render(EW_CHAT_GEMMA, sys2, 3, false, NULL,
                  "<start_of_turn>user\nAB\n\nU<end_of_turn>\n");

    /* Content with a NUL byte is copied whole. */
    ew_message nul = msg(EW_ROLE_USER, "a");
    nul.content = "a\0b";
    nul.content_len = 3;
    char out[64];
    size_t len;
    ew_error err;
    assert_int_equal(
        ew_chat_render(EW_CHAT_CHATML, &nul, 1, false, NULL, out, sizeof out, &len, &err), EW_OK);
    assert_int_equal(len, strlen("<|im_start|>user\n") + 3 + strlen("<|im_end|>\n"));
    assert_memory_equal(out + 17, "a\0b", 3);

    /* No messages: just the generation prompt. */
    expect_render(EW_CHAT_CHATML, NULL, 0, true, NULL, "<|im_start|>assistant\n");

    /* Too small a buffer reports the size needed. */
    char small[8];
    assert_int_equal(
        ew_chat_render(EW_CHAT_CHATML, conv + 1, 1, false, NULL, small, sizeof small, &len, &err),
        EW_ERR_TOO_LARGE);
    assert_int_equal(len, strlen("<|im_start|>user\nHello<|im_end|>\n"));
    assert_int_equal(
        ew_chat_render(EW_CHAT_UNKNOWN, conv, 4, true, NULL, out, sizeof out, &len, &err),
        EW_ERR_INVALID);
    assert_int_equal(
        ew_chat_render(EW_CHAT_CHATML, NULL, 2, true, NULL, out, sizeof out, &len, &err),
        EW_ERR_INVALID);
}

static ew_chat_format detect(const char *t)
{
    return ew_chat_detect(t, strlen(t));
}

static void test_detect(void **state)
{
    (void)state;
    /* Qwen2.5 / SmolLM2 (abridged). */
    assert_int_equal(detect("{% for message in messages %}{{'<|im_start|>' + message['role'] + "
                            "'\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
                            "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
                            "{% endif %}"),
                     EW_CHAT_CHATML);
    /* Llama-2-chat. */
    assert_int_equal(detect("{% if loop.index0 == 0 and system_message != false %}{% set content "
                            "= '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + "
                            "message['content'] %}{% endif %}{% if message['role'] == 'user' %}"
                            "{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}"),
                     EW_CHAT_LLAMA2_SYS_STRIP);
    /* Mistral-7B-Instruct v0.1/v0.2. */
    assert_int_equal(detect("{{ bos_token }}{% for message in messages %}{% if message['role'] == "
                            "'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif "
                            "message['role'] == 'assistant' %}{{ message['content'] + eos_token}}"
                            "{% endif %}{% endfor %}"),
                     EW_CHAT_LLAMA2);
    assert_int_equal(detect("{{ '[AVAILABLE_TOOLS] [' }}...{{ '[INST] ' + message['content'] + "
                            "'[/INST]' }}"),
                     EW_CHAT_MISTRAL_V3);
    assert_int_equal(detect("{{- \"[AVAILABLE_TOOLS][\" }}{{- \"[INST]\" + message[\"content\"] "
                            "+ \"[/INST]\" }}"),
                     EW_CHAT_MISTRAL_V3_TEKKEN);
    assert_int_equal(detect("{{- '[SYSTEM_PROMPT]' + system_message + '[/SYSTEM_PROMPT]' }}"
                            "{{- '[INST]' + message['content'] + '[/INST]' }}"),
                     EW_CHAT_MISTRAL_V7);
    /* Llama-3 Instruct. */
    assert_int_equal(detect("{% set content = '<|start_header_id|>' + message['role'] + "
                            "'<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' "
                            "%}"),
                     EW_CHAT_LLAMA3);
    /* Zephyr and TinyLlama. */
    assert_int_equal(detect("{% if message['role'] == 'user' %}{{ '<|user|>\\n' + "
                            "message['content'] + eos_token }}{% elif message['role'] == "
                            "'assistant' %}{{ '<|assistant|>\\n'  + message['content'] + "
                            "eos_token }}{% endif %}"),
                     EW_CHAT_ZEPHYR);
    /* Phi-3 and Phi-4. */
    assert_int_equal(detect("{{'<|user|>' + '\\n' + message['content'] + '<|end|>' + '\\n' + "
                            "'<|assistant|>' + '\\n'}}"),
                     EW_CHAT_PHI3);
    assert_int_equal(detect("{{'<|im_start|>' + message['role'] + '<|im_sep|>' + "
                            "message['content'] + '<|im_end|>'}}"),
                     EW_CHAT_PHI4);
    /* Gemma. */
    assert_int_equal(detect("{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + "
                            "'<end_of_turn>\\n' }}"),
                     EW_CHAT_GEMMA);
    /* Names work as templates; unknown and empty fall back to the default. */
    assert_int_equal(detect("llama3"), EW_CHAT_LLAMA3);
    assert_int_equal(detect("mistral-v7"), EW_CHAT_MISTRAL_V7);
    assert_int_equal(detect("{{ messages }}"), EW_CHAT_UNKNOWN);
    assert_int_equal(ew_chat_format_for_template("{{ messages }}", 14), EW_CHAT_DEFAULT);
    assert_int_equal(ew_chat_detect(NULL, 0), EW_CHAT_UNKNOWN);
    assert_int_equal(ew_chat_format_for_template(NULL, 0), EW_CHAT_CHATML);
    /* SmolVLM uses <|im_start|> but is not ChatML. */
    assert_int_equal(detect("<|im_start|>User:<end_of_utterance>"), EW_CHAT_UNKNOWN);
    assert_string_equal(ew_chat_format_name(EW_CHAT_GEMMA), "gemma");
    assert_string_equal(ew_chat_format_name(EW_CHAT_UNKNOWN), "unknown");
}

/* The Phi-3 vocab carries Microsoft's real template. */
static void test_detect_from_gguf(void **state)
{
    (void)state;
    const char *shared = getenv("EW_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/models/vocab/ggml-vocab-phi-3.gguf",
             shared ? shared : "../shared");
    ew_gguf *g;
    ew_error err;
    assert_int_equal(ew_gguf_open(path, NULL, &g, &err), EW_OK);
    const char *t;
    size_t n;
    assert_int_equal(ew_gguf_get_str(g, "tokenizer.chat_template", &t, &n), EW_OK);
    assert_int_equal(ew_chat_detect(t, n), EW_CHAT_PHI3);
    ew_gguf_close(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_render_families),
        cmocka_unit_test(test_render_details),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_detect_from_gguf),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
