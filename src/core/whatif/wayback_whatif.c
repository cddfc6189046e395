/* wayback_whatif.c - the way back as a core use case (whatif.h): for each N the
 * scenario is run with the job ending N months after its start: WW or not, the
 * gap before bijstand comes back, dagbesteding, and what the resident has in
 * the months after, against staying on bijstand. */
#include <stdlib.h>
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/whatif.h"

void sw_way_back_init(struct sw_way_back_input *in)
{
    static const int dflt[] = {3, 6, 9, 12}; /* structural: months tried */

    memset(in, 0, sizeof(*in));
    for (size_t i = 0; i < sizeof(dflt) / sizeof(dflt[0]); i++)
        in->after[i] = dflt[i];
    in->n = sizeof(dflt) / sizeof(dflt[0]);
}

sw_status sw_way_back_parse_after(struct sw_way_back_input *in, const char *text,
                                  const char *field, struct sw_err *err)
{
    struct sw_way_back_input v = {{0}, 0};
    const char *p = text ? text : "";

    do {
        int m = 0, digits = 0;
        for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++) /* structural: 4 digits */
            m = m * 10 + (*p - '0');
        if (digits == 0 || (*p && *p != ',') || m < 1 || m > SW_SCENARIO_MAX_MONTHS ||
            v.n >= SW_WAYBACK_MAX_STEPS)
            return sw_err_set(err, SW_ERR_INVALID, field,
                              "'%s' takes up to %d whole months 1-%d separated by commas, not "
                              "'%.40s'", field ? field : "", SW_WAYBACK_MAX_STEPS,
                              SW_SCENARIO_MAX_MONTHS, text ? text : "");
        v.after[v.n++] = m;
    } while (*p++ == ',');
    *in = v;
    return SW_OK;
}

static sw_status run_step(const struct sw_tables *t, const struct sw_scenario *base, int after,
                          struct sw_way_back_step *st, struct sw_way_back_whatif *w,
                          struct sw_err *err)
{
    struct sw_scenario *s = malloc(sizeof(*s));
    struct sw_timeline *tl = NULL;
    sw_status rc;
    int from;

    if (!s)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    *s = *base;
    memset(st, 0, sizeof(*st));
    st->after = after;
    s->job.end = sw_date_add_months(base->job.start, after) - 1;
    if (base->job.end != SW_NO_DATE && base->job.end < s->job.end)
        s->job.end = base->job.end;
    rc = sw_simulate(&tl, t, s, 0, err);
    if (rc) {
        free(s);
        return rc;
    }
    st->job_end = s->job.end;
    st->wb = tl->way_back;
    st->in_horizon = tl->way_back.active;
    sw_used_merge(&w->used, &tl->used);   /* to name the projected values they all used */
    if (w->n == 0) {
        memcpy(w->tables_version, tl->tables_version, sizeof(w->tables_version));
        memcpy(w->tables_sha256, tl->tables_sha256, sizeof(w->tables_sha256));
    }
    st->recoveries = tl->n_recoveries;
    from = sw_month_of(s->job.end) + 1 - s->start_month;
    for (int i = from < 0 ? 0 : from; i < from + 3 && i < s->months; i++) { /* structural: 0..3 */
        st->after_avg += tl->scenario.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        st->stay_avg += tl->baseline.rows[i].v[SW_ITEM_SAFE_TO_SPEND];
        st->months_after++;
    }
    if (st->months_after) {
        /* Mean over the months shown, half up to cents. */
        st->after_avg = sw_div_half_up(st->after_avg, st->months_after);
        st->stay_avg = sw_div_half_up(st->stay_avg, st->months_after);
    }
    sw_timeline_free(tl);
    free(s);
    return SW_OK;
}

sw_status sw_way_back_whatif(struct sw_way_back_whatif **out, const struct sw_tables *t,
                             const struct sw_scenario *s, const struct sw_way_back_input *in,
                             struct sw_err *err)
{
    struct sw_way_back_whatif *w;

    *out = NULL;
    if (in->n < 1 || in->n > SW_WAYBACK_MAX_STEPS)
        return sw_err_set(err, SW_ERR_INVALID, "after", "give 1 to %d steps",
                          SW_WAYBACK_MAX_STEPS);
    for (size_t i = 0; i < in->n; i++)
        if (in->after[i] < 1 || in->after[i] > SW_SCENARIO_MAX_MONTHS)
            return sw_err_set(err, SW_ERR_INVALID, "after", "months 1-%d, not %d",
                              SW_SCENARIO_MAX_MONTHS, in->after[i]);
    w = calloc(1, sizeof(*w));
    if (!w)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    for (size_t i = 0; i < in->n; i++) {
        sw_status rc = run_step(t, s, in->after[i], &w->steps[i], w, err);
        if (rc) {
            sw_way_back_whatif_free(w);
            return rc;
        }
        w->n++;
    }
    if (w->used.nomem) {
        sw_way_back_whatif_free(w);
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    }
    *out = w;
    return SW_OK;
}

void sw_way_back_whatif_free(struct sw_way_back_whatif *w)
{
    if (!w)
        return;
    sw_used_release(&w->used);
    free(w);
}
