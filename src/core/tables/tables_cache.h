/* tables_cache.h - private to src/core/tables/: the layout of the per-run
 * lookup cache (sw_ctx.cache), shared by the lookups that use it
 * (tables_lookup.c) and its upkeep - binding it to a context, the used list,
 * the memo and the lookup windows (tables_cache.c).
 */
#ifndef SWITCHSIM_TABLES_CACHE_H
#define SWITCHSIM_TABLES_CACHE_H

#include "tables_impl.h"

/* --- the lookup cache (sw_ctx.cache) ---
 * A rule asks for the same few dozen ids month after month. A slot keeps what
 * one id resolved to in this context (an override, or the parameter in the
 * scenario's municipality or the defaults), the value found last with the dates
 * it holds for, and whether that value is in c->used already. Slots are found
 * by a hash of the id's text and checked against it, or - for a string
 * constant - by the id's address (near, below). An absent answer is kept too -
 * an id neither the scenario's municipality nor the defaults have (the slot owns a copy of its text), or a
 * parameter without a value on the dates lo..hi - so that a rule's optional
 * parameters (sw_param_opt()) cost as little as present ones; a caller that
 * wants the error message takes the full path, which formats it. */

#define CACHE_SLOTS 256   /* a power of two, more than the ids one run uses */
#define CACHE_PROBES 16
#define DATE_LOWEST INT32_MIN    /* before every date (SW_NO_DATE is no date) */
#define DATE_HIGHEST INT32_MAX

struct cache_slot {
    /* What a hit and a record read (near_slot(), sw_param_quick(),
     * slot_hit(), record_slot()) comes first: the slots are aligned to a
     * cache line, and they touch that line alone. */
    _Alignas(64) uint32_t gen;    /* counts the changes of text: a near entry
                                   * made for an earlier text no longer points here */
    sw_date lo, hi;               /* it answers for lo <= date < hi */
    /* (v, projected) is in c->used, or there is nothing to record: when rec is
     * the cache's epoch (sw_lookup_cache_bind() starts a new one, so that a
     * new list finds every slot unrecorded without visiting them). */
    uint32_t rec;
    int override;                 /* index in c->overrides, or -1 */
    uint32_t seen_epoch;          /* the epoch `seen` counts in; another: none */
    int64_t amount;               /* v's amount (plain parameter), for the hot path */
    const struct tvalue *v;       /* the value found last (after projection); NULL
                                   * for an override or when there is none */
    const struct sw_value_info *info;   /* v's info in the set's infos, or NULL */
    uint64_t seen;                /* the values of p in c->used (seen_bit()) */
    int8_t unit;                  /* p's unit when v is a value of a plain
                                   * parameter, else -1 (no value, a scale) */
    bool projected;
    uint8_t vix;                  /* v's index in p->values, SLOT_VIX_NONE past the
                                   * 32nd (seen_bit()) */
    /* (In the first line's room, though read only on a fill and a bind.) */
    bool municipal;               /* text is a municipal id ("gemeente.", see resolve()) */
    bool in_munis;                /* the slot is in the cache's list `munis` */
    /* The rest is read when the slot moves to another date or is filled. */
    const struct tparam *p;       /* NULL for an override or an absent id */
    const char *text;             /* the id, owned by the set, the override or `own`;
                                   * NULL = free */
    char *own;                    /* the copy of an absent id's text, or NULL */
    /* The answer before the last move to another date (slot_move()): a run
     * walks its months forward, and the next run starts over, so a slot goes
     * back and forth between two values, and trades its answer (v, lo, hi,
     * projected, amount, info, unit, vix) with this one without reading the
     * set. lo2 == hi2: none. */
    const struct tvalue *v2;
    sw_date lo2, hi2;
    int64_t amount2;
    const struct sw_value_info *info2;
    uint32_t mid;                 /* its number in the set's muni_res (tparam.mid), 0
                                   * for a national or absent id */
    int8_t unit2;
    bool projected2;
    uint8_t vix2;
};

#define SLOT_VIX_NONE 64

/* Let sl (its p set) answer with value v of p (NULL: none): v with its
 * amount, unit, index and info in t->infos (slot_move() trades them all). */
static inline void slot_value(const struct sw_tables *t, struct cache_slot *sl,
                              const struct tvalue *v)
{
    size_t i = v ? (size_t)(v - sl->p->values) : SLOT_VIX_NONE;

    sl->v = v;
    sl->amount = v ? v->amount : 0;
    sl->unit = (int8_t)(v && !sl->p->is_scale ? (int)sl->p->unit : -1);
    sl->vix = (uint8_t)(i < 32 ? i : SLOT_VIX_NONE);
    sl->info = v && t->infos ? &t->infos[sl->p->info0 + i] : NULL;
}

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

