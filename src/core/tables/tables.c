/* tables.c - load, validate, index and look up the dated parameter tables.
 *
 * Documents arrive as bytes (no file I/O here), are parsed by libxml2 without
 * network, DTD or entity expansion, validated against the XSD, and then checked
 * for meaning. Parameters are kept sorted by (municipality, id) for lookup.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "switchsim/sha256.h"
#include "switchsim/money.h"
#include "switchsim/tables.h"

#define NS "urn:switchsim:tables:1"

struct tvalue {
    sw_date from;
    bool end;
    bool unpublished;   /* an end that only says the next value is not known yet */
    bool provisional;
    int64_t amount;
    struct sw_bracket *brackets;
    size_t nbrackets;
    char *source, *url, *note;
    size_t doc;
    int line;
};

struct tparam {
    char *id;
    char *description;
    char *municipality;  /* "" for national */
    enum sw_unit unit;
    bool is_scale;
    enum sw_scale_kind kind;
    struct tvalue *values;
    size_t nvalues;
    size_t doc;
};

struct tdoc {
    char *name, *id, *title, *version, *municipality;
    char sha[65];
};

struct sw_tables {
    xmlSchemaPtr schema;
    struct tdoc docs[SW_TABLES_MAX_DOCS];
    size_t ndocs;
    struct tparam *params;
    size_t nparams, cap;
    bool finished;
    char sha[65];
    const char *version;
};

static const char *const unit_names[SW_UNIT__COUNT] = {
    "eurocent", "percent", "hours", "days", "weeks", "months",
    "years", "count", "day_of_month", "month_of_year", "bool"};

const char *sw_unit_name(enum sw_unit unit)
{
    return (unsigned)unit < SW_UNIT__COUNT ? unit_names[unit] : NULL;
}

static bool unit_parse(const char *s, enum sw_unit *out)
{
    for (int i = 0; i < SW_UNIT__COUNT; i++) {
        if (strcmp(s, unit_names[i]) == 0) {
            *out = (enum sw_unit)i;
            return true;
        }
    }
    return false;
}

/* --- libxml2 error capture --- */

struct xml_errors {
    int line;
    char msg[300];
    bool seen;
};

static void xml_error_handler(void *data, xmlErrorPtr e)
{
    struct xml_errors *x = data;
    size_t n;

    if (x->seen || !e || e->level < XML_ERR_ERROR)
        return;
    x->seen = true;
    x->line = e->line;
    snprintf(x->msg, sizeof(x->msg), "%s", e->message ? e->message : "unknown error");
    n = strlen(x->msg);
    while (n > 0 && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
        x->msg[--n] = '\0';
}

static void xml_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* --- lifetime --- */

sw_status sw_tables_new(struct sw_tables **out, const char *xsd, size_t xsd_len,
                        struct sw_err *err)
{
    struct sw_tables *t = NULL;
    xmlSchemaParserCtxtPtr pc = NULL;
    struct xml_errors xe = {0};
    sw_status st = SW_OK;

    *out = NULL;
    if (xsd_len > (size_t)SW_TABLE_MAX_BYTES || xsd_len == 0)
        return sw_err_set(err, SW_ERR_TABLE, "schema", "schema missing or too large");
    t = calloc(1, sizeof(*t));
    if (!t)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, xml_silent);
    xmlSetStructuredErrorFunc(&xe, xml_error_handler);
    pc = xmlSchemaNewMemParserCtxt(xsd, (int)xsd_len);
    if (pc)
        t->schema = xmlSchemaParse(pc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!t->schema) {
        st = sw_err_set(err, SW_ERR_TABLE, "schema", "schema does not load: %s",
                        xe.seen ? xe.msg : "parse error");
        goto out;
    }
    *out = t;
    t = NULL;
out:
    if (pc)
        xmlSchemaFreeParserCtxt(pc);
    sw_tables_free(t);
    return st;
}

static void value_release(struct tvalue *v)
{
    free(v->brackets);
    free(v->source);
    free(v->url);
    free(v->note);
}

static void param_release(struct tparam *p)
{
    for (size_t i = 0; i < p->nvalues; i++)
        value_release(&p->values[i]);
    free(p->values);
    free(p->id);
    free(p->description);
    free(p->municipality);
}

void sw_tables_free(struct sw_tables *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nparams; i++)
        param_release(&t->params[i]);
    free(t->params);
    for (size_t i = 0; i < t->ndocs; i++) {
        free(t->docs[i].name);
        free(t->docs[i].id);
        free(t->docs[i].title);
        free(t->docs[i].version);
        free(t->docs[i].municipality);
    }
    if (t->schema)
        xmlSchemaFree(t->schema);
    free(t);
}

/* --- reading one document --- */

struct reader {
    const char *name;
    size_t doc;
    struct sw_err *err;
};

static sw_status fail_at(struct reader *r, int line, sw_status code, const char *fmt,
                         const char *a, const char *b)
{
    char field[160];

    snprintf(field, sizeof(field), "%s:%d", r->name, line);
    sw_err_set(r->err, code, field, "%s:%d: ", r->name, line);
    size_t n = strlen(r->err->msg);
    snprintf(r->err->msg + n, sizeof(r->err->msg) - n, fmt, a ? a : "", b ? b : "");
    return code;
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s;

    if (!v)
        return NULL;
    s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

static char *attr_or_empty(xmlNodePtr n, const char *name)
{
    char *s = attr(n, name);

    return s ? s : strdup("");
}

static bool attr_true(xmlNodePtr n, const char *name)
{
    char *s = attr(n, name);
    bool yes = s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);

    free(s);
    return yes;
}

static bool is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

/* Parse a number in `unit` from the text of an attribute; range-check it.
 * `signed_rate` allows negative percentages (piecewise scales). */
