/* cgi.c - the request handler of switchsim.cgi: routing on PATH_INFO, the body
 * read to exactly CONTENT_LENGTH bytes, errors as JSON with the right status, and
 * the endpoints /simulate and /tables (employer and municipality: cgi_employer.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "fileio.h"
#include "render.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "json_text.h"

/* --- replies --- */

static struct cgi_reply reply(int status, cJSON *body)
{
    struct cgi_reply r = {.status = status, .body = body};
    return r;
}

struct cgi_reply cgi_reply_err(const struct sw_err *err)
{
    const char *what;

    switch (err->code) {
    case SW_ERR_INVALID:
    case SW_ERR_NO_VALUE:   /* the scenario asks for a month the tables do not cover */
        return reply(422, sw_error_json(err, NULL));
    case SW_ERR_TOO_BIG:
        return reply(413, sw_error_json(err, NULL));
    case SW_ERR_TABLE:
    case SW_ERR_IO:
        what = "the server cannot use its tables; its error log says why";
        break;
    case SW_ERR_NOMEM:
        what = "out of memory";
        break;
    default:
        what = "internal error; the server's error log says why";
        break;
    }
    /* Table problems and bugs are for the operator: the whole message (a table
     * file, a server path, an invariant; never request content) goes to the
     * error log, and the answer says only what kind of problem it is - no
     * server path in a body. */
    fprintf(stderr, "switchsim.cgi: %s: %s\n", sw_status_name(err->code), err->msg);
    return reply(500, cgi_error_body(sw_status_name(err->code), "", "%s", what));
}

/* --- the query string --- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decode src[0..n) into dst (size `size`); false when malformed, too long
 * or when it decodes to a control character. */
static bool pct_decode(char *dst, size_t size, const char *src, size_t n)
{
    size_t o = 0;

    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)src[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            int h, l;
            if (i + 2 >= n)
                return false;
            h = hexval(src[i + 1]);
            l = hexval(src[i + 2]);
            if (h < 0 || l < 0)
                return false;
            c = h * 16 + l;
            i += 2;
        }
        if (c < 0x20 || c == 0x7f || o + 1 >= size)
            return false;
        dst[o++] = (char)c;
    }
    dst[o] = '\0';
    return true;
}

static bool is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return false;
    return true;
}

/* Split `qs` into pairs; only keys in `allowed` (NULL-terminated). On a problem
 * returns false with *bad set to an error body. */
static bool parse_query(struct cgi_query *q, const char *qs, const char *const *allowed,
                        cJSON **bad)
{
    const char *p = qs ? qs : "";

    memset(q, 0, sizeof(*q));
    while (*p) {
        const char *amp = strchr(p, '&'), *end = amp ? amp : p + strlen(p);
        const char *eq = memchr(p, '=', (size_t)(end - p));
        const char *kend = eq ? eq : end;
        char key[24];
        bool known = false;

        if (end == p) {
            p++;
            continue;
        }
        if (!pct_decode(key, sizeof(key), p, (size_t)(kend - p)) || !is_ascii(key)) {
            /* Keys are ASCII names; anything else is not repeated in the answer. */
            *bad = cgi_error_body("malformed", "query", "malformed query string");
            return false;
        }
        for (size_t i = 0; allowed[i]; i++)
            known = known || strcmp(key, allowed[i]) == 0;
        if (!known) {
            *bad = cgi_error_body("malformed", key, "unknown query parameter '%s'", key);
            return false;
        }
        if (cgi_query_get(q, key)) {
            *bad = cgi_error_body("malformed", key, "query parameter '%s' given twice", key);
            return false;
        }
        if (q->n >= CGI_MAX_QUERY ||
            !pct_decode(q->value[q->n], sizeof(q->value[0]), eq ? eq + 1 : end,
                        eq ? (size_t)(end - eq - 1) : 0)) {
            *bad = cgi_error_body("malformed", key, "malformed value of query parameter '%s'",
                                  key);
            return false;
        }
        snprintf(q->key[q->n], sizeof(q->key[0]), "%s", key);
        q->n++;
        p = amp ? amp + 1 : end;
    }
    return true;
}

