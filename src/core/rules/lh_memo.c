/* lh_memo.c - the gross-ups of net benefits kept across calculations on one
 * table set (struct sw_lh_memo, loonheffing.h), for loonheffing.c. */
#include <string.h>

#include "lh_memo.h"

/* What the gross-up of `net` with the parameters p reads, as a key: the net,
 * the brackets and kortingen by address (a scale's address on one set stands
 * for its rows; the AOW brackets and kortingen are other scales, and without
 * the AOW there is no ouderenkorting), the alleenstaande-ouderenkorting, the
 * periods and whether the korting applies (benefit_net(), annual_tax() without
 * the arbeidskorting, benefit_tax_rises()). */
_Static_assert(SW_MEMO_KEY == 6, "lh_memo_key() fills a key of 6"); /* structural: key size */
void lh_memo_key(const struct sw_lh_params *p, int64_t net, int64_t key[6])
{
    key[0] = net;
    key[1] = (int64_t)(intptr_t)p->br;
    key[2] = (int64_t)(intptr_t)p->ahk;
    key[3] = (int64_t)(intptr_t)p->ouk;
    key[4] = p->aok;
    key[5] = p->periods * 4 + p->korting * 2 + (p->nahk > 0); /* structural: bits */
}

void sw_lh_memo_bind(struct sw_lh_memo *m, const struct sw_tables *t)
{
    const char *sha = sw_tables_sha256(t);

    if (m->t == t && strcmp(m->sha, sha) == 0)
        return;
    /* Unbound (zeroed, or cleared before), no slot was ever set: none to clear. */
    if (m->t)
        memset(m->slot, 0, sizeof(m->slot));
    memset(m->sha, 0, sizeof(m->sha));
    m->t = t;
    if (strlen(sha) < sizeof(m->sha))
        memcpy(m->sha, sha, strlen(sha) + 1);
    else
        m->t = NULL;   /* never matches: nothing is kept */
}

/* The slots of key k in m: a hash of it, then the next ones (LH_MEMO_PROBES). */
#define LH_MEMO_PROBES 4
static size_t lh_memo_index(const int64_t k[6])
{
    uint64_t h = 0xcbf29ce484222325ULL;

    /* Unrolled: gcc -O2 leaves a loop (asked for every memo get and put). */
#pragma GCC unroll 6
    for (int i = 0; i < 6; i++) /* structural: key size */
        h = (h ^ (uint64_t)k[i]) * 0x100000001B3ULL;
    return (size_t)(h ^ h >> 31); /* structural: hash mix */
}

/* The kept answer for key k (c's set is the one m was bound to), or NULL. */
const struct sw_lh_memo_slot *lh_memo_get(const struct sw_lh_memo *m,
                                                 const struct sw_ctx *c, const int64_t k[6])
{
    size_t i0 = lh_memo_index(k);

    if (m->t != c->tables)
        return NULL;
    for (size_t i = 0; i < LH_MEMO_PROBES; i++) {
        const struct sw_lh_memo_slot *sl = &m->slot[(i0 + i) & (SW_LH_MEMO_SLOTS - 1)];
        if (!sl->set)
            return NULL;
        if (memcmp(sl->key, k, sizeof(sl->key)) == 0)
            return sl;
    }
    return NULL;
}

/* Keep answer b for key k: in a free slot of its probes, else the first. */
void lh_memo_put(struct sw_lh_memo *m, const struct sw_ctx *c, const int64_t k[6],
                        const struct sw_lh_benefit *b)
{
    size_t i0 = lh_memo_index(k), at = i0 & (SW_LH_MEMO_SLOTS - 1);

    if (m->t != c->tables)
        return;
    for (size_t i = 0; i < LH_MEMO_PROBES; i++) {
        size_t j = (i0 + i) & (SW_LH_MEMO_SLOTS - 1);
        if (!m->slot[j].set) {
            at = j;
            break;
        }
    }
    m->slot[at].set = true;
    memcpy(m->slot[at].key, k, sizeof(m->slot[at].key));
    m->slot[at].b = *b;
}