static sw_status parse_amount(struct reader *r, int line, const char *what,
                              const char *text, enum sw_unit unit, bool signed_rate,
                              int64_t *out)
{
    struct sw_err e;
    int64_t v, lo = 0, hi;
    int decimals = 0;

    switch (unit) {
    case SW_UNIT_EUROCENT: hi = SW_MONEY_MAX; break;
    case SW_UNIT_PERCENT:
        decimals = 4;
        hi = SW_PPM_ONE;
        if (signed_rate)
            lo = -SW_PPM_ONE;
        break;
    case SW_UNIT_HOURS: decimals = 2; hi = 1000000; break;
    case SW_UNIT_DAY_OF_MONTH: lo = 1; hi = 31; break;
    case SW_UNIT_MONTH_OF_YEAR: lo = 1; hi = 12; break;
    case SW_UNIT_BOOL:
        if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
            *out = text[0] == 't';
            return SW_OK;
        }
        hi = 1;
        break;
    default: hi = 1000000; break;
    }
    if (unit != SW_UNIT_BOOL && (strcmp(text, "true") == 0 || strcmp(text, "false") == 0))
        return fail_at(r, line, SW_ERR_TABLE, "%s '%s' is not a number", what, text);
    if (sw_decimal_parse(&v, text, decimals, SW_MONEY_MAX * 10, what, &e) != SW_OK)
        return fail_at(r, line, SW_ERR_TABLE, "%s '%s' has too many decimals for its unit",
                       what, text);
    if (v < lo || v > hi) {
        char unitmsg[80];
        snprintf(unitmsg, sizeof(unitmsg), "%s' out of range for unit '%s", text,
                 unit_names[unit]);
        return fail_at(r, line, SW_ERR_TABLE, "%s '%s'", what, unitmsg);
    }
    *out = v;
    return SW_OK;
}

static sw_status read_brackets(struct reader *r, xmlNodePtr vn, enum sw_scale_kind kind,
                               struct tvalue *v)
{
    size_t n = 0;
    xmlNodePtr b;
    sw_status st = SW_OK;

    for (b = vn->children; b; b = b->next)
        if (is_el(b, "bracket"))
            n++;
    if (n == 0)
        return v->end ? SW_OK
                      : fail_at(r, xmlGetLineNo(vn), SW_ERR_TABLE,
                                "scale value without brackets%s%s", NULL, NULL);
    if (v->end)
        return fail_at(r, xmlGetLineNo(vn), SW_ERR_TABLE,
                       "an end value has no brackets%s%s", NULL, NULL);
    v->brackets = calloc(n, sizeof(*v->brackets));
    if (!v->brackets)
        return sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
    for (b = vn->children; b && st == SW_OK; b = b->next) {
        if (!is_el(b, "bracket"))
            continue;
        struct sw_bracket *br = &v->brackets[v->nbrackets];
        int line = xmlGetLineNo(b);
        char *th = attr(b, "threshold"), *rate = attr(b, "rate"), *base = attr(b, "base");

        st = parse_amount(r, line, "threshold", th, SW_UNIT_EUROCENT, false, &br->threshold);
        if (st == SW_OK)
            st = parse_amount(r, line, "rate", rate, SW_UNIT_PERCENT,
                              kind == SW_SCALE_PIECEWISE, &br->rate);
        if (st == SW_OK && kind == SW_SCALE_PIECEWISE) {
            if (!base)
                st = fail_at(r, line, SW_ERR_TABLE, "piecewise bracket without base%s%s",
                             NULL, NULL);
            else
                st = parse_amount(r, line, "base", base, SW_UNIT_EUROCENT, false, &br->base);
        } else if (st == SW_OK && base) {
            st = fail_at(r, line, SW_ERR_TABLE, "a marginal bracket has no base%s%s", NULL,
                         NULL);
        }
        if (st == SW_OK && v->nbrackets == 0 && br->threshold != 0)
            st = fail_at(r, line, SW_ERR_TABLE, "the first bracket must start at 0%s%s", NULL,
                         NULL);
        if (st == SW_OK && v->nbrackets > 0 &&
            br->threshold <= v->brackets[v->nbrackets - 1].threshold)
            st = fail_at(r, line, SW_ERR_TABLE, "bracket thresholds not increasing%s%s",
                         NULL, NULL);
        free(th);
        free(rate);
        free(base);
        v->nbrackets++;
    }
    return st;
}

static sw_status read_value(struct reader *r, xmlNodePtr vn, struct tparam *p,
                            struct tvalue *v)
{
    int line = xmlGetLineNo(vn);
    char *from = attr(vn, "from"), *amount = NULL;
    struct sw_err e;
    sw_status st = SW_OK;

    v->doc = r->doc;
    v->line = line;
    v->end = attr_true(vn, "end");
    v->unpublished = attr_true(vn, "unpublished");
    v->provisional = attr_true(vn, "provisional");
    v->source = attr_or_empty(vn, "source");
    v->url = attr_or_empty(vn, "url");
    v->note = attr_or_empty(vn, "note");
    if (!v->source || !v->url || !v->note) {
        st = sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    if (!from || sw_date_parse(&v->from, from, "from", &e) != SW_OK) {
        st = fail_at(r, line, SW_ERR_TABLE, "impossible date '%s' in '%s'", from, p->id);
        goto out;
    }
    /* The XSD asks for a source of at least three characters; blank text is no
     * source either. */
    if (strspn(v->source, " \t\r\n") == strlen(v->source)) {
        st = fail_at(r, line, SW_ERR_TABLE, "value of '%s' from %s has no source", p->id, from);
        goto out;
    }
    if (v->unpublished && !v->end) {
        st = fail_at(r, line, SW_ERR_TABLE, "unpublished applies to an end value only (%s)%s",
                     p->id, NULL);
        goto out;
    }
    if (p->is_scale) {
        st = read_brackets(r, vn, p->kind, v);
        goto out;
    }
    amount = attr(vn, "amount");
    if (v->end) {
        if (amount)
            st = fail_at(r, line, SW_ERR_TABLE, "end value of '%s' has an amount%s", p->id,
                         NULL);
        goto out;
    }
    if (!amount) {
        st = fail_at(r, line, SW_ERR_TABLE, "value of '%s' from %s has no amount", p->id, from);
        goto out;
    }
    st = parse_amount(r, line, "amount", amount, p->unit, false, &v->amount);
out:
    free(from);
    free(amount);
    return st;
}

static sw_status read_param(struct reader *r, xmlNodePtr pn, const char *municipality,
                            struct tparam *p)
{
    char *unit = NULL, *kind = NULL;
    size_t n = 0;
    sw_status st = SW_OK;
    int line = xmlGetLineNo(pn);

