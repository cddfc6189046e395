/* tables_read.c - read and check the table documents: parse untrusted XML (the
 * XSD and every table) without network, DTD or entities, validate against the
 * XSD, check for meaning (dates, units, ranges, sources), and finish the set
 * (merge timelines split over documents, index, sha256 and version).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/sha256.h"
#include "switchsim/tables_xml.h"
#include "tables_impl.h"

#define XSD_NS "http://www.w3.org/2001/XMLSchema"

/* --- libxml2: error capture and untrusted input ---
 * Every libxml2 function is called through the set's struct sw_xml (t->xml,
 * r->xml: switchsim/tables_xml.h), never directly. */

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

/* Parse untrusted bytes into *out. XML_PARSE_NONET: never fetch anything. No
 * XML_PARSE_NOENT (entities are not substituted) and no DTDLOAD/DTDATTR/DTDVALID
 * (no external subset, no external entity is read); a document that has a DTD at
 * all is refused. `what` says what the document is in that message ("a table").
 * The caller has installed the error capture xe. */
static sw_status parse_untrusted(const struct sw_xml *x, xmlDocPtr *out, const char *buf,
                                 size_t len, const char *name, const char *what,
                                 const struct xml_errors *xe, struct sw_err *err)
{
    xmlDocPtr doc;

    *out = NULL;
    doc = x->read_memory(buf, (int)len, name, NULL, XML_PARSE_NONET);
    if (!doc)
        return sw_err_set(err, SW_ERR_TABLE, name, "%s:%d: malformed XML: %s", name, xe->line,
                          xe->seen ? xe->msg : "parse error");
    if (doc->intSubset || doc->extSubset) {
        x->free_doc(doc);
        return sw_err_set(err, SW_ERR_TABLE, name, "%s: a DTD is not allowed in %s", name,
                          what);
    }
    *out = doc;
    return SW_OK;
}

/* The schema must be self-contained: libxml2's schema parser reads every
 * xs:import, xs:include and xs:redefine by its schemaLocation - with entity
 * substitution and network access, whatever the options of the first document -
 * so none may be there. */
static sw_status schema_self_contained(const struct sw_xml *x, xmlDocPtr doc,
                                       struct sw_err *err)
{
    static const char *const loaders[] = {"import", "include", "redefine", "override"};
    xmlNodePtr n = x->doc_get_root_element(doc);

    while (n) {
        if (n->type == XML_ELEMENT_NODE && n->ns &&
            strcmp((const char *)n->ns->href, XSD_NS) == 0) {
            for (size_t i = 0; i < sizeof(loaders) / sizeof(loaders[0]); i++) {
                if (strcmp((const char *)n->name, loaders[i]) == 0) {
                    xmlChar *loc = x->get_prop(n, (const xmlChar *)"schemaLocation");
                    sw_status st = sw_err_set(
                        err, SW_ERR_TABLE, "schema",
                        "schema:%ld: '%s' of '%.200s' is not allowed: the schema must be "
                        "self-contained", x->get_line_no(n), loaders[i],
                        loc ? (const char *)loc : "");
                    x->free(loc);
                    return st;
                }
            }
        }
        /* Depth first, without recursion. */
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (n)
            n = n->next;
    }
    return SW_OK;
}

/* --- lifetime --- */

sw_status sw_tables_new_with(struct sw_tables **out, const char *xsd, size_t xsd_len,
                             const struct sw_xml *x, struct sw_err *err)
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
    t->xml = x;
    x->init_parser();
    x->set_generic_error_func(NULL, xml_silent);
    x->set_structured_error_func(&xe, xml_error_handler);
    /* The schema is parsed like a table (no network, no DTD, no entities) and
     * handed to the schema compiler as a tree, which then reads nothing else. */
    st = parse_untrusted(x, &t->schema_doc, xsd, xsd_len, "schema", "the schema", &xe, err);
    if (st == SW_OK)
        st = schema_self_contained(x, t->schema_doc, err);
    if (st == SW_OK) {
        pc = x->schema_new_doc_parser_ctxt(t->schema_doc);
        if (pc) {
            x->schema_set_parser_structured_errors(pc, xml_error_handler, &xe);
            t->schema = x->schema_parse(pc);
        }
        if (!t->schema)
            st = sw_err_set(err, SW_ERR_TABLE, "schema", "schema does not load: %s",
                            xe.seen ? xe.msg : "parse error");
    }
    x->set_structured_error_func(NULL, NULL);
    if (st == SW_OK) {
        *out = t;
        t = NULL;
    }
    if (pc)
        x->schema_free_parser_ctxt(pc);
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

