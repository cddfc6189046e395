/* tables_lookup.c - look up a finished table set: a parameter or scale by id and
 * date (municipal ids through the scenario's municipality, then "default"),
 * projection past an unpublished end, overrides applied, optional parameters,
 * the record of values used, lookups through the per-run cache, and a
 * parameter's timeline for `show`. The cache's upkeep (binding, the used list,
 * memo and windows) is in tables_cache.c; the set as a whole, its index and the
 * parsing of overrides are in tables_set.c.
 */
#include <stdlib.h>
#include <string.h>

#include "switchsim/trace.h"

#include "tables_cache.h"

/* --- lookup --- */

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

void tables_fill_info(const struct sw_tables *t, const struct tparam *p,
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

/* The slot for id: the one holding it, or the one to fill (a free slot, else
 * the first probed, which is then reused). The probe is up to CACHE_PROBES
 * slots long; the table is some half full, so that two ids a run asks for
 * in turn (the ids a run uses are some 150) do not take each other's slot. */
static struct cache_slot *cache_slot(struct sw_lookup_cache *cache, const char *id, bool *hit)
{
    /* A hash of every byte: ids differ in a letter amid a common text
     * ("participatiewet.vrijlating.n.percent" and ".r.percent"). This is
     * asked only when the id's address did not find its slot (near_slot()). */
    uint64_t h = tables_hash_str(0, id);

    for (unsigned k = 0; k < CACHE_PROBES; k++) {
        struct cache_slot *sl = &cache->slot[(h + k) & (CACHE_SLOTS - 1)];
        if (!sl->text) {
            *hit = false;
            return sl;
        }
        if (strcmp(sl->text, id) == 0) {
            *hit = true;
            return sl;
        }
    }
    *hit = false;
    return &cache->slot[h & (CACHE_SLOTS - 1)];
}

/* The value of p on date: the last one from on or before it, projected past an
 * unpublished end when c->project. *lo and *hi: the dates it answers for. */
static sw_status find_value(const struct sw_ctx *c, const struct tparam *p, const char *id,
                            sw_date date, const struct tvalue **vp, bool *projected,
                            sw_date *lo, sw_date *hi, bool quiet, struct sw_err *err)
{
    const struct tvalue *v = NULL;
    size_t i = 0;
    char ds[16];

    *projected = false;
    while (i < p->nvalues && p->values[i].from <= date)
        v = &p->values[i++];
    *lo = v ? v->from : DATE_LOWEST;
    *hi = i < p->nvalues ? p->values[i].from : DATE_HIGHEST;
    /* An end marked unpublished means "the next value is not known yet": with
     * c->project the last known value stands in, marked as projected. */
    if (v && v->end && v->unpublished && c->project && v > p->values) {
        v--;
        *projected = true;
    }
    *vp = NULL;
    if (!v || v->end) {
        if (quiet)
            return SW_ERR_NO_VALUE;
        sw_date_format(ds, sizeof(ds), date);   /* only for the message: lookups are hot */
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no value for '%s' on '%s'", id, ds);
    }
    *vp = v;
    return SW_OK;
}

/* What a lookup found: an override (ov >= 0) or value v of p. */
struct found {
    const struct tparam *p;
    const struct tvalue *v;
    int ov;
    bool projected;
    struct cache_slot *slot;   /* the cache's slot, or NULL */
};

/* The bit of sl's value (with whether it is projected) in sl->seen; 0 for none
 * or one past the 32nd value (then recorded anew: c->used dedupes). */
static inline uint64_t seen_bit(const struct cache_slot *sl)
{
    return sl->v && sl->vix < 32 ? (uint64_t)1 << (2 * sl->vix + sl->projected) : 0;
}

/* sl's value is in c->used now (cache: the one sl is in). */
static inline void slot_recorded(struct sw_lookup_cache *cache, struct cache_slot *sl)
{
    if (sl->seen_epoch != cache->epoch) {
        sl->seen = 0;
        sl->seen_epoch = cache->epoch;
    }
    sl->rec = cache->epoch;
    sl->seen |= seen_bit(sl);
}

/* Whether sl's value is in c->used (from sl->seen). */
static inline bool slot_seen(const struct sw_lookup_cache *cache, const struct cache_slot *sl)
{
    uint64_t bit = seen_bit(sl);

    return bit && sl->seen_epoch == cache->epoch && (sl->seen & bit);
}

/* Whether sl's value is in c->used, or there is none to record. */
static inline bool slot_is_recorded(const struct sw_lookup_cache *cache,
                                    const struct cache_slot *sl)
{
    return sl->rec == cache->epoch;
}

/* Keep in sl what a full lookup of id found (f; no value when !f->v), valid for
 * lo <= date < hi. An absent id's text is copied; without memory for it the
 * slot is left free and the next lookup takes the full path again. */
static void slot_fill(const struct sw_ctx *c, struct cache_slot *sl, const char *id,
                      const struct found *f, sw_date lo, sw_date hi)
{
    const char *text = f->ov >= 0 ? c->overrides[f->ov].id : f->p ? f->p->id : NULL;
    char *own = NULL;

    if (!text) {
        size_t n = strlen(id) + 1;
        own = malloc(n);
        if (own)
            memcpy(own, id, n);
        text = own;
    }
    if (!f->p || sl->p != f->p || sl->text != text) {
        if (sl->seen && sl->seen_epoch == c->cache->epoch)
            c->cache->used.pure = false;   /* what it saw is in the list still */
        sl->seen = 0;
    }
    /* Another text: the near entries to the slot lapse. The same text of the
     * set or an override (not a copy, whose address a new copy may reuse)
     * keeps them, for every address the id has in the rules. */
    if (own || sl->own || sl->text != text) {
        sl->gen++;
        sl->municipal = text && strncmp(text, "gemeente.", 9) == 0;
        if (sl->municipal && !sl->in_munis) {
            sl->in_munis = true;
            c->cache->munis[c->cache->nmunis++] = (uint16_t)(sl - c->cache->slot);
        }
    }
    free(sl->own);
    sl->own = own;
    sl->text = text;
    sl->p = f->p;
    sl->override = f->ov;
    slot_value(c->tables, sl, f->v);
    sl->lo = lo;
    sl->hi = hi;
    sl->lo2 = sl->hi2 = 0;
    sl->projected = f->projected;
    sl->mid = f->p ? f->p->mid : 0;
    /* No value: nothing to record. */
    sl->rec = (!f->v && f->ov < 0) || slot_seen(c->cache, sl) ? c->cache->epoch : 0;
}

/* The two entries (ways) id's address may have in the near table. */
static inline struct near *near_of(struct sw_lookup_cache *cache, const char *id)
{
    return cache->near[((uintptr_t)id >> 3 ^ (uintptr_t)id >> 12) & (CACHE_NEAR - 1)].way;
}

/* The slot a string constant id was found in last, or NULL. */
static inline struct cache_slot *near_slot(struct sw_lookup_cache *cache, const char *id)
{
    const struct near *n = near_of(cache, id);

    /* An entry with this id has a slot (near_set()); a slot cleared or
     * filled with another text has another gen. */
    if (n->id != id && (++n)->id != id)
        return NULL;
    if (n->slot->gen != n->gen)
        return NULL;
#ifdef SW_CHECK_IDS
    if (n->slot->text && strcmp(n->slot->text, id) != 0)
        __builtin_trap();   /* an id built in a buffer passed as a constant */
#endif
    return n->slot;
}

/* Let the string constant id find sl (as filled now) by its address: in its
 * own entry, else in the first way, the one there moving to the second. */
static inline void near_set(struct sw_lookup_cache *cache, const char *id,
                            struct cache_slot *sl)
{
    struct near *n = near_of(cache, id);

    if (n[1].id == id)
        n++;
    else if (n[0].id != id)
        n[1] = n[0];
    n->id = id;
    n->slot = sl;
    n->gen = sl->gen;
}

/* Find id on date, through the cache when the context has one. `constant`:
 * id is a string constant (or the set's own text), found by its address. SW_ERR_NO_VALUE
 * when the tables hold no value for it on date: with a message in err, or
 * (quiet) with err untouched. */
static sw_status lookup(const struct sw_ctx *c, const char *id, sw_date date, struct found *f,
                        bool quiet, bool constant, struct sw_err *err)
{
    struct cache_slot *sl = NULL;
    bool hit = false;
    sw_date lo = DATE_LOWEST, hi = DATE_HIGHEST;
    sw_status st = SW_OK;

    memset(f, 0, sizeof(*f));
    f->ov = -1;
    if (c->cache) {
        sl = constant ? near_slot(c->cache, id) : NULL;
        hit = sl != NULL;
        if (!hit) {
            sl = cache_slot(c->cache, id, &hit);
            if (hit && constant)
                near_set(c->cache, id, sl);
        }
        if (hit) {
            f->p = sl->p;
            f->ov = sl->override;
            f->slot = sl;
            if (sl->override >= 0 || !sl->p || (sl->lo <= date && date < sl->hi)) {
                /* The kept answer holds on date: a value, or (quiet) none. */
                if (sl->override >= 0 || sl->v || quiet) {
                    f->v = sl->v;
                    f->projected = sl->projected;
                    if (c->cache->window)
                        window_narrow(c->cache, date, sl->lo, sl->hi);
                    return sl->override >= 0 || sl->v ? SW_OK : SW_ERR_NO_VALUE;
                }
            }
        }
    }
    if (!hit) {
        for (size_t i = 0; i < c->n_overrides && f->ov < 0; i++)
            if (strcmp(c->overrides[i].id, id) == 0)
                f->ov = (int)i;
        if (f->ov < 0)
            f->p = resolve(c, id);
    }
    /* An override or an absent id answers alike on every date. */
    if (f->ov < 0 && f->p)
        st = find_value(c, f->p, id, date, &f->v, &f->projected, &lo, &hi, quiet, err);
    else if (f->ov < 0)
        st = SW_ERR_NO_VALUE;
    if (c->cache && c->cache->window)
        window_narrow(c->cache, date, lo, hi);
    if (sl) {
        slot_fill(c, sl, id, f, lo, hi);
        f->slot = sl;
        if (constant)
            near_set(c->cache, id, sl);
    }
    if (st == SW_ERR_NO_VALUE && !f->p && f->ov < 0 && !quiet)
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no parameter '%s' in the tables", id);
    return st;
}

/* Record what f found in c->used (once: the cache remembers it did). */
static void record_found(const struct sw_ctx *c, const struct found *f,
                         const struct sw_value_info *info)
{
    if (!c->used || (f->slot && slot_is_recorded(c->cache, f->slot)))
        return;
    tables_record(c, info);
    if (f->slot)
        slot_recorded(c->cache, f->slot);
}

/* The info of an override of id (as the user supplied it). */
static void override_info(const struct sw_ctx *c, const char *id, int ov, enum sw_unit unit,
                          struct sw_value_info *tmp)
{
    const struct tparam *p;

    memset(tmp, 0, sizeof(*tmp));
    tmp->id = c->overrides[ov].id;
    tmp->description = "";
    tmp->unit = unit;
    tmp->source = "opgegeven door de gebruiker (override)";
    tmp->url = tmp->note = tmp->file = "";
    tmp->overridden = true;
    tmp->amount = c->overrides[ov].amount;
    /* Record under the table's own id string where there is one, so that the
     * used list dedupes by pointer. */
    p = resolve(c, id);
    if (p)
        tmp->id = p->id;
    tmp->from = 0;
}

/* Let sl (a parameter's slot) answer for date: the value of its parameter
 * then, or none (as lookup() would fill it). */
static __attribute__((noinline)) void slot_move(const struct sw_ctx *c, struct cache_slot *sl,
                                                sw_date date)
{
    const struct tvalue *v = sl->v;
    sw_date lo = sl->lo, hi = sl->hi;
    int64_t amount = sl->amount;
    const struct sw_value_info *info = sl->info;
    int8_t unit = sl->unit;
    bool projected = sl->projected;
    uint8_t vix = sl->vix;

    if (sl->lo2 <= date && date < sl->hi2) {
        /* The answer before: the two trade places. */
        sl->v = sl->v2;
        sl->lo = sl->lo2;
        sl->hi = sl->hi2;
        sl->projected = sl->projected2;
        sl->amount = sl->amount2;
        sl->info = sl->info2;
        sl->unit = sl->unit2;
        sl->vix = sl->vix2;
    } else {
        const struct tvalue *found;

        find_value(c, sl->p, sl->text, date, &found, &sl->projected, &sl->lo, &sl->hi, true,
                   NULL);
        slot_value(c->tables, sl, found);
    }
    sl->v2 = v;
    sl->lo2 = lo;
    sl->hi2 = hi;
    sl->projected2 = projected;
    sl->amount2 = amount;
    sl->info2 = info;
    sl->unit2 = unit;
    sl->vix2 = vix;
    sl->rec = !sl->v || slot_seen(c->cache, sl) ? c->cache->epoch : 0;
}

/* The hot path of a cached lookup of a string constant: sl, the slot the
 * id's address found last (near_slot(), may be NULL), when it still answers
 * for this date - a value, or (!v) that there is none. NULL: take the full
 * path (lookup()), which answers alike and fills the slot. */
static inline struct cache_slot *slot_hit(const struct sw_ctx *c, struct cache_slot *sl,
                                          sw_date date)
{
    if (!sl || sl->override >= 0)
        return NULL;
    if ((date < sl->lo || date >= sl->hi) && sl->p)
        slot_move(c, sl, date);
    if (c->cache->window)
        window_narrow(c->cache, date, sl->lo, sl->hi);
    return sl;
}

static inline struct cache_slot *cache_hit(const struct sw_ctx *c, const char *id, sw_date date)
{
    return slot_hit(c, near_slot(c->cache, id), date);
}

/* The date from which the value after sl's was due, for a projected one.
 * Most values are not projected: told so, GCC keeps record_slot()'s copy of
 * the info on its hot path as vector moves (else it takes that path for the
 * cold one and copies the 104 bytes with a slow `rep movs`). */
static inline sw_date slot_due(const struct cache_slot *sl)
{
    return __builtin_expect(sl->projected, 0) ? sl->v[1].from : SW_NO_DATE;
}

/* record_slot() past its common case: the value looked up in the list (or
 * the set without infos: its info filled here). */
static __attribute__((noinline)) void record_slot_search(const struct sw_ctx *c,
                                                         struct cache_slot *sl)
{
    struct sw_value_info tmp;
    const struct sw_value_info *info = sl->info;

    if (!info) {
        tables_fill_info(c->tables, sl->p, sl->v, &tmp);
        info = &tmp;
    }
    tables_record_value(c, info, sl->projected, slot_due(sl));
    slot_recorded(c->cache, sl);
}

/* The first hit on sl's value in this list c->used: record it (as the full
 * path would have). Kept small (no frame for an info of its own): called once
 * a run for each value the run uses. */
static __attribute__((noinline)) void record_slot(const struct sw_ctx *c, struct cache_slot *sl)
{
    struct sw_used *u = c->used;
    struct used_index *x = &c->cache->used;

    /* A list of the slots' values alone, this one's not among them (its bit
     * clear: record_slot() is called for a value not seen): append. */
    if (sl->info && x->pure && x->u == u && x->items == u->items &&
        u->len == x->len_seen && u->len < u->cap && seen_bit(sl)) {
        tables_record_fill(&u->items[u->len++], sl->info, sl->projected, slot_due(sl));
        x->len_seen = u->len;
        slot_recorded(c->cache, sl);
        return;
    }
    record_slot_search(c, sl);
}

/* sw_param() past the hot path; quiet: SW_ERR_NO_VALUE without a message. */
static __attribute__((noinline)) sw_status
param_full(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
           int64_t *out, struct sw_value_info *info, bool quiet, bool constant,
           struct sw_err *err)
{
    struct found f;
    struct sw_value_info tmp;
    sw_status st = lookup(c, id, date, &f, quiet, constant, err);

    if (st)
        return st;
    if (f.ov >= 0) {
        *out = c->overrides[f.ov].amount;
        if (info || (c->used && !(f.slot && slot_is_recorded(c->cache, f.slot)))) {
            override_info(c, id, f.ov, unit, &tmp);
            record_found(c, &f, &tmp);
            if (info)
                *info = tmp;
        }
        return SW_OK;
    }
    if (f.p->is_scale || f.p->unit != unit)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' has unit '%s', the rule asks for '%s'", id,
                          f.p->is_scale ? "scale" : sw_unit_name(f.p->unit), sw_unit_name(unit));
    *out = f.v->amount;
    if (info || (c->used && !(f.slot && slot_is_recorded(c->cache, f.slot)))) {
        tables_fill_info(c->tables, f.p, f.v, &tmp);
        mark_projected(&tmp, f.v, f.projected);
        record_found(c, &f, &tmp);
        if (info)
            *info = tmp;
    }
    return SW_OK;
}

