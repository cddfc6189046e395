/* tables_set.c - a finished table set as a whole: its identity and contents
 * (for `tables list` and `show`), the index by (municipality, id) that lookups
 * use, scales evaluated, and user overrides: which parameters may be
 * overridden and the parsing of their values. Lookups by id and date are in
 * tables_lookup.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables_impl.h"

/* --- the set as a whole --- */

const char *sw_tables_sha256(const struct sw_tables *t)
{
    return t->sha;
}

const char *sw_tables_version(const struct sw_tables *t)
{
    return t->version ? t->version : "";
}

size_t sw_tables_doc_count(const struct sw_tables *t)
{
    return t->ndocs;
}

void sw_tables_doc(const struct sw_tables *t, size_t i, const char **name, const char **id,
                   const char **title, const char **version, const char **municipality)
{
    const struct tdoc *d = &t->docs[i];

    *name = d->name;
    *id = d->id;
    *title = d->title;
    *version = d->version;
    *municipality = d->municipality;
}

size_t sw_tables_param_count(const struct sw_tables *t)
{
    return t->nparams;
}

void sw_tables_param(const struct sw_tables *t, size_t i, const char **id,
                     const char **municipality, enum sw_unit *unit, bool *is_scale)
{
    *id = t->params[i].id;
    *municipality = t->params[i].municipality;
    *unit = t->params[i].unit;
    *is_scale = t->params[i].is_scale;
}

bool sw_tables_has_municipality(const struct sw_tables *t, const char *municipality)
{
    for (size_t i = 0; i < t->ndocs; i++)
        if (strcmp(t->docs[i].municipality, municipality) == 0)
            return true;
    return false;
}

sw_status sw_tables_require_range(const struct sw_tables *t, const char *id, enum sw_unit unit,
                                  int64_t min, int64_t max, struct sw_err *err)
{
    const struct tparam *p = tables_find(t, "", id);
    struct tparam bound = {0};
    char declared[100], relied[100];
    const char *doc;

    if (!p)
        return SW_OK;
    doc = t->docs[p->doc].name;
    if (p->is_scale || p->unit != unit)
        return sw_err_set(err, SW_ERR_TABLE, id, "%s: '%s' must be a parameter in %s", doc, id,
                          sw_unit_name(unit));
    if (p->has_min && p->has_max && p->min >= min && p->max <= max)
        return SW_OK;
    bound.unit = unit;
    bound.has_min = bound.has_max = true;
    bound.min = min;
    bound.max = max;
    if (p->has_min || p->has_max)
        tables_format_range(declared, sizeof(declared), p);
    else
        snprintf(declared, sizeof(declared), "none");
    tables_format_range(relied, sizeof(relied), &bound);
    return sw_err_set(err, SW_ERR_TABLE, id,
                      "%s: '%s' must declare a range (min and max) within %s, the values the "
                      "calculation handles; it declares %s",
                      doc, id, relied, declared);
}

/* --- the index --- */

/* tables_impl.h */
uint64_t tables_hash_str(uint64_t h, const char *s)
{
    size_t n = strlen(s);
    uint64_t w;

    for (; n >= 8; n -= 8, s += 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15u;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w ^ (uint64_t)n << 56) * 0xC2B2AE3D27D4EB4Fu;
    return h ^ h >> 29;
}

