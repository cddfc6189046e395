/* testutil.c - helpers shared by the Check suites. */
#include <stdio.h>
#include <stdlib.h>

#include "fileio.h"
#include "testutil.h"

static struct sw_tables *loaded;

static void release(void)
{
    sw_tables_free(loaded);
    loaded = NULL;
}

const struct sw_tables *test_tables(void)
{
    struct sw_err err;

    if (!loaded) {
        if (sw_tables_load_dir(&loaded, sw_tables_dir(NULL), &err) != SW_OK) {
            fprintf(stderr, "test tables do not load: %s\n", err.msg);
            abort();
        }
        atexit(release);
    }
    return loaded;
}

struct sw_ctx test_ctx(void)
{
    struct sw_ctx c = {0};

    c.tables = test_tables();
    return c;
}

sw_date test_date(const char *text)
{
    sw_date d;
    struct sw_err err;

    if (sw_date_parse(&d, text, "test", &err) != SW_OK) {
        fprintf(stderr, "bad test date '%s'\n", text);
        abort();
    }
    return d;
}

int test_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
