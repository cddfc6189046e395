/* check_snapshot.c - a table set rebuilt from its snapshot is the same set;
 * a damaged, foreign or stale snapshot is refused, never half used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "switchsim/xxh64.h"
#include "testutil.h"

/* The shipped tables loaded from their XML (not from a cached snapshot). */
static struct sw_tables *load_xml(void)
{
    struct sw_tables *t = NULL;
    struct sw_err err;
    const char *old = getenv("SWITCHSIM_CACHE");
    char *saved = old ? strdup(old) : NULL;

    setenv("SWITCHSIM_CACHE", "off", 1);
    if (sw_tables_load_dir(&t, sw_tables_dir(NULL), &err) != SW_OK)
        ck_abort_msg("tables do not load: %s", err.msg);
    if (saved)
        setenv("SWITCHSIM_CACHE", saved, 1);
    else
        unsetenv("SWITCHSIM_CACHE");
    free(saved);
    return t;
}

static void snapshot_of(const struct sw_tables *t, const char *key, char **buf, size_t *len)
{
    struct sw_err err;

    ck_assert_int_eq(sw_tables_snapshot(t, key, buf, len, &err), SW_OK);
    ck_assert_uint_gt(*len, 16);
}

static void same_str(const char *a, const char *b)
{
    ck_assert_str_eq(a ? a : "(null)", b ? b : "(null)");
}

static void same_info(const struct sw_value_info *a, const struct sw_value_info *b)
{
    same_str(a->id, b->id);
    same_str(a->description, b->description);
    same_str(a->source, b->source);
    same_str(a->url, b->url);
    same_str(a->note, b->note);
    same_str(a->file, b->file);
    ck_assert_int_eq(a->unit, b->unit);
    ck_assert_int_eq(a->from, b->from);
    ck_assert_int_eq(a->provisional, b->provisional);
    ck_assert_int_eq(a->end, b->end);
    ck_assert_int_eq(a->unpublished, b->unpublished);
    ck_assert_int_eq(a->amount, b->amount);
    ck_assert_int_eq(a->is_scale, b->is_scale);
    if (a->is_scale) {
        ck_assert_int_eq(a->kind, b->kind);
        ck_assert_uint_eq(a->nbrackets, b->nbrackets);
        for (size_t k = 0; k < a->nbrackets; k++) {
            ck_assert_int_eq(a->brackets[k].threshold, b->brackets[k].threshold);
            ck_assert_int_eq(a->brackets[k].base, b->brackets[k].base);
            ck_assert_int_eq(a->brackets[k].rate, b->brackets[k].rate);
        }
    }
}

/* Everything the API shows of the two sets is equal. */
static void same_set(const struct sw_tables *a, const struct sw_tables *b)
{
    ck_assert_str_eq(sw_tables_sha256(a), sw_tables_sha256(b));
    ck_assert_str_eq(sw_tables_version(a), sw_tables_version(b));
    ck_assert_uint_eq(sw_tables_doc_count(a), sw_tables_doc_count(b));
    for (size_t i = 0; i < sw_tables_doc_count(a); i++) {
        const char *x[5], *y[5];
        sw_tables_doc(a, i, &x[0], &x[1], &x[2], &x[3], &x[4]);
        sw_tables_doc(b, i, &y[0], &y[1], &y[2], &y[3], &y[4]);
        for (int k = 0; k < 5; k++)
            ck_assert_str_eq(x[k], y[k]);
    }
    ck_assert_uint_eq(sw_tables_param_count(a), sw_tables_param_count(b));
    for (size_t i = 0; i < sw_tables_param_count(a); i++) {
        const char *ida, *idb, *ma, *mb;
        enum sw_unit ua, ub;
        bool sa, sb;
        struct sw_value_info va[64], vb[64];
        size_t na, nb;
        sw_tables_param(a, i, &ida, &ma, &ua, &sa);
        sw_tables_param(b, i, &idb, &mb, &ub, &sb);
        ck_assert_str_eq(ida, idb);
        ck_assert_str_eq(ma, mb);
        ck_assert_int_eq(ua, ub);
        ck_assert_int_eq(sa, sb);
        na = sw_tables_timeline(a, ida, ma, va, 64);
        nb = sw_tables_timeline(b, idb, mb, vb, 64);
        ck_assert_uint_eq(na, nb);
        if (na == 0) {
            /* A declaration without a value: overridable, with the same range. */
            int64_t la, ha, lb, hb;
            ck_assert(sw_tables_override_range(a, ida, &la, &ha));
            ck_assert(sw_tables_override_range(b, idb, &lb, &hb));
            ck_assert_int_eq(la, lb);
            ck_assert_int_eq(ha, hb);
        }
        for (size_t k = 0; k < na && k < 64; k++)
            same_info(&va[k], &vb[k]);
    }
}

