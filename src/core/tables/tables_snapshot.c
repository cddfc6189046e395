/* tables_snapshot.c - a finished table set as bytes, and the set rebuilt from
 * them without parsing or validating XML (the table cache of a process that
 * starts per request). A snapshot holds only what the XML loader accepted; one
 * that does not (damaged, crafted) is refused whole, never half used.
 */
#include <stdlib.h>
#include <string.h>

#include "switchsim/money.h"
#include "switchsim/xxh64.h"
#include "tables_impl.h"

/* Layout (every integer 8 bytes, little endian; a string is its length and its
 * bytes, length 2^64-1 for NULL): magic, build, key, the documents, the set's
 * version (a document index) and sha256, the parameters (with their declared
 * range) with their values and brackets, and the XXH64 (seed 0) of all bytes before it:
 * the checksum, read eight bytes at a time, on every start that uses the cache. */

#define SNAP_MAGIC "SWTSNAP2"
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
        snap_u64(&w, (uint64_t)p->overridable | (uint64_t)p->has_min << 1 |
                         (uint64_t)p->has_max << 2);
        snap_u64(&w, (uint64_t)p->min);
        snap_u64(&w, (uint64_t)p->max);
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
        snap_u64(&w, sw_xxh64(w.p, w.len, 0));
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

/* Whether v lies in the range tables_parse_amount() allows for `unit`: a
 * snapshot holds only what the XML loader accepted, and a damaged or crafted one
 * that does not must not reach the rules (their arithmetic relies on these
 * bounds). */
static bool snap_in_range(enum sw_unit unit, bool signed_rate, int64_t v)
{
    int64_t lo, hi;
    int decimals;

    tables_unit_range(unit, signed_rate, &lo, &hi, &decimals);
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
    if (sum != sw_xxh64(buf, len - 8, 0))
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
    t->nparams = snap_count(&r, 104, SIZE_MAX / sizeof(struct tparam));
    t->params = r.bad || !t->nparams ? NULL : calloc(t->nparams, sizeof(*t->params));
    if (!r.bad && t->nparams && !t->params)
        r.nomem = r.bad = true;
    if (r.bad)
        t->nparams = 0;
    for (size_t i = 0; i < t->nparams && !r.bad; i++) {
        struct tparam *p = &t->params[i];
        uint64_t unit, is_scale, kind, doc, range;
        p->id = snap_get_str(&r, false);
        p->description = snap_get_str(&r, true);
        p->municipality = snap_get_str(&r, false);
        unit = snap_get(&r);
        is_scale = snap_get(&r);
        kind = snap_get(&r);
        doc = snap_get(&r);
        range = snap_get(&r);
        p->min = (int64_t)snap_get(&r);
        p->max = (int64_t)snap_get(&r);
        if (r.bad || unit >= SW_UNIT__COUNT || is_scale > 1 ||
            (kind != SW_SCALE_MARGINAL && kind != SW_SCALE_PIECEWISE) || doc >= t->ndocs ||
            range > 7) {
            r.bad = true;
            break;
        }
        p->unit = (enum sw_unit)unit;
        p->is_scale = is_scale != 0;
        p->kind = (enum sw_scale_kind)kind;
        p->doc = (size_t)doc;
        p->overridable = range & 1;
        p->has_min = (range >> 1) & 1;
        p->has_max = (range >> 2) & 1;
        /* What read_range() checks: bounds in the unit's range, consistent. */
        if ((p->has_min && !snap_in_range(p->unit, false, p->min)) ||
            (p->has_max && !snap_in_range(p->unit, false, p->max)) ||
            (!p->has_min && p->min != 0) || (!p->has_max && p->max != 0) ||
            tables_range_problem(p)) {
            r.bad = true;
            break;
        }
        /* Lookups search the parameters by (municipality, id), each once (a
         * finished set has merged the timelines); p has no values yet, so
         * the reader's param_cmp(), which looks at them, does not apply. */
        if (i > 0 && (strcmp(t->params[i - 1].municipality, p->municipality) > 0 ||
                      (strcmp(t->params[i - 1].municipality, p->municipality) == 0 &&
                       strcmp(t->params[i - 1].id, p->id) >= 0))) {
            r.bad = true;
            break;
        }
        p->nvalues = snap_count(&r, 72, SIZE_MAX / sizeof(struct tvalue));
        if (r.bad || (p->nvalues == 0 && !p->overridable)) {
            r.bad = true;
            p->nvalues = 0;
            break;
        }
        p->values = calloc(p->nvalues ? p->nvalues : 1, sizeof(*p->values));
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
                                   (!v->end && (!snap_in_range(p->unit, false, v->amount) ||
                                                !tables_in_declared_range(p, v->amount)))))
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
    tables_index_build(t);
    t->finished = true;
    *out = t;
    return SW_OK;
bad:
    return sw_err_set(err, SW_ERR_TABLE, "snapshot",
                      "the snapshot is damaged, from another build, or for other tables");
}