    p->doc = r->doc;
    p->id = attr(pn, "id");
    p->municipality = strdup(municipality);
    p->is_scale = is_el(pn, "scale");
    if (!p->id || !p->municipality)
        return sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
    if (municipality[0] && strncmp(p->id, "gemeente.", 9) != 0)
        return fail_at(r, line, SW_ERR_TABLE,
                       "municipal parameter '%s' must start with 'gemeente.'%s", p->id, NULL);
    if (!municipality[0] && strncmp(p->id, "gemeente.", 9) == 0)
        return fail_at(r, line, SW_ERR_TABLE,
                       "'%s' belongs in a municipal table%s", p->id, NULL);
    if (p->is_scale) {
        kind = attr(pn, "kind");
        p->unit = SW_UNIT_EUROCENT;
        p->kind = kind && strcmp(kind, "piecewise") == 0 ? SW_SCALE_PIECEWISE
                                                         : SW_SCALE_MARGINAL;
        free(kind);
    } else {
        unit = attr(pn, "unit");
        if (!unit || !unit_parse(unit, &p->unit)) {
            st = fail_at(r, line, SW_ERR_TABLE, "unknown unit '%s' of '%s'", unit, p->id);
            free(unit);
            return st;
        }
        free(unit);
    }
    for (xmlNodePtr c = pn->children; c; c = c->next) {
        if (is_el(c, "description") && !p->description) {
            xmlChar *txt = xmlNodeGetContent(c);
            p->description = strdup(txt ? (const char *)txt : "");
            xmlFree(txt);
            if (!p->description)
                return sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
        }
        if (is_el(c, "value"))
            n++;
    }
    p->values = calloc(n ? n : 1, sizeof(*p->values));
    if (!p->values)
        return sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
    for (xmlNodePtr c = pn->children; c && st == SW_OK; c = c->next) {
        if (!is_el(c, "value"))
            continue;
        struct tvalue *v = &p->values[p->nvalues++];
        st = read_value(r, c, p, v);
        if (st == SW_OK && p->nvalues > 1) {
            struct tvalue *prev = &p->values[p->nvalues - 2];
            if (v->from == prev->from)
                st = fail_at(r, v->line, SW_ERR_TABLE, "duplicate date for '%s'%s", p->id,
                             NULL);
            else if (v->from < prev->from)
                st = fail_at(r, v->line, SW_ERR_TABLE, "dates of '%s' not in order%s", p->id,
                             NULL);
            else if (v->end && prev->end)
                st = fail_at(r, v->line, SW_ERR_TABLE, "'%s' ends twice%s", p->id, NULL);
        }
    }
    if (st == SW_OK && p->nvalues > 0 && p->values[0].end)
        st = fail_at(r, line, SW_ERR_TABLE, "timeline of '%s' starts with an end%s", p->id,
                     NULL);
    return st;
}

static sw_status push_param(struct sw_tables *t, struct tparam *p, struct sw_err *err)
{
    if (t->nparams == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct tparam *np = realloc(t->params, cap * sizeof(*np));
        if (!np)
            return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        t->params = np;
        t->cap = cap;
    }
    t->params[t->nparams++] = *p;
    return SW_OK;
}

sw_status sw_tables_add(struct sw_tables *t, const char *name, const char *xml,
                        size_t len, struct sw_err *err)
{
    xmlDocPtr doc = NULL;
    xmlSchemaValidCtxtPtr vc = NULL;
    struct xml_errors xe = {0};
    struct reader r = {name, t->ndocs, err};
    struct tdoc *d = &t->docs[t->ndocs];
    size_t first_param = t->nparams;
    xmlNodePtr root;
    char *kind = NULL, *schema = NULL;
    sw_status st = SW_OK;

    if (t->finished)
        return sw_err_set(err, SW_ERR_INTERNAL, name, "table set already finished");
    if (t->ndocs >= SW_TABLES_MAX_DOCS)
        return sw_err_set(err, SW_ERR_TABLE, name, "%s: too many table documents", name);
    if (len > SW_TABLE_MAX_BYTES)
        return sw_err_set(err, SW_ERR_TABLE, name, "%s: larger than %d bytes", name,
                          SW_TABLE_MAX_BYTES);
    if (len == 0)
        return sw_err_set(err, SW_ERR_TABLE, name, "%s: empty file", name);

    xmlSetGenericErrorFunc(NULL, xml_silent);
    xmlSetStructuredErrorFunc(&xe, xml_error_handler);
    /* XML_PARSE_NONET: never fetch anything. No XML_PARSE_NOENT (entities are not
     * substituted), no DTDLOAD/DTDATTR/DTDVALID: a DTD is refused below. */
    doc = xmlReadMemory(xml, (int)len, name, NULL, XML_PARSE_NONET);
    if (!doc) {
        st = sw_err_set(err, SW_ERR_TABLE, name, "%s:%d: malformed XML: %s", name, xe.line,
                        xe.seen ? xe.msg : "parse error");
        goto out;
    }
    if (doc->intSubset || doc->extSubset) {
        st = sw_err_set(err, SW_ERR_TABLE, name, "%s: a DTD is not allowed in a table", name);
        goto out;
    }
    vc = xmlSchemaNewValidCtxt(t->schema);
    if (!vc) {
        st = sw_err_set(err, SW_ERR_NOMEM, name, "out of memory");
        goto out;
    }
    xmlSchemaSetValidStructuredErrors(vc, xml_error_handler, &xe);
    if (xmlSchemaValidateDoc(vc, doc) != 0) {
        char field[160];
        snprintf(field, sizeof(field), "%s:%d", name, xe.line);
        st = sw_err_set(err, SW_ERR_TABLE, field, "%s:%d: does not match the schema: %s",
                        name, xe.line, xe.seen ? xe.msg : "invalid");
        goto out;
    }

    root = xmlDocGetRootElement(doc);
    memset(d, 0, sizeof(*d));
    d->name = strdup(name);
    d->id = attr(root, "id");
    d->title = attr(root, "title");
    d->version = attr(root, "version");
    kind = attr(root, "kind");
    schema = attr(root, "schema");
    d->municipality = attr_or_empty(root, "municipality");
    if (!d->name || !d->id || !d->title || !d->version || !kind || !d->municipality) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    if (strcmp(kind, "municipality") == 0 && !d->municipality[0]) {
        st = fail_at(&r, xmlGetLineNo(root), SW_ERR_TABLE,
                     "municipal table '%s' does not name its municipality%s", d->id, NULL);
        goto out;
    }
    if (strcmp(kind, "national") == 0 && d->municipality[0]) {
        st = fail_at(&r, xmlGetLineNo(root), SW_ERR_TABLE,
                     "national table '%s' names a municipality%s", d->id, NULL);
        goto out;
    }
    for (xmlNodePtr c = root->children; c && st == SW_OK; c = c->next) {
        struct tparam p;
        if (!is_el(c, "param") && !is_el(c, "scale"))
            continue;
        memset(&p, 0, sizeof(p));
        st = read_param(&r, c, d->municipality, &p);
        if (st == SW_OK)
            st = push_param(t, &p, err);
        if (st != SW_OK)
            param_release(&p);
    }
    if (st == SW_OK) {
        struct sw_sha256 h;
        sw_sha256_init(&h);
        sw_sha256_update(&h, xml, len);
        sw_sha256_hex(&h, d->sha);
        t->ndocs++;
    }
out:
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (st != SW_OK) {
        /* Leave the set as it was: drop what this document added. */
        while (t->nparams > first_param)
            param_release(&t->params[--t->nparams]);
        if (t->ndocs < SW_TABLES_MAX_DOCS && d == &t->docs[t->ndocs]) {
            free(d->name);
            free(d->id);
            free(d->title);
            free(d->version);
            free(d->municipality);
            memset(d, 0, sizeof(*d));
        }
    }
    free(kind);
    free(schema);
    if (vc)
        xmlSchemaFreeValidCtxt(vc);
    if (doc)
        xmlFreeDoc(doc);
    return st;
}

/* --- finishing: merge timelines split over documents, then index --- */

static int param_cmp(const void *a, const void *b)
{
    const struct tparam *x = a, *y = b;
    int c = strcmp(x->municipality, y->municipality);

    if (c)
        return c;
    c = strcmp(x->id, y->id);
    if (c)
        return c;
    return (x->values[0].from > y->values[0].from) - (x->values[0].from < y->values[0].from);
}

static int doc_cmp(const void *a, const void *b)
{
    return strcmp(((const struct tdoc *)a)->name, ((const struct tdoc *)b)->name);
}

/* Put the documents in name order (the order the sha256 is taken in) and remap
 * the document indices that parameters and values keep. */
static void sort_docs(struct sw_tables *t)
{
    size_t inv[SW_TABLES_MAX_DOCS];
    struct tdoc sorted[SW_TABLES_MAX_DOCS];

    memcpy(sorted, t->docs, t->ndocs * sizeof(*sorted));
    qsort(sorted, t->ndocs, sizeof(*sorted), doc_cmp);
    for (size_t i = 0; i < t->ndocs; i++)
        for (size_t j = 0; j < t->ndocs; j++)
            if (sorted[i].name == t->docs[j].name)
                inv[j] = i;
    memcpy(t->docs, sorted, t->ndocs * sizeof(*sorted));
    for (size_t i = 0; i < t->nparams; i++) {
        t->params[i].doc = inv[t->params[i].doc];
        for (size_t k = 0; k < t->params[i].nvalues; k++)
            t->params[i].values[k].doc = inv[t->params[i].values[k].doc];
    }
}

/* Append b's timeline to a's; b must start after a's last date. */
static sw_status merge_into(struct sw_tables *t, struct tparam *a, struct tparam *b,
                            struct sw_err *err)
{
    struct tvalue *nv;
    const char *an = t->docs[a->doc].name, *bn = t->docs[b->doc].name;
    char field[160];

