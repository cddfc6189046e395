/* tables_cache.c - the upkeep of the per-run lookup cache (sw_ctx.cache):
 * binding it to the next context of a batch, the list of values used with
 * its index, the memo of derived values and the lookup windows. The lookups
 * that use it are in tables_lookup.c; its layout in tables_cache.h.
 */
#include <stdlib.h>
#include <string.h>

#include "tables_cache.h"

/* Whether a and b are the same value in a used list: id (by address), from,
 * overridden, projected. */
static bool used_same(const struct sw_value_info *a, const struct sw_value_info *b)
{
    return a->id == b->id && a->from == b->from && a->overridden == b->overridden &&
           a->projected == b->projected;
}

/* Room for one more item at the end of u, not filled in; NULL (and u->nomem)
 * without memory. */
static struct sw_value_info *used_grow(struct sw_used *u)
{
    if (u->len == u->cap) {
        /* Room at once for what a timeline uses (some 60 to 160 values,
         * more with a steady run): a list that grows is copied, and the
         * cache's index of it is built anew. */
        size_t cap = u->cap ? u->cap * 2 : 256;
        struct sw_value_info *n = realloc(u->items, cap * sizeof(*n));
        if (!n) {
            u->nomem = true;
            return NULL;
        }
        u->items = n;
        u->cap = cap;
    }
    return &u->items[u->len++];
}

/* Whether u holds the same value as key (used_same()), item by item. */
static bool used_has(const struct sw_used *u, const struct sw_value_info *key)
{
    for (size_t i = 0; i < u->len; i++)
        if (used_same(&u->items[i], key))
            return true;
    return false;
}