const char *cgi_query_get(const struct cgi_query *q, const char *key)
{
    for (size_t i = 0; i < q->n; i++)
        if (strcmp(q->key[i], key) == 0)
            return q->value[i];
    return NULL;
}

/* --- the body --- */

/* CONTENT_LENGTH: one or more digits, nothing else (RFC 3875 4.1.2). Returns 0
 * and sets *n, or the status for a problem with *bad set. */
static int content_length(const char *text, size_t *n, cJSON **bad)
{
    size_t v = 0;

    if (!text || !*text) {
        *bad = cgi_error_body("malformed", "Content-Length",
                              "missing Content-Length: send the scenario as the body");
        return 400;
    }
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9') {
            *bad = cgi_error_body("malformed", "Content-Length", "Content-Length is not a number");
            return 400;
        }
        if (v > CGI_MAX_BODY) {
            continue;   /* too large already; keep checking the form */
        }
        v = v * 10 + (size_t)(*p - '0');
    }
    if (v > CGI_MAX_BODY) {
        *bad = cgi_error_body("too_big", "Content-Length", "body larger than %d bytes",
                              CGI_MAX_BODY);
        return 413;
    }
    *n = v;
    return 0;
}

/* Read exactly `n` bytes; returns 0 or the status with *bad set. */
static int read_body(const struct cgi_request *rq, size_t n, char **out, cJSON **bad)
{
    char *buf = malloc(n + 1);
    size_t got = 0;

    *out = NULL;
    if (!buf) {
        *bad = cgi_error_body("nomem", "", "out of memory");
        return 500;
    }
    while (got < n) {
        size_t r = rq->read ? rq->read(rq->read_ctx, buf + got, n - got) : 0;
        if (r == 0)
            break;
        got += r;
    }
    if (got < n) {
        free(buf);
        *bad = cgi_error_body("malformed", "Content-Length",
                              "body shorter than Content-Length (%zu of %zu bytes)", got, n);
        return 400;
    }
    buf[n] = '\0';
    *out = buf;
    return 0;
}

/* true when s[0..n) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). JSON text must be UTF-8 (RFC 8259 8.1). */
static bool utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        unsigned char c = s[i];
        size_t len;
        unsigned long cp;

        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/* --- endpoints --- */

/* The tables of the request: the set a persistent front holds (*owned NULL),
 * or one loaded for this request (*owned: free it). */
static sw_status get_tables(const struct sw_tables **t, struct sw_tables **owned,
                            const struct cgi_request *rq, struct sw_err *err)
{
    sw_status st;

    sw_err_clear(err);
    *owned = NULL;
    *t = rq->tables;
    if (*t)
        return SW_OK;
    st = sw_tables_load_dir(owned, sw_tables_dir(rq->tables_dir), err);
    *t = *owned;
    return st;
}

/* The priced products (gemeente.NAME.price_per_month|year) of municipality `m`. */
static cJSON *products_json(const struct sw_tables *t, const char *m)
{
    cJSON *arr = cJSON_CreateArray();
    size_t np = sw_tables_param_count(t);

    for (size_t i = 0; arr && i < np; i++) {
        const char *id, *muni, *dot;
        enum sw_unit unit;
        bool scale;
        char name[96];
        size_t len;

        sw_tables_param(t, i, &id, &muni, &unit, &scale);
        if (strcmp(muni, m) != 0 || strncmp(id, "gemeente.", 9) != 0)
            continue;
        dot = strrchr(id, '.');
        if (!dot || dot <= id + 9 ||
            (strcmp(dot, ".price_per_month") != 0 && strcmp(dot, ".price_per_year") != 0))
            continue;
        len = (size_t)(dot - (id + 9));
        if (len >= sizeof(name))
            continue;
        memcpy(name, id + 9, len);
        name[len] = '\0';
        cJSON_AddItemToArray(arr, cJSON_CreateString(name));
    }
    return arr;
}

/* The newest value of plain parameter `id` (the page's intake text, e.g. from
 * which age another adult counts for the kostendelersnorm), with its source;
 * nothing when the tables have none. */
