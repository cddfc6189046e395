/* trace.c - recording how a figure came about. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "switchsim/trace.h"

void (sw_trace_rule)(struct sw_trace *tr, const char *rule, const char *fmt, ...)
{
    va_list ap;

    if (!tr)
        return;
    tr->rule = rule;
    va_start(ap, fmt);
    vsnprintf(tr->formula, sizeof(tr->formula), fmt, ap);
    va_end(ap);
}

void sw_trace_param(struct sw_trace *tr, const struct sw_value_info *info)
{
    if (!tr)
        return;
    for (size_t i = 0; i < tr->nparams; i++)
        if (strcmp(tr->params[i].id, info->id) == 0 && tr->params[i].from == info->from)
            return;
    if (tr->nparams < SW_TRACE_MAX_PARAMS)
        tr->params[tr->nparams++] = *info;
    else
        tr->incomplete = true;
}

void (sw_trace_input)(struct sw_trace *tr, const char *name, int64_t value, enum sw_unit unit)
{
    if (!tr)
        return;
    for (size_t i = 0; i < tr->ninputs; i++) {
        if (strcmp(tr->inputs[i].name, name) == 0) {
            tr->inputs[i].value = value;
            tr->inputs[i].unit = unit;
            return;
        }
    }
    if (tr->ninputs < SW_TRACE_MAX_INPUTS) {
        tr->inputs[tr->ninputs].name = name;
        tr->inputs[tr->ninputs].value = value;
        tr->inputs[tr->ninputs].unit = unit;
        tr->ninputs++;
    } else {
        tr->incomplete = true;
    }
}

void sw_trace_merge(struct sw_trace *tr, const struct sw_trace *from)
{
    if (!tr || !from)
        return;
    for (size_t i = 0; i < from->nparams; i++)
        sw_trace_param(tr, &from->params[i]);
    for (size_t i = 0; i < from->ninputs; i++)
        sw_trace_input(tr, from->inputs[i].name, from->inputs[i].value, from->inputs[i].unit);
    if (from->incomplete)
        tr->incomplete = true;
}

sw_status sw_param_text_t(const struct sw_ctx *c, const char *id, sw_date date,
                          enum sw_unit unit, int64_t *out, struct sw_trace *tr,
                          struct sw_err *err)
{
    struct sw_value_info info;
    sw_status st = sw_param_text(c, id, date, unit, out, NULL, tr ? &info : NULL, err);

    if (st == SW_OK && tr)
        sw_trace_param(tr, &info);
    return st;
}

/* sw_param_t() and sw_scale_t() are in src/core/tables/tables_lookup.c, next to
 * the cached lookup they inline (asked some 30 times a month). */