    snprintf(field, sizeof(field), "%s:%d", bn, b->values[0].line);
    if (a->unit != b->unit || a->is_scale != b->is_scale || a->kind != b->kind)
        return sw_err_set(err, SW_ERR_TABLE, field,
                          "%s: '%s' has another unit or kind than in %s", field, a->id, an);
    if (b->values[0].from <= a->values[a->nvalues - 1].from)
        return sw_err_set(err, SW_ERR_TABLE, field,
                          "%s: timeline of '%s' overlaps the one in %s", field, a->id, an);
    nv = realloc(a->values, (a->nvalues + b->nvalues) * sizeof(*nv));
    if (!nv)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    memcpy(nv + a->nvalues, b->values, b->nvalues * sizeof(*nv));
    a->values = nv;
    a->nvalues += b->nvalues;
    free(b->values);
    b->values = NULL;
    b->nvalues = 0;
    return SW_OK;
}

sw_status sw_tables_finish(struct sw_tables *t, struct sw_err *err)
{
    size_t w = 0, i;
    struct sw_sha256 h;
    sw_status st = SW_OK;

    if (t->finished)
        return SW_OK;
    if (t->ndocs == 0)
        return sw_err_set(err, SW_ERR_TABLE, "tables", "no table documents");
    for (i = 0; i < t->nparams; i++) {
        if (t->params[i].nvalues == 0)
            return sw_err_set(err, SW_ERR_TABLE, t->docs[t->params[i].doc].name,
                              "%s: '%s' has no values", t->docs[t->params[i].doc].name,
                              t->params[i].id);
    }
    if (t->nparams > 1)
        qsort(t->params, t->nparams, sizeof(*t->params), param_cmp);
    for (i = 0; i < t->nparams; i++) {
        if (w > 0 && strcmp(t->params[w - 1].id, t->params[i].id) == 0 &&
            strcmp(t->params[w - 1].municipality, t->params[i].municipality) == 0) {
            st = merge_into(t, &t->params[w - 1], &t->params[i], err);
            param_release(&t->params[i]);
            if (st != SW_OK)
                break;
            continue;
        }
        t->params[w++] = t->params[i];
    }
    if (st != SW_OK) {
        /* Entries w..i are moved or released; those after i still own their
         * contents. Keep the set consistent for sw_tables_free(). */
        for (size_t k = i + 1; k < t->nparams; k++)
            t->params[w++] = t->params[k];
        t->nparams = w;
        return st;
    }
    t->nparams = w;

    sort_docs(t);

    sw_sha256_init(&h);
    t->version = t->docs[0].version;
    for (i = 0; i < t->ndocs; i++) {
        sw_sha256_update(&h, t->docs[i].name, strlen(t->docs[i].name) + 1);
        sw_sha256_update(&h, t->docs[i].sha, 64);
        if (strcmp(t->docs[i].version, t->version) > 0)
            t->version = t->docs[i].version;
    }
    sw_sha256_hex(&h, t->sha);
    t->finished = true;
    return SW_OK;
}

const char *sw_tables_sha256(const struct sw_tables *t)
{
    return t->sha;
}

const char *sw_tables_version(const struct sw_tables *t)
{
    return t->version ? t->version : "";
}

size_t sw_tables_doc_count(const struct sw_tables *t)
{
    return t->ndocs;
}

void sw_tables_doc(const struct sw_tables *t, size_t i, const char **name, const char **id,
                   const char **title, const char **version, const char **municipality)
{
    const struct tdoc *d = &t->docs[i];

    *name = d->name;
    *id = d->id;
    *title = d->title;
    *version = d->version;
    *municipality = d->municipality;
}

size_t sw_tables_param_count(const struct sw_tables *t)
{
    return t->nparams;
}

void sw_tables_param(const struct sw_tables *t, size_t i, const char **id,
                     const char **municipality, enum sw_unit *unit, bool *is_scale)
{
    *id = t->params[i].id;
    *municipality = t->params[i].municipality;
    *unit = t->params[i].unit;
    *is_scale = t->params[i].is_scale;
}

bool sw_tables_has_municipality(const struct sw_tables *t, const char *municipality)
{
    for (size_t i = 0; i < t->ndocs; i++)
        if (strcmp(t->docs[i].municipality, municipality) == 0)
            return true;
    return false;
}

/* --- lookup --- */

static const struct tparam *find(const struct sw_tables *t, const char *municipality,
                                 const char *id)
{
    size_t lo = 0, hi = t->nparams;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct tparam *p = &t->params[mid];
        int c = strcmp(p->municipality, municipality);
        if (c == 0)
            c = strcmp(p->id, id);
        if (c == 0)
            return p;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A municipal id is looked up in the scenario's municipality, then in the
 * national defaults kept as municipality "default". */
static const struct tparam *resolve(const struct sw_ctx *c, const char *id)
{
    const struct tparam *p = NULL;

    if (strncmp(id, "gemeente.", 9) != 0)
        return find(c->tables, "", id);
    if (c->municipality && c->municipality[0])
        p = find(c->tables, c->municipality, id);
    return p ? p : find(c->tables, "default", id);
}

static void fill_info(const struct sw_tables *t, const struct tparam *p,
                      const struct tvalue *v, struct sw_value_info *info)
{
    info->id = p->id;
    info->description = p->description ? p->description : "";
    info->unit = p->unit;
    info->from = v->from;
    info->source = v->source;
    info->url = v->url;
    info->note = v->note;
    info->file = t->docs[v->doc].name;
    info->provisional = v->provisional;
    info->overridden = false;
    info->end = v->end;
    info->unpublished = v->unpublished;
    info->projected = false;
    info->projected_from = SW_NO_DATE;
    info->amount = v->amount;
    info->is_scale = p->is_scale;
    info->kind = p->kind;
    info->brackets = v->brackets;
    info->nbrackets = v->nbrackets;
}

/* A projected value is a stand-in: provisional, and named as such, with the
 * date from which the next (unpublished) value was due. */
static void mark_projected(struct sw_value_info *info, const struct tvalue *v, bool projected)
{
    if (projected) {
        info->projected = true;
        info->provisional = true;
        info->projected_from = v[1].from;
    }
}

void sw_ctx_init(struct sw_ctx *c, const struct sw_tables *t, bool strict)
{
    memset(c, 0, sizeof(*c));
    c->tables = t;
    c->project = !strict;
}

static void record(const struct sw_ctx *c, const struct sw_value_info *info)
{
    struct sw_used *u = c->used;

    if (!u)
        return;
    for (size_t i = 0; i < u->len; i++)
        if (u->items[i].id == info->id && u->items[i].from == info->from &&
            u->items[i].overridden == info->overridden &&
            u->items[i].projected == info->projected)
            return;
    if (u->len == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 32;
        struct sw_value_info *n = realloc(u->items, cap * sizeof(*n));
        if (!n) {
            u->nomem = true;
            return;
        }
        u->items = n;
        u->cap = cap;
    }
    u->items[u->len++] = *info;
}

void sw_used_release(struct sw_used *u)
{
    if (!u)
        return;
    free(u->items);
    u->items = NULL;
    u->len = u->cap = 0;
}

static sw_status lookup(const struct sw_ctx *c, const char *id, sw_date date,
                        const struct tparam **pp, const struct tvalue **vp, bool *projected,
                        struct sw_err *err)
{
    const struct tparam *p = resolve(c, id);
    const struct tvalue *v = NULL;
    char ds[16];

    *projected = false;
    if (!p)
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no parameter '%s' in the tables", id);
    for (size_t i = 0; i < p->nvalues && p->values[i].from <= date; i++)
        v = &p->values[i];
    /* An end marked unpublished means "the next value is not known yet": with
     * c->project the last known value stands in, marked as projected. */
    if (v && v->end && v->unpublished && c->project && v > p->values) {
        v--;
        *projected = true;
    }
    if (!v || v->end) {
        sw_date_format(ds, sizeof(ds), date);   /* only for the message: lookups are hot */
        return sw_err_set(err, SW_ERR_NO_VALUE, id, "no value for '%s' on '%s'", id, ds);
    }
    *pp = p;
    *vp = v;
    return SW_OK;
}

sw_status sw_param(const struct sw_ctx *c, const char *id, sw_date date, enum sw_unit unit,
                   int64_t *out, struct sw_value_info *info, struct sw_err *err)
{
    const struct tparam *p = NULL;
    const struct tvalue *v = NULL;
    struct sw_value_info tmp;
    bool projected;
    sw_status st;

    for (size_t i = 0; i < c->n_overrides; i++) {
        if (strcmp(c->overrides[i].id, id) == 0) {
            memset(&tmp, 0, sizeof(tmp));
            tmp.id = c->overrides[i].id;
            tmp.description = "";
            tmp.unit = unit;
            tmp.from = date;
            tmp.source = "opgegeven door de gebruiker (override)";
            tmp.url = tmp.note = tmp.file = "";
            tmp.overridden = true;
            tmp.amount = c->overrides[i].amount;
            /* Record under the table's own id string where there is one, so that
             * the used list dedupes by pointer. */
            p = resolve(c, id);
            if (p)
                tmp.id = p->id;
            tmp.from = 0;
            record(c, &tmp);
            *out = tmp.amount;
            if (info)
                *info = tmp;
            return SW_OK;
        }
    }
    st = lookup(c, id, date, &p, &v, &projected, err);
    if (st)
        return st;
    if (p->is_scale || p->unit != unit)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' has unit '%s', the rule asks for '%s'", id,
                          p->is_scale ? "scale" : unit_names[p->unit], unit_names[unit]);
    fill_info(c->tables, p, v, &tmp);
    mark_projected(&tmp, v, projected);
    record(c, &tmp);
    *out = v->amount;
    if (info)
        *info = tmp;
    return SW_OK;
}

sw_status sw_scale(const struct sw_ctx *c, const char *id, sw_date date,
                   enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                   struct sw_value_info *info, struct sw_err *err)
{
    const struct tparam *p = NULL;
    const struct tvalue *v = NULL;
    struct sw_value_info tmp;
    bool projected;
    sw_status st = lookup(c, id, date, &p, &v, &projected, err);

    if (st)
        return st;
    if (!p->is_scale || p->kind != kind)
        return sw_err_set(err, SW_ERR_INTERNAL, id,
                          "parameter '%s' is not a %s scale", id,
                          kind == SW_SCALE_MARGINAL ? "marginal" : "piecewise");
    fill_info(c->tables, p, v, &tmp);
    mark_projected(&tmp, v, projected);
    record(c, &tmp);
    *out = v->brackets;
    *n = v->nbrackets;
    if (info)
        *info = tmp;
    return SW_OK;
}

int64_t sw_scale_eval(enum sw_scale_kind kind, const struct sw_bracket *b, size_t n,
                      int64_t x, int64_t (*round)(int64_t, int64_t))
{
    int64_t sum = 0;

    if (n == 0)
        return 0;
    if (kind == SW_SCALE_PIECEWISE) {
        size_t i = 0;
        while (i + 1 < n && b[i + 1].threshold <= x)
            i++;
        return b[i].base + round(x - b[i].threshold, b[i].rate);
    }
    for (size_t i = 0; i < n && x > b[i].threshold; i++) {
        int64_t top = i + 1 < n && x > b[i + 1].threshold ? b[i + 1].threshold : x;
        sum += round(top - b[i].threshold, b[i].rate);
    }
    return sum;
}

sw_status sw_tables_parse_override(const struct sw_tables *t, const char *id,
                                   const char *text, const char *field, int64_t *out,
                                   struct sw_err *err)
{
    const struct tparam *p = find(t, "", id);
    struct reader r = {field, 0, err};