static void add_fact(cJSON *facts, const struct sw_tables *t, const char *name, const char *id)
{
    struct sw_value_info v[16];
    size_t n = sw_tables_timeline(t, id, NULL, v, 16);
    cJSON *f;

    if (n > 16)
        n = 16;
    while (n > 0 && (v[n - 1].end || v[n - 1].is_scale))
        n--;
    if (n == 0 || !(f = cJSON_AddObjectToObject(facts, name)))
        return;
    cJSON_AddStringToObject(f, "id", id);
    cJSON_AddNumberToObject(f, "value", (double)v[n - 1].amount);
    cJSON_AddStringToObject(f, "source", v[n - 1].source);
}

/* The newest price of each gemeente.NAME.price_per_month|year|dagdeel of
 * municipality `m`: the page's defaults for the prices a user may correct. */
static cJSON *prices_json(const struct sw_tables *t, const char *m)
{
    static const char *const pers[][2] = {{".price_per_month", "month"},
                                          {".price_per_year", "year"},
                                          {".price_per_dagdeel", "dagdeel"}};
    cJSON *arr = cJSON_CreateArray();
    size_t np = sw_tables_param_count(t);

    for (size_t i = 0; arr && i < np; i++) {
        const char *id, *muni, *dot;
        enum sw_unit unit;
        bool scale;
        struct sw_value_info v[16];
        size_t n, k, len;
        char name[96], from[16];
        cJSON *p;

        sw_tables_param(t, i, &id, &muni, &unit, &scale);
        if (strcmp(muni, m) != 0 || strncmp(id, "gemeente.", 9) != 0 || scale)
            continue;
        dot = strrchr(id, '.');
        for (k = 0; dot && k < 3 && strcmp(dot, pers[k][0]) != 0; k++)
            ;
        if (!dot || k == 3 || dot <= id + 9 || (len = (size_t)(dot - (id + 9))) >= sizeof(name))
            continue;
        n = sw_tables_timeline(t, id, m, v, 16);
        if (n > 16)
            n = 16;
        while (n > 0 && v[n - 1].end)
            n--;
        if (n == 0 || !(p = cJSON_CreateObject()))
            continue;
        memcpy(name, id + 9, len);
        name[len] = '\0';
        sw_date_format(from, sizeof(from), v[n - 1].from);
        cJSON_AddStringToObject(p, "name", name);
        cJSON_AddStringToObject(p, "per", pers[k][1]);
        sw_json_add_cents(p, "amount", v[n - 1].amount);
        cJSON_AddStringToObject(p, "from", from);
        cJSON_AddStringToObject(p, "source", v[n - 1].source);
        cJSON_AddItemToArray(arr, p);
    }
    return arr;
}

static struct cgi_reply do_tables(const struct cgi_request *rq)
{
    const struct sw_tables *t = NULL;
    struct sw_tables *owned = NULL;
    struct sw_err err;
    cJSON *o, *docs, *munis;
    size_t nd;

    if (get_tables(&t, &owned, rq, &err) != SW_OK)
        return cgi_reply_err(&err);
    o = cJSON_CreateObject();
    if (!o)
        goto out;
    cJSON_AddStringToObject(o, "version", sw_tables_version(t));
    cJSON_AddStringToObject(o, "sha256", sw_tables_sha256(t));
    cJSON_AddNumberToObject(o, "parameters", (double)sw_tables_param_count(t));
    docs = cJSON_AddArrayToObject(o, "documents");
    munis = cJSON_AddArrayToObject(o, "municipalities");
    {
        cJSON *facts = cJSON_AddObjectToObject(o, "facts");
        if (facts)
            add_fact(facts, t, "cost_sharer_min_age", "participatiewet.cost_sharer.min_age");
    }
    nd = sw_tables_doc_count(t);
    for (size_t i = 0; docs && munis && i < nd; i++) {
        const char *name, *id, *title, *version, *muni;
        cJSON *d = cJSON_CreateObject();
        if (!d)
            break;
        sw_tables_doc(t, i, &name, &id, &title, &version, &muni);
        cJSON_AddStringToObject(d, "file", name);
        cJSON_AddStringToObject(d, "id", id);
        cJSON_AddStringToObject(d, "title", title);
        cJSON_AddStringToObject(d, "version", version);
        if (muni[0]) {
            cJSON *m = cJSON_CreateObject();
            cJSON_AddStringToObject(d, "municipality", muni);
            if (m) {
                cJSON_AddStringToObject(m, "id", muni);
                cJSON_AddStringToObject(m, "title", title);
                cJSON_AddBoolToObject(m, "default", strcmp(muni, "default") == 0);
                cJSON_AddItemToObject(m, "products", products_json(t, muni));
                cJSON_AddItemToObject(m, "prices", prices_json(t, muni));
                cJSON_AddItemToArray(munis, m);
            }
        }
        cJSON_AddItemToArray(docs, d);
    }
out:
    sw_tables_free(owned);
    return reply(200, o);
}