/* Add info to u unless the same value is there already. */
static void used_add(struct sw_used *u, const struct sw_value_info *info)
{
    struct sw_value_info *n = used_has(u, info) ? NULL : used_grow(u);

    if (n)
        *n = *info;
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

static size_t used_hash(const struct sw_value_info *v)
{
    return used_hash_of(v->id, v->from, v->overridden, v->projected);
}

/* used_has() through the cache's index of u (u->len < USED_SLOTS / 2): true
 * when u holds key, else false and *free_at the index entry the key takes
 * when it is appended. */
static bool used_has_indexed(struct sw_lookup_cache *cache, const struct sw_used *u,
                             const struct sw_value_info *key, size_t *free_at)
{
    struct used_index *x = &cache->used;
    size_t k;

    if (x->u != u || x->items != u->items || x->n > u->len) {
        memset(x->slot, 0, sizeof(x->slot));
        x->u = u;
        x->items = u->items;
        x->n = 0;
        x->len_seen = u->len;
        x->pure = u->len == 0;
    }
    if (u->len != x->len_seen)
        x->pure = false;
    /* Items appended past tables_record_new() (a copied list): index them. */
    for (; x->n < u->len; x->n++) {
        for (k = used_hash(&u->items[x->n]); x->slot[k & (USED_SLOTS - 1)]; k++)
            ;
        x->slot[k & (USED_SLOTS - 1)] = (uint16_t)(x->n + 1);
    }
    for (k = used_hash(key); x->slot[k & (USED_SLOTS - 1)]; k++)
        if (used_same(&u->items[x->slot[k & (USED_SLOTS - 1)] - 1], key))
            return true;
    *free_at = k & (USED_SLOTS - 1);
    return false;
}

struct sw_value_info *tables_record_new(const struct sw_ctx *c, const struct sw_value_info *key)
{
    struct sw_used *u = c->used;
    struct sw_value_info *n;
    size_t at;

    if (!u)
        return NULL;
    if (c->cache && u->len < USED_SLOTS / 2) {
        struct used_index *x = &c->cache->used;

        if (used_has_indexed(c->cache, u, key, &at))
            return NULL;
        n = used_grow(u);
        /* The index holds positions, not addresses: a list moved by this
         * append (realloc) keeps it. The new item is indexed now, under the
         * key its filler keeps. */
        if (n) {
            x->items = u->items;
            x->slot[at] = (uint16_t)u->len;
            x->n = x->len_seen = u->len;
        }
        return n;
    }
    return used_has(u, key) ? NULL : used_grow(u);
}

void tables_record(const struct sw_ctx *c, const struct sw_value_info *info)
{
    struct sw_value_info *n;

    if (c->used && c->cache) {
        tables_record_value(c, info, info->projected, info->projected_from);
        return;
    }
    n = tables_record_new(c, info);
    if (n)
        *n = *info;
}

void sw_used_record(const struct sw_ctx *c, const struct sw_value_info *info)
{
    tables_record(c, info);
    /* A value no slot has seen: the list is no longer the slots' alone. */
    if (c->cache)
        c->cache->used.pure = false;
}

static size_t memo_index(const char *tag, const int64_t key[SW_MEMO_KEY])
{
    uint64_t h = (uint64_t)(uintptr_t)tag;

    /* Unrolled: gcc -O2 leaves a loop (asked for every memo get and put). */
#pragma GCC unroll 6
    for (int k = 0; k < SW_MEMO_KEY; k++)
        h = (h ^ (uint64_t)key[k]) * 0x100000001B3ULL;
    return (size_t)(h ^ h >> 29) & (MEMO_SLOTS - 1);
}

/* Whether memo entry m holds `tag` and `key` (of any generation). */
static inline bool memo_holds(const struct memo_slot *m, const char *tag,
                              const int64_t key[SW_MEMO_KEY])
{
    bool same = m->tag == tag;

    /* Unrolled, without a call to memcmp (asked for every memo get). */
#pragma GCC unroll 6
    for (int k = 0; k < SW_MEMO_KEY; k++)
        same &= m->key[k] == key[k];
    return same;
}

bool sw_memo_get(const struct sw_ctx *c, const char *tag, const int64_t key[SW_MEMO_KEY],
                 int64_t *out)
{
    struct sw_lookup_cache *cache = c->cache;
    const struct memo_slot *last;

    if (!cache)
        return false;
    last = cache->memo_last;
    if (last && last->gen == cache->memo_gen && memo_holds(last, tag, key)) {
        *out = last->value;
        return true;
    }
    for (size_t k = 0, i0 = memo_index(tag, key); k < 8; k++) {
        const struct memo_slot *m = &cache->memo[(i0 + k) & (MEMO_SLOTS - 1)];
        if (!m->tag || m->gen != cache->memo_gen)
            return false;
        if (memo_holds(m, tag, key)) {
            cache->memo_last = m;
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
        if (!m->tag || m->gen != c->cache->memo_gen || memo_holds(m, tag, key)) {
            m->tag = tag;
            m->gen = c->cache->memo_gen;
            memcpy(m->key, key, sizeof(m->key));
            m->value = value;
            c->cache->memo_last = m;
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


sw_status sw_lookup_cache_new(struct sw_lookup_cache **out, struct sw_err *err)
{
    /* Aligned as its slots are (a hit reads one cache line of its slot). */
    *out = aligned_alloc(_Alignof(struct sw_lookup_cache), sizeof(**out));
    if (!*out)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    memset(*out, 0, sizeof(**out));
    (*out)->epoch = 1;
    return SW_OK;
}

/* Whether cache answered last for a context that resolves every national id
 * as c does and finds the same values: the same set and projection, and no
 * overrides (an override slot points into the context's own list). The
 * municipal ids ("gemeente.", see resolve()) also need the same municipality. */
static bool cache_fits(const struct sw_lookup_cache *cache, const struct sw_ctx *c)
{
    const char *muni = c->municipality ? c->municipality : "";

    return cache->bound && cache->tables == c->tables && cache->project == c->project &&
           c->n_overrides == 0 && strlen(muni) < sizeof(cache->municipality) &&
           strcmp(cache->sha, c->tables->sha) == 0;
}

/* Forget what slot sl holds (near entries to it lapse with its gen). */
static void slot_clear(struct cache_slot *sl)
{
    uint32_t gen = sl->gen + 1;

    free(sl->own);
    memset(sl, 0, sizeof(*sl));
    sl->override = -1;
    sl->gen = gen;
}

/* Let the slot of a municipal id answer for the municipality of row `row`
 * of the set's muni_res: the parameter found there, its value to be found on
 * the next lookup (slot_move()) unless it is the same parameter. The text
 * stays (the set's, the same id); an absent id's copy or a set without the
 * table: the slot is cleared. */
static void slot_remunicipal(const struct sw_tables *t, struct cache_slot *sl, size_t row)
{
    const struct tparam *p;

    if (!sl->mid || !t->muni_res || sl->own) {
        slot_clear(sl);
        return;
    }
    p = tables_muni_param(t, row, sl->mid);
    if (p == sl->p)
        return;
    sl->p = p;
    slot_value(t, sl, NULL);      /* no value yet */
    /* A parameter answers for no date yet (the next lookup moves it), an
     * absent one alike on every date. */
    sl->lo = p ? 0 : DATE_LOWEST;
    sl->hi = p ? 0 : DATE_HIGHEST;
    sl->lo2 = sl->hi2 = 0;
    sl->projected = false;
    sl->seen = 0;
}

/* Resolve the municipal ids of cache's slots anew for the municipality of
 * row `row` (slot_remunicipal()), and keep in cache->munis only the slots
 * that hold one still. */
static void munis_rebind(struct sw_lookup_cache *cache, const struct sw_tables *t, size_t row)
{
    size_t k = 0;

    for (size_t i = 0; i < cache->nmunis; i++) {
        struct cache_slot *sl = &cache->slot[cache->munis[i]];

        if (sl->text && sl->municipal)
            slot_remunicipal(t, sl, row);
        if (sl->text && sl->municipal)
            cache->munis[k++] = cache->munis[i];
        else
            sl->in_munis = false;
    }
    cache->nmunis = k;
}

void sw_lookup_cache_bind(struct sw_lookup_cache *cache, const struct sw_ctx *c)
{
    const char *muni = c->municipality ? c->municipality : "";

    if (cache_fits(cache, c)) {
        /* The answers stay, but for the municipal ids of another municipality
         * (then resolved anew); what was recorded was recorded in another
         * list, and a memo entry's lookups are not in this one yet. */
        if (strcmp(cache->municipality, muni) != 0) {
            munis_rebind(cache, c->tables, tables_muni_row(c->tables, muni));
            memcpy(cache->municipality, muni, strlen(muni) + 1);
        }
        /* A new epoch: no slot has recorded its value in c->used yet. */
        if (++cache->epoch == 0) {   /* wrapped: no slot's old epoch may match */
            for (size_t i = 0; i < CACHE_SLOTS; i++)
                cache->slot[i].rec = cache->slot[i].seen_epoch = 0;
            cache->epoch = 1;
        }
        if (++cache->memo_gen == 0)   /* wrapped: no entry of an old generation may match */
            memset(cache->memo, 0, sizeof(cache->memo));
        cache->used.u = NULL;
        cache->window = NULL;
        return;
    }
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        free(cache->slot[i].own);
    memset(cache, 0, sizeof(*cache));
    cache->epoch = 1;
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