    if (!p && strncmp(id, "gemeente.", 9) == 0)
        p = find(t, "default", id);
    if (!p)
        return sw_err_set(err, SW_ERR_INVALID, field, "unknown parameter '%.100s' in '%s'", id,
                          field);
    if (p->is_scale)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "'%.100s' is a scale and cannot be overridden in '%s'", id, field);
    if (parse_amount(&r, 0, "value", text, p->unit, false, out) != SW_OK)
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "bad value '%.40s' for '%.100s' (unit %s) in '%s'", text, id,
                          unit_names[p->unit], field);
    return SW_OK;
}

size_t sw_tables_timeline(const struct sw_tables *t, const char *id,
                          const char *municipality, struct sw_value_info *out, size_t max)
{
    const struct tparam *p = find(t, municipality ? municipality : "", id);

    if (!p)
        return 0;
    for (size_t i = 0; i < p->nvalues && i < max; i++)
        fill_info(t, p, &p->values[i], &out[i]);
    return p->nvalues;
}

/* --- snapshots: a finished set as bytes, rebuilt without XML ---
 *
 * Layout (every integer 8 bytes, little endian; a string is its length and its
 * bytes, length 2^64-1 for NULL): magic, build, key, the documents, the set's
 * version (a document index) and sha256, the parameters with their values and
 * brackets, and an FNV-1a 64 checksum of all bytes before it. */