/* The info of sl's value (as param_full() fills it for a value of the set):
 * the set's own info of it, marked projected when it is. */
static __attribute__((noinline)) void slot_info(const struct sw_ctx *c,
                                                const struct cache_slot *sl,
                                                struct sw_value_info *info)
{
    if (sl->info)
        *info = *sl->info;
    else
        tables_fill_info(c->tables, sl->p, sl->v, info);
    mark_projected(info, sl->v, sl->projected);
}

/* sw_param() with info, sw_param_opt() and a traced lookup: the hot path
 * (the info, when asked, from the slot: slot_info()), else param_full(). */
static inline sw_status param(const struct sw_ctx *c, const char *id, sw_date date,
                              enum sw_unit unit, int64_t *out, struct sw_value_info *info,
                              bool quiet, struct sw_err *err)
{
    struct cache_slot *sl = !c->cache ? NULL : cache_hit(c, id, date);

    if (sl && sl->v && sl->unit == (int)unit) {
        if (c->used && !slot_is_recorded(c->cache, sl))
            record_slot(c, sl);
        if (info)
            slot_info(c, sl, info);
        *out = sl->amount;
        return SW_OK;
    }
    if (sl && !sl->v && quiet)
        return SW_ERR_NO_VALUE;
    return param_full(c, id, date, unit, out, info, quiet, true, err);
}

