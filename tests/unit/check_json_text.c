/* check_json_text.c - sw_json_text() writes exactly what cJSON_Print() and
 * cJSON_PrintUnformatted() of the linked cJSON write (the reference here is the
 * library itself): for a tree with every kind of value, edge numbers, escapes
 * and empty containers at depth, and for the timeline of every reference case;
 * and sw_json_reformat() lays out cJSON_PrintUnformatted()'s text as cJSON_Print(). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "json_text.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"
#include "testutil.h"

static void same_as_cjson(const cJSON *o, const char *what)
{
    for (int fmt = 0; fmt < 2; fmt++) {
        char *want = fmt ? cJSON_Print(o) : cJSON_PrintUnformatted(o);
        size_t len = 0;
        char *got = sw_json_text(o, fmt, &len);
        ck_assert_ptr_nonnull(want);
        ck_assert_ptr_nonnull(got);
        if (strcmp(want, got) != 0)
            ck_abort_msg("%s (%s): cJSON wrote\n%s\nsw_json_text wrote\n%s", what,
                         fmt ? "formatted" : "unformatted", want, got);
        ck_assert_uint_eq(len, strlen(want));
        cJSON_free(want);
        free(got);
    }
    /* sw_json_reformat(): cJSON's formatted text from its compact one. */
    {
        char *compact = cJSON_PrintUnformatted(o), *want = cJSON_Print(o), *got;
        size_t len = 0;
        ck_assert_ptr_nonnull(compact);
        ck_assert_ptr_nonnull(want);
        got = sw_json_reformat(compact, strlen(compact), &len);
        ck_assert_ptr_nonnull(got);
        if (strcmp(want, got) != 0)
            ck_abort_msg("%s: cJSON formatted\n%s\nsw_json_reformat of its compact text\n%s",
                         what, want, got);
        ck_assert_uint_eq(len, strlen(want));
        cJSON_free(compact);
        cJSON_free(want);
        free(got);
    }
}

START_TEST(every_kind_of_value)
{
    static const double nums[] = {0, 1, -1, 7, 2147483647.0, 2147483648.0, -2147483649.0,
                                  123456789012345.0, -999999999999999.0, 1e15, -1e15, 1e16,
                                  9007199254740993.0, 0.1, 1.5, -2.25, 1.0 / 3, 1e300, -1e-300,
                                  1e-7, 5e-324, 123.456, 0.30000000000000004};
    cJSON *o = cJSON_CreateObject(), *a, *inner, *deep;
    ck_assert_ptr_nonnull(o);
    a = cJSON_AddArrayToObject(o, "numbers");
    for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
        cJSON_AddItemToArray(a, cJSON_CreateNumber(nums[i]));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(-0.0));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(NAN));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(INFINITY));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(-INFINITY));
    cJSON_AddStringToObject(o, "escapes", "q\" b\\ \b\f\n\r\t \x01\x1f\x7f / ë é €");
    cJSON_AddStringToObject(o, "", "empty key");
    cJSON_AddStringToObject(o, "k\"e\ny", "");
    cJSON_AddRawToObject(o, "raw", "12.50");
    cJSON_AddTrueToObject(o, "t");
    cJSON_AddFalseToObject(o, "f");
    cJSON_AddNullToObject(o, "n");
    cJSON_AddObjectToObject(o, "empty_object");
    cJSON_AddArrayToObject(o, "empty_array");
    a = cJSON_AddArrayToObject(o, "nested");
    inner = cJSON_CreateObject();
    cJSON_AddNumberToObject(inner, "x", 1);
    cJSON_AddItemToObject(inner, "eo", cJSON_CreateObject());
    cJSON_AddItemToObject(inner, "ea", cJSON_CreateArray());
    deep = cJSON_AddArrayToObject(inner, "deep");
    cJSON_AddItemToArray(deep, cJSON_CreateArray());
    cJSON_AddItemToArray(deep, cJSON_CreateObject());
    cJSON_AddItemToArray(deep, cJSON_CreateString("s"));
    cJSON_AddItemToArray(a, inner);
    cJSON_AddItemToArray(a, cJSON_CreateObject());
    cJSON_AddItemToArray(a, cJSON_CreateNull());
    same_as_cjson(o, "every kind of value");
    same_as_cjson(cJSON_GetObjectItem(o, "empty_object"), "an empty object alone");
    same_as_cjson(cJSON_GetObjectItem(o, "numbers"), "an array alone");
    same_as_cjson(cJSON_GetObjectItem(o, "escapes"), "a string alone");
    cJSON_Delete(o);
    for (int i = -300; i <= 300; i += 7) {
        cJSON *n = cJSON_CreateNumber(pow(10, i) * 1.2345678901234567);
        same_as_cjson(n, "a power of ten");
        cJSON_Delete(n);
    }
    ck_assert_ptr_null(sw_json_text(NULL, true, NULL));
}
END_TEST