#define SNAP_MAGIC "SWTSNAP1"
#define SNAP_NULL UINT64_MAX
/* Any rebuild of this file (a new check, a changed field) makes older snapshots
 * stale: they were made by code that may have accepted what this code refuses. */
static const char snap_build[] = __DATE__ " " __TIME__;

struct snap_w {
    char *p;
    size_t len, cap;
    bool nomem;
};

static void snap_bytes(struct snap_w *w, const void *d, size_t n)
{
    if (w->nomem)
        return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 65536;
        char *np;
        while (cap < w->len + n)
            cap *= 2;
        np = realloc(w->p, cap);
        if (!np) {
            w->nomem = true;
            return;
        }
        w->p = np;
        w->cap = cap;
    }
    memcpy(w->p + w->len, d, n);
    w->len += n;
}

static void snap_u64(struct snap_w *w, uint64_t v)
{
    unsigned char b[8];

    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    snap_bytes(w, b, 8);
}

static void snap_str(struct snap_w *w, const char *s)
{
    if (!s) {
        snap_u64(w, SNAP_NULL);
        return;
    }
    snap_u64(w, strlen(s));
    snap_bytes(w, s, strlen(s));
}

static uint64_t snap_fnv(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037u;

    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211u;
    }
    return h;
}

sw_status sw_tables_snapshot(const struct sw_tables *t, const char *key, char **out,
                             size_t *len, struct sw_err *err)
{
    struct snap_w w = {0};
    size_t version = SIZE_MAX;

    *out = NULL;
    *len = 0;
    if (!t->finished)
        return sw_err_set(err, SW_ERR_INTERNAL, "tables", "snapshot of an unfinished set");
    snap_bytes(&w, SNAP_MAGIC, 8);
    snap_str(&w, snap_build);
    snap_str(&w, key);
    snap_u64(&w, t->ndocs);
    for (size_t i = 0; i < t->ndocs; i++) {
        const struct tdoc *d = &t->docs[i];
        snap_str(&w, d->name);
        snap_str(&w, d->id);
        snap_str(&w, d->title);
        snap_str(&w, d->version);
        snap_str(&w, d->municipality);
        snap_str(&w, d->sha);
        if (t->version == d->version)
            version = i;
    }
    snap_u64(&w, version == SIZE_MAX ? SNAP_NULL : version);
    snap_str(&w, t->sha);
    snap_u64(&w, t->nparams);
    for (size_t i = 0; i < t->nparams; i++) {
        const struct tparam *p = &t->params[i];
        snap_str(&w, p->id);
        snap_str(&w, p->description);
        snap_str(&w, p->municipality);
        snap_u64(&w, (uint64_t)p->unit);
        snap_u64(&w, p->is_scale);
        snap_u64(&w, (uint64_t)p->kind);
        snap_u64(&w, p->doc);
        snap_u64(&w, p->nvalues);
        for (size_t k = 0; k < p->nvalues; k++) {
            const struct tvalue *v = &p->values[k];
            snap_u64(&w, (uint64_t)(int64_t)v->from);
            snap_u64(&w, (uint64_t)v->end | (uint64_t)v->unpublished << 1 |
                             (uint64_t)v->provisional << 2);
            snap_u64(&w, (uint64_t)v->amount);
            snap_u64(&w, v->doc);
            snap_u64(&w, (uint64_t)(int64_t)v->line);
            snap_str(&w, v->source);
            snap_str(&w, v->url);
            snap_str(&w, v->note);
            snap_u64(&w, v->nbrackets);
            for (size_t b = 0; b < v->nbrackets; b++) {
                snap_u64(&w, (uint64_t)v->brackets[b].threshold);
                snap_u64(&w, (uint64_t)v->brackets[b].base);
                snap_u64(&w, (uint64_t)v->brackets[b].rate);
            }
        }
    }
    if (!w.nomem)
        snap_u64(&w, snap_fnv(w.p, w.len));
    if (w.nomem) {
        free(w.p);
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    }
    *out = w.p;
    *len = w.len;
    return SW_OK;
}