/* sw_param() without info past the quickest hit (sw_param_quick()): sl is
 * what near_slot() found for id (NULL: nothing). */
static __attribute__((noinline)) sw_status
param_plain(const struct sw_ctx *c, struct cache_slot *sl, const char *id, sw_date date,
            enum sw_unit unit, int64_t *out, struct sw_err *err)
{
    sl = slot_hit(c, sl, date);
    if (sl && sl->unit == (int)unit) {
        if (c->used && !slot_is_recorded(c->cache, sl))
            record_slot(c, sl);
        *out = sl->amount;
        return SW_OK;
    }
    return param_full(c, id, date, unit, out, NULL, false, true, err);
}

/* sw_param() without info: the cached answer of a plain parameter that needs
 * nothing else done but narrowing the windows recording and (once a run)
 * recording its value, with no call but record_slot(); else param_plain() on
 * the slot it found (a value to move to, or the full path). */
static inline __attribute__((always_inline)) sw_status
sw_param_quick(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
               int64_t *out, struct sw_err *err)
{
    struct cache_slot *sl;

    if (!c->cache)
        return param_full(c, id, date, unit, out, NULL, false, true, err);
    sl = near_slot(c->cache, id);
    /* sl->unit is -1 without a value. */
    if (!sl || sl->unit != (int)unit || date < sl->lo || date >= sl->hi)
        return param_plain(c, sl, id, date, unit, out, err);
    /* The first hit on the value in this list: recorded as param_plain()
     * would, without its frame. */
    if (c->used && !slot_is_recorded(c->cache, sl))
        record_slot(c, sl);
    if (c->cache->window)
        window_narrow(c->cache, date, sl->lo, sl->hi);
    *out = sl->amount;
    return SW_OK;
}

