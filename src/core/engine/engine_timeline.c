/* engine_timeline.c - the finished timeline as callers see it (engine.h): the
 * names of its items, statuses and kinds, which of its values are projected, and
 * freeing it. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/engine.h"

static const char *const item_names[SW_ITEM__COUNT] = {
    "gross_wage", "holiday_pay", "loonheffing", "net_wage", "bijstand_norm", "vrijlating",
    "bijstand_entitled", "bijstand_paid", "bijstand_holiday_allowance_paid",
    "zorgtoeslag_entitled", "zorgtoeslag_paid", "huurtoeslag_entitled", "huurtoeslag_paid",
    "wmo_eigen_bijdrage", "recovery_collected", "received", "set_aside", "safe_to_spend",
    "lks", "bijstand_holiday_allowance_reserved", "reserve_released", "ww_gross", "ww_net",
    "partner_gross", "partner_net", "partner_vrijlating",
    "kinderbijslag", "kindgebonden_budget_entitled", "kindgebonden_budget_paid", "iack",
    "year_end_bonus", "counted_income", "iit", "kwijtschelding", "lokale_pas", "gemeentepolis",
    "armoedeval", "wajong_entitled", "wajong_gross", "wajong_net", "wajong_holiday_pay",
    "debt_free_amount", "debt_taken", "toeslagen_nabetaling"};

const char *sw_item_name(enum sw_item item)
{
    return (unsigned)item < SW_ITEM__COUNT ? item_names[item] : "";
}

bool sw_item_parse(const char *name, enum sw_item *out)
{
    for (int i = 0; i < SW_ITEM__COUNT; i++) {
        if (strcmp(name, item_names[i]) == 0) {
            *out = (enum sw_item)i;
            return true;
        }
    }
    return false;
}

const char *sw_month_status_name(enum sw_month_status s)
{
    static const char *const names[] = {"bijstand", "trial", "work", "fallback"};

    return names[s];
}

const char *sw_recovery_kind_name(enum sw_recovery_kind k)
{
    static const char *const names[] = {"bijstand", "zorgtoeslag", "huurtoeslag",
                                        "inkomstenbelasting", "kindgebonden_budget",
                                        "wajong"};

    return names[k];
}

const char *sw_who_name(enum sw_who w)
{
    static const char *const names[] = {"resident", "consultant", "employer"};

    return names[w];
}

void sw_timeline_free(struct sw_timeline *tl)
{
    if (!tl)
        return;
    /* sw_simulate() gives every row a trace from the first on, or none: without
     * tracing the rows are not read (alloc_rows()). */
    for (int i = 0; i < tl->scenario.n && tl->scenario.rows[0].trace; i++)
        free(tl->scenario.rows[i].trace);
    for (int i = 0; i < tl->baseline.n && tl->baseline.rows[0].trace; i++)
        free(tl->baseline.rows[i].trace);
    /* sw_simulate() allocates the baseline's rows with the scenario's, both in
     * the timeline's own block (right after it). */
    if (tl->baseline.rows &&
        (!tl->scenario.rows || tl->baseline.rows != tl->scenario.rows + tl->scenario.n))
        free(tl->baseline.rows);
    if (tl->scenario.rows != (struct sw_month_row *)(tl + 1))
        free(tl->scenario.rows);
    sw_used_release(&tl->used);
    free(tl);
}

/* Whether id lies in the domain (a non-empty name): most ids are ruled out by
 * their first letter. */
static bool in_domain(const char *id, const char *domain)
{
    size_t n;

    if (id[0] != domain[0])
        return false;
    n = strlen(domain);
    return strncmp(id, domain, n) == 0 && id[n] == '.';
}

/* One of 64 bits for an id of len bytes, from its length and last byte: the
 * same text, the same bit. */
static uint64_t seen_bit(const char *id, size_t len)
{
    size_t mix = len * 7 + (len ? (unsigned char)id[len - 1] : 0U); /* structural: a hash */

    return (uint64_t)1 << (mix & 63); /* structural: one of 64 bits */
}

/* The projected values due by the end of month m, one per id, leaving out the
 * domains in skip (NULL-terminated); filling and return as sw_timeline_projected(),
 * or with `first` only the first max (the number found, at most max). */