struct snap_r {
    const char *p;
    size_t len, pos;
    bool bad, nomem;
};

static uint64_t snap_get(struct snap_r *r)
{
    uint64_t v = 0;

    if (r->bad || r->len - r->pos < 8) {
        r->bad = true;
        return 0;
    }
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)(unsigned char)r->p[r->pos + i] << (8 * i);
    r->pos += 8;
    return v;
}

/* A count of items of at least `min_size` bytes each that can still follow. */
static size_t snap_count(struct snap_r *r, size_t min_size, size_t max)
{
    uint64_t n = snap_get(r);

    if (r->bad || n > max || n > (r->len - r->pos) / min_size) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

static char *snap_get_str(struct snap_r *r, bool nullable)
{
    uint64_t n = snap_get(r);
    char *s;

    if (r->bad)
        return NULL;
    if (n == SNAP_NULL) {
        r->bad = !nullable;
        return NULL;
    }
    if (n > r->len - r->pos || memchr(r->p + r->pos, '\0', (size_t)n)) {
        r->bad = true;
        return NULL;
    }
    s = malloc((size_t)n + 1);
    if (!s) {
        r->nomem = r->bad = true;
        return NULL;
    }
    memcpy(s, r->p + r->pos, (size_t)n);
    s[n] = '\0';
    r->pos += (size_t)n;
    return s;
}

/* Compare a string in the snapshot with an expected one, without keeping it. */
static bool snap_expect(struct snap_r *r, const char *want)
{
    char *s = snap_get_str(r, false);
    bool same = s && strcmp(s, want) == 0;

    free(s);
    return same;
}

/* Whether v lies in the range parse_amount() allows for `unit`: a snapshot holds
 * only what the XML loader accepted, and a damaged or crafted one that does not
 * must not reach the rules (their arithmetic relies on these bounds). */
static bool snap_in_range(enum sw_unit unit, bool signed_rate, int64_t v)
{
    int64_t lo = 0, hi;

    switch (unit) {
    case SW_UNIT_EUROCENT: hi = SW_MONEY_MAX; break;
    case SW_UNIT_PERCENT:
        hi = SW_PPM_ONE;
        if (signed_rate)
            lo = -SW_PPM_ONE;
        break;
    case SW_UNIT_DAY_OF_MONTH: lo = 1; hi = 31; break;
    case SW_UNIT_MONTH_OF_YEAR: lo = 1; hi = 12; break;
    case SW_UNIT_BOOL: hi = 1; break;
    default: hi = 1000000; break;
    }
    return v >= lo && v <= hi;
}

sw_status sw_tables_from_snapshot(struct sw_tables **out, const char *buf, size_t len,
                                  const char *key, struct sw_err *err)
{
    struct snap_r r = {buf, len, 0, false, false};
    struct sw_tables *t = NULL;
    uint64_t sum, version;
    char *sha = NULL;

    *out = NULL;
    if (len < 16 || memcmp(buf, SNAP_MAGIC, 8) != 0)
        goto bad;
    r.len = len - 8;   /* the checksum */
    sum = 0;
    for (int i = 0; i < 8; i++)
        sum |= (uint64_t)(unsigned char)buf[len - 8 + i] << (8 * i);
    if (sum != snap_fnv(buf, len - 8))
        goto bad;
    r.pos = 8;
    if (!snap_expect(&r, snap_build) || !snap_expect(&r, key))
        goto bad;
    t = calloc(1, sizeof(*t));
    if (!t)
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    t->ndocs = snap_count(&r, 48, SW_TABLES_MAX_DOCS);
    for (size_t i = 0; i < t->ndocs && !r.bad; i++) {
        struct tdoc *d = &t->docs[i];
        d->name = snap_get_str(&r, false);
        d->id = snap_get_str(&r, false);
        d->title = snap_get_str(&r, false);
        d->version = snap_get_str(&r, false);
        d->municipality = snap_get_str(&r, false);
        sha = snap_get_str(&r, false);
        if (!r.bad && strlen(sha) == 64)
            memcpy(d->sha, sha, 65);
        else
            r.bad = true;
        free(sha);
        sha = NULL;
        if (i > 0 && !r.bad && strcmp(t->docs[i - 1].name, d->name) >= 0)
            r.bad = true;   /* documents are kept in name order */
    }
    version = snap_get(&r);
    if (!r.bad && version != SNAP_NULL && version >= t->ndocs)
        r.bad = true;
    if (!r.bad)
        t->version = version == SNAP_NULL ? NULL : t->docs[version].version;
    sha = snap_get_str(&r, false);
    if (!r.bad && strlen(sha) == 64)
        memcpy(t->sha, sha, 65);
    else
        r.bad = true;
    free(sha);
    t->nparams = snap_count(&r, 80, SIZE_MAX / sizeof(struct tparam));
    t->params = r.bad || !t->nparams ? NULL : calloc(t->nparams, sizeof(*t->params));
    if (!r.bad && t->nparams && !t->params)
        r.nomem = r.bad = true;
    if (r.bad)
        t->nparams = 0;
    for (size_t i = 0; i < t->nparams && !r.bad; i++) {
        struct tparam *p = &t->params[i];
        uint64_t unit, is_scale, kind, doc;
        p->id = snap_get_str(&r, false);
        p->description = snap_get_str(&r, true);
        p->municipality = snap_get_str(&r, false);
        unit = snap_get(&r);
        is_scale = snap_get(&r);
        kind = snap_get(&r);
        doc = snap_get(&r);
        if (r.bad || unit >= SW_UNIT__COUNT || is_scale > 1 ||
            (kind != SW_SCALE_MARGINAL && kind != SW_SCALE_PIECEWISE) || doc >= t->ndocs) {
            r.bad = true;
            break;
        }
        p->unit = (enum sw_unit)unit;
        p->is_scale = is_scale != 0;
        p->kind = (enum sw_scale_kind)kind;
        p->doc = (size_t)doc;
        /* Lookups search the parameters by (municipality, id), each once (a
         * finished set has merged the timelines); p has no values yet, so
         * param_cmp(), which looks at them, does not apply. */
        if (i > 0 && (strcmp(t->params[i - 1].municipality, p->municipality) > 0 ||
                      (strcmp(t->params[i - 1].municipality, p->municipality) == 0 &&
                       strcmp(t->params[i - 1].id, p->id) >= 0))) {
            r.bad = true;
            break;
        }
        p->nvalues = snap_count(&r, 72, SIZE_MAX / sizeof(struct tvalue));
        if (r.bad || p->nvalues == 0) {
            r.bad = true;
            p->nvalues = 0;
            break;
        }
        p->values = calloc(p->nvalues, sizeof(*p->values));
        if (!p->values) {
            r.nomem = r.bad = true;
            p->nvalues = 0;
            break;
        }
        for (size_t k = 0; k < p->nvalues && !r.bad; k++) {
            struct tvalue *v = &p->values[k];
            uint64_t from = snap_get(&r), flags = snap_get(&r);
            v->amount = (int64_t)snap_get(&r);
            doc = snap_get(&r);
            v->line = (int)(int64_t)snap_get(&r);
            v->source = snap_get_str(&r, true);
            v->url = snap_get_str(&r, true);
            v->note = snap_get_str(&r, true);
            v->nbrackets = snap_count(&r, 24, SIZE_MAX / sizeof(struct sw_bracket));
            if (r.bad || flags > 7 || doc >= t->ndocs ||
                (int64_t)from != (int64_t)(sw_date)(int64_t)from ||
                (k > 0 && (sw_date)(int64_t)from <= p->values[k - 1].from)) {
                r.bad = true;
                v->nbrackets = 0;
                break;
            }
            v->from = (sw_date)(int64_t)from;
            v->end = flags & 1;
            v->unpublished = (flags >> 1) & 1;
            v->provisional = (flags >> 2) & 1;
            v->doc = (size_t)doc;
            if (v->nbrackets) {
                v->brackets = calloc(v->nbrackets, sizeof(*v->brackets));
                if (!v->brackets) {
                    r.nomem = r.bad = true;
                    v->nbrackets = 0;
                    break;
                }
            }
            for (size_t b = 0; b < v->nbrackets; b++) {
                struct sw_bracket *br = &v->brackets[b];
                br->threshold = (int64_t)snap_get(&r);
                br->base = (int64_t)snap_get(&r);
                br->rate = (int64_t)snap_get(&r);
                /* What read_brackets() checks: from 0, increasing, in range. */
                if (!snap_in_range(SW_UNIT_EUROCENT, false, br->threshold) ||
                    !snap_in_range(SW_UNIT_EUROCENT, false, br->base) ||
                    !snap_in_range(SW_UNIT_PERCENT, p->kind == SW_SCALE_PIECEWISE, br->rate) ||
                    (b == 0 && br->threshold != 0) ||
                    (b > 0 && br->threshold <= v->brackets[b - 1].threshold))
                    r.bad = true;
            }
            /* A plain value has an amount in range and no brackets; a scale's
             * value has brackets unless it ends the timeline. */
            if (!r.bad &&
                (p->is_scale ? (v->nbrackets == 0) != v->end
                             : v->nbrackets != 0 ||
                                   (!v->end && !snap_in_range(p->unit, false, v->amount))))
                r.bad = true;
        }
    }
    if (r.bad || r.pos != r.len) {
        bool nomem = r.nomem;
        sw_tables_free(t);
        if (nomem)
            return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto bad;
    }
    t->finished = true;
    *out = t;
    return SW_OK;
bad:
    return sw_err_set(err, SW_ERR_TABLE, "snapshot",
                      "the snapshot is damaged, from another build, or for other tables");
}
