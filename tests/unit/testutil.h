/* testutil.h - shared by the Check suites: the in-tree tables, loaded once per
 * test binary, and a main() that runs one suite. */
#ifndef SWITCHSIM_TESTUTIL_H
#define SWITCHSIM_TESTUTIL_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "switchsim/tables.h"

/* The shipped tables (tables/ in the source tree, or $SWITCHSIM_TABLES). Aborts
 * the test with the loader's message when they do not load. Owned by testutil. */
const struct sw_tables *test_tables(void);

/* A table set of the given files (test tables, loaded in order and finished),
 * or NULL with err set when one is refused; the caller frees it. */
struct sw_tables *test_load_tables(const char *const *files, size_t n, struct sw_err *err);

/* A lookup context on the shipped tables, national defaults, no overrides. */
struct sw_ctx test_ctx(void);

/* Parse "YYYY-MM-DD" or abort. */
sw_date test_date(const char *text);

struct sw_scenario;

/* For every reference scenario (each .json in tests/cases) that parses on the shipped
 * tables: fn(scenario, path, arg). Returns how many fn counted (returned true). */
int test_each_case(bool (*fn)(const struct sw_scenario *s, const char *path, void *arg),
                   void *arg);

struct sw_used;

/* Assert that two lists of values used hold the same values in the same order
 * (id by address, from date; and the projected mark when `projected`): a kept
 * or memoized calculation against the plain one. */
void test_same_used(const struct sw_used *a, const struct sw_used *b, bool projected);

/* Run one suite (with CK_FORK as set in the environment); exit code 0 when all
 * passed. */
int test_run_suite(Suite *s);

#define TEST_MAIN(suite_fn)                                                  \
    int main(void)                                                           \
    {                                                                        \
        return test_run_suite(suite_fn());                                   \
    }

#endif