/* Add each parameter's description from the tables (plain Dutch) to a trace
 * object, for people who do not read parameter ids. */
static void add_descriptions(cJSON *trace, const struct sw_tables *t, const char *muni)
{
    cJSON *params = cJSON_GetObjectItemCaseSensitive(trace, "parameters"), *p;

    cJSON_ArrayForEach(p, params) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(p, "id");
        struct sw_value_info info;
        size_t n = 0;

        if (!cJSON_IsString(id))
            continue;
        if (strncmp(id->valuestring, "gemeente.", 9) == 0) {
            n = sw_tables_timeline(t, id->valuestring, muni[0] ? muni : "default", &info, 1);
            if (n == 0)
                n = sw_tables_timeline(t, id->valuestring, "default", &info, 1);
        } else {
            n = sw_tables_timeline(t, id->valuestring, "", &info, 1);
        }
        if (n > 0 && info.description)
            cJSON_AddStringToObject(p, "description", info.description);
    }
}

/* The traces of every item of every month of a run (or only of month `only`,
 * when >= 0), as "traces": {item: trace} on each month object, parameters with
 * their descriptions. Items without a rule are left out. */
static void add_traces(cJSON *run_obj, const struct sw_run *run, sw_month only,
                       const struct sw_tables *t, const char *muni)
{
    cJSON *months = cJSON_GetObjectItemCaseSensitive(run_obj, "months");

    for (int i = 0; months && i < run->n; i++) {
        cJSON *m = cJSON_GetArrayItem(months, i), *tr;
        if (!m || !run->rows[i].trace || (only >= 0 && run->rows[i].month != only))
            continue;
        tr = cJSON_AddObjectToObject(m, "traces");
        for (int k = 0; tr && k < SW_ITEM__COUNT; k++) {
            const struct sw_trace *x = &run->rows[i].trace[k];
            if ((!x->rule || !x->rule[0]) && !x->formula[0])
                continue;
            cJSON *xo = sw_trace_json(x);
            if (xo)
                add_descriptions(xo, t, muni);
            cJSON_AddItemToObject(tr, sw_item_name((enum sw_item)k), xo);
        }
    }
}

