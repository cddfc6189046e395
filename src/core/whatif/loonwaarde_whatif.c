/* loonwaarde_whatif.c - the loonwaarde from hoofdtaken as a core use case
 * (whatif.h): the date whose rules apply, then sw_loonwaarde_tasks(). The
 * request's JSON reader is in src/core/scenario/loonwaarde_read.c. */
#include <string.h>

#include "switchsim/whatif.h"

void sw_loonwaarde_input_init(struct sw_loonwaarde_input *in)
{
    memset(in, 0, sizeof(*in));
    in->date = SW_NO_DATE;
}

/* Without a date: the latest `from` among the rules' timelines, so that the
 * newest tabled rules apply without reading the clock. */
static sw_date newest_rules(const struct sw_tables *t)
{
    static const char *const ids[] = {"lks.tempo_max", "lks.hoofdtaak_min_share"};
    struct sw_value_info infos[64];
    sw_date d = 0;

    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        size_t max = sizeof(infos) / sizeof(infos[0]);
        size_t n = sw_tables_timeline(t, ids[i], "", infos, max);

        if (n > max)
            n = max;
        if (n > 0 && infos[n - 1].from > d)
            d = infos[n - 1].from;
    }
    return d;
}

sw_status sw_loonwaarde_whatif(struct sw_loonwaarde_whatif *out, const struct sw_ctx *c,
                               const struct sw_loonwaarde_input *in, const char *field,
                               struct sw_err *err)
{
    memset(out, 0, sizeof(*out));
    out->date_given = in->date != SW_NO_DATE;
    out->date = out->date_given ? in->date : newest_rules(c->tables);
    sw_err_clear(err);
    return sw_loonwaarde_tasks(c, out->date, in->tasks, in->n, field, &out->result, NULL, err);
}
