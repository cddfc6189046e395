/* engine_run.c - the helpers the phases of the month engine write through: a
 * month's items and traces, and the timeline's recoveries, warnings and actions
 * (engine_run.h). */
#include <stdarg.h>
#include <string.h>

#include "engine_run.h"
#include "engine_text.h"

const char *eng_toeslag_name(enum sw_recovery_kind k)
{
    return k == SW_RECOVERY_ZORGTOESLAG   ? "zorgtoeslag"
           : k == SW_RECOVERY_HUURTOESLAG ? "huurtoeslag"
                                          : "kindgebonden budget";
}

void eng_copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);

    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void eng_clear(void *p, size_t size)
{
    memset(p, 0, size);
}

void eng_copy(void *dst, const void *src, size_t size)
{
    memcpy(dst, src, size);
}

void eng_recovery(struct eng_run *r, enum sw_recovery_kind kind, const char *period,
                  sw_month caused, int64_t amount, sw_month expected, sw_month collected,
                  const char *avoidable_by)
{
    eng_recovery_plan(r, kind, period, caused, amount, expected, collected, 0, avoidable_by);
}

void eng_recovery_plan(struct eng_run *r, enum sw_recovery_kind kind, const char *period,
                       sw_month caused, int64_t amount, sw_month expected, sw_month collected,
                       int64_t instalment, const char *avoidable_by)
{
    struct sw_timeline *tl = r->tl;
    struct sw_recovery *rec;

    if (!r->is_switch || amount <= 0)
        return;
    if (tl->n_recoveries >= SW_MAX_RECOVERIES)
        return;
    rec = &tl->recoveries[tl->n_recoveries++];
    memset(rec, 0, sizeof(*rec));   /* the entry is set whole (engine.c copies no more) */
    rec->kind = kind;
    eng_copy_text(rec->for_period, sizeof(rec->for_period), period);
    rec->caused = caused;
    rec->amount = amount;
    rec->expected = expected;
    rec->collected = collected;
    if (r->texts)
        eng_copy_text(rec->avoidable_by, sizeof(rec->avoidable_by), avoidable_by);
    rec->instalment = instalment > 0 && instalment < amount ? instalment : 0;
    rec->paid_off = collected;
    if (rec->instalment == 0) {
        eng_add(r, collected, SW_ITEM_RECOVERY_COLLECTED, amount);
        eng_add(r, collected, SW_ITEM_RESERVE_RELEASED, amount);
        return;
    }
    /* In instalments from `collected` on, the last one the rest. */
    for (int64_t left = amount; left > 0; rec->paid_off++) {
        int64_t part = left < rec->instalment ? left : rec->instalment;
        eng_add(r, rec->paid_off, SW_ITEM_RECOVERY_COLLECTED, part);
        eng_add(r, rec->paid_off, SW_ITEM_RESERVE_RELEASED, part);
        left -= part;
    }
    rec->paid_off--;
}

void eng_warning(const struct eng_run *r, const char *code, sw_month month, int64_t amount,
                 const char *fmt, ...)
{
    struct sw_timeline *tl = r->tl;
    struct sw_warning *w;
    va_list ap;

    if (!r->texts || tl->n_warnings >= SW_MAX_WARNINGS)
        return;
    for (size_t i = 0; i < tl->n_warnings; i++)
        if (tl->warnings[i].month == month && strcmp(tl->warnings[i].code, code) == 0)
            return;
    w = &tl->warnings[tl->n_warnings++];
    eng_copy_text(w->code, sizeof(w->code), code);
    w->month = month;
    w->amount = amount;
    va_start(ap, fmt);
    eng_vformat(w->text, sizeof(w->text), fmt, ap);
    va_end(ap);
}

void eng_action(const struct eng_run *r, sw_date before, enum sw_who who, const char *fmt, ...)
{
    struct sw_timeline *tl = r->tl;
    struct sw_action *a;
    va_list ap;

    if (!r->texts || tl->n_actions >= SW_MAX_ACTIONS)
        return;
    a = &tl->actions[tl->n_actions++];
    a->before = before;
    a->who = who;
    va_start(ap, fmt);
    eng_vformat(a->text, sizeof(a->text), fmt, ap);
    va_end(ap);
}