static size_t index_hash(const char *municipality, const char *id)
{
    return (size_t)tables_hash_str(tables_hash_str(0x27D4EB2F165667C5u, municipality), id);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Number the distinct municipal ids in ids[0..n) (sorted here) and give each
 * municipal parameter its number; the number of ids. */
static size_t muni_number(struct sw_tables *t, const char **ids, size_t n)
{
    size_t k = 0;

    qsort(ids, n, sizeof(*ids), str_cmp);
    for (size_t i = 0; i < n; i++)
        if (k == 0 || strcmp(ids[k - 1], ids[i]) != 0)
            ids[k++] = ids[i];
    for (size_t i = 0; i < t->nparams; i++) {
        struct tparam *p = &t->params[i];
        const char **at;

        if (!p->municipality[0])
            continue;
        at = bsearch(&p->id, ids, k, sizeof(*ids), str_cmp);
        p->mid = (uint32_t)(at - ids) + 1;
    }
    return k;
}

/* Build t->muni_res (see struct sw_tables). The parameters are sorted by
 * (municipality, id): each municipality's come together. */
static void muni_build(struct sw_tables *t)
{
    const char **ids = NULL;
    size_t n = 0, row = 0;

    for (size_t i = 0; i < t->nparams; i++)
        n += t->params[i].municipality[0] != '\0';
    if (n == 0 || n >= UINT32_MAX / 2)
        return;
    ids = malloc(n * sizeof(*ids));
    t->munis = malloc(n * sizeof(*t->munis));
    if (!ids || !t->munis)
        goto out;
    n = 0;
    for (size_t i = 0; i < t->nparams; i++) {
        const struct tparam *p = &t->params[i];

        if (!p->municipality[0])
            continue;
        ids[n++] = p->id;
        if (t->nmunis == 0 || strcmp(t->munis[t->nmunis - 1], p->municipality) != 0)
            t->munis[t->nmunis++] = p->municipality;
    }
    t->nmids = muni_number(t, ids, n);
    t->muni_res = calloc((t->nmunis + 1) * t->nmids, sizeof(*t->muni_res));
    if (!t->muni_res)
        goto out;
    /* The defaults in every row, then each municipality's own in its row. */
    for (size_t i = 0; i < t->nparams; i++)
        if (strcmp(t->params[i].municipality, "default") == 0)
            for (size_t r = 0; r <= t->nmunis; r++)
                t->muni_res[r * t->nmids + t->params[i].mid - 1] = (uint32_t)(i + 1);
    for (size_t i = 0; i < t->nparams; i++) {
        const struct tparam *p = &t->params[i];

        if (!p->municipality[0])
            continue;
        while (strcmp(t->munis[row], p->municipality) != 0)
            row++;
        t->muni_res[row * t->nmids + p->mid - 1] = (uint32_t)(i + 1);
    }
out:
    free(ids);
    if (!t->muni_res) {
        free(t->munis);
        t->munis = NULL;
        t->nmunis = t->nmids = 0;
        for (size_t i = 0; i < t->nparams; i++)
            t->params[i].mid = 0;
    }
}

size_t tables_muni_row(const struct sw_tables *t, const char *municipality)
{
    size_t r = 0;

    if (!municipality || !municipality[0])
        return t->nmunis;
    while (r < t->nmunis && strcmp(t->munis[r], municipality) != 0)
        r++;
    return r;
}

void tables_index_release(struct sw_tables *t)
{
    free(t->index);
    t->index = NULL;
    free(t->munis);
    t->munis = NULL;
    free(t->muni_res);
    t->muni_res = NULL;
    t->nmunis = t->nmids = 0;
    free(t->infos);
    t->infos = NULL;
}

/* Fill t->infos (left NULL without memory). */
static void infos_build(struct sw_tables *t)
{
    size_t n = 0;

    for (size_t i = 0; i < t->nparams; i++) {
        if (t->params[i].nvalues > SIZE_MAX / sizeof(*t->infos) - n)
            return;
        n += t->params[i].nvalues;
    }
    t->infos = malloc((n ? n : 1) * sizeof(*t->infos));
    if (!t->infos)
        return;
    n = 0;
    for (size_t i = 0; i < t->nparams; i++) {
        struct tparam *p = &t->params[i];

        p->info0 = n;
        for (size_t k = 0; k < p->nvalues; k++)
            tables_fill_info(t, p, &p->values[k], &t->infos[n++]);
    }
}

void tables_index_build(struct sw_tables *t)
{
    size_t n = 16;

    tables_index_release(t);
    for (size_t i = 0; i < t->nparams; i++)
        t->params[i].mid = 0;
    muni_build(t);
    infos_build(t);
    if (t->nparams >= UINT32_MAX / 2)
        return;
    while (n < 2 * t->nparams)
        n *= 2;
    t->index = calloc(n, sizeof(*t->index));
    if (!t->index)
        return;
    t->index_mask = n - 1;
    for (size_t i = 0; i < t->nparams; i++) {
        size_t k = index_hash(t->params[i].municipality, t->params[i].id);
        while (t->index[k & t->index_mask])
            k++;
        t->index[k & t->index_mask] = (uint32_t)(i + 1);
    }
}

const struct tparam *tables_find(const struct sw_tables *t, const char *municipality,
                                 const char *id)
{
    size_t lo = 0, hi = t->nparams;

    if (t->index) {
        /* At most half full: a free entry ends every probe. */
        for (size_t k = index_hash(municipality, id);; k++) {
            uint32_t e = t->index[k & t->index_mask];
            const struct tparam *p;
            if (!e)
                return NULL;
            p = &t->params[e - 1];
            if (strcmp(p->id, id) == 0 && strcmp(p->municipality, municipality) == 0)
                return p;
        }
    }

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct tparam *p = &t->params[mid];
        int c = strcmp(p->municipality, municipality);
        if (c == 0)
            c = strcmp(p->id, id);
        if (c == 0)
            return p;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* --- scales --- */

int64_t sw_scale_eval(enum sw_scale_kind kind, const struct sw_bracket *b, size_t n,
                      int64_t x, int64_t (*round)(int64_t, int64_t))
{
    int64_t sum = 0;

    if (n == 0)
        return 0;
    if (kind == SW_SCALE_PIECEWISE) {
        size_t i = 0;
        while (i + 1 < n && b[i + 1].threshold <= x)
            i++;
        return b[i].base + round(x - b[i].threshold, b[i].rate);
    }
    for (size_t i = 0; i < n && x > b[i].threshold; i++) {
        int64_t top = i + 1 < n && x > b[i + 1].threshold ? b[i + 1].threshold : x;
        sum += round(top - b[i].threshold, b[i].rate);
    }
    return sum;
}

/* --- overrides --- */

/* The parameter an override of `id` replaces: a national one, or for a
 * municipal id the national default (municipality "default"). */
static const struct tparam *override_target(const struct sw_tables *t, const char *id)
{
    const struct tparam *p = tables_find(t, "", id);

    if (!p && strncmp(id, "gemeente.", 9) == 0)
        p = tables_find(t, "default", id);
    return p;
}

bool sw_tables_override_range(const struct sw_tables *t, const char *id, int64_t *min,
                              int64_t *max)
{
    const struct tparam *p = override_target(t, id);

    if (!p || !p->overridable || p->is_scale)
        return false;
    *min = p->min;
    *max = p->max;
    return true;
}

sw_status sw_tables_parse_override(const struct sw_tables *t, const char *id,
                                   const char *text, const char *field, int64_t *out,
                                   struct sw_err *err)
{
    const struct tparam *p = override_target(t, id);
    struct reader r = {field, 0, err, NULL};
    char range[100];
    int64_t v;

    if (!p)
        return sw_err_set(err, SW_ERR_INVALID, field, "unknown parameter '%.100s' in '%s'", id,
                          field);
    if (p->is_scale)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "'%.100s' is a scale and cannot be overridden in '%s'", id, field);
    /* Only what the tables mark overridable, each with its declared range: the
     * rules divide by and multiply with parameters (months per year, tijdvakken,
     * the table step) that no user value may replace. */
    if (!p->overridable)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "'%.100s' cannot be overridden in '%s': the tables do not mark it "
                          "overridable", id, field);
    if (tables_parse_amount(&r, 0, "value", text, p->unit, false, &v) != SW_OK)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "bad value '%.40s' for '%.100s' (unit %s) in '%s'", text, id,
                          sw_unit_name(p->unit), field);
    if (!tables_in_declared_range(p, v)) {
        tables_format_range(range, sizeof(range), p);
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "value '%.40s' for '%.100s' outside its range %s (unit %s) in '%s'",
                          text, id, range, sw_unit_name(p->unit), field);
    }
    *out = v;
    return SW_OK;
}
