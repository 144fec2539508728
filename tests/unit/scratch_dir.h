/* A scratch directory for a unit test: made under $TMPDIR (or /tmp), and
 * removed with everything in it. Header-only; include it after <cmocka.h>. */
#ifndef EW_TEST_SCRATCH_DIR_H
#define EW_TEST_SCRATCH_DIR_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes <tmp>/<prefix>_XXXXXX into out; fails the test if it cannot. */
static inline void scratch_dir_make(char *out, size_t size, const char *prefix)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, size, "%s/%s_XXXXXX", t && *t ? t : "/tmp", prefix);
    if (!mkdtemp(out)) fail_msg("mkdtemp %s: %s", out, strerror(errno));
}

/* Removes path and what it holds; fails the test if it cannot. */
static inline void scratch_dir_remove(const char *path)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0) fail_msg("cannot remove %s", path);
}

#endif
