/* fuzz_snapshot.c - libFuzzer harness for sw_tables_from_snapshot(), the loader of
 * the table cache ($SWITCHSIM_CACHE/tables.snapshot). The input is the body of a
 * snapshot: the harness puts this build's header (magic, build, key) in front and
 * the checksum behind, so that the fuzzer reaches the parser itself. Seeds are the
 * bodies of real snapshots. Invariants: a set rebuilt from any bytes answers every
 * lookup of its own ids with a value or SW_ERR_NO_VALUE, and snapshots again. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "switchsim/money.h"
#include "switchsim/xxh64.h"

#define KEY "fuzz"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t get_u64(const char *p)
{
    uint64_t v = 0;

    for (int i = 0; i < 8; i++)
        v |= (uint64_t)(unsigned char)p[i] << (8 * i);
    return v;
}

/* This build's header: the first bytes of a real snapshot, up to the key. With
 * FUZZ_SNAPSHOT_SEED set, also writes the body of the shipped tables' snapshot
 * to that file (how the seed corpus is made). */
static const char *header(size_t *len)
{
    static char *h;
    static size_t n;

    if (!h) {
        struct sw_err err;
        char *snap;
        size_t slen;
        const char *seed = getenv("FUZZ_SNAPSHOT_SEED");
        if (sw_tables_snapshot(fuzz_tables(), KEY, &snap, &slen, &err) != SW_OK)
            abort();
        n = 8 + 8 + (size_t)get_u64(snap + 8);
        n += 8 + (size_t)get_u64(snap + n);
        h = malloc(n);
        if (!h)
            abort();
        memcpy(h, snap, n);
        if (seed) {
            FILE *f = fopen(seed, "wb");
            if (f) {
                fwrite(snap + n, 1, slen - n - 8, f);
                fclose(f);
            }
        }
        free(snap);
    }
    *len = n;
    return h;
}

static void exercise(const struct sw_tables *t)
{
    size_t np = sw_tables_param_count(t), nd = sw_tables_doc_count(t);
    struct sw_value_info infos[64];
    char *again = NULL;
    size_t alen;
    struct sw_err err;

    for (size_t i = 0; i < nd; i++) {
        const char *name, *id, *title, *version, *muni;
        sw_tables_doc(t, i, &name, &id, &title, &version, &muni);
        FUZZ_ASSERT(name && id && title && version && muni);
        (void)sw_tables_has_municipality(t, muni);
    }
    (void)sw_tables_version(t);
    (void)sw_tables_sha256(t);
    for (size_t i = 0; i < np; i++) {
        const char *id, *muni;
        enum sw_unit unit;
        bool scale;
        size_t n;
        struct sw_ctx c = {0};

        sw_tables_param(t, i, &id, &muni, &unit, &scale);
        FUZZ_ASSERT(id && muni);
        (void)sw_unit_name(unit);
        n = sw_tables_timeline(t, id, muni, infos, 64);
        if (n > 64)
            n = 64;
        c.tables = t;
        c.municipality = muni[0] ? muni : NULL;
        for (size_t k = 0; k < n; k++) {
            struct sw_value_info info;
            sw_status st;
            if (scale) {
                const struct sw_bracket *b;
                size_t nb;
                st = sw_scale(&c, id, infos[k].from, infos[k].kind, &b, &nb, &info, &err);
                if (st == SW_OK)
                    (void)sw_scale_eval(info.kind, b, nb, 5000000, sw_money_rate_half_up);
            } else {
                int64_t v;
                st = sw_param(&c, id, infos[k].from, unit, &v, &info, &err);
            }
            FUZZ_ASSERT(st == SW_OK || st == SW_ERR_NO_VALUE || st == SW_ERR_INTERNAL);
        }
    }
    if (sw_tables_snapshot(t, KEY, &again, &alen, &err) == SW_OK)
        free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t hl;
    const char *h = header(&hl);
    char *buf = malloc(hl + size + 8);
    struct sw_tables *t = NULL;
    struct sw_err err;
    uint64_t sum;

    if (!buf)
        abort();
    memcpy(buf, h, hl);
    memcpy(buf + hl, data, size);
    sum = sw_xxh64(buf, hl + size, 0);
    for (int i = 0; i < 8; i++)
        buf[hl + size + i] = (char)(sum >> (8 * i));
    if (sw_tables_from_snapshot(&t, buf, hl + size + 8, KEY, &err) == SW_OK) {
        exercise(t);
        sw_tables_free(t);
    } else {
        FUZZ_ASSERT(err.code == SW_ERR_TABLE || err.code == SW_ERR_NOMEM);
    }
    free(buf);
    return 0;
}
