/* tables.h - the dated, sourced parameter tables and their lookup.
 *
 * A table set is built from XML documents held in memory (the core does no file
 * I/O; see fileio.h for reading a directory). Each document is validated against
 * the XSD (tables/schema/v1/tables.xsd), then checked for meaning: dates in order
 * and unique, units known and values in range, every value sourced, no overlap
 * between documents. After sw_tables_finish() the set is immutable and may be
 * shared between threads.
 *
 * A parameter has an id ("participatiewet.norm.single"), a unit, and a timeline of
 * values, each valid from its `from` date until the next one (half-open). It may
 * declare a range (min, max): every value lies in it - a parameter a rule
 * divides by declares min >= 1 - and, when it is marked overridable, so must a
 * user's override. A scale
 * (tax brackets, kortingen) is a parameter whose value is a list of brackets.
 * Municipal tables (kind="municipality") hold ids starting "gemeente."; a lookup
 * of such an id uses the scenario's municipality and falls back to the table of
 * municipality "default".
 */
#ifndef SWITCHSIM_TABLES_H
#define SWITCHSIM_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "switchsim/date.h"
#include "switchsim/err.h"

#define SW_TABLE_MAX_BYTES (1024 * 1024)  /* one table document */
#define SW_TABLES_MAX_DOCS 256

enum sw_unit {
    SW_UNIT_EUROCENT,     /* integer cents */
    SW_UNIT_PERCENT,      /* decimal percentage, stored as ppm of one */
    SW_UNIT_HOURS,        /* decimal hours, stored in hundredths */
    SW_UNIT_DAYS,
    SW_UNIT_WEEKS,
    SW_UNIT_MONTHS,
    SW_UNIT_YEARS,
    SW_UNIT_COUNT,
    SW_UNIT_DAY_OF_MONTH, /* 1..31 */
    SW_UNIT_MONTH_OF_YEAR,/* 1..12 */
    SW_UNIT_BOOL,         /* 0 or 1 ("true"/"false" in XML) */
    SW_UNIT_SETTLEMENT,   /* how a municipality settles income with bijstand (Divosa
                           * werkwijzer): enum sw_settlement_code, by name in XML */
    SW_UNIT__COUNT
};

/* The values of unit "settlement" (Divosa werkwijzer "Verrekening parttime
 * inkomsten", ch. 4): the names in XML are sw_settlement_code_name(). */
enum sw_settlement_code {
    SW_SETTLEMENT_OP_DE_MAAND, /* "op_de_maand": the month's bijstand waits for its payslip */
    SW_SETTLEMENT_ACHTERAF,    /* "achteraf": paid in full, the income settled next month */
    SW_SETTLEMENT_SCHATTEN,    /* "schatten": paid on the expected income, corrected later */
    SW_SETTLEMENT_VOORSCHOT,   /* "voorschot": paid on the income last reported, the
                                * difference set off against the next payment */
    SW_SETTLEMENT__COUNT
};
/* "op_de_maand", "achteraf", "schatten", "voorschot"; "?" when out of range. */
const char *sw_settlement_code_name(int code);

/* "eurocent", "percent", ... ; NULL for an unknown unit. */
const char *sw_unit_name(enum sw_unit unit);


enum sw_scale_kind {
    SW_SCALE_MARGINAL,  /* tax brackets: rate applies to the part above threshold */
    SW_SCALE_PIECEWISE  /* base + rate x (x - threshold) in the bracket holding x */
};

struct sw_bracket {
    int64_t threshold;  /* in the scale's threshold unit (eurocent) */
    int64_t base;       /* piecewise only: value at threshold (eurocent) */
    int64_t rate;       /* ppm; may be negative in a piecewise scale */
};

/* What a lookup found, for traces and `tables show`. Strings are owned by the
 * table set, valid until sw_tables_free(). */
struct sw_value_info {
    const char *id;
    const char *description;
    enum sw_unit unit;
    sw_date from;
    const char *source;      /* law and article, or publication */
    const char *url;         /* may be "" */
    const char *note;        /* may be "" */
    const char *file;        /* document name it came from */
    bool provisional;        /* not yet confirmed by an official publication */
    bool overridden;         /* supplied by the user, not by a table */
    bool end;                /* timeline entry that ends the parameter */
    bool projected;          /* the last value used past its timeline (sw_ctx.project) */
    bool unpublished;        /* an end meaning "next value not published yet" */
    sw_date projected_from;  /* projected only: the date the next value is due
                              * (the unpublished end); SW_NO_DATE otherwise */
    int64_t amount;          /* for a plain parameter */
    bool is_scale;
    enum sw_scale_kind kind;                 /* scales only */
    const struct sw_bracket *brackets;       /* scales only; owned by the set */
    size_t nbrackets;
};