void tables_param_release(struct tparam *p)
{
    for (size_t i = 0; i < p->nvalues; i++)
        value_release(&p->values[i]);
    free(p->values);
    free(p->id);
    free(p->description);
    free(p->municipality);
}

static void doc_release(struct tdoc *d)
{
    free(d->name);
    free(d->id);
    free(d->title);
    free(d->version);
    free(d->municipality);
    memset(d, 0, sizeof(*d));
}

void sw_tables_free(struct sw_tables *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nparams; i++)
        tables_param_release(&t->params[i]);
    free(t->params);
    tables_index_release(t);
    for (size_t i = 0; i < t->ndocs; i++)
        doc_release(&t->docs[i]);
    /* Only a set made by sw_tables_new_with() has them (and t->xml). */
    if (t->schema)
        t->xml->schema_free(t->schema);
    if (t->schema_doc)
        t->xml->free_doc(t->schema_doc);
    free(t);
}

/* --- reading one document --- */

static char *attr(const struct reader *r, xmlNodePtr n, const char *name)
{
    xmlChar *v = r->xml->get_prop(n, (const xmlChar *)name);
    char *s;

    if (!v)
        return NULL;
    s = strdup((const char *)v);
    r->xml->free(v);
    return s;
}

static char *attr_or_empty(const struct reader *r, xmlNodePtr n, const char *name)
{
    char *s = attr(r, n, name);

    return s ? s : strdup("");
}

static bool attr_true(const struct reader *r, xmlNodePtr n, const char *name)
{
    char *s = attr(r, n, name);
    bool yes = s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);

    free(s);
    return yes;
}

