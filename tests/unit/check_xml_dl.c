/* check_xml_dl.c - libxml2 through dlopen (src/app/io/xml_dl.c): the programs
 * read their tables with the functions it loads, so a set read that way must be
 * the set sw_tables_new() (libxml2 linked) reads, errors included; and a
 * library that cannot be loaded is an error naming what failed. */
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "switchsim/tables_xml.h"
#include "testutil.h"
#include "xml_dl.h"

/* The shipped national WML table and one document the schema refuses. */
#define WML "tables/wml.xml"
static const char refused[] =
    "<?xml version=\"1.0\"?>\n<tables xmlns=\"urn:switchsim:tables:1\" schema=\"1\" id=\"r\"\n"
    "kind=\"national\" version=\"2026-01-01\" title=\"r\"><nonsense/></tables>";
static const char malformed[] = "<?xml version=\"1.0\"?>\n<tables>\n<param></tables>";

/* Read xsd and WML with `fns` (NULL: sw_tables_new), then the two bad documents;
 * the set's sha256 and both messages go to sha, msg1, msg2. */
static void read_with(const struct sw_xml *fns, char sha[65], char msg1[512], char msg2[512])
{
    struct sw_tables *t = NULL;
    struct sw_err err;
    char *xsd = NULL, *wml = NULL;
    size_t xl, wl;

    ck_assert_int_eq(sw_read_file(&xsd, &xl, "tables/schema/v1/tables.xsd", 1 << 20, &err),
                     SW_OK);
    ck_assert_int_eq(sw_read_file(&wml, &wl, WML, 1 << 20, &err), SW_OK);
    if (fns)
        ck_assert_int_eq(sw_tables_new_with(&t, xsd, xl, fns, &err), SW_OK);
    else
        ck_assert_int_eq(sw_tables_new(&t, xsd, xl, &err), SW_OK);
    ck_assert_int_eq(sw_tables_add(t, WML, wml, wl, &err), SW_OK);
    ck_assert_int_eq(sw_tables_add(t, "r.xml", refused, sizeof(refused) - 1, &err),
                     SW_ERR_TABLE);
    snprintf(msg1, 512, "%s", err.msg);
    ck_assert_int_eq(sw_tables_add(t, "m.xml", malformed, sizeof(malformed) - 1, &err),
                     SW_ERR_TABLE);
    snprintf(msg2, 512, "%s", err.msg);
    ck_assert_int_eq(sw_tables_finish(t, &err), SW_OK);
    snprintf(sha, 65, "%s", sw_tables_sha256(t));
    sw_tables_free(t);
    free(xsd);
    free(wml);
}

START_TEST(loaded_reads_like_linked)
{
    struct sw_err err;
    const struct sw_xml *dl = sw_xml("tables", &err);
    char sha_dl[65], sha_ln[65], m1_dl[512], m1_ln[512], m2_dl[512], m2_ln[512];

    ck_assert_ptr_nonnull(dl);
    /* The same call again: the same loaded table, not a second load. */
    ck_assert_ptr_eq(sw_xml("tables", &err), dl);
    read_with(dl, sha_dl, m1_dl, m2_dl);
    read_with(NULL, sha_ln, m1_ln, m2_ln);
    ck_assert_str_eq(sha_dl, sha_ln);
    ck_assert_str_eq(m1_dl, m1_ln);
    ck_assert_str_eq(m2_dl, m2_ln);
    /* The messages a table author sees (tests/tables/invalid has more). */
    ck_assert_ptr_nonnull(strstr(m1_dl, "r.xml:3: does not match the schema: "));
    ck_assert_ptr_nonnull(strstr(m2_dl, "m.xml:3: malformed XML: "));
    /* This test binary links libxml2 too: dlopen finds that same library. */
    ck_assert_ptr_eq((void *)dl->read_memory, (void *)sw_xml_linked()->read_memory);
    ck_assert_ptr_eq((void *)dl->free, (void *)xmlFree);
}
END_TEST

START_TEST(missing_library_is_named)
{
    struct sw_xml fns;
    struct sw_err err;

    ck_assert_int_eq(sw_xml_open("libswitchsim-no-such-xml.so.2", &fns, "tables/x.xsd", &err),
                     SW_ERR_TABLE);
    ck_assert_str_eq(err.field, "tables/x.xsd");
    ck_assert_ptr_nonnull(strstr(err.msg, "cannot load libxml2 (libswitchsim-no-such-xml.so.2) "
                                          "to read the tables: "));
    /* A library that is there but is not libxml2: the first missing function. */
    ck_assert_int_eq(sw_xml_open("libc.so.6", &fns, "tables", &err), SW_ERR_TABLE);
    ck_assert_str_eq(err.msg, "cannot load libxml2 (libc.so.6): no xmlInitParser");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("xml_dl");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, loaded_reads_like_linked);
    tcase_add_test(tc, missing_library_is_named);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
