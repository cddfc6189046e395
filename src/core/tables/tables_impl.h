/* tables_impl.h - private to src/core/tables/: the table set's layout and the
 * helpers that reading (tables_read.c), lookup (tables_lookup.c) and snapshots
 * (tables_snapshot.c) share. Nothing here is part of the library's API.
 */
#ifndef SWITCHSIM_TABLES_IMPL_H
#define SWITCHSIM_TABLES_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/xmlschemas.h>

#include "switchsim/tables.h"

struct sw_xml;

#define TABLES_NS "urn:switchsim:tables:1"

/* One dated value of a parameter (or of a scale: then brackets). */
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
    /* The declared range (min/max on <param>, in the unit): every value of the
     * timeline lies in it, and so must an override. */
    bool has_min, has_max;
    int64_t min, max;
    bool overridable;    /* a user may supply the value (then has_min and has_max) */
    struct tvalue *values;
    size_t nvalues;
    size_t doc;
    /* A municipal id's number in the set's resolution table (struct sw_tables:
     * muni_res), from 1; 0 for a national id (or without that table). */
    uint32_t mid;
    /* The index in the set's infos of the info of values[0]. */
    size_t info0;
};

struct tdoc {
    char *name, *id, *title, *version, *municipality;
    char sha[65];
};

struct sw_tables {
    /* The libxml2 functions (sw_tables_new_with()); NULL in a set made from a
     * snapshot, which has no schema either. */
    const struct sw_xml *xml;
    xmlSchemaPtr schema;
    xmlDocPtr schema_doc;   /* the parsed XSD the schema was built from */
    struct tdoc docs[SW_TABLES_MAX_DOCS];
    size_t ndocs;
    struct tparam *params;
    size_t nparams, cap;
    /* A hash index of the finished set by (municipality, id): 1 + the index in
     * params, 0 = free; index_mask + 1 entries (a power of two). NULL: search
     * params by bisection (no memory for it). */
    uint32_t *index;
    size_t index_mask;
    /* What a lookup of each municipal id finds in each municipality (resolve()
     * in tables_lookup.c: its own parameter, else the one of "default"), once
     * per set: munis[0..nmunis) the municipalities with a table (names owned
     * by params); row r of muni_res, nmids entries, holds for id number mid
     * 1 + the index in params of what municipality r finds, 0 for nothing;
     * row nmunis is that of a municipality without a table (the defaults
     * only). NULL without memory (lookups then search the index). */
    const char **munis;
    size_t nmunis, nmids;
    uint32_t *muni_res;
    /* The info (tables_fill_info()) of every value of every parameter, in
     * order (tparam.info0), for the record of values used; NULL without
     * memory (then filled at each record). */
    struct sw_value_info *infos;
    bool finished;
    char sha[65];
    const char *version;
};

/* Where a problem in a document is reported: its name, its index, the error;
 * and the libxml2 functions that read it (NULL when no XML is read). */
struct reader {
    const char *name;
    size_t doc;
    struct sw_err *err;
    const struct sw_xml *xml;
};

/* Set r->err (field "NAME:LINE") to "NAME:LINE: " + the printf-style message and
 * return code. */
sw_status tables_fail_at(struct reader *r, int line, sw_status code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The unit named s ("eurocent", ...); false for an unknown name. */
bool tables_unit_parse(const char *s, enum sw_unit *out);

/* The range a value of `unit` may have at all, and its decimals as written in
 * the tables. `signed_rate`: a percentage that may be negative (piecewise
 * scales). */
void tables_unit_range(enum sw_unit unit, bool signed_rate, int64_t *lo, int64_t *hi,
                       int *decimals);

/* Parse `text` as a number in `unit` as the tables write it, range-checked for
 * the unit. `what` names the attribute in messages. */
sw_status tables_parse_amount(struct reader *r, int line, const char *what, const char *text,
                              enum sw_unit unit, bool signed_rate, int64_t *out);

/* Write v as the tables write it in `unit` ("1471", "35.82", "7.5", "true"). */
void tables_format_amount(char *buf, size_t size, enum sw_unit unit, int64_t v);

/* Whether the declared range of p is consistent: min <= max, and an overridable
 * parameter has both and is not a scale. NULL when it is, else what is wrong. */
const char *tables_range_problem(const struct tparam *p);

/* p's declared range as the tables write it: "1 to 12", "at least 1",
 * "at most 100" (or "any"). */
void tables_format_range(char *buf, size_t size, const struct tparam *p);

/* Whether a plain value v lies in p's declared range (true without one). */
bool tables_in_declared_range(const struct tparam *p, int64_t v);

/* Free what p owns (not p itself). */
void tables_param_release(struct tparam *p);

/* Build t->index over the finished parameters (leaves it NULL without memory:
 * lookups then bisect), and the municipal resolution table (t->muni_res). */
void tables_index_build(struct sw_tables *t);

/* Free what tables_index_build() made. */
void tables_index_release(struct sw_tables *t);

/* The row of t->muni_res for a scenario's municipality (NULL or "": the
 * defaults only). */
size_t tables_muni_row(const struct sw_tables *t, const char *municipality);

/* A hash of s continuing h, eight bytes at a time, with its length (the
 * index and the lookup cache live in memory only: byte order does not
 * matter). */
uint64_t tables_hash_str(uint64_t h, const char *s);

/* What a lookup of municipal id number mid (tparam.mid) finds in row `row`
 * (t->muni_res not NULL): the parameter, or NULL. */
static inline const struct tparam *tables_muni_param(const struct sw_tables *t, size_t row,
                                                     uint32_t mid)
{
    uint32_t e = t->muni_res[row * t->nmids + mid - 1];

    return e ? &t->params[e - 1] : NULL;
}

/* The info of value v of parameter p, as a lookup that found it (not
 * projected, not overridden) fills it. */
void tables_fill_info(const struct sw_tables *t, const struct tparam *p,
                      const struct tvalue *v, struct sw_value_info *info);

/* The parameter (municipality, id) of a finished set; NULL when absent. */
const struct tparam *tables_find(const struct sw_tables *t, const char *municipality,
                                 const char *id);

#endif