static bool is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, TABLES_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
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
                      : tables_fail_at(r, r->xml->get_line_no(vn), SW_ERR_TABLE,
                                       "scale value without brackets");
    if (v->end)
        return tables_fail_at(r, r->xml->get_line_no(vn), SW_ERR_TABLE, "an end value has no brackets");
    v->brackets = calloc(n, sizeof(*v->brackets));
    if (!v->brackets)
        return sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
    for (b = vn->children; b && st == SW_OK; b = b->next) {
        if (!is_el(b, "bracket"))
            continue;
        struct sw_bracket *br = &v->brackets[v->nbrackets];
        int line = r->xml->get_line_no(b);
        char *th = attr(r, b, "threshold"), *rate = attr(r, b, "rate"), *base = attr(r, b, "base");

        st = tables_parse_amount(r, line, "threshold", th ? th : "", SW_UNIT_EUROCENT, false,
                                 &br->threshold);
        if (st == SW_OK)
            st = tables_parse_amount(r, line, "rate", rate ? rate : "", SW_UNIT_PERCENT,
                                     kind == SW_SCALE_PIECEWISE, &br->rate);
        if (st == SW_OK && kind == SW_SCALE_PIECEWISE) {
            if (!base)
                st = tables_fail_at(r, line, SW_ERR_TABLE, "piecewise bracket without base");
            else
                st = tables_parse_amount(r, line, "base", base, SW_UNIT_EUROCENT, false,
                                         &br->base);
        } else if (st == SW_OK && base) {
            st = tables_fail_at(r, line, SW_ERR_TABLE, "a marginal bracket has no base");
        }
        if (st == SW_OK && v->nbrackets == 0 && br->threshold != 0)
            st = tables_fail_at(r, line, SW_ERR_TABLE, "the first bracket must start at 0");
        if (st == SW_OK && v->nbrackets > 0 &&
            br->threshold <= v->brackets[v->nbrackets - 1].threshold)
            st = tables_fail_at(r, line, SW_ERR_TABLE, "bracket thresholds not increasing");
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
    int line = r->xml->get_line_no(vn);
    char *from = attr(r, vn, "from"), *amount = NULL;
    struct sw_err e;
    sw_status st = SW_OK;

    v->doc = r->doc;
    v->line = line;
    v->end = attr_true(r, vn, "end");
    v->unpublished = attr_true(r, vn, "unpublished");
    v->provisional = attr_true(r, vn, "provisional");
    v->source = attr_or_empty(r, vn, "source");
    v->url = attr_or_empty(r, vn, "url");
    v->note = attr_or_empty(r, vn, "note");
    if (!v->source || !v->url || !v->note) {
        st = sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    if (!from || sw_date_parse(&v->from, from, "from", &e) != SW_OK) {
        st = tables_fail_at(r, line, SW_ERR_TABLE, "impossible date '%s' in '%s'",
                            from ? from : "", p->id);
        goto out;
    }
    /* The XSD asks for a source of at least three characters; blank text is no
     * source either. */
    if (strspn(v->source, " \t\r\n") == strlen(v->source)) {
        st = tables_fail_at(r, line, SW_ERR_TABLE, "value of '%s' from %s has no source", p->id,
                            from);
        goto out;
    }
    if (v->unpublished && !v->end) {
        st = tables_fail_at(r, line, SW_ERR_TABLE,
                            "unpublished applies to an end value only (%s)", p->id);
        goto out;
    }
    if (p->is_scale) {
        st = read_brackets(r, vn, p->kind, v);
        goto out;
    }
    amount = attr(r, vn, "amount");
    if (v->end) {
        if (amount)
            st = tables_fail_at(r, line, SW_ERR_TABLE, "end value of '%s' has an amount", p->id);
        goto out;
    }
    if (!amount) {
        st = tables_fail_at(r, line, SW_ERR_TABLE, "value of '%s' from %s has no amount", p->id,
                            from);
        goto out;
    }
    st = tables_parse_amount(r, line, "amount", amount, p->unit, false, &v->amount);
    if (st == SW_OK && !tables_in_declared_range(p, v->amount)) {
        char range[100];
        tables_format_range(range, sizeof(range), p);
        st = tables_fail_at(r, line, SW_ERR_TABLE,
                            "amount '%s' of '%s' from %s is outside its range (%s)", amount,
                            p->id, from, range);
    }
out:
    free(from);
    free(amount);
    return st;
}

/* The declared range of a plain parameter: min and max in its unit, and whether a
 * user may override it (then within that range). */
static sw_status read_range(struct reader *r, xmlNodePtr pn, struct tparam *p)
{
    int line = r->xml->get_line_no(pn);
    char *min = attr(r, pn, "min"), *max = attr(r, pn, "max");
    const char *problem;
    sw_status st = SW_OK;

    p->overridable = attr_true(r, pn, "overridable");
    if (min) {
        st = tables_parse_amount(r, line, "min", min, p->unit, false, &p->min);
        p->has_min = st == SW_OK;
    }
    if (st == SW_OK && max) {
        st = tables_parse_amount(r, line, "max", max, p->unit, false, &p->max);
        p->has_max = st == SW_OK;
    }
    if (st == SW_OK && (problem = tables_range_problem(p)) != NULL)
        st = tables_fail_at(r, line, SW_ERR_TABLE, "'%s' %s", p->id, problem);
    free(min);
    free(max);
    return st;
}

static sw_status read_param(struct reader *r, xmlNodePtr pn, const char *municipality,
                            struct tparam *p)
{
    char *unit = NULL, *kind = NULL;
    size_t n = 0;
    sw_status st = SW_OK;
    int line = r->xml->get_line_no(pn);

    p->doc = r->doc;
    p->id = attr(r, pn, "id");
    p->municipality = strdup(municipality);
    p->is_scale = is_el(pn, "scale");
    if (!p->id || !p->municipality)
        return sw_err_set(r->err, SW_ERR_NOMEM, NULL, "out of memory");
    if (municipality[0] && strncmp(p->id, "gemeente.", 9) != 0)
        return tables_fail_at(r, line, SW_ERR_TABLE,
                              "municipal parameter '%s' must start with 'gemeente.'", p->id);
    if (!municipality[0] && strncmp(p->id, "gemeente.", 9) == 0)
        return tables_fail_at(r, line, SW_ERR_TABLE, "'%s' belongs in a municipal table", p->id);
    if (p->is_scale) {
        kind = attr(r, pn, "kind");
        p->unit = SW_UNIT_EUROCENT;
        p->kind = kind && strcmp(kind, "piecewise") == 0 ? SW_SCALE_PIECEWISE
                                                         : SW_SCALE_MARGINAL;
        free(kind);
    } else {
        unit = attr(r, pn, "unit");
        if (!unit || !tables_unit_parse(unit, &p->unit)) {
            st = tables_fail_at(r, line, SW_ERR_TABLE, "unknown unit '%s' of '%s'",
                                unit ? unit : "", p->id);
            free(unit);
            return st;
        }
        free(unit);
    }
    st = read_range(r, pn, p);
    if (st != SW_OK)
        return st;
    for (xmlNodePtr c = pn->children; c; c = c->next) {
        if (is_el(c, "description") && !p->description) {
            xmlChar *txt = r->xml->node_get_content(c);
            p->description = strdup(txt ? (const char *)txt : "");
            r->xml->free(txt);
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
                st = tables_fail_at(r, v->line, SW_ERR_TABLE, "duplicate date for '%s'", p->id);
            else if (v->from < prev->from)
                st = tables_fail_at(r, v->line, SW_ERR_TABLE, "dates of '%s' not in order",
                                    p->id);
            else if (v->end && prev->end)
                st = tables_fail_at(r, v->line, SW_ERR_TABLE, "'%s' ends twice", p->id);
        }
    }
    if (st == SW_OK && p->nvalues > 0 && p->values[0].end)
        st = tables_fail_at(r, line, SW_ERR_TABLE, "timeline of '%s' starts with an end", p->id);
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
    const struct sw_xml *x = t->xml;
    xmlDocPtr doc = NULL;
    xmlSchemaValidCtxtPtr vc = NULL;
    struct xml_errors xe = {0};
    struct reader r = {name, t->ndocs, err, t->xml};
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

    x->set_generic_error_func(NULL, xml_silent);
    x->set_structured_error_func(&xe, xml_error_handler);
    st = parse_untrusted(x, &doc, xml, len, name, "a table", &xe, err);
    if (st != SW_OK)
        goto out;
    vc = x->schema_new_valid_ctxt(t->schema);
    if (!vc) {
        st = sw_err_set(err, SW_ERR_NOMEM, name, "out of memory");
        goto out;
    }
    x->schema_set_valid_structured_errors(vc, xml_error_handler, &xe);
    if (x->schema_validate_doc(vc, doc) != 0) {
        char field[160];
        snprintf(field, sizeof(field), "%s:%d", name, xe.line);
        st = sw_err_set(err, SW_ERR_TABLE, field, "%s:%d: does not match the schema: %s",
                        name, xe.line, xe.seen ? xe.msg : "invalid");
        goto out;
    }

    root = x->doc_get_root_element(doc);
    memset(d, 0, sizeof(*d));
    d->name = strdup(name);
    d->id = attr(&r, root, "id");
    d->title = attr(&r, root, "title");
    d->version = attr(&r, root, "version");
    kind = attr(&r, root, "kind");
    schema = attr(&r, root, "schema");
    d->municipality = attr_or_empty(&r, root, "municipality");
    if (!d->name || !d->id || !d->title || !d->version || !kind || !d->municipality) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    if (strcmp(kind, "municipality") == 0 && !d->municipality[0]) {
        st = tables_fail_at(&r, r.xml->get_line_no(root), SW_ERR_TABLE,
                            "municipal table '%s' does not name its municipality", d->id);
        goto out;
    }
    if (strcmp(kind, "national") == 0 && d->municipality[0]) {
        st = tables_fail_at(&r, r.xml->get_line_no(root), SW_ERR_TABLE,
                            "national table '%s' names a municipality", d->id);
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
            tables_param_release(&p);
    }
    if (st == SW_OK) {
        struct sw_sha256 h;
        sw_sha256_init(&h);
        sw_sha256_update(&h, xml, len);
        sw_sha256_hex(&h, d->sha);
        t->ndocs++;
    }
out:
    x->set_structured_error_func(NULL, NULL);
    if (st != SW_OK) {
        /* Leave the set as it was: drop what this document added. */
        while (t->nparams > first_param)
            tables_param_release(&t->params[--t->nparams]);
        if (t->ndocs < SW_TABLES_MAX_DOCS && d == &t->docs[t->ndocs])
            doc_release(d);
    }
    free(kind);
    free(schema);
    if (vc)
        x->schema_free_valid_ctxt(vc);
    if (doc)
        x->free_doc(doc);
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
    /* A declaration without values (overridable only) sorts first. */
    if (x->nvalues == 0 || y->nvalues == 0)
        return (x->nvalues > 0) - (y->nvalues > 0);
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

static bool same_range(const struct tparam *a, const struct tparam *b)
{
    return a->overridable == b->overridable && a->has_min == b->has_min &&
           a->has_max == b->has_max && (!a->has_min || a->min == b->min) &&
           (!a->has_max || a->max == b->max);
}

/* Append b's timeline to a's; b must start after a's last date. */
static sw_status merge_into(struct sw_tables *t, struct tparam *a, struct tparam *b,
                            struct sw_err *err)
{
    struct tvalue *nv;
    const char *an = t->docs[a->doc].name, *bn = t->docs[b->doc].name;
    char field[160];

    if (a->nvalues == 0 || b->nvalues == 0)
        return sw_err_set(err, SW_ERR_TABLE, bn,
                          "%s: '%s' is declared without values and again in %s", bn, a->id, an);
    snprintf(field, sizeof(field), "%s:%d", bn, b->values[0].line);
    if (a->unit != b->unit || a->is_scale != b->is_scale || a->kind != b->kind)
        return sw_err_set(err, SW_ERR_TABLE, field,
                          "%s: '%s' has another unit or kind than in %s", field, a->id, an);
    if (b->values[0].from <= a->values[a->nvalues - 1].from)
        return sw_err_set(err, SW_ERR_TABLE, field,
                          "%s: timeline of '%s' overlaps the one in %s", field, a->id, an);
    /* One parameter, one declared range: a value in either document is checked
     * against it, and so is an override. */
    if (!same_range(a, b))
        return sw_err_set(err, SW_ERR_TABLE, field,
                          "%s: '%s' has another range or overridable than in %s", field, a->id,
                          an);
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
        /* No value: only as the declaration of what a user may enter. */
        if (t->params[i].nvalues == 0 && !t->params[i].overridable)
            return sw_err_set(err, SW_ERR_TABLE, t->docs[t->params[i].doc].name,
                              "%s: '%s' has no values and is not overridable",
                              t->docs[t->params[i].doc].name, t->params[i].id);
    }
    if (t->nparams > 1)
        qsort(t->params, t->nparams, sizeof(*t->params), param_cmp);
    for (i = 0; i < t->nparams; i++) {
        if (w > 0 && strcmp(t->params[w - 1].id, t->params[i].id) == 0 &&
            strcmp(t->params[w - 1].municipality, t->params[i].municipality) == 0) {
            st = merge_into(t, &t->params[w - 1], &t->params[i], err);
            tables_param_release(&t->params[i]);
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
    tables_index_build(t);
    t->finished = true;
    return SW_OK;
}
