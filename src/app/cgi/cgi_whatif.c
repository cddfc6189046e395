/* cgi_whatif.c - POST /sweep, /wayback and /loonwaarde of switchsim.cgi: what the
 * page and scripts need beyond simulate. Each parses its query or body, calls
 * the use case `switchsim sweep|wayback|loonwaarde` calls, and answers the same
 * JSON as that command's --json. */
#include <stdlib.h>

#include "cgi.h"
#include "json_out.h"
#include "sweep.h"
#include "switchsim/whatif.h"
#include "whatif_json.h"

static struct cgi_reply reply(int status, cJSON *body)
{
    struct cgi_reply r = {.status = status, .body = body};
    return r;
}

struct cgi_reply cgi_sweep(const struct sw_tables *t, const char *body, size_t len,
                           const struct cgi_query *q)
{
    const char *hours = cgi_query_get(q, "hours"), *lw = cgi_query_get(q, "loonwaarde");
    const char *key = hours ? "hours" : "loonwaarde";
    struct sw_scenario *s = NULL;
    struct sweep *sw = NULL;
    struct cgi_reply r = {.status = 500};
    struct sw_err err;

    if (!hours == !lw)
        return reply(422, cgi_error_body("invalid", hours ? "loonwaarde" : "hours",
                                         "give one of the query parameters hours and loonwaarde "
                                         "(FROM:TO:STEP)"));
    s = malloc(sizeof(*s));
    sw = calloc(1, sizeof(*sw));
    if (!s || !sw)
        goto out;
    sw->kind = hours ? SWEEP_HOURS : SWEEP_LOONWAARDE;
    if (sweep_parse_range(hours ? hours : lw, key,
                          hours ? SWEEP_HOURS_MIN_X100 : SWEEP_PERCENT_MIN_X100,
                          hours ? SWEEP_HOURS_MAX_X100 : SWEEP_PERCENT_MAX_X100, &sw->from_x100,
                          &sw->to_x100, &sw->step_x100, &err) != SW_OK) {
        r = cgi_reply_err(&err);
        goto out;
    }
    /* The scenario as given must be valid before it is varied. */
    if (!cgi_parse_scenario(s, t, body, len, &r))
        goto out;
    if (sweep_run(sw, t, body, len, key, false, &err) != SW_OK) {
        r = cgi_reply_err(&err);
        goto out;
    }
    r = reply(200, sweep_json(sw));
out:
    if (sw)
        sweep_release(sw);
    free(sw);
    free(s);
    return r;
}

struct cgi_reply cgi_wayback(const struct sw_tables *t, const struct sw_scenario *s,
                             const struct cgi_query *q)
{
    struct sw_way_back_input in;
    struct sw_way_back_whatif *w = NULL;
    struct sw_err err;
    const char *v = cgi_query_get(q, "after");
    cJSON *o;

    sw_way_back_init(&in);
    if (v && sw_way_back_parse_after(&in, v, "after", &err) != SW_OK)
        return cgi_reply_err(&err);
    if (sw_way_back_whatif(&w, t, s, &in, &err) != SW_OK)
        return cgi_reply_err(&err);
    o = sw_way_back_whatif_json(w);
    sw_way_back_whatif_free(w);
    return reply(200, o);   /* a NULL body (out of memory) becomes a 500 */
}

struct cgi_reply cgi_loonwaarde(const struct sw_tables *t, const char *body, size_t len,
                                const struct cgi_query *q)
{
    struct sw_loonwaarde_input *in = malloc(sizeof(*in));
    struct sw_problems *pr = malloc(sizeof(*pr));
    struct sw_loonwaarde_whatif w;
    struct sw_used used = {0};
    struct cgi_reply r = {.status = 500};
    struct sw_ctx ctx;
    struct sw_err err;

    (void)q;
    if (!in || !pr)
        goto out;
    if (sw_loonwaarde_input_parse(in, body, len, pr, &err) != SW_OK) {
        r = err.code == SW_ERR_INVALID || err.code == SW_ERR_TOO_BIG
                ? reply(err.code == SW_ERR_TOO_BIG ? 413 : 422, sw_error_json(&err, pr))
                : cgi_reply_err(&err);
        goto out;
    }
    sw_ctx_init(&ctx, t, in->strict);
    ctx.used = &used;
    if (sw_loonwaarde_whatif(&w, &ctx, in, "tasks", &err) != SW_OK) {
        r = cgi_reply_err(&err);
        goto out;
    }
    r = reply(200, used.nomem ? NULL : sw_loonwaarde_whatif_json(in, &w, t, &used));
out:
    sw_used_release(&used);
    free(in);
    free(pr);
    return r;
}