static size_t projected_by(const struct sw_timeline *tl, sw_month m, const char *const *skip,
                           const struct sw_value_info **out, size_t max, bool first_only)
{
    sw_date last = sw_month_last_day(m);
    size_t n = 0, nseen = 0;
    const char *seen[64];   /* the ids projected so far, while they fit */
    size_t seen_len[64];    /* and their lengths: most differ, no compare needed */
    uint64_t seen_bits = 0; /* their seen_bit()s */
    /* The list and its end in locals: the loop passes over the values not
     * projected (most) in a few instructions, nothing read again after the
     * calls below. */
    const struct sw_value_info *items = tl->used.items, *end = items + tl->used.len;

    for (const struct sw_value_info *u = items; u < end; u++) {
        bool related = true, first = true;
        if (!u->projected)
            continue;
        /* sw_used_first_projected(), in one pass while the ids fit in seen */
        if (nseen < sizeof(seen) / sizeof(seen[0])) {
            size_t len = strlen(u->id);
            uint64_t bit = seen_bit(u->id, len);
            /* Most are new: an id whose bit no seen id set is (no compare). */
            for (size_t k = 0; k < nseen && first && (seen_bits & bit); k++)
                first = seen[k] != u->id &&
                        (seen_len[k] != len || memcmp(seen[k], u->id, len) != 0);
            if (first) {
                seen[nseen] = u->id;
                seen_len[nseen++] = len;
                seen_bits |= bit;
            }
        } else {
            first = sw_used_first_projected(&tl->used, (size_t)(u - items));
        }
        if (!first || u->projected_from > last)
            continue;
        for (size_t d = 0; skip[d] && related; d++)
            related = !in_domain(u->id, skip[d]);
        if (!related)
            continue;
        if (n < max)
            out[n] = u;
        n++;
        if (first_only && n == max)
            break;
    }
    return n;
}

size_t sw_timeline_projected(const struct sw_timeline *tl, sw_month m,
                             const struct sw_value_info **out, size_t max)
{
    static const char *const none[] = {NULL};

    return projected_by(tl, m, none, out, max, false);
}

size_t eng_projected_first(const struct sw_timeline *tl, sw_month m,
                           const struct sw_value_info **out, size_t max)
{
    static const char *const none[] = {NULL};

    return max ? projected_by(tl, m, none, out, max, true) : 0;
}

/* The parameter domains (id prefixes up to the first dot) that do not enter a
 * recovery of kind k. Not listed = entered: the wage chain (wml, loonheffing,
 * lks, werkgever), the bijstand, the household's other income, and whatever a
 * newer kind needs. NULL-terminated. */
static const char *const *unrelated_domains(enum sw_recovery_kind k)
{
    static const char *const bijstand[] = {"wmo", "zorgtoeslag", "huurtoeslag",
        "kindgebonden_budget", "kinderbijslag", "awir", "inkomstenbelasting", NULL};
    static const char *const zorgtoeslag[] = {"wmo", "huurtoeslag", "kindgebonden_budget",
        "kinderbijslag", "inkomstenbelasting", NULL};
    static const char *const huurtoeslag[] = {"wmo", "zorgtoeslag", "kindgebonden_budget",
        "kinderbijslag", "inkomstenbelasting", NULL};
    static const char *const kgb[] = {"wmo", "zorgtoeslag", "huurtoeslag", "kinderbijslag",
        "inkomstenbelasting", NULL};
    static const char *const ib[] = {"wmo", "zorgtoeslag", "huurtoeslag",
        "kindgebonden_budget", "kinderbijslag", "awir", NULL};
    static const char *const wajong[] = {"wmo", "zorgtoeslag", "huurtoeslag",
        "kindgebonden_budget", "kinderbijslag", "awir", "inkomstenbelasting", NULL};
    static const char *const none[] = {NULL};

    switch (k) {
    case SW_RECOVERY_BIJSTAND: return bijstand;
    case SW_RECOVERY_ZORGTOESLAG: return zorgtoeslag;
    case SW_RECOVERY_HUURTOESLAG: return huurtoeslag;
    case SW_RECOVERY_KINDGEBONDEN_BUDGET: return kgb;
    case SW_RECOVERY_INKOMSTENBELASTING: return ib;
    case SW_RECOVERY_WAJONG: return wajong;
    }
    return none;
}

size_t sw_recovery_projected(const struct sw_timeline *tl, const struct sw_recovery *r,
                             const struct sw_value_info **out, size_t max)
{
    sw_month last = r->caused;

    /* "2026": a year's settlement counts every month of it. */
    if (strlen(r->for_period) == 4) { /* structural: YYYY */
        int year = 0;
        for (int d = 0; d < 4; d++) /* structural: YYYY */
            year = year * 10 + (r->for_period[d] - '0');
        last = sw_month_from_ym(year, 12);
    }
    return projected_by(tl, last, unrelated_domains(r->kind), out, max, false);
}
