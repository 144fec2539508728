/* The scan result the PII unit tests share: one per test binary, set up
 * and freed once by the group (include after <cmocka.h>). */
#ifndef EW_TEST_PII_RESULT_FIXTURE_H
#define EW_TEST_PII_RESULT_FIXTURE_H

#include "edgeway/pii.h"

static ew_pii_result res;

static int setup(void **state)
{
    (void)state;
    ew_pii_result_init(&res);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ew_pii_result_cleanup(&res);
    return 0;
}

#endif
