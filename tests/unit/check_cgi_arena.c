/* check_cgi_arena.c - the API's answers with cJSON's memory in an arena
 * (cgi_arena.h, as switchsim.fcgi runs cgi_answer()) are byte for byte the
 * answers with malloc(): for every reference case on the endpoints that build
 * cJSON trees (simulate plain and traced, employer, municipality, wayback,
 * sweep) and for bodies refused as malformed or invalid; the arena keeps only
 * its first block from one request to the next, and cJSON uses malloc() again
 * after cgi_arena_end(). Under AddressSanitizer (make check) the arena is on
 * as in switchsim.fcgi and tells ASan which of its pieces are in use: a piece
 * given back by cJSON, or any after cgi_arena_end(), is poisoned. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "cgi_arena.h"
#include "fileio.h"
#include "switchsim/engine.h"
#include "testutil.h"

/* cgi_answer() of POST path?query with `text` as the body, in `arena` when not NULL. */
static void answer(struct cgi_response *resp, struct cgi_arena *arena, const char *path,
                   const char *query, const char *text)
{
    char cl[24];
    struct cgi_mem b = {text, strlen(text)};
    struct cgi_request rq = {.method = "POST", .path = path, .query = query,
                             .content_length = cl, .read = cgi_read_mem, .read_ctx = &b,
                             .tables = test_tables()};

    snprintf(cl, sizeof(cl), "%zu", b.left);
    cgi_arena_begin(arena);
    cgi_answer(&rq, resp);
    cgi_arena_end(arena);
}

static void same_answer(struct cgi_arena *arena, const char *path, const char *query,
                        const char *text, const char *what)
{
    struct cgi_response want, got;

    answer(&want, NULL, path, query, text);
    answer(&got, arena, path, query, text);
    ck_assert_int_eq(got.status, want.status);
    ck_assert_uint_eq(got.len, want.len);
    if (memcmp(got.body, want.body, want.len) != 0)
        ck_abort_msg("%s %s?%s: the arena's answer differs", what, path, query);
    cgi_response_free(&want);
    cgi_response_free(&got);
}

START_TEST(test_cases_same)
{
    static const char *const calls[][2] = {
        {"/simulate", ""},           {"/simulate", "trace=1"},
        {"/employer", ""},           {"/municipality", "lks=1"},
        {"/wayback", "after=3,12"},  {"/sweep", "hours=12:36:12"},
    };
    struct cgi_arena *arena = cgi_arena_new();
    glob_t g;
    int n = 0;

    ck_assert_ptr_nonnull(arena);
    ck_assert_int_eq(glob("tests/cases/*.json", 0, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        char *text = NULL;
        size_t len = 0;
        struct sw_err err;

        ck_assert_int_eq(sw_read_file(&text, &len, g.gl_pathv[i], 1 << 20, &err), SW_OK);
        for (size_t k = 0; k < sizeof(calls) / sizeof(calls[0]); k++)
            same_answer(arena, calls[k][0], calls[k][1], text, g.gl_pathv[i]);
        /* the first block only, whatever the request took */
        ck_assert_uint_le(cgi_arena_held(arena), 65536);
        free(text);
        n++;
    }
    globfree(&g);
    ck_assert_int_ge(n, 50);
    cgi_arena_free(arena);
}
END_TEST

START_TEST(test_refused_same)
{
    static const char *const bodies[] = {
        "{\"household\": ", "[1, 2]", "{} x", "{\"a\": 1, \"b\": [true, null, \"\\u00e9\"]}",
        "{\"household\": {\"kind\": \"nobody\"}, \"months\": -3}", "\xff",
    };
    struct cgi_arena *arena = cgi_arena_new();

    for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        same_answer(arena, "/simulate", "", bodies[i], bodies[i]);
        same_answer(arena, "/simulate", "trace=2", bodies[i], bodies[i]);
        same_answer(arena, "/loonwaarde", "", bodies[i], bodies[i]);
        same_answer(arena, "/sweep", "hours=1:2:3", bodies[i], bodies[i]);
    }
    cgi_arena_free(arena);
}
END_TEST

/* After cgi_arena_end() cJSON's memory is malloc()'s again: free() takes it. */
START_TEST(test_malloc_after)
{
    struct cgi_arena *arena = cgi_arena_new();
    cJSON *o;
    char *text;

    cgi_arena_begin(arena);
    o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "a", "b");
    text = cJSON_PrintUnformatted(o);
    ck_assert_str_eq(text, "{\"a\":\"b\"}");
    cJSON_free(text);
    cJSON_Delete(o);
    cgi_arena_end(arena);
    text = cJSON_PrintUnformatted(o = cJSON_CreateArray());
    free(text);
    cJSON_Delete(o);
    cgi_arena_free(arena);
    cgi_arena_free(NULL);
}
END_TEST

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define ASAN_ON 1
#else
#define ASAN_ON 0
#define __asan_address_is_poisoned(p) ((void)(p), 0)
#endif

/* Under ASan: a piece in use is addressable, the gap after it is not, and a
 * piece is poisoned once cJSON gives it back and once the request ends. */
START_TEST(test_poisoned_when_given_back)
{
    struct cgi_arena *arena = cgi_arena_new();
    cJSON *kept, *dropped;
    char *text;

    if (!ASAN_ON) {
        cgi_arena_free(arena);
        return;
    }
    cgi_arena_begin(arena);
    kept = cJSON_CreateString("kept");
    dropped = cJSON_CreateString("dropped");
    text = cJSON_PrintUnformatted(kept);
    ck_assert_str_eq(text, "\"kept\"");
    ck_assert(!__asan_address_is_poisoned(text));
    ck_assert(!__asan_address_is_poisoned(text + strlen(text)));
    ck_assert(__asan_address_is_poisoned(text + 16 * ((strlen(text) + 16) / 16)));
    ck_assert(!__asan_address_is_poisoned(dropped));
    cJSON_Delete(dropped);
    ck_assert(__asan_address_is_poisoned(dropped));
    ck_assert(!__asan_address_is_poisoned(kept));
    cJSON_free(text);
    ck_assert(__asan_address_is_poisoned(text));
    cJSON_Delete(kept);
    cgi_arena_end(arena);
    ck_assert(__asan_address_is_poisoned(kept));
    cgi_arena_free(arena);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("cgi_arena");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_cases_same);
    tcase_add_test(tc, test_refused_same);
    tcase_add_test(tc, test_malloc_after);
    tcase_add_test(tc, test_poisoned_when_given_back);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