START_TEST(round_trip)
{
    struct sw_tables *a = load_xml(), *b = NULL;
    struct sw_err err;
    char *buf;
    size_t len;

    snapshot_of(a, "key-1", &buf, &len);
    ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "key-1", &err), SW_OK);
    same_set(a, b);
    free(buf);
    sw_tables_free(b);
    sw_tables_free(a);
}
END_TEST

/* A lookup on the rebuilt set: the norm alleenstaande 21-AOW per 2026-01-01 is
 * 1.401,50 (Participatiewet art. 21 onder a; Normenbrief 1 januari 2026), with
 * its source and date, as from the XML. */
START_TEST(lookup_after_round_trip)
{
    struct sw_tables *a = load_xml(), *b = NULL;
    struct sw_ctx c = {0};
    struct sw_value_info info;
    struct sw_err err;
    int64_t v;
    char *buf;
    size_t len;

    snapshot_of(a, "k", &buf, &len);
    ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "k", &err), SW_OK);
    c.tables = b;
    ck_assert_int_eq(sw_param(&c, "participatiewet.norm.single", test_date("2026-02-01"),
                              SW_UNIT_EUROCENT, &v, &info, &err),
                     SW_OK);
    ck_assert_int_eq(v, 140150);
    ck_assert_int_eq(info.from, test_date("2026-01-01"));
    ck_assert_ptr_nonnull(strstr(info.source, "art. 21"));
    /* Before the first value there is none, as with the XML set. */
    ck_assert_int_eq(sw_param(&c, "participatiewet.norm.single", test_date("1990-01-01"),
                              SW_UNIT_EUROCENT, &v, NULL, &err),
                     SW_ERR_NO_VALUE);
    /* A rebuilt set is finished: nothing can be added to it. */
    ck_assert_int_ne(sw_tables_add(b, "x.xml", "<x/>", 4, &err), SW_OK);
    free(buf);
    sw_tables_free(b);
    sw_tables_free(a);
}
END_TEST

START_TEST(other_key_refused)
{
    struct sw_tables *a = load_xml(), *b = NULL;
    struct sw_err err;
    char *buf;
    size_t len;

    snapshot_of(a, "schema 1; set aaaa", &buf, &len);
    ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "schema 1; set aaab", &err),
                     SW_ERR_TABLE);
    ck_assert_ptr_null(b);
    ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "", &err), SW_ERR_TABLE);
    free(buf);
    sw_tables_free(a);
}
END_TEST

/* Any flipped byte or a cut anywhere is caught by the checksum. */
START_TEST(damage_refused)
{
    struct sw_tables *a = load_xml(), *b = NULL;
    struct sw_err err;
    char *buf;
    size_t len;

    snapshot_of(a, "k", &buf, &len);
    for (size_t pos = 0; pos < len; pos += 127) {
        buf[pos] ^= 0x20;
        ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "k", &err), SW_ERR_TABLE);
        ck_assert_ptr_null(b);
        buf[pos] ^= 0x20;
    }
    for (size_t cut = 0; cut < len; cut += 997) {
        ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, cut, "k", &err), SW_ERR_TABLE);
        ck_assert_ptr_null(b);
    }
    ck_assert_int_eq(sw_tables_from_snapshot(&b, buf, len, "k", &err), SW_OK);
    sw_tables_free(b);
    free(buf);
    sw_tables_free(a);
}
END_TEST

/* The snapshot's checksum is XXH64 with seed 0. Reference values: XXH64() of
 * the reference library (Debian libxxhash0 0.8.1, called through Python ctypes),
 * for inputs that cover the 32-byte stripes and every tail (8, 4 and single
 * bytes), with seed 0 and another; "" EF46DB3751D8E999 is also the widely
 * published value of the empty input. */
