/* tables_lookup.c - look up a finished table set: a parameter or scale by id and
 * date (municipal ids through the scenario's municipality, then "default"),
 * projection past an unpublished end, user overrides and their parsing, the
 * record of values used, and the enumeration for `tables list` and `show`.
 */
#include <stdlib.h>
#include <string.h>

#include "switchsim/money.h"
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

/* --- lookup --- */

const struct tparam *tables_find(const struct sw_tables *t, const char *municipality,
                                 const char *id)
{
    size_t lo = 0, hi = t->nparams;

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

/* A municipal id is looked up in the scenario's municipality, then in the
 * national defaults kept as municipality "default". */
static const struct tparam *resolve(const struct sw_ctx *c, const char *id)
{
    const struct tparam *p = NULL;

    if (strncmp(id, "gemeente.", 9) != 0)
        return tables_find(c->tables, "", id);
    if (c->municipality && c->municipality[0])
        p = tables_find(c->tables, c->municipality, id);
    return p ? p : tables_find(c->tables, "default", id);
}

static void fill_info(const struct sw_tables *t, const struct tparam *p,
                      const struct tvalue *v, struct sw_value_info *info)
{
    info->id = p->id;
    info->description = p->description ? p->description : "";
    info->unit = p->unit;
    info->from = v->from;
    info->source = v->source;
    info->url = v->url;
    info->note = v->note;
    info->file = t->docs[v->doc].name;
    info->provisional = v->provisional;
    info->overridden = false;
    info->end = v->end;
    info->unpublished = v->unpublished;
    info->projected = false;
    info->projected_from = SW_NO_DATE;
    info->amount = v->amount;
    info->is_scale = p->is_scale;
    info->kind = p->kind;
    info->brackets = v->brackets;
    info->nbrackets = v->nbrackets;
}

/* A projected value is a stand-in: provisional, and named as such, with the
 * date from which the next (unpublished) value was due. */
static void mark_projected(struct sw_value_info *info, const struct tvalue *v, bool projected)
{
    if (projected) {
        info->projected = true;
        info->provisional = true;
        info->projected_from = v[1].from;
    }
}

void sw_ctx_init(struct sw_ctx *c, const struct sw_tables *t, bool strict)
{
    memset(c, 0, sizeof(*c));
    c->tables = t;
    c->project = !strict;
}

static void record(const struct sw_ctx *c, const struct sw_value_info *info)
{
    struct sw_used *u = c->used;

    if (!u)
        return;
    for (size_t i = 0; i < u->len; i++)
        if (u->items[i].id == info->id && u->items[i].from == info->from &&
            u->items[i].overridden == info->overridden &&
            u->items[i].projected == info->projected)
            return;
    if (u->len == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 32;
        struct sw_value_info *n = realloc(u->items, cap * sizeof(*n));
        if (!n) {
            u->nomem = true;
            return;
        }
        u->items = n;
        u->cap = cap;
    }
    u->items[u->len++] = *info;
}

void sw_used_merge(struct sw_used *dst, const struct sw_used *src)
{
    for (size_t i = 0; i < src->len && !dst->nomem; i++) {
        const struct sw_value_info *v = &src->items[i];
        bool have = false;
        for (size_t j = 0; j < dst->len && !have; j++)
            have = dst->items[j].id == v->id && dst->items[j].from == v->from &&
                   dst->items[j].overridden == v->overridden &&
                   dst->items[j].projected == v->projected;
        if (have)
            continue;
        if (dst->len == dst->cap) {
            size_t cap = dst->cap ? dst->cap * 2 : 64;
            struct sw_value_info *n = realloc(dst->items, cap * sizeof(*n));
            if (!n) {
                dst->nomem = true;
                return;
            }
            dst->items = n;
            dst->cap = cap;
        }
        dst->items[dst->len++] = *v;
    }
}

bool sw_used_first_projected(const struct sw_used *u, size_t i)
{
    if (!u->items[i].projected)
        return false;
    for (size_t j = 0; j < i; j++)
        if (u->items[j].projected && strcmp(u->items[j].id, u->items[i].id) == 0)
            return false;
    return true;
}

void sw_used_release(struct sw_used *u)
{
    if (!u)
        return;
    free(u->items);
    u->items = NULL;
    u->len = u->cap = 0;
}

static sw_status lookup(const struct sw_ctx *c, const char *id, sw_date date,
                        const struct tparam **pp, const struct tvalue **vp, bool *projected,
                        struct sw_err *err)
{
    const struct tparam *p = resolve(c, id);
    const struct tvalue *v = NULL;
    char ds[16];

    *projected = false;
    if (!p)
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no parameter '%s' in the tables", id);
    for (size_t i = 0; i < p->nvalues && p->values[i].from <= date; i++)
        v = &p->values[i];
    /* An end marked unpublished means "the next value is not known yet": with
     * c->project the last known value stands in, marked as projected. */
    if (v && v->end && v->unpublished && c->project && v > p->values) {
        v--;
        *projected = true;
    }
    if (!v || v->end) {
        sw_date_format(ds, sizeof(ds), date);   /* only for the message: lookups are hot */
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no value for '%s' on '%s'", id, ds);
    }
    *pp = p;
    *vp = v;
    return SW_OK;
}

sw_status sw_param(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                   int64_t *out, struct sw_value_info *info, struct sw_err *err)
{
    const struct tparam *p = NULL;
    const struct tvalue *v = NULL;
    struct sw_value_info tmp;
    bool projected;
    sw_status st;

    for (size_t i = 0; i < c->n_overrides; i++) {
        if (strcmp(c->overrides[i].id, id) == 0) {
            memset(&tmp, 0, sizeof(tmp));
            tmp.id = c->overrides[i].id;
            tmp.description = "";
            tmp.unit = unit;
            tmp.from = date;
            tmp.source = "opgegeven door de gebruiker (override)";
            tmp.url = tmp.note = tmp.file = "";
            tmp.overridden = true;
            tmp.amount = c->overrides[i].amount;
            /* Record under the table's own id string where there is one, so that
             * the used list dedupes by pointer. */
            p = resolve(c, id);
            if (p)
                tmp.id = p->id;
            tmp.from = 0;
            record(c, &tmp);
            *out = tmp.amount;
            if (info)
                *info = tmp;
            return SW_OK;
        }
    }
    st = lookup(c, id, date, &p, &v, &projected, err);
    if (st)
        return st;
    if (p->is_scale || p->unit != unit)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' has unit '%s', the rule asks for '%s'", id,
                          p->is_scale ? "scale" : sw_unit_name(p->unit), sw_unit_name(unit));
    fill_info(c->tables, p, v, &tmp);
    mark_projected(&tmp, v, projected);
    record(c, &tmp);
    *out = v->amount;
    if (info)
        *info = tmp;
    return SW_OK;
}

sw_status sw_scale(const struct sw_ctx *c, const char *id, sw_date date,
                   enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                   struct sw_value_info *info, struct sw_err *err)
{
    const struct tparam *p = NULL;
    const struct tvalue *v = NULL;
    struct sw_value_info tmp;
    bool projected;
    sw_status st = lookup(c, id, date, &p, &v, &projected, err);

    if (st)
        return st;
    if (!p->is_scale || p->kind != kind)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' is not a %s scale", id,
                          kind == SW_SCALE_MARGINAL ? "marginal" : "piecewise");
    fill_info(c->tables, p, v, &tmp);
    mark_projected(&tmp, v, projected);
    record(c, &tmp);
    *out = v->brackets;
    *n = v->nbrackets;
    if (info)
        *info = tmp;
    return SW_OK;
}

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
    struct reader r = {field, 0, err};
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

size_t sw_tables_timeline(const struct sw_tables *t, const char *id,
                          const char *municipality, struct sw_value_info *out, size_t max)
{
    const struct tparam *p = tables_find(t, municipality ? municipality : "", id);

    if (!p)
        return 0;
    for (size_t i = 0; i < p->nvalues && i < max; i++)
        fill_info(t, p, &p->values[i], &out[i]);
    return p->nvalues;
}