/* Most ids are string constants: a table by the id's address (two ways, so
 * that two ids a rule asks for in turn may share a row) points at its slot (as
 * it held the id: gen). A string constant keeps its text,
 * so the address alone finds it; an id built in a buffer (whose address
 * another text may reuse) is never entered here and is found by its text
 * (sw_param_text()). With SW_CHECK_IDS (the SAN build) every hit by address
 * compares the text too and stops the program when it differs. */
#define CACHE_NEAR 512   /* rows of two */

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
    /* The list's length after the cache's last append to it: another length
     * means that someone else changed the list. */
    size_t len_seen;
    /* Every item of the list was appended by the cache in this epoch for a
     * slot that holds it in its `seen` (slot_recorded()), and no slot lost
     * what it had seen since: a value its slot has not seen is not in the
     * list, and is appended without a search (record_slot()), past the
     * index (items n.. are indexed when a search needs them). */
    bool pure;
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
    /* Counts the lists of used values the cache served (cache_slot.rec), from
     * 1: a slot whose rec is 0 or an earlier epoch has not recorded its value
     * in this one. */
    uint32_t epoch;
    /* The slots that held a municipal id when they were filled (in_munis):
     * the ones a bind to another municipality resolves anew. */
    uint16_t munis[CACHE_SLOTS];
    size_t nmunis;
    struct cache_slot slot[CACHE_SLOTS];
    /* A row's two entries lie in one cache line. */
    struct near_row {
        _Alignas(64) struct near {
            const char *id;
            struct cache_slot *slot;
            uint32_t gen;
        } way[2];
    } near[CACHE_NEAR];
    struct memo_slot memo[MEMO_SLOTS];
    uint32_t memo_gen;
    /* The entry sw_memo_get() found or sw_memo_put() wrote last, or NULL: the
     * same question asked again (a rule asks it every month, e.g. the AOW date
     * of one birth date) is answered from it without hashing or probing. It
     * holds while its tag, generation and key are the question's. */
    const struct memo_slot *memo_last;
    struct used_index used;
};

/* Add info to c->used unless the same value is there already (through the
 * cache's index of the list when c has a cache). */
void tables_record(const struct sw_ctx *c, const struct sw_value_info *info);

/* tables_record() in two steps: the item to fill in for a value not yet in
 * c->used (appended; key gives its id, from, overridden and projected, which the
 * filled item must keep), or NULL when it is there already, without c->used or
 * without memory (then c->used->nomem). */
struct sw_value_info *tables_record_new(const struct sw_ctx *c, const struct sw_value_info *key);

/* The index entry of a value in c->used (used_same() compares what it
 * hashes). */
static inline size_t used_hash_of(const char *id, sw_date from, bool overridden, bool projected)
{
    uint64_t h = ((uint64_t)(uintptr_t)id ^ (uint64_t)(uint32_t)from << 17 ^
                  (uint64_t)overridden << 1 ^ (uint64_t)projected) *
                 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 40);
}

/* Fill n, a new item of a used list, with info (marked projected). */
static inline void tables_record_fill(struct sw_value_info *n, const struct sw_value_info *info,
                                      bool projected, sw_date projected_from)
{
    *n = *info;
    if (projected) {
        n->projected = true;
        n->provisional = true;
        n->projected_from = projected_from;
    }
}

/* Add info to c->used unless the same value is there already, marked
 * projected (with projected_from) when `projected` (an info of the set's
 * infos is not: the slot knows). c->used and c->cache are not NULL. Inline:
 * each run records some hundred values. */
static inline void tables_record_value(const struct sw_ctx *c,
                                       const struct sw_value_info *info, bool projected,
                                       sw_date projected_from)
{
    struct sw_used *u = c->used;
    struct used_index *x = &c->cache->used;
    struct sw_value_info *n;

    /* The index covers the whole list and there is room: probe and append
     * here (as tables_record_new() would). */
    if (u->len < USED_SLOTS / 2 && x->u == u && x->items == u->items && x->n == u->len &&
        u->len < u->cap) {
        if (u->len != x->len_seen)
            x->pure = false;
        size_t k = used_hash_of(info->id, info->from, info->overridden, projected);

        for (; x->slot[k & (USED_SLOTS - 1)]; k++) {
            const struct sw_value_info *o = &u->items[x->slot[k & (USED_SLOTS - 1)] - 1];
            if (o->id == info->id && o->from == info->from &&
                o->overridden == info->overridden && o->projected == projected)
                return;
        }
        n = &u->items[u->len++];
        x->slot[k & (USED_SLOTS - 1)] = (uint16_t)u->len;
        x->n = x->len_seen = u->len;
    } else {
        struct sw_value_info key;

        key.id = info->id;
        key.from = info->from;
        key.overridden = info->overridden;
        key.projected = projected;
        n = tables_record_new(c, &key);
        if (!n)
            return;
    }
    tables_record_fill(n, info, projected, projected_from);
}

/* A lookup on `date` answered with a value that holds for lo <= date < hi: narrow
 * every window recording. */
static inline void window_narrow(struct sw_lookup_cache *cache, sw_date date, sw_date lo,
                                 sw_date hi)
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

#endif