sw_status sw_param(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                   int64_t *out, struct sw_value_info *info, struct sw_err *err)
{
    if (!info)
        return sw_param_quick(c, id, date, unit, out, err);
    return param(c, id, date, unit, out, info, false, err);
}

/* sw_param() recording the parameter in a trace: the info is filled only for a
 * trace (filling it is most of a cached lookup). */
static __attribute__((noinline)) sw_status
param_traced(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
             int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    struct sw_value_info info;
    sw_status st = param(c, id, date, unit, out, &info, false, err);

    if (st == SW_OK)
        sw_trace_param(tr, &info);
    return st;
}

sw_status sw_param_t(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                     int64_t *out, struct sw_trace *tr, struct sw_err *err)
{
    /* Without a trace, the hot path right here (asked some 30 times a month). */
    if (tr)
        return param_traced(c, id, date, unit, out, tr, err);
    return sw_param_quick(c, id, date, unit, out, err);
}

sw_status sw_param_text(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                        int64_t *out, bool *found, struct sw_value_info *info,
                        struct sw_err *err)
{
    sw_status st = param_full(c, id, date, unit, out, info, found != NULL, false, err);

    if (!found)
        return st;
    *found = st == SW_OK;
    return st == SW_ERR_NO_VALUE ? SW_OK : st;
}

