/* loonwaarde.c - the loonwaarde from hoofdtaken (Besluit loonkostensubsidie
 * Participatiewet 2021 art. 1, 3 and 4): so an employer sees how a percentage
 * such as 17 % comes about. */
#include <string.h>

#include "switchsim/lks.h"
#include "switchsim/money.h"

/* Inputs carry at most two decimals of a percentage, so each factor is a whole
 * number of hundredths of a percent (100 % = 10 000) and the product of four
 * factors stays below 10^16 (100 %^4): exact in int64, no rounding before the
 * final one that the Besluit prescribes. */
#define HUNDREDTHS_PER_PPM 100            /* 1 hundredth of a percent = 100 ppm */
#define ONE_H ((int64_t)10000)            /* 100 % in hundredths of a percent */

static sw_status check_value(int64_t v, int64_t max, const char *what, size_t idx,
                             const char *field, struct sw_err *err)
{
    char a[32];

    sw_rate_format(a, sizeof(a), v);
    if (v < 0 || v > max) {
        char m[32];
        sw_rate_format(m, sizeof(m), max);
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "%s %s%% of task %zu out of range 0-%s in '%s'", what, a, idx + 1, m,
                          field);
    }
    if (v % HUNDREDTHS_PER_PPM != 0)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "%s %s%% of task %zu has more than two decimals in '%s'", what, a,
                          idx + 1, field);
    return SW_OK;
}

sw_status sw_loonwaarde_tasks(const struct sw_ctx *c, sw_date date, const struct sw_task *tasks,
                              size_t n, const char *field, struct sw_loonwaarde *out,
                              struct sw_trace *tr, struct sw_err *err)
{
    struct sw_loonwaarde r;
    int64_t tempo_max, min_share, share_sum = 0, sum = 0;
    sw_status st;

    memset(&r, 0, sizeof(r));
    if (n == 0)
        return sw_err_set(err, SW_ERR_INVALID, field, "no tasks given in '%s'", field);
    if (n > SW_LOONWAARDE_MAX_TASKS)
        return sw_err_set(err, SW_ERR_INVALID, field, "more than %d tasks in '%s'",
                          SW_LOONWAARDE_MAX_TASKS, field);
    for (size_t i = 0; i < n; i++) {
        const struct sw_task *t = &tasks[i];
        if (!t->name || !t->name[0])
            return sw_err_set(err, SW_ERR_INVALID, field, "task %zu has no name in '%s'", i + 1,
                              field);
        if (t->share == 0)
            return sw_err_set(err, SW_ERR_INVALID, field, "task %zu has a share of 0 in '%s'",
                              i + 1, field);
        st = check_value(t->share, SW_PPM_ONE, "share", i, field, err);
        if (!st)
            st = check_value(t->tempo, SW_LOONWAARDE_MAX_TEMPO, "tempo", i, field, err);
        if (!st)
            st = check_value(t->kwaliteit, SW_PPM_ONE, "kwaliteit", i, field, err);
        if (!st)
            st = check_value(t->inzetbaarheid, SW_PPM_ONE, "inzetbaarheid", i, field, err);
        if (st)
            return st;
        share_sum += t->share;
    }
    if (share_sum != SW_PPM_ONE) {
        char a[32];
        sw_rate_format(a, sizeof(a), share_sum);
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "task shares add up to %s%%, not 100%%, in '%s'", a, field);
    }
    st = sw_param_t(c, "lks.tempo_max", date, SW_UNIT_PERCENT, &tempo_max, tr, err);
    if (!st)
        st = sw_param_t(c, "lks.hoofdtaak_min_share", date, SW_UNIT_PERCENT, &min_share, tr,
                        err);
    if (st)
        return st;
    for (size_t i = 0; i < n; i++) {
        const struct sw_task *t = &tasks[i];
        struct sw_task_result *tr_i = &r.tasks[i];
        /* AKC Cahier 24: a tempo above 100 % counts as at most lks.tempo_max. */
        int64_t tempo = t->tempo < tempo_max ? t->tempo : tempo_max;
        int64_t tk = (tempo / HUNDREDTHS_PER_PPM) * (t->kwaliteit / HUNDREDTHS_PER_PPM) *
                     (t->inzetbaarheid / HUNDREDTHS_PER_PPM);       /* <= 10^12 */
        int64_t prod = tk * (t->share / HUNDREDTHS_PER_PPM);        /* <= 10^16 */

        tr_i->tempo_counted = tempo;
        /* Display values only, half up to a ppm; the law rounds only the sum. */
        tr_i->prestatie = sw_div_half_up(tk, ONE_H * ONE_H * ONE_H / SW_PPM_ONE);
        tr_i->contribution = sw_div_half_up(prod, ONE_H * ONE_H * ONE_H * ONE_H / SW_PPM_ONE);
        /* Besluit LKS Pw 2021 art. 1: a hoofdtaak takes at least the table's share
         * of the working hours, lks.hoofdtaak_min_share. */
        tr_i->below_min_share = t->share < min_share;
        r.any_below_min_share = r.any_below_min_share || tr_i->below_min_share;
        sum += prod;
    }
    r.ntasks = n;
    /* Besluit LKS Pw 2021 art. 3 lid 1: the sum of the prestaties per hoofdtaak,
     * "rekenkundig afgerond op hele procenten" (half up). sum is in units of
     * 10^-16 of one; a whole percent is 10^14 of them. */
    r.percent = sw_div_half_up(sum, ONE_H * ONE_H * ONE_H * ONE_H / 100) * SW_PPM_PER_PERCENT;
    r.exact = sw_div_half_up(sum, ONE_H * ONE_H * ONE_H * ONE_H / SW_PPM_ONE);
    sw_trace_rule(tr, "Besluit loonkostensubsidie Participatiewet 2021 art. 3 lid 1",
                  "som over de hoofdtaken van aandeel x tempo x kwaliteit x inzetbaarheid, "
                  "rekenkundig afgerond op hele procenten");
    sw_trace_input(tr, "aantal hoofdtaken", (int64_t)n, SW_UNIT_COUNT);
    sw_trace_input(tr, "loonwaarde onafgerond", r.exact, SW_UNIT_PERCENT);
    *out = r;
    return SW_OK;
}