static struct cgi_reply do_simulate(const struct sw_tables *t, const struct sw_scenario *s,
                                    const struct cgi_query *q)
{
    struct sw_timeline *tl = NULL;
    struct sw_err err;
    const char *trace = cgi_query_get(q, "trace"), *month = cgi_query_get(q, "month");
    sw_month only = -1;
    char headline[256], more[800];
    cJSON *o;

    if (trace && strcmp(trace, "0") != 0 && strcmp(trace, "1") != 0)
        return reply(422, cgi_error_body("invalid", "trace", "trace must be 0 or 1"));
    if (month && sw_month_parse(&only, month, "month", &err) != SW_OK)
        return reply(422, cgi_error_body("invalid", "month", "month is YYYY-MM"));
    if (month && (only < s->start_month || only >= s->start_month + s->months))
        return reply(422, cgi_error_body("invalid", "month", "month '%s' is not in the scenario",
                                         month));
    sw_err_clear(&err);
    /* A traced answer serves an explanation: no ordinary month (steady: null). */
    if (sw_simulate_keep(&tl, t, s,
                         trace && trace[0] == '1' ? SW_SIM_TRACE | SW_SIM_NO_STEADY : 0, q->keep,
                         &err) != SW_OK)
        return cgi_reply_err(&err);
    render_headline(headline, sizeof(headline), tl);
    render_headline_more(more, sizeof(more), tl);
    if (!trace || trace[0] != '1') {
        /* The same text as the tree below gives, written directly (timeline_text.c). */
        struct sw_jbuf b = {0};
        struct cgi_reply r = {.status = 200};
        sw_timeline_text_open(&b, tl);
        sw_jb_member_string(&b, "headline", headline);
        sw_jb_member_string(&b, "headline_more", more);
        sw_jb_putc(&b, '}');
        r.text = sw_jb_finish(&b, &r.len);
        sw_timeline_free(tl);
        return r;
    }
    o = sw_timeline_json(tl);
    if (o) {
        cJSON_AddStringToObject(o, "headline", headline);
        cJSON_AddStringToObject(o, "headline_more", more);
        {
            add_traces(cJSON_GetObjectItemCaseSensitive(o, "scenario"), &tl->scenario, only, t,
                       s->municipality);
            add_traces(cJSON_GetObjectItemCaseSensitive(o, "baseline"), &tl->baseline, only, t,
                       s->municipality);
        }
    }
    sw_timeline_free(tl);
    return reply(200, o);
}

/* --- routing --- */

typedef struct cgi_reply (*scenario_fn)(const struct sw_tables *, const struct sw_scenario *,
                                        const struct cgi_query *);
typedef struct cgi_reply (*body_fn)(const struct sw_tables *, const char *, size_t,
                                    const struct cgi_query *);

/* The routes; web/openapi.json describes each (tests/cgi/openapi.sh checks it). */
struct route {
    const char *path;
    const char *method;          /* the one method it answers */
    const char *allow;           /* Allow header on a 405 */
    scenario_fn fn;              /* POST endpoints taking a scenario */
    body_fn bfn;                 /* POST endpoints reading the body themselves;
                                  * neither: GET /tables */
    const char *query[8];        /* the query keys it accepts */
};

static const struct route routes[] = {
    {"/simulate", "POST", "POST", do_simulate, NULL, {"trace", "month", NULL}},
    {"/employer", "POST", "POST", cgi_employer, NULL,
     {"loonwaarde", "lkv", "government", "awf_high", "aof_high", NULL}},
    {"/municipality", "POST", "POST", cgi_municipality, NULL,
     {"before", "after", "dagdelen_after", "lks", "prices", NULL}},
    {"/sweep", "POST", "POST", NULL, cgi_sweep, {"hours", "loonwaarde", NULL}},
    {"/wayback", "POST", "POST", cgi_wayback, NULL, {"after", NULL}},
    {"/loonwaarde", "POST", "POST", NULL, cgi_loonwaarde, {NULL}},
    {"/tables", "GET", "GET, HEAD", NULL, NULL, {NULL}},
};

bool cgi_parse_scenario(struct sw_scenario *s, const struct sw_tables *t, const char *body,
                        size_t n, struct cgi_reply *bad)
{
    struct sw_problems *pr = malloc(sizeof(*pr));
    struct sw_err err;

    if (!pr) {
        *bad = reply(500, NULL);
        return false;
    }
    if (sw_scenario_parse(s, t, body, n, pr, &err) != SW_OK) {
        *bad = err.code == SW_ERR_INVALID || err.code == SW_ERR_TOO_BIG
                   ? reply(err.code == SW_ERR_TOO_BIG ? 413 : 422, sw_error_json(&err, pr))
                   : cgi_reply_err(&err);
        free(pr);
        return false;
    }
    free(pr);
    return true;
}

/* A POST endpoint: read and check the body, load the tables, then parse the
 * scenario and call the endpoint, or hand it the body. */
