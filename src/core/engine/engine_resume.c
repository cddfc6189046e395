/* engine_resume.c - what a run that resumes the main run needs (engine_resume.h):
 * the parts' marks and the amounts booked past the end, which runs may resume,
 * and the values used and recoveries put in the order of a full run. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_resume.h"

void eng_snap_init(struct eng_snap *sn)
{
    sn->n_spill = 0;
    sn->full = false;
}

struct eng_resume *eng_resume_new(void)
{
    /* Not zeroed (some 16 kB, every main run): what the runs record fills it. */
    struct eng_resume *rs = malloc(sizeof(*rs));

    if (rs) {
        rs->ok = false;
        eng_snap_init(&rs->snap[0]);
        eng_snap_init(&rs->snap[1]);
    }
    return rs;
}

void eng_seg(struct eng_run *r, enum eng_seg seg)
{
    r->seg = seg;
    if (r->rec) {
        r->rec->used_at[seg] = r->tl->used.len;
        r->rec->rec_at[seg] = r->tl->n_recoveries;
    }
    if (!r->res || seg == ENG_SEG_CLOSE || seg == ENG_SEG__COUNT)
        return;
    /* What the main run booked in this part past its end, before the months it
     * did not compute: a full run books it at the same point of the part (not
     * the close's: the resumed run closes its own months). */
    for (size_t k = 0; k < r->res->n_spill; k++) {
        const struct eng_spill *sp = &r->res->spill[k];
        int i = sp->seg == seg ? eng_index(r, sp->month) : -1;

        if (i >= 0)
            r->run->rows[i].v[sp->item] += sp->amount;
    }
}

void eng_spill(struct eng_run *r, sw_month m, enum sw_item item, int64_t amount)
{
    struct eng_snap *sn = r->rec;

    if (m < r->s->start_month)
        return;
    if (sn->n_spill == ENG_SPILL_MAX) {
        sn->full = true;
        return;
    }
    sn->spill[sn->n_spill++] = (struct eng_spill){r->seg, m, item, amount};
}

bool eng_resumable(const struct sw_scenario *s, unsigned flags)
{
    sw_month end = s->start_month + s->months - 1;

    return sw_month_number(end) == 12 &&
           !(flags & (SW_SIM_TRACE | SW_SIM_NO_STEADY | SW_SIM_STEADY_FULL | ENG_SIM_STEADY_RUN)) &&
           !s->strict && s->before.benefit != SW_BEFORE_WAJONG &&
           s->job.pay_frequency == SW_PAY_MONTHLY && !s->job.pay_next_month &&
           s->job.n_hours_per_month == 0 && s->household.debts.regime == SW_DEBTS_NONE &&
           s->household.partner_income.kind == SW_PARTNER_NONE &&
           (s->job.end == SW_NO_DATE || s->job.end >= sw_month_first_day(end + 1));
}

void eng_resume_check(struct eng_resume *rs, const struct sw_timeline *tl)
{
    rs->ok = tl->n_recoveries < SW_MAX_RECOVERIES && !tl->used.nomem;
    for (int k = 0; k < 2; k++)
        if (rs->snap[k].full)
            rs->ok = false;
    rs->tl = tl;
}

bool eng_resume_close_seen(const struct sw_used *main, const struct eng_snap *ms,
                           const struct sw_used *own, const struct eng_snap *fs)
{
    static const char ledger_only[] = "uitvoering.bijstand.";

    for (size_t i = ms->used_at[ENG_SEG_CLOSE]; i < ms->used_at[ENG_SEG_CLOSE + 1]; i++) {
        const struct sw_value_info *x = &main->items[i];
        /* The term of a bijstand recovery (sw_uitvoering_bijstand()) is read by
         * the ledger alone (engine_ledger.c): no later part uses it first. */
        bool seen = strncmp(x->id, ledger_only, sizeof(ledger_only) - 1) == 0;

        /* The same value as the used list tells them apart (tables_cache.c). */
        for (size_t j = 0; j < fs->used_at[ENG_SEG_CLOSE + 1] && !seen; j++)
            seen = own->items[j].id == x->id && own->items[j].from == x->from &&
                   own->items[j].overridden == x->overridden &&
                   own->items[j].projected == x->projected;
        if (!seen)
            return false;
    }
    return true;
}

/* The items [a, b) of src appended to dst (room made), one by one: a copy
 * of some kB in one call takes the C library's string instruction path (see
 * rows_copy() in engine.c). */
static size_t used_append(struct sw_value_info *dst, size_t at, const struct sw_value_info *src,
                          size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        memcpy(&dst[at++], &src[i], sizeof(dst[0]));
    return at;
}

bool eng_resume_used(struct sw_used *u, const struct sw_used *main, const struct eng_snap *ms,
                     const struct eng_snap *fs)
{
    size_t before = fs->used_at[0], n = before, at;
    struct sw_value_info *items;

    for (int seg = 0; seg < ENG_SEG__COUNT; seg++)
        n += (seg == ENG_SEG_CLOSE ? 0 : ms->used_at[seg + 1] - ms->used_at[seg]) +
             fs->used_at[seg + 1] - fs->used_at[seg];
    /* A new list (the old one lives till it is copied): the lookup cache's
     * index of the old one is not taken for it (tables_cache.h). Room for
     * as many again, as used_grow() makes (the switch run records next). */
    items = malloc((n ? 2 * n : 1) * sizeof(*items));
    if (!items)
        return false;
    at = used_append(items, 0, u->items, 0, before);
    for (int seg = 0; seg < ENG_SEG__COUNT; seg++) {
        if (seg != ENG_SEG_CLOSE)
            at = used_append(items, at, main->items, ms->used_at[seg], ms->used_at[seg + 1]);
        at = used_append(items, at, u->items, fs->used_at[seg], fs->used_at[seg + 1]);
    }
    free(u->items);
    u->items = items;
    u->len = at;
    u->cap = n ? 2 * n : 1;
    return true;
}

bool eng_resume_recoveries(struct sw_timeline *tl, const struct sw_timeline *main,
                           const struct eng_snap *ms, const struct eng_snap *fs)
{
    struct sw_recovery own[SW_MAX_RECOVERIES];
    size_t n_own = tl->n_recoveries, n = 0;

    memcpy(own, tl->recoveries, n_own * sizeof(own[0]));
    for (int seg = 0; seg < ENG_SEG__COUNT; seg++) {
        size_t a = seg == ENG_SEG_CLOSE ? ms->rec_at[seg + 1] : ms->rec_at[seg];
        size_t na = ms->rec_at[seg + 1] - a, nb = fs->rec_at[seg + 1] - fs->rec_at[seg];

        if (n + na + nb > SW_MAX_RECOVERIES)
            return false;
        memcpy(&tl->recoveries[n], &main->recoveries[a], na * sizeof(own[0]));
        /* The resumed run reads no texts. */
        for (size_t i = n; i < n + na; i++)
            memset(tl->recoveries[i].avoidable_by, 0, sizeof(tl->recoveries[i].avoidable_by));
        n += na;
        memcpy(&tl->recoveries[n], &own[fs->rec_at[seg]], nb * sizeof(own[0]));
        n += nb;
    }
    tl->n_recoveries = n;
    return n_own == fs->rec_at[ENG_SEG__COUNT];
}
