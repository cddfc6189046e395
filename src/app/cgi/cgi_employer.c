/* cgi_employer.c - POST /employer (the employer's what-if per loonwaarde) and
 * POST /municipality (the municipality's business case) of switchsim.cgi: parse
 * the query, call the core use case of whatif.h, render with whatif_json.c. */
#include <string.h>

#include "cgi.h"
#include "switchsim/whatif.h"
#include "whatif_json.h"

static struct cgi_reply reply(int status, cJSON *body)
{
    struct cgi_reply r = {.status = status, .body = body};
    return r;
}

static struct cgi_reply invalid(const char *key, const char *msg)
{
    return reply(422, cgi_error_body("invalid", key, "%s", msg));
}

/* A 0|1 flag from the query; false on a bad value. */
static bool query_flag(const struct cgi_query *q, const char *key, bool dflt, bool *out)
{
    const char *v = cgi_query_get(q, key);

    *out = dflt;
    if (!v)
        return true;
    if (strcmp(v, "0") && strcmp(v, "1"))
        return false;
    *out = v[0] == '1';
    return true;
}

struct cgi_reply cgi_employer(const struct sw_tables *t, const struct sw_scenario *s,
                              const struct cgi_query *q)
{
    struct sw_employer_whatif_input in;
    struct sw_employer_whatif *w = NULL;
    struct sw_err err;
    const char *v;
    cJSON *o;

    /* Query: the loonwaarden, the LKV and the premium choices. */
    sw_employer_whatif_init(&in);
    v = cgi_query_get(q, "loonwaarde");
    if (v && sw_employer_whatif_parse_loonwaarde(&in, v, &err) != SW_OK)
        return cgi_reply_err(&err);
    v = cgi_query_get(q, "lkv");
    if (v && sw_employer_whatif_parse_lkv(&in, v, &err) != SW_OK)
        return cgi_reply_err(&err);
    if (!query_flag(q, "government", false, &in.government))
        return invalid("government", "government must be 0 or 1");
    if (!query_flag(q, "awf_high", false, &in.awf_high))
        return invalid("awf_high", "awf_high must be 0 or 1");
    if (!query_flag(q, "aof_high", false, &in.aof_high))
        return invalid("aof_high", "aof_high must be 0 or 1");

    if (sw_employer_whatif(&w, t, s, &in, &err) != SW_OK)
        return cgi_reply_err(&err);
    o = sw_employer_whatif_json(w);
    sw_employer_whatif_free(w);
    return reply(200, o);   /* a NULL body (out of memory) becomes a 500 */
}

struct cgi_reply cgi_municipality(const struct sw_tables *t, const struct sw_scenario *s,
                                  const struct cgi_query *q)
{
    struct sw_municipality_whatif_input in;
    struct sw_municipality_whatif *w = NULL;
    struct sw_err err;
    const char *v;
    bool lks;
    cJSON *o;

    /* Query: the products before and after (before first: after checks the
     * total), the dagdelen kept, and whether LKS is paid. */
    sw_municipality_whatif_init(&in);
    v = cgi_query_get(q, "before");
    if (v && sw_municipality_whatif_parse_products(&in, false, v, &err) != SW_OK)
        return cgi_reply_err(&err);
    v = cgi_query_get(q, "after");
    if (v && sw_municipality_whatif_parse_products(&in, true, v, &err) != SW_OK)
        return cgi_reply_err(&err);
    v = cgi_query_get(q, "prices");
    if (v && sw_municipality_whatif_parse_prices(&in, v, &err) != SW_OK)
        return cgi_reply_err(&err);
    v = cgi_query_get(q, "dagdelen_after");
    if (v && sw_municipality_whatif_parse_dagdelen(&in, v, &err) != SW_OK)
        return cgi_reply_err(&err);
    /* lks=1 is the default: LKS when the job has loonwaarde periods. */
    if (!query_flag(q, "lks", true, &lks))
        return invalid("lks", "lks must be 0 or 1");
    in.without_lks = !lks;

    if (sw_municipality_whatif(&w, t, s, &in, &err) != SW_OK)
        return cgi_reply_err(&err);
    o = sw_municipality_whatif_json(w);
    sw_municipality_whatif_free(w);
    return reply(200, o);   /* a NULL body (out of memory) becomes a 500 */
}