/* What is not the compact text of a value is refused, not half laid out. */
START_TEST(reformat_refuses_what_is_not_compact_json)
{
    static const char *const bad[] = {"{", "}", "[1,2", "{\"a\":[1]", "[1]]", "{\"a\":\"b}"};
    char deep[200], nul[] = "{\"a\":1\0}";
    size_t n = 0;
    char *t;

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        t = sw_json_reformat(bad[i], strlen(bad[i]), NULL);
        if (t)
            ck_abort_msg("'%s' was laid out as '%s'", bad[i], t);
    }
    ck_assert_ptr_null(sw_json_reformat(nul, sizeof(nul) - 1, NULL));
    /* 64 levels are laid out, 65 are not. */
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    t = sw_json_reformat(deep, 128, &n);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(n, 128);
    free(t);
    memset(deep, '[', 65);
    memset(deep + 65, ']', 65);
    ck_assert_ptr_null(sw_json_reformat(deep, 130, NULL));
}
END_TEST

/* Strings are looked at 8 or 16 bytes at a time: every byte value at every place
 * of strings of 1 to 40 bytes (within a word or block, across them, in the tail),
 * alone and after an escape, as cJSON writes them. */
START_TEST(every_byte_everywhere_in_a_string)
{
    char t[48];

    for (int len = 1; len <= 40; len++)
        for (int at = 0; at < len; at++)
            for (int c = 1; c < 256; c++) {
                cJSON *str;
                memset(t, 'a', (size_t)len);
                t[len] = '\0';
                t[at] = (char)c;
                if (at > 2 && c % 3 == 0)
                    t[at / 2] = '\n';
                str = cJSON_CreateString(t);
                ck_assert_ptr_nonnull(str);
                same_as_cjson(str, "a string with a byte at a place");
                cJSON_Delete(str);
            }
}
END_TEST

/* The timeline JSON of every reference case, as simulate --json and the API
 * print it. */
static bool case_same_as_cjson(const struct sw_scenario *s, const char *path, void *arg)
{
    struct sw_timeline *tl = NULL;
    struct sw_err err;
    cJSON *o;

    (void)arg;
    if (sw_simulate(&tl, test_tables(), s, SW_SIM_TRACE, &err) != SW_OK)
        return false;
    o = sw_timeline_json(tl);
    ck_assert_ptr_nonnull(o);
    same_as_cjson(o, path);
    cJSON_Delete(o);
    sw_timeline_free(tl);
    return true;
}

START_TEST(every_reference_case)
{
    ck_assert_int_gt(test_each_case(case_same_as_cjson, NULL), 10);
}
END_TEST

static Suite *json_text_suite(void)
{
    Suite *s = suite_create("json_text");
    TCase *tc = tcase_create("json_text");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_kind_of_value);
    tcase_add_test(tc, every_byte_everywhere_in_a_string);
    tcase_add_test(tc, reformat_refuses_what_is_not_compact_json);
    tcase_add_test(tc, every_reference_case);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(json_text_suite)
