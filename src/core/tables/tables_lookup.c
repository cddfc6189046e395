/* tables_lookup.c - look up a finished table set: a parameter or scale by id and
 * date (municipal ids through the scenario's municipality, then "default"),
 * projection past an unpublished end, overrides applied, optional parameters,
 * the record of values used, the per-run lookup cache with its memo and lookup
 * windows, and a parameter's timeline for `show`. The set as a whole, its index
 * and the parsing of overrides are in tables_set.c.
 */
#include <stdlib.h>
#include <string.h>

#include "tables_impl.h"

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

/* Whether a and b are the same value in a used list: id (by address), from,
 * overridden, projected. */
static bool used_same(const struct sw_value_info *a, const struct sw_value_info *b)
{
    return a->id == b->id && a->from == b->from && a->overridden == b->overridden &&
           a->projected == b->projected;
}

/* Append info to u; on allocation failure u->nomem is set and nothing added. */
static void used_append(struct sw_used *u, const struct sw_value_info *info)
{
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

/* Add info to u unless the same value is there already. */
static void used_add(struct sw_used *u, const struct sw_value_info *info)
{
    for (size_t i = 0; i < u->len; i++)
        if (used_same(&u->items[i], info))
            return;
    used_append(u, info);
}

static void used_add_indexed(struct sw_lookup_cache *cache, struct sw_used *u,
                             const struct sw_value_info *info);

static void record(const struct sw_ctx *c, const struct sw_value_info *info)
{
    if (c->used && c->cache)
        used_add_indexed(c->cache, c->used, info);
    else if (c->used)
        used_add(c->used, info);
}

void sw_used_merge(struct sw_used *dst, const struct sw_used *src)
{
    for (size_t i = 0; i < src->len && !dst->nomem; i++)
        used_add(dst, &src->items[i]);
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

/* --- the lookup cache (sw_ctx.cache) ---
 * A rule asks for the same few dozen ids month after month. A slot keeps what
 * one id resolved to in this context (an override, or the parameter in the
 * scenario's municipality or the defaults), the value found last with the dates
 * it holds for, and whether that value is in c->used already. Slots are found
 * by a hash of the id's text and checked against it (rules build some ids in
 * stack buffers). An absent answer is kept too - an id neither the scenario's
 * municipality nor the defaults have (the slot owns a copy of its text), or a
 * parameter without a value on the dates lo..hi - so that a rule's optional
 * parameters (sw_param_opt()) cost as little as present ones; a caller that
 * wants the error message takes the full path, which formats it. */

#define CACHE_SLOTS 256   /* a power of two, several times the ids one run uses */
#define DATE_LOWEST INT32_MIN    /* before every date (SW_NO_DATE is no date) */
#define DATE_HIGHEST INT32_MAX

struct cache_slot {
    const char *text;             /* the id, owned by the set, the override or `own`;
                                   * NULL = free */
    char *own;                    /* the copy of an absent id's text, or NULL */
    const struct tparam *p;       /* NULL for an override or an absent id */
    int override;                 /* index in c->overrides, or -1 */
    const struct tvalue *v;       /* the value found last (after projection); NULL
                                   * for an override or when there is none */
    sw_date lo, hi;               /* it answers for lo <= date < hi */
    bool projected;
    bool recorded;                /* (v, projected) is in c->used */
};

/* Memo entries (sw_memo_get()): open addressing, full when out of slots. An
 * entry is live while its generation is the cache's (sw_lookup_cache_bind()
 * forgets them all at once). */
#define MEMO_SLOTS 256

struct memo_slot {
    const char *tag;              /* NULL = free */
    uint32_t gen;
    int64_t key[SW_MEMO_KEY];
    int64_t value;
};

/* Most ids are string constants: a direct-mapped table by the id's address
 * points at its slot; the text is still compared (an id built in a buffer
 * reuses the address). */
#define CACHE_NEAR 1024

/* The values in c->used by a hash of what used_same() compares: 1 + their
 * index in the list, 0 = free. It covers the list's first n items and is
 * built anew when the list is another or has moved (realloc); the list only
 * grows while the cache is in use (sw_ctx.cache). Past USED_SLOTS / 2 values
 * the list is searched item by item. */
#define USED_SLOTS 512

struct used_index {
    const struct sw_used *u;
    const struct sw_value_info *items;
    size_t n;
    uint16_t slot[USED_SLOTS];
};

struct sw_lookup_cache {
    /* The context it answered for last (sw_lookup_cache_bind()): what its
     * answers depend on besides the date. */
    bool bound;
    const struct sw_tables *tables;
    char sha[65];
    char municipality[64];
    bool project;
    struct sw_window *window;     /* the innermost window recording, or NULL */
    struct cache_slot slot[CACHE_SLOTS];
    struct {
        const char *id;
        struct cache_slot *slot;
    } near[CACHE_NEAR];
    struct memo_slot memo[MEMO_SLOTS];
    uint32_t memo_gen;
    struct used_index used;
};

static size_t used_hash(const struct sw_value_info *v)
{
    uint64_t h = ((uint64_t)(uintptr_t)v->id ^ (uint64_t)(uint32_t)v->from << 17 ^
                  (uint64_t)v->overridden << 1 ^ (uint64_t)v->projected) *
                 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 40);
}

/* used_add() through the cache's index of u. */
static void used_add_indexed(struct sw_lookup_cache *cache, struct sw_used *u,
                             const struct sw_value_info *info)
{
    struct used_index *x = &cache->used;
    size_t k;

    if (u->len >= USED_SLOTS / 2) {
        used_add(u, info);
        return;
    }
    if (x->u != u || x->items != u->items || x->n > u->len) {
        memset(x->slot, 0, sizeof(x->slot));
        x->u = u;
        x->items = u->items;
        x->n = 0;
    }
    for (; x->n < u->len; x->n++) {
        for (k = used_hash(&u->items[x->n]); x->slot[k & (USED_SLOTS - 1)]; k++)
            ;
        x->slot[k & (USED_SLOTS - 1)] = (uint16_t)(x->n + 1);
    }
    for (k = used_hash(info); x->slot[k & (USED_SLOTS - 1)]; k++)
        if (used_same(&u->items[x->slot[k & (USED_SLOTS - 1)] - 1], info))
            return;
    /* Indexed with the next call (the list may move now). */
    used_append(u, info);
}

static size_t memo_index(const char *tag, const int64_t key[SW_MEMO_KEY])
{
    uint64_t h = (uint64_t)(uintptr_t)tag;

    for (int k = 0; k < SW_MEMO_KEY; k++)
        h = (h ^ (uint64_t)key[k]) * 0x100000001B3ULL;
    return (size_t)(h ^ h >> 29) & (MEMO_SLOTS - 1);
}

bool sw_memo_get(const struct sw_ctx *c, const char *tag, const int64_t key[SW_MEMO_KEY],
                 int64_t *out)
{
    if (!c->cache)
        return false;
    for (size_t k = 0, i0 = memo_index(tag, key); k < 8; k++) {
        const struct memo_slot *m = &c->cache->memo[(i0 + k) & (MEMO_SLOTS - 1)];
        if (!m->tag || m->gen != c->cache->memo_gen)
            return false;
        if (m->tag == tag && memcmp(m->key, key, sizeof(m->key)) == 0) {
            *out = m->value;
            return true;
        }
    }
    return false;
}

void sw_memo_put(const struct sw_ctx *c, const char *tag, const int64_t key[SW_MEMO_KEY],
                 int64_t value)
{
    if (!c->cache)
        return;
    for (size_t k = 0, i0 = memo_index(tag, key); k < 8; k++) {
        struct memo_slot *m = &c->cache->memo[(i0 + k) & (MEMO_SLOTS - 1)];
        if (!m->tag || m->gen != c->cache->memo_gen ||
            (m->tag == tag && memcmp(m->key, key, sizeof(m->key)) == 0)) {
            m->tag = tag;
            m->gen = c->cache->memo_gen;
            memcpy(m->key, key, sizeof(m->key));
            m->value = value;
            return;
        }
    }
}

void sw_window_begin(const struct sw_ctx *c, struct sw_window *w, sw_date at)
{
    w->at = at;
    w->lo = DATE_LOWEST;
    w->hi = DATE_HIGHEST;
    w->ok = c->cache != NULL;
    w->outer = NULL;
    if (c->cache) {
        w->outer = c->cache->window;
        c->cache->window = w;
    }
}

void sw_window_end(const struct sw_ctx *c, struct sw_window *w)
{
    if (c->cache && c->cache->window == w)
        c->cache->window = w->outer;
}

bool sw_window_holds(const struct sw_window *w, sw_date date)
{
    return w->ok && w->lo <= date && date < w->hi;
}

/* A lookup on `date` answered with a value that holds for lo <= date < hi: narrow
 * every window recording. */
static void window_narrow(struct sw_lookup_cache *cache, sw_date date, sw_date lo, sw_date hi)
{
    for (struct sw_window *w = cache->window; w; w = w->outer) {
        if (date != w->at)
            w->ok = false;
        if (lo > w->lo)
            w->lo = lo;
        if (hi < w->hi)
            w->hi = hi;
    }
}

sw_status sw_lookup_cache_new(struct sw_lookup_cache **out, struct sw_err *err)
{
    *out = calloc(1, sizeof(**out));
    return *out ? SW_OK : sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
}

/* Whether cache answered last for a context that resolves every id as c does
 * and finds the same values: the same set, municipality and projection, and no
 * overrides (an override slot points into the context's own list). */
static bool cache_fits(const struct sw_lookup_cache *cache, const struct sw_ctx *c)
{
    const char *muni = c->municipality ? c->municipality : "";

    return cache->bound && cache->tables == c->tables && cache->project == c->project &&
           c->n_overrides == 0 && strcmp(cache->municipality, muni) == 0 &&
           strcmp(cache->sha, c->tables->sha) == 0;
}

void sw_lookup_cache_bind(struct sw_lookup_cache *cache, const struct sw_ctx *c)
{
    const char *muni = c->municipality ? c->municipality : "";

    if (cache_fits(cache, c)) {
        /* The answers stay; what was recorded was recorded in another list,
         * and a memo entry's lookups are not in this one yet. */
        for (size_t i = 0; i < CACHE_SLOTS; i++)
            cache->slot[i].recorded = !cache->slot[i].v && cache->slot[i].override < 0;
        if (++cache->memo_gen == 0)   /* wrapped: no entry of an old generation may match */
            memset(cache->memo, 0, sizeof(cache->memo));
        cache->used.u = NULL;
        cache->window = NULL;
        return;
    }
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        free(cache->slot[i].own);
    memset(cache, 0, sizeof(*cache));
    /* A context that does not fit the next one either: bound stays false. */
    if (c->n_overrides || strlen(muni) >= sizeof(cache->municipality))
        return;
    cache->bound = true;
    cache->tables = c->tables;
    memcpy(cache->sha, c->tables->sha, sizeof(cache->sha));
    memcpy(cache->municipality, muni, strlen(muni) + 1);
    cache->project = c->project;
}

void sw_lookup_cache_free(struct sw_lookup_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        free(cache->slot[i].own);
    free(cache);
}

/* The slot for id: the one holding it, or the one to fill (a free slot, else
 * the first probed, which is then reused). */
static struct cache_slot *cache_slot(struct sw_lookup_cache *cache, const char *id, bool *hit)
{
    /* The length and the last and middle eight bytes tell the ids apart ("...
     * .single" from "....couple") at a fraction of a hash over every byte. */
    size_t n = strlen(id);
    uint64_t w1 = 0, w2 = 0;
    uint32_t h;

    memcpy(&w1, id + (n >= 8 ? n - 8 : 0), n >= 8 ? 8 : n);
    memcpy(&w2, id + n / 2, n - n / 2 >= 8 ? 8 : n - n / 2);
    h = (uint32_t)(((w1 * 0x9E3779B97F4A7C15u) ^ (w2 * 0xC2B2AE3D27D4EB4Fu) ^ n) >> 32);
    for (unsigned k = 0; k < 4; k++) {
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
    bool *recorded;   /* the cache's mark, or NULL */
};

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
    free(sl->own);
    sl->own = own;
    sl->text = text;
    sl->p = f->p;
    sl->override = f->ov;
    sl->v = f->v;
    sl->lo = lo;
    sl->hi = hi;
    sl->projected = f->projected;
    /* No value: nothing to record. */
    sl->recorded = !f->v && f->ov < 0;
}

/* Find id on date, through the cache when the context has one. SW_ERR_NO_VALUE
 * when the tables hold no value for it on date: with a message in err, or
 * (quiet) with err untouched. */
static sw_status lookup(const struct sw_ctx *c, const char *id, sw_date date, struct found *f,
                        bool quiet, struct sw_err *err)
{
    struct cache_slot *sl = NULL;
    bool hit = false;
    sw_date lo = DATE_LOWEST, hi = DATE_HIGHEST;
    sw_status st = SW_OK;

    memset(f, 0, sizeof(*f));
    f->ov = -1;
    if (c->cache) {
        size_t ni = ((uintptr_t)id >> 3 ^ (uintptr_t)id >> 12) & (CACHE_NEAR - 1);
        sl = c->cache->near[ni].slot;
        hit = c->cache->near[ni].id == id && sl->text && strcmp(sl->text, id) == 0;
        if (!hit) {
            sl = cache_slot(c->cache, id, &hit);
            c->cache->near[ni].id = id;
            c->cache->near[ni].slot = sl;
        }
        if (hit) {
            f->p = sl->p;
            f->ov = sl->override;
            f->recorded = &sl->recorded;
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
        f->recorded = &sl->recorded;
    }
    if (st == SW_ERR_NO_VALUE && !f->p && f->ov < 0 && !quiet)
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no parameter '%s' in the tables", id);
    return st;
}

/* Record what f found in c->used (once: the cache remembers it did). */
static void record_found(const struct sw_ctx *c, const struct found *f,
                         const struct sw_value_info *info)
{
    if (!c->used || (f->recorded && *f->recorded))
        return;
    record(c, info);
    if (f->recorded)
        *f->recorded = true;
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

/* The hot path of a cached lookup: the slot the id's address found last, when
 * it still answers for this text and date and its value is already in c->used
 * (or nothing is recorded): that value - or, without one (!v), that there is
 * none - with nothing else to do. NULL: take the full path (lookup()), which
 * answers alike and fills the slot. */
static inline const struct cache_slot *cache_hit(const struct sw_ctx *c, const char *id,
                                                 sw_date date)
{
    size_t ni = ((uintptr_t)id >> 3 ^ (uintptr_t)id >> 12) & (CACHE_NEAR - 1);
    const struct cache_slot *sl = c->cache->near[ni].slot;

    if (c->cache->near[ni].id != id || !sl || !sl->text || sl->override >= 0 ||
        date < sl->lo || date >= sl->hi || (c->used && !sl->recorded) ||
        strcmp(sl->text, id) != 0)
        return NULL;
    if (c->cache->window)
        window_narrow(c->cache, date, sl->lo, sl->hi);
    return sl;
}

/* sw_param() past the hot path; quiet: SW_ERR_NO_VALUE without a message. */
static __attribute__((noinline)) sw_status
param_full(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
           int64_t *out, struct sw_value_info *info, bool quiet, struct sw_err *err)
{
    struct found f;
    struct sw_value_info tmp;
    sw_status st = lookup(c, id, date, &f, quiet, err);

    if (st)
        return st;
    if (f.ov >= 0) {
        *out = c->overrides[f.ov].amount;
        if (info || (c->used && !(f.recorded && *f.recorded))) {
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
    if (info || (c->used && !(f.recorded && *f.recorded))) {
        fill_info(c->tables, f.p, f.v, &tmp);
        mark_projected(&tmp, f.v, f.projected);
        record_found(c, &f, &tmp);
        if (info)
            *info = tmp;
    }
    return SW_OK;
}

/* sw_param() and sw_param_opt(): the hot path, else param_full(). */
static inline sw_status param(const struct sw_ctx *c, const char *id, sw_date date,
                              enum sw_unit unit, int64_t *out, struct sw_value_info *info,
                              bool quiet, struct sw_err *err)
{
    const struct cache_slot *sl = info || !c->cache ? NULL : cache_hit(c, id, date);

    if (sl && sl->v && !sl->p->is_scale && sl->p->unit == unit) {
        *out = sl->v->amount;
        return SW_OK;
    }
    if (sl && !sl->v && quiet)
        return SW_ERR_NO_VALUE;
    return param_full(c, id, date, unit, out, info, quiet, err);
}

sw_status sw_param(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                   int64_t *out, struct sw_value_info *info, struct sw_err *err)
{
    return param(c, id, date, unit, out, info, false, err);
}

sw_status sw_param_opt(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                       int64_t *out, bool *found, struct sw_value_info *info, struct sw_err *err)
{
    sw_status st = param(c, id, date, unit, out, info, true, err);

    *found = st == SW_OK;
    return st == SW_ERR_NO_VALUE ? SW_OK : st;
}

sw_status sw_scale(const struct sw_ctx *c, const char *id, sw_date date,
                   enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                   struct sw_value_info *info, struct sw_err *err)
{
    struct found f;
    struct sw_value_info tmp;
    const struct cache_slot *sl = info || !c->cache ? NULL : cache_hit(c, id, date);
    sw_status st;

    if (sl && sl->v && sl->p->is_scale && sl->p->kind == kind) {
        *out = sl->v->brackets;
        *n = sl->v->nbrackets;
        return SW_OK;
    }
    st = lookup(c, id, date, &f, false, err);
    if (st)
        return st;
    if (f.ov >= 0 || !f.p->is_scale || f.p->kind != kind)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' is not a %s scale", id,
                          kind == SW_SCALE_MARGINAL ? "marginal" : "piecewise");
    *out = f.v->brackets;
    *n = f.v->nbrackets;
    if (info || (c->used && !(f.recorded && *f.recorded))) {
        fill_info(c->tables, f.p, f.v, &tmp);
        mark_projected(&tmp, f.v, f.projected);
        record_found(c, &f, &tmp);
        if (info)
            *info = tmp;
    }
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
