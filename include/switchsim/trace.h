/* trace.h - how a figure came about: the rule, the formula in words, the
 * parameters (id, value, valid from, source) and the inputs. `explain` and the
 * web page's "waarom?" read the same trace.
 *
 * Every rule function takes a `struct sw_trace *tr` that may be NULL (no trace
 * wanted); all functions here accept NULL and then do nothing. A trace holds no
 * pointers it owns: parameter strings belong to the table set, rule and input
 * names must be string literals.
 */
#ifndef SWITCHSIM_TRACE_H
#define SWITCHSIM_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/tables.h"

#define SW_TRACE_MAX_PARAMS 16
/* The most inputs a figure lists: `received` has up to 16 terms (engine_wallet.c).
 * A parameter or an input that does not fit sets `incomplete`, which every output
 * shows; tests/unit/check_engine.c checks that no reference case gets there. */
#define SW_TRACE_MAX_INPUTS 20

struct sw_trace_input {
    const char *name;       /* literal, Dutch: "netto loon" */
    int64_t value;
    enum sw_unit unit;
};

struct sw_trace {
    const char *rule;       /* literal: "Participatiewet art. 31 lid 2 onder n" */
    char formula[320];      /* Dutch words: "25% van het netto loon, ten hoogste ..." */
    struct sw_value_info params[SW_TRACE_MAX_PARAMS];
    size_t nparams;
    struct sw_trace_input inputs[SW_TRACE_MAX_INPUTS];
    size_t ninputs;
    bool incomplete;        /* a parameter or an input was left out: no room */
};

/* What the explanations say of an incomplete trace (plain Dutch). */
#define SW_TRACE_INCOMPLETE_NL \
    "Let op: niet alle gegevens van deze berekening passen in deze uitleg."

/* Set the rule and the formula (printf-style). */
void sw_trace_rule(struct sw_trace *tr, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Record a parameter that was used (deduplicated by id and date). */
void sw_trace_param(struct sw_trace *tr, const struct sw_value_info *info);
/* Record an input value. */
void sw_trace_input(struct sw_trace *tr, const char *name, int64_t value, enum sw_unit unit);

/* The rules call these two for every figure of every month, mostly without a
 * trace: the NULL check happens at the call (a statement; without a trace the
 * other arguments are not evaluated), the functions above do the rest. */
#define SW_TRACE_IF_(fn, tr, ...)                                                          \
    do {                                                                                   \
        struct sw_trace *sw_trace_if_tr_ = (tr);                                           \
        if (sw_trace_if_tr_)                                                               \
            (fn)(sw_trace_if_tr_, __VA_ARGS__);                                            \
    } while (0)
#define sw_trace_rule(tr, ...) SW_TRACE_IF_(sw_trace_rule, tr, __VA_ARGS__)
#define sw_trace_input(tr, ...) SW_TRACE_IF_(sw_trace_input, tr, __VA_ARGS__)
/* Copy the parameters and inputs of `from` into `tr` (a figure built on another). */
void sw_trace_merge(struct sw_trace *tr, const struct sw_trace *from);

/* sw_param() that also records the parameter in tr. */
sw_status sw_param_t(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                     int64_t *out, struct sw_trace *tr, struct sw_err *err)
    __attribute__((warn_unused_result));
/* sw_param_text() (an id built in a buffer) that also records the parameter in tr. */
sw_status sw_param_text_t(const struct sw_ctx *c, const char *id, sw_date date,
                          enum sw_unit unit, int64_t *out, struct sw_trace *tr,
                          struct sw_err *err) __attribute__((warn_unused_result));
/* sw_scale() that also records the scale in tr. */
sw_status sw_scale_t(const struct sw_ctx *c, const char *id, sw_date date,
                     enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                     struct sw_trace *tr, struct sw_err *err) __attribute__((warn_unused_result));

#endif