struct sw_tables;

/* Create an empty set that validates documents with the XSD in xsd[0..xsd_len).
 * The XSD is untrusted like a table: parsed without network, DTD or entity
 * expansion, and it must be self-contained - an xs:import, xs:include or
 * xs:redefine is refused, never read. SW_ERR_TABLE (field "schema") when it
 * does not load. Call sw_tables_free() to release. */
sw_status sw_tables_new(struct sw_tables **out, const char *xsd, size_t xsd_len,
                        struct sw_err *err) __attribute__((warn_unused_result));

/* sw_tables_new() with the libxml2 functions the set calls - to parse, validate
 * and free - given by the caller (switchsim/tables_xml.h): `xml` must stay valid
 * until sw_tables_free(). sw_tables_new() passes sw_xml_linked(), and so needs
 * libxml2 linked; this one does not. */
struct sw_xml;
sw_status sw_tables_new_with(struct sw_tables **out, const char *xsd, size_t xsd_len,
                             const struct sw_xml *xml, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Parse, validate and add one document. `name` (e.g. "tables/wml.xml") is used
 * in messages and copied. The document is untrusted: no network, no DTD, no
 * entity expansion, at most SW_TABLE_MAX_BYTES. On failure the set is unchanged
 * and err names the document and line. */
sw_status sw_tables_add(struct sw_tables *t, const char *name, const char *xml,
                        size_t len, struct sw_err *err) __attribute__((warn_unused_result));

/* Cross-document checks (no overlapping timelines, consistent units), index for
 * lookup, and compute the set's sha256 and version. Must be called once, after
 * the last sw_tables_add() and before any lookup. */
sw_status sw_tables_finish(struct sw_tables *t, struct sw_err *err)
    __attribute__((warn_unused_result));

void sw_tables_free(struct sw_tables *t);

/* The sha256 (64 hex digits) over all documents in name order, and the version
 * (the newest `version` attribute among them). Owned by the set. */
const char *sw_tables_sha256(const struct sw_tables *t);
const char *sw_tables_version(const struct sw_tables *t);

/* Enumeration for `tables list` / `GET /api/tables`. */
size_t sw_tables_doc_count(const struct sw_tables *t);
/* Name, id, title, version, and the municipality ("" for national) of document i. */
void sw_tables_doc(const struct sw_tables *t, size_t i, const char **name,
                   const char **id, const char **title, const char **version,
                   const char **municipality);
size_t sw_tables_param_count(const struct sw_tables *t);
/* Id, unit and whether parameter i is a scale; municipality is "" or its id. */
void sw_tables_param(const struct sw_tables *t, size_t i, const char **id,
                     const char **municipality, enum sw_unit *unit, bool *is_scale);
/* true when a municipality with this id has a table. */
bool sw_tables_has_municipality(const struct sw_tables *t, const char *municipality);

/* For a bound the code relies on (not a legal value): SW_OK when the set has no
 * national parameter `id`, or has it as a plain parameter in `unit` whose
 * declared range (both min and max, in the unit's stored form) lies within
 * min..max - then the reader refused every value outside. Else SW_ERR_TABLE
 * naming `id`, with the document and both ranges in the message. */
sw_status sw_tables_require_range(const struct sw_tables *t, const char *id, enum sw_unit unit,
                                  int64_t min, int64_t max, struct sw_err *err)
    __attribute__((warn_unused_result));

/* --- user overrides: parameter id -> value, supplied in a scenario --- */

struct sw_override {
    const char *id;   /* not owned */
    int64_t amount;   /* in the parameter's unit (cents, ppm, ...) */
};

/* Parse `text` as a value of parameter `id` in that parameter's unit, as written
 * in the tables ("1401.50" is not cents: eurocent values are integers, percent
 * values decimals like "25"). For scenario and command-line overrides: this is
 * the one gate a user value passes. Only a parameter the tables mark
 * overridable="true" may be overridden, and only within its declared min..max
 * (both in the unit, as written in the tables); a municipal id ("gemeente.")
 * is judged by the national defaults (municipality "default").
 * SW_ERR_INVALID naming `field` and `id` (in err->msg; err->field is `field`)
 * for an unknown id, a scale, a parameter that is not overridable, a bad value,
 * or a value outside the range. *out is set only on success.
 *
 * sw_param() applies whatever sw_ctx.overrides holds: a front end fills it only
 * with values from this function. */
sw_status sw_tables_parse_override(const struct sw_tables *t, const char *id,
                                   const char *text, const char *field, int64_t *out,
                                   struct sw_err *err) __attribute__((warn_unused_result));

/* Whether `id` may be overridden; if so its range in *min..*max (in the unit's
 * stored form: cents, ppm, hundredths of hours, ...). */
bool sw_tables_override_range(const struct sw_tables *t, const char *id, int64_t *min,
                              int64_t *max);

/* --- lookups --- */

/* Records every value a calculation used: to list provisional values in the
 * output and to build traces. A caller that does not care passes NULL. */
struct sw_used {
    struct sw_value_info *items;
    size_t len, cap;
    bool nomem;
};
void sw_used_release(struct sw_used *u);
/* Add to dst the values of src it does not hold yet (for a front end that runs
 * several calculations and lists what they used together); dst->nomem when out
 * of memory. */
void sw_used_merge(struct sw_used *dst, const struct sw_used *src);
/* true when u->items[i] is projected and no earlier item is a projected value of
 * the same id: the loop of every list that names each projected parameter once. */
bool sw_used_first_projected(const struct sw_used *u, size_t i);
/* Add info to c->used unless the same value is there already, as a lookup
 * records what it found (through the index of c's cache when it has one). */
struct sw_ctx;
void sw_used_record(const struct sw_ctx *c, const struct sw_value_info *info);

/* Everything a rule needs to look up a parameter. */
struct sw_ctx {
    const struct sw_tables *tables;
    const char *municipality;          /* NULL or "" = national defaults */
    const struct sw_override *overrides;
    size_t n_overrides;
    struct sw_used *used;              /* may be NULL */
    /* Past a parameter's last published value (an end marked unpublished), use
     * that value, marked provisional and projected, instead of failing. The
     * front ends set it unless the user asks for strict mode; every output
     * lists each projected value by name (see sw_ctx_init()). */
    bool project;
    /* NULL, or a cache of this very context's lookups (sw_lookup_cache_new()):
     * the same answers and the same record in `used`, without searching the
     * set by id again. Set it only after every other field, change none of
     * them while it is set, and do not share it between contexts or threads
     * (a cache moves to the next context with sw_lookup_cache_bind()).
     * With a cache, sw_param(), sw_param_opt() and sw_scale() (and their _t
     * forms) find an id by its address: pass a string constant (or the set's
     * own id text), whose text never changes; an id built in a buffer goes
     * to sw_param_text(), which compares the text. */
    struct sw_lookup_cache *cache;
};

struct sw_lookup_cache;

/* A cache for one context's lookups (see sw_ctx.cache). SW_ERR_NOMEM. Call
 * sw_lookup_cache_free() to release. */
sw_status sw_lookup_cache_new(struct sw_lookup_cache **out, struct sw_err *err)
    __attribute__((warn_unused_result));
void sw_lookup_cache_free(struct sw_lookup_cache *cache);
/* Make cache the cache of context c (then set c->cache), for a caller that runs
 * one calculation after another (a batch): when c resolves ids as the context
 * it served last (the same set, municipality and projection, no overrides) it
 * keeps what it found, else it starts empty. Either way c->used gets every
 * value c looks up, as with a new cache. */
void sw_lookup_cache_bind(struct sw_lookup_cache *cache, const struct sw_ctx *c);

/* A value a rule derives from the tables alone (e.g. the day someone reaches
 * the AOW age), kept in the context's cache under `tag` (a string constant of
 * the rule; compared by address) and key[0..SW_MEMO_KEY): the same question in
 * the same context has the same answer, and the lookups it made are in c->used
 * already. Get: true and *out when kept. Put: keeps it when there is room.
 * Without a cache both do nothing. A rule keeps nothing while it traces. */
#define SW_MEMO_KEY 6
bool sw_memo_get(const struct sw_ctx *c, const char *tag, const int64_t key[SW_MEMO_KEY],
                 int64_t *out);
void sw_memo_put(const struct sw_ctx *c, const char *tag, const int64_t key[SW_MEMO_KEY],
                 int64_t value);

/* The dates on which the lookups a calculation made give the same answers, for a
 * rule asked month after month on the same facts: between sw_window_begin() and
 * sw_window_end() the context's cache narrows w to the dates for which every
 * lookup it answers (by sw_param(), sw_param_opt() or sw_scale()) holds the same
 * value, or the same absence of one (a parameter before its first value or after
 * its end). The
 * calculation's result may then be reused on another date in [lo, hi) when it
 * depends on the date only through those lookups (its other uses of the date -
 * an age, a year - are the caller's to compare), and the record in c->used does
 * not change: those values are in it already. Windows nest (an inner one also
 * narrows the outer). Without a cache nothing is recorded and w->ok stays false.
 * A value kept with sw_memo_put() answers the same question whatever the date:
 * its key holds all it depends on (the date too, if it depends on it), so a hit
 * leaves the windows as they are; the lookups that computed it narrowed them. */
struct sw_window {
    sw_date at;              /* the date the calculation asks for */
    sw_date lo, hi;          /* its lookups answer alike for lo <= date < hi */
    bool ok;                 /* false: no cache, or a lookup on another date than `at` */
    struct sw_window *outer;
};
void sw_window_begin(const struct sw_ctx *c, struct sw_window *w, sw_date at);
/* Stop recording into w (the innermost window); w->ok as above. */
void sw_window_end(const struct sw_ctx *c, struct sw_window *w);
/* true when w is ok and holds for `date` (inline: asked for every month). */
static inline bool sw_window_holds(const struct sw_window *w, sw_date date)
{
    return w->ok && w->lo <= date && date < w->hi;
}

/* A context on `t` with the policy every front end uses: national defaults, no
 * overrides, and unpublished values carried forward (projected) unless
 * `strict`. Callers then set municipality, overrides and used as needed. */
void sw_ctx_init(struct sw_ctx *c, const struct sw_tables *t, bool strict);

/* The value of plain parameter `id` on `date`, which must have unit `unit`.
 * SW_ERR_NO_VALUE naming id and date when there is none (before the first value,
 * or after an explicit end; past the last value unless c->project); SW_ERR_INTERNAL when the unit or kind differs (a
 * programming error: the rule asked for the wrong thing). info may be NULL. */
sw_status sw_param(const struct sw_ctx *c, const char *id, sw_date date,
                   enum sw_unit unit, int64_t *out, struct sw_value_info *info,
                   struct sw_err *err) __attribute__((warn_unused_result));

/* sw_param() (found NULL) or sw_param_opt() (found not NULL) for an id built
 * in a buffer, whose address may hold another id later: found by its text,
 * never by its address (see sw_ctx.cache). */
sw_status sw_param_text(const struct sw_ctx *c, const char *id, sw_date date,
                        enum sw_unit unit, int64_t *out, bool *found,
                        struct sw_value_info *info, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_param() for a parameter a rule may do without: SW_OK with *found false
 * (and *out untouched) where sw_param() fails with SW_ERR_NO_VALUE - no such
 * id in the scenario's municipality or the defaults, or no value on `date` -
 * but without formatting a message (err untouched): rules ask for their
 * optional parameters month after month. Other errors as sw_param(). */
sw_status sw_param_opt(const struct sw_ctx *c, const char *id, sw_date date,
                       enum sw_unit unit, int64_t *out, bool *found,
                       struct sw_value_info *info, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The brackets of scale `id` on `date`; the array is owned by the table set.
 * `kind` must match the scale's kind. */
sw_status sw_scale(const struct sw_ctx *c, const char *id, sw_date date,
                   enum sw_scale_kind kind, const struct sw_bracket **out, size_t *n,
                   struct sw_value_info *info, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Evaluate a scale on x (cents): marginal = sum of rate x part of x in each
 * bracket; piecewise = base + rate x (x - threshold) of the bracket holding x.
 * Each bracket's product is rounded with `round` (sw_money_rate_half_up or
 * sw_money_rate_down). */
int64_t sw_scale_eval(enum sw_scale_kind kind, const struct sw_bracket *b, size_t n,
                      int64_t x, int64_t (*round)(int64_t, int64_t));

/* Document-level info of a parameter for `tables show`: its timeline. Returns the
 * number of values; fills up to `max` infos. 0 when the id is unknown. */
size_t sw_tables_timeline(const struct sw_tables *t, const char *id,
                          const char *municipality, struct sw_value_info *out,
                          size_t max);

/* --- snapshots: a finished set as bytes ---
 * For a process that starts per request: the front end keeps the bytes of a
 * finished set under a key naming its sources (their sha256s) and later rebuilds
 * the identical set from them, without parsing or validating XML. */

/* Serialize the finished set t with `key` (a NUL-terminated string chosen by the
 * caller). *out is malloc'ed (free() it), *len its size. SW_ERR_NOMEM, or
 * SW_ERR_INTERNAL when t is not finished. */
sw_status sw_tables_snapshot(const struct sw_tables *t, const char *key, char **out,
                             size_t *len, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Rebuild a finished set from buf[0..len), made by sw_tables_snapshot() of this
 * very build with the same key. SW_ERR_TABLE when the bytes are damaged, from
 * another build or for another key (then load the XML); SW_ERR_NOMEM. The set
 * has no schema: sw_tables_add() on it is not allowed. Free with
 * sw_tables_free(). */
sw_status sw_tables_from_snapshot(struct sw_tables **out, const char *buf, size_t len,
                                  const char *key, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
