/* whatif_common.c - what the what-ifs share: splitting a comma-separated list and
 * the scenario's job as the rules see it. */
#include <string.h>

#include "whatif_impl.h"

bool whatif_split(const char *text, char items[][SW_WHATIF_LABEL_MAX], size_t max, size_t *n)
{
    const char *p = text;

    *n = 0;
    for (;;) {
        const char *c = strchr(p, ',');
        size_t len = c ? (size_t)(c - p) : strlen(p);

        if (len == 0 || len >= SW_WHATIF_LABEL_MAX || *n >= max)
            return false;
        memcpy(items[*n], p, len);
        items[*n][len] = '\0';
        (*n)++;
        if (!c)
            return true;
        p = c + 1;
    }
}

void whatif_scenario_job(struct sw_lks_job *job, const struct sw_scenario *s)
{
    memset(job, 0, sizeof(*job));
    job->start = s->job.start;
    job->end = s->job.end;
    job->birth = s->household.birth;
    job->hours_x100 = s->job.hours_x100;
    /* -1 in the scenario: the minimum wage for the age, 0 for the rules. */
    job->hourly_wage = s->job.hourly_wage > 0 ? s->job.hourly_wage : 0;
    job->periods = s->job.loonwaarde;
    job->nperiods = s->job.n_loonwaarde;
}

void whatif_one_period(struct sw_lks_job *job, struct sw_loonwaarde_period *p, int64_t percent)
{
    p->from = job->start;
    p->percent = percent;
    p->forfaitair = false;
    job->periods = p;
    job->nperiods = 1;
}