START_TEST(xxh64_reference_values)
{
    static const char spam[] = "Nobody inspects the spammish repetition";
    const uint64_t seed = 0x9E3779B97F4A7C15u;
    unsigned char d[101];

    for (int i = 0; i < 101; i++)
        d[i] = (unsigned char)((i * 7 + 3) & 255);
    ck_assert_uint_eq(sw_xxh64("", 0, 0), 0xEF46DB3751D8E999u);
    ck_assert_uint_eq(sw_xxh64("a", 1, 0), 0xD24EC4F1A98C6E5Bu);
    ck_assert_uint_eq(sw_xxh64("abc", 3, 0), 0x44BC2CF5AD770999u);
    ck_assert_uint_eq(sw_xxh64(spam, 39, 0), 0xFBCEA83C8A378BF1u);
    ck_assert_uint_eq(sw_xxh64("0123456", 7, 0), 0x97EE4FE4A0FF4DFAu);
    ck_assert_uint_eq(sw_xxh64(d, 101, 0), 0xBAD4D3BF033BDA4Cu);
    ck_assert_uint_eq(sw_xxh64("", 0, seed), 0xC4349FC93C010000u);
    ck_assert_uint_eq(sw_xxh64("a", 1, seed), 0x9A7C6D2EA45568C9u);
    ck_assert_uint_eq(sw_xxh64(spam, 39, seed), 0xEB8B157CA26CBF34u);
    ck_assert_uint_eq(sw_xxh64(d, 101, seed), 0x9A5F95077EAECB78u);
}
END_TEST

/* Damage with a matching checksum (as a deliberate edit would have): the reader
 * still never reads outside the bytes, never crashes, and either refuses or
 * gives a set whose every lookup works (run under ASan/UBSan). */
START_TEST(forged_checksum_is_safe)
{
    struct sw_tables *a = load_xml(), *b = NULL;
    struct sw_err err;
    char *buf;
    size_t len, refused = 0;

    snapshot_of(a, "k", &buf, &len);
    for (size_t pos = 8; pos + 8 < len; pos += 197) {
        uint64_t h;
        char save = buf[pos];
        buf[pos] = (char)(buf[pos] ^ 0x5a);
        h = sw_xxh64(buf, len - 8, 0);
        for (int i = 0; i < 8; i++)
            buf[len - 8 + i] = (char)(h >> (8 * i));
        if (sw_tables_from_snapshot(&b, buf, len, "k", &err) == SW_OK) {
            for (size_t i = 0; i < sw_tables_param_count(b); i++) {
                const char *id, *m;
                enum sw_unit u;
                bool sc;
                struct sw_value_info vi[64];
                sw_tables_param(b, i, &id, &m, &u, &sc);
                (void)sw_tables_timeline(b, id, m, vi, 64);
            }
            sw_tables_free(b);
            b = NULL;
        } else {
            refused++;
        }
        buf[pos] = save;
    }
    /* Most edits break the structure or the key and are refused. */
    ck_assert_uint_gt(refused, 0);
    free(buf);
    sw_tables_free(a);
}
END_TEST

/* The cache in fileio: a second load comes from the snapshot and is the same
 * set; the snapshot file is written once. */
START_TEST(cache_gives_same_set)
{
    struct sw_tables *x = load_xml(), *a = NULL, *b = NULL;
    struct sw_err err;
    char dir[] = "/tmp/switchsim-snapXXXXXX", path[64];
    FILE *f;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    setenv("SWITCHSIM_CACHE", dir, 1);
    ck_assert_int_eq(sw_tables_load_dir(&a, sw_tables_dir(NULL), &err), SW_OK);
    snprintf(path, sizeof(path), "%s/tables.snapshot", dir);
    f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    ck_assert_int_eq(sw_tables_load_dir(&b, sw_tables_dir(NULL), &err), SW_OK);
    same_set(x, a);
    same_set(x, b);
    unsetenv("SWITCHSIM_CACHE");
    remove(path);
    remove(dir);
    sw_tables_free(a);
    sw_tables_free(b);
    sw_tables_free(x);
}
END_TEST

static Suite *snapshot_suite(void)
{
    Suite *s = suite_create("snapshot");
    TCase *tc = tcase_create("snapshot");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, xxh64_reference_values);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, lookup_after_round_trip);
    tcase_add_test(tc, other_key_refused);
    tcase_add_test(tc, damage_refused);
    tcase_add_test(tc, forged_checksum_is_safe);
    tcase_add_test(tc, cache_gives_same_set);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(snapshot_suite)