sw_status sw_param_opt(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                       int64_t *out, bool *found, struct sw_value_info *info, struct sw_err *err)
{
    sw_status st = param(c, id, date, unit, out, info, true, err);

    *found = st == SW_OK;
    return st == SW_ERR_NO_VALUE ? SW_OK : st;
}

/* sw_scale() past the hot path. */
static __attribute__((noinline)) sw_status
scale_full(const struct sw_ctx *c, const char *id, sw_date date, enum sw_scale_kind kind,
           const struct sw_bracket **out, size_t *n, struct sw_value_info *info,
           struct sw_err *err)
{
    struct found f;
    struct sw_value_info tmp;
    sw_status st = lookup(c, id, date, &f, false, true, err);

    if (st)
        return st;
    if (f.ov >= 0 || !f.p->is_scale || f.p->kind != kind)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' is not a %s scale", id,
                          kind == SW_SCALE_MARGINAL ? "marginal" : "piecewise");
    *out = f.v->brackets;
    *n = f.v->nbrackets;
    if (info || (c->used && !(f.slot && slot_is_recorded(c->cache, f.slot)))) {
        tables_fill_info(c->tables, f.p, f.v, &tmp);
        mark_projected(&tmp, f.v, f.projected);
        record_found(c, &f, &tmp);
        if (info)
            *info = tmp;
    }
    return SW_OK;
}

