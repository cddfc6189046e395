/* testutil.c - helpers shared by the Check suites. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "switchsim/scenario.h"
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

struct sw_tables *test_load_tables(const char *const *files, size_t n, struct sw_err *err)
{
    struct sw_tables *t = NULL;
    char *xsd = NULL;
    size_t len;
    sw_status st;

    ck_assert_int_eq(sw_read_file(&xsd, &len, "tables/schema/v1/tables.xsd", 1 << 20, err),
                     SW_OK);
    ck_assert_int_eq(sw_tables_new(&t, xsd, len, err), SW_OK);
    free(xsd);
    for (size_t i = 0; i < n; i++) {
        char *buf = NULL;
        ck_assert_int_eq(sw_read_file(&buf, &len, files[i], 1 << 20, err), SW_OK);
        st = sw_tables_add(t, files[i], buf, len, err);
        free(buf);
        if (st) {
            sw_tables_free(t);
            return NULL;
        }
    }
    if (sw_tables_finish(t, err) != SW_OK) {
        sw_tables_free(t);
        return NULL;
    }
    return t;
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

int test_each_case(bool (*fn)(const struct sw_scenario *s, const char *path, void *arg),
                   void *arg)
{
    const struct sw_tables *t = test_tables();
    DIR *d = opendir("tests/cases");
    struct dirent *e;
    int cases = 0;

    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        char path[600], *text = NULL;
        size_t len;
        struct sw_scenario s;
        struct sw_err err;
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof(path), "tests/cases/%s", e->d_name);
        ck_assert_int_eq(sw_read_file(&text, &len, path, SW_SCENARIO_MAX_BYTES, &err), SW_OK);
        if (sw_scenario_parse(&s, t, text, len, NULL, &err) == SW_OK && fn(&s, path, arg))
            cases++;
        free(text);
    }
    closedir(d);
    return cases;
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

void test_same_used(const struct sw_used *a, const struct sw_used *b, bool projected)
{
    ck_assert_uint_eq(a->len, b->len);
    for (size_t i = 0; i < a->len; i++) {
        ck_assert_ptr_eq(a->items[i].id, b->items[i].id);
        ck_assert_int_eq(a->items[i].from, b->items[i].from);
        if (projected)
            ck_assert_int_eq(a->items[i].projected, b->items[i].projected);
    }
}