static struct cgi_reply do_post(const struct cgi_request *rq, const struct route *rt,
                                const struct cgi_query *q)
{
    struct cgi_reply r = {.status = 500};
    const struct sw_tables *t = NULL;
    struct sw_tables *owned = NULL;
    struct sw_scenario *s = NULL;
    struct sw_err err;
    cJSON *bad = NULL, *doc = NULL;
    char *body = NULL;
    const char *end = NULL;
    size_t n = 0;
    int status;

    status = content_length(rq->content_length, &n, &bad);
    if (!status)
        status = read_body(rq, n, &body, &bad);
    if (status) {
        r = reply(status, bad);
        goto out;
    }
    /* A scenario endpoint of a front that holds its tables: the scenario reader
     * parses the body once and checks it as below (well-formed UTF-8, one JSON
     * object and nothing after it but white space), so a scenario it takes
     * passes every check here and is answered at once; a body it refuses goes
     * through the checks below for the answer (malformed JSON a 400) and is
     * read again for its problems. */
    if (rt->fn && rq->tables) {
        if (!(s = malloc(sizeof(*s))))
            goto out;
        if (sw_scenario_parse(s, rq->tables, body, n, NULL, &err) == SW_OK) {
            r = rt->fn(rq->tables, s, q);
            goto out;
        }
    }
    if (!utf8_valid((const unsigned char *)body, n)) {
        r = reply(400, cgi_error_body("malformed", "", "the body is not valid UTF-8"));
        goto out;
    }
    /* Malformed JSON is a 400; a well-formed scenario with wrong values a 422.
     * One JSON value and nothing after it but white space (RFC 8259). */
    doc = cJSON_ParseWithLengthOpts(body, n, &end, false);
    while (doc && end < body + n && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
        end++;
    if (!doc || end != body + n) {
        r = reply(400, cgi_error_body("malformed", "", "the body is not valid JSON"));
        goto out;
    }
    if (!cJSON_IsObject(doc)) {
        r = reply(400, cgi_error_body("malformed", "", "the body must be a JSON object"));
        goto out;
    }
    if (get_tables(&t, &owned, rq, &err) != SW_OK) {
        r = cgi_reply_err(&err);
        goto out;
    }
    if (rt->bfn) {
        r = rt->bfn(t, body, n, q);
        goto out;
    }
    if (!s && !(s = malloc(sizeof(*s))))
        goto out;
    if (cgi_parse_scenario(s, t, body, n, &r))
        r = rt->fn(t, s, q);
out:
    cJSON_Delete(doc);
    free(body);
    free(s);
    sw_tables_free(owned);
    return r;
}

void cgi_answer(const struct cgi_request *rq, struct cgi_response *resp)
{
    const char *path = rq->path ? rq->path : "";
    const char *method = rq->method ? rq->method : "";
    const struct route *rt = NULL;
    struct cgi_query q;
    cJSON *bad = NULL;
    bool head = false;
    int refused = cgi_refused_status(rq);

    memset(resp, 0, sizeof(*resp));
    if (refused) {
        cgi_refusal(resp, refused);
        return;
    }
    for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
        if (strcmp(path, routes[i].path) == 0)
            rt = &routes[i];
    if (!rt) {
        cgi_respond(resp, reply(404, cgi_error_body("not_found", "", "no such API endpoint")),
                    NULL, strcmp(method, "HEAD") == 0);
        return;
    }
    head = strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0;
    if (strcmp(method, rt->method) != 0 && !head) {
        cgi_respond(resp,
                    reply(405, cgi_error_body("method_not_allowed", "", "use %s", rt->allow)),
                    rt->allow, strcmp(method, "HEAD") == 0);
        return;
    }
    if (!parse_query(&q, rq->query, rt->query, &bad)) {
        cgi_respond(resp, reply(400, bad), NULL, head);
        return;
    }
    /* The keeper's cache holds on to the set it was made for: only that set. */
    q.keep = rq->tables ? rq->keep : NULL;
    cgi_respond(resp, rt->fn || rt->bfn ? do_post(rq, rt, &q) : do_tables(rq), NULL, head);
}