sw_status sw_scale(const struct sw_ctx *c, const char *id, sw_date date,
                   enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                   struct sw_value_info *info, struct sw_err *err)
{
    struct cache_slot *sl = !c->cache ? NULL : cache_hit(c, id, date);

    if (sl && sl->v && sl->p->is_scale && sl->p->kind == kind) {
        if (c->used && !slot_is_recorded(c->cache, sl))
            record_slot(c, sl);
        if (info)
            slot_info(c, sl, info);
        *out = sl->v->brackets;
        *n = sl->v->nbrackets;
        return SW_OK;
    }
    return scale_full(c, id, date, kind, out, n, info, err);
}

sw_status sw_scale_t(const struct sw_ctx *c, const char *id, sw_date date,
                     enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                     struct sw_trace *tr, struct sw_err *err)
{
    struct sw_value_info info;
    sw_status st;

    if (!tr)
        return sw_scale(c, id, date, kind, out, n, NULL, err);
    st = sw_scale(c, id, date, kind, out, n, &info, err);
    if (st == SW_OK)
        sw_trace_param(tr, &info);
    return st;
}

size_t sw_tables_timeline(const struct sw_tables *t, const char *id,
                          const char *municipality, struct sw_value_info *out, size_t max)
{
    const struct tparam *p = tables_find(t, municipality ? municipality : "", id);

    if (!p)
        return 0;
    for (size_t i = 0; i < p->nvalues && i < max; i++)
        tables_fill_info(t, p, &p->values[i], &out[i]);
    return p->nvalues;
}
