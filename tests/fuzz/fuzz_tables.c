/* fuzz_tables.c - libFuzzer harness: table documents -> sw_tables_add/finish ->
 * every parameter's timeline and lookups around each of its dates.
 * The input holds up to four documents separated by a line "<!--8<-->".
 * Invariants: a refused document leaves the set as it was (same documents and
 * parameters) with a message; a finished set answers every lookup of its own ids
 * with a value or SW_ERR_NO_VALUE, never an internal error. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "switchsim/money.h"

#define SEP "\n<!--8<-->\n"
#define MAX_DOCS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *xsd(size_t *len)
{
    static char *buf;
    static size_t n;
    char path[4200];
    struct sw_err err;

    if (!buf) {
        snprintf(path, sizeof(path), "%s/schema/v1/tables.xsd", sw_tables_dir(NULL));
        if (sw_read_file(&buf, &n, path, SW_TABLE_MAX_BYTES, &err) != SW_OK) {
            fprintf(stderr, "fuzz: %s\n", err.msg);
            abort();
        }
    }
    *len = n;
    return buf;
}

/* Look every parameter up on the dates around each of its values. */
static void exercise(const struct sw_tables *t)
{
    size_t np = sw_tables_param_count(t);
    struct sw_value_info infos[64];

    FUZZ_ASSERT(strlen(sw_tables_sha256(t)) == 64);
    for (size_t i = 0; i < np; i++) {
        const char *id, *muni;
        enum sw_unit unit;
        bool scale;
        size_t n;
        struct sw_ctx c = {0};

        sw_tables_param(t, i, &id, &muni, &unit, &scale);
        n = sw_tables_timeline(t, id, muni, infos, 64);
        FUZZ_ASSERT(n > 0);
        if (n > 64)
            n = 64;
        c.tables = t;
        c.municipality = muni[0] ? muni : NULL;
        for (int project = 0; project < 2; project++) {
            c.project = project;
            for (size_t k = 0; k < n; k++) {
                for (int d = -1; d <= 1; d++) {
                    struct sw_err err;
                    struct sw_value_info info;
                    sw_status st;
                    if (scale) {
                        const struct sw_bracket *b;
                        size_t nb;
                        st = sw_scale(&c, id, infos[k].from + d, infos[k].kind, &b, &nb, &info,
                                      &err);
                        if (st == SW_OK) {
                            int64_t xs[] = {0, 1, 100000, 5000000, SW_MONEY_MAX};
                            for (size_t x = 0; x < sizeof(xs) / sizeof(xs[0]); x++) {
                                (void)sw_scale_eval(info.kind, b, nb, xs[x],
                                                    sw_money_rate_half_up);
                                (void)sw_scale_eval(info.kind, b, nb, xs[x],
                                                    sw_money_rate_down);
                            }
                        }
                    } else {
                        int64_t v;
                        st = sw_param(&c, id, infos[k].from + d, unit, &v, &info, &err);
                    }
                    FUZZ_ASSERT(st == SW_OK || st == SW_ERR_NO_VALUE);
                }
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sw_tables *t = NULL;
    struct sw_err err;
    size_t xl;
    const char *x = xsd(&xl);
    const char *p = (const char *)data, *end = p + size;
    int ndoc = 0;

    if (sw_tables_new(&t, x, xl, &err) != SW_OK)
        abort();
    while (p <= end && ndoc < MAX_DOCS) {
        const char *sep = NULL;
        char name[32];
        size_t before_docs = sw_tables_doc_count(t), before_params = sw_tables_param_count(t);
        sw_status st;

        for (const char *q = p; q + sizeof(SEP) - 1 <= end; q++)
            if (memcmp(q, SEP, sizeof(SEP) - 1) == 0) {
                sep = q;
                break;
            }
        snprintf(name, sizeof(name), "fuzz/%d.xml", ndoc);
        st = sw_tables_add(t, name, p, (size_t)((sep ? sep : end) - p), &err);
        if (st != SW_OK) {
            FUZZ_ASSERT(err.msg[0] != '\0');
            FUZZ_ASSERT(sw_tables_doc_count(t) == before_docs);
            FUZZ_ASSERT(sw_tables_param_count(t) == before_params);
        } else {
            FUZZ_ASSERT(sw_tables_doc_count(t) == before_docs + 1);
        }
        ndoc++;
        if (!sep)
            break;
        p = sep + sizeof(SEP) - 1;
    }
    if (sw_tables_finish(t, &err) == SW_OK)
        exercise(t);
    else
        FUZZ_ASSERT(err.msg[0] != '\0');
    sw_tables_free(t);
    return 0;
}
