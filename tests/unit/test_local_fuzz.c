/* Inputs the libFuzzer harnesses in tests/fuzz found breaking local/ (the
 * tokenizer), each replayed exactly. The same inputs are in
 * tests/fuzz/corpus/<target>/ for the fuzz/<target> ctests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/tokenizer.h"

/* fuzz_tokenizer input "1": empty text through the SentencePiece vocab with
 * add_special, giving just BOS, whose piece is empty without special. Asking
 * detokenize for the size (out NULL, cap 0) then did memcpy(NULL, buf, 0). */
static void test_detokenize_size_query_empty(void **state)
{
    (void)state;
    ew_tokenizer *tok;
    ew_error err;
    assert_int_equal(ew_tokenizer_open("tests/fuzz/corpus/gguf/llama-spm.gguf", &tok, &err), EW_OK);
    ew_token ids[4];
    size_t n = 0;
    assert_int_equal(ew_tokenizer_encode(tok, "", 0, true, true, ids, 4, &n, &err), EW_OK);
    assert_int_equal(n, 1);
    size_t len = 99;
    assert_int_equal(ew_tokenizer_detokenize(tok, ids, n, false, false, NULL, 0, &len),
                     EW_ERR_TOO_LARGE);
    assert_int_equal(len, 0);
    char out[1] = {'x'};
    assert_int_equal(ew_tokenizer_detokenize(tok, ids, n, false, false, out, 1, &len), EW_OK);
    assert_int_equal(len, 0);
    assert_int_equal(out[0], '\0');
    ew_tokenizer_free(tok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detokenize_size_query_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
