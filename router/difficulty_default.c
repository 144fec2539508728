/* The shipped difficulty weights (conf/difficulty.weights), built into the
 * library so that an embedder without files (a phone app configured from a
 * string) still gets a working estimate. The assembler includes the file's
 * bytes as they are; the build passes its path (CMakeLists.txt) and rebuilds
 * this file when the weights change. */
#include "core/error.h"
#include "router/difficulty.h"

#ifndef EW_DIFFICULTY_WEIGHTS_FILE
#error "EW_DIFFICULTY_WEIGHTS_FILE must name conf/difficulty.weights"
#endif

#if defined(__APPLE__)
#define SYM(name)  "_" #name
#define SECTION    ".const"
#define VISIBILITY ".private_extern "
#else
#define SYM(name)  #name
#define SECTION    ".section .rodata"
#define VISIBILITY ".hidden "
#endif

__asm__(
    SECTION
    "\n"
    ".balign 16\n"
    ".globl " SYM(ew__difficulty_default_begin) "\n" VISIBILITY
        SYM(ew__difficulty_default_begin) "\n" SYM(
            ew__difficulty_default_begin) ":\n"
                                          ".incbin \"" EW_DIFFICULTY_WEIGHTS_FILE "\"\n"
                                          ".globl " SYM(ew__difficulty_default_end) "\n" VISIBILITY
                                              SYM(ew__difficulty_default_end) "\n" SYM(
                                                  ew__difficulty_default_end) ":\n"
                                                                              ".text\n");

extern const unsigned char ew__difficulty_default_begin[];
extern const unsigned char ew__difficulty_default_end[];

int ew_difficulty_default(ew_difficulty **out, ew_error *err)
{
    size_t len = (size_t)(ew__difficulty_default_end - ew__difficulty_default_begin);
    return ew_difficulty_load_mem(ew__difficulty_default_begin, len, out, err);
}
