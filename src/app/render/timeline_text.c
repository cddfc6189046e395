/* timeline_text.c - the compact JSON text of a timeline written straight from the
 * struct: the bytes sw_json_text(sw_timeline_json(tl), false) gives (json_out.c
 * builds that tree; the two must change together), without the tree's thousands
 * of small allocations. The API (simulate without traces) and `switchsim batch`
 * write their answers with it; tests/unit/check_timeline_text.c compares it with
 * the tree's text for every reference case and a generated caseload. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "json_text.h"
#include "switchsim/money.h"

/* One object being written: a comma before every member but the first. */
struct obj {
    struct sw_jbuf *b;
    bool any;
};

static void open_obj(struct obj *o, struct sw_jbuf *b)
{
    o->b = b;
    o->any = false;
    sw_jb_putc(b, '{');
}

static void close_obj(struct obj *o)
{
    sw_jb_putc(o->b, '}');
}

/* A member name as written with the comma before it: ,"name": (cJSON writes
 * a name as any string; the names here need no escape, which is checked). n
 * counts the comma; 0: it needs an escape (or is too long). */
struct name_text {
    char t[64];
    size_t n;
};

static void name_text(struct name_text *k, const char *name)
{
    size_t n = strlen(name);

    k->n = 0;
    if (n > sizeof(k->t) - 4 || sw_jb_needs_escape(name, n))
        return;
    k->t[0] = ',';
    k->t[1] = '"';
    memcpy(k->t + 2, name, n);
    k->t[n + 2] = '"';
    k->t[n + 3] = ':';
    k->n = n + 4;
}

/* "name": with the comma before every member but the first (for a name not
 * written in the code: an item's). */
static void key(struct obj *o, const char *name)
{
    struct name_text k;
    char *d;

    name_text(&k, name);
    if (k.n == 0) {
        if (o->any)
            sw_jb_putc(o->b, ',');
        o->any = true;
        sw_jb_string(o->b, name);
        sw_jb_putc(o->b, ':');
        return;
    }
    if (!(d = sw_jb_room(o->b, k.n)))
        return;
    memcpy(d, k.t + !o->any, k.n - !o->any);
    o->b->len += k.n - !o->any;
    o->any = true;
}

/* A member name written in the code: K("name") is its text "name": and that
 * text's length, for the helpers below (names in the code need no escape). */
#define K(lit) "\"" lit "\":", sizeof(lit) + 2

/* K(name)'s text with the comma before every member but the first. */
static void key_k(struct obj *o, const char *kt, size_t kn)
{
    char *d = sw_jb_room(o->b, kn + 1);

    if (!d)
        return;
    *d = ',';
    d += o->any;
    memcpy(d, kt, kn);
    o->b->len += kn + o->any;
    o->any = true;
}

/* A string member; none when s is NULL (cJSON_AddStringToObject adds nothing). */
static void m_str(struct obj *o, const char *kt, size_t kn, const char *s)
{
    if (!s)
        return;
    key_k(o, kt, kn);
    sw_jb_string(o->b, s);
}

static void m_num(struct obj *o, const char *kt, size_t kn, double d)
{
    key_k(o, kt, kn);
    sw_jb_number(o->b, d);
}

/* The digits of v (below 10^15 in size) at d, two at a time: made backwards in
 * a buffer, then one fixed copy of 16 bytes of which the digits count (d needs
 * room for 16); returns the end. */
static char *cents_at(char *d, int64_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    char t[40], *e = t + 24, *q = e;

    if (u < 10 && v >= 0) {
        *d = (char)('0' + u);
        return d + 1;
    }
    while (u >= 100) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        q -= 2;
        memcpy(q, pairs + 2 * r, 2);
    }
    if (u >= 10) {
        q -= 2;
        memcpy(q, pairs + 2 * u, 2);
    } else {
        *--q = (char)('0' + u);
    }
    if (v < 0)
        *--q = '-';
    memcpy(d, q, 16);   /* at most 16: 15 digits and a sign */
    return d + (e - q);
}

/* A whole number as sw_jb_number() writes (double)v: its digits, for every v
 * below 10^15 in size (exact as a double). */
static bool small_whole(int64_t v)
{
    return v > -1000000000000000LL && v < 1000000000000000LL;
}

static void whole(struct sw_jbuf *b, int64_t v)
{
    char *d;

    if (!small_whole(v)) {
        sw_jb_number(b, (double)v);
        return;
    }
    if ((d = sw_jb_room(b, 24)))
        b->len = (size_t)(cents_at(d, v) - b->p);
}

/* Cents: what sw_jb_number() writes of (double)cents (whole()). */
static void m_cents(struct obj *o, const char *kt, size_t kn, int64_t cents)
{
    key_k(o, kt, kn);
    whole(o->b, cents);
}

/* A member of every item of SW_ITEM__COUNT (a month row, the totals), the
 * items' names as written (name_text(); items[k].t + 1 without the comma):
 * room for all of them at once, each name one fixed copy of which its own
 * bytes count, then its digits. */
#define ITEM_ROOM (sizeof(((struct name_text *)0)->t) + 24)
static void m_items(struct obj *o, const struct name_text *items, const int64_t *v)
{
    struct sw_jbuf *b = o->b;

    for (int k = 0; k < SW_ITEM__COUNT; k++) {
        char *d = sw_jb_room(b, (size_t)(SW_ITEM__COUNT - k) * ITEM_ROOM);
        size_t skip = !o->any;   /* the first member: no comma */

        if (!d)
            return;
        for (; k < SW_ITEM__COUNT && items[k].n != 0 && small_whole(v[k]); k++) {
            size_t n = items[k].n - skip;
            memcpy(d, items[k].t + skip, sizeof(items[k].t) - 1);
            d = cents_at(d + n, v[k]);
            skip = 0;
        }
        b->len = (size_t)(d - b->p);
        o->any = o->any || skip == 0;
        if (k < SW_ITEM__COUNT) {
            key(o, sw_item_name((enum sw_item)k));
            whole(b, v[k]);
        }
    }
}

static void m_bool(struct obj *o, const char *kt, size_t kn, bool v)
{
    key_k(o, kt, kn);
    sw_jb_put(o->b, v ? "true" : "false", v ? 4 : 5);
}

static void m_null(struct obj *o, const char *kt, size_t kn)
{
    key_k(o, kt, kn);
    sw_jb_put(o->b, "null", 4);
}

/* "YYYY-MM" (day 0) or "YYYY-MM-DD" into t: sw_month_format()'s "%04d-%02d" and
 * sw_date_format()'s "%04d-%02d-%02d" without the printf; false (nothing
 * written) for a year outside 0-9999. */
static bool ymd_text(char *t, int y, int mo, int day)
{
    if (y < 0 || y > 9999)
        return false;
    t[0] = (char)('0' + y / 1000);
    t[1] = (char)('0' + y / 100 % 10);
    t[2] = (char)('0' + y / 10 % 10);
    t[3] = (char)('0' + y % 10);
    t[4] = '-';
    t[5] = (char)('0' + mo / 10);
    t[6] = (char)('0' + mo % 10);
    t[7] = '\0';
    if (day > 0) {
        t[7] = '-';
        t[8] = (char)('0' + day / 10);
        t[9] = (char)('0' + day % 10);
        t[10] = '\0';
    }
    return true;
}

/* The member kt with the string t of n bytes that ymd_text() wrote (digits
 * and '-': nothing to escape, no strlen). */
static void m_ymd(struct obj *o, const char *kt, size_t kn, const char *t, size_t n)
{
    char *d;

    key_k(o, kt, kn);
    if ((d = sw_jb_room(o->b, n + 2))) {
        d[0] = '"';
        memcpy(d + 1, t, n);
        d[n + 1] = '"';
        o->b->len += n + 2;
    }
}

static void m_month(struct obj *o, const char *kt, size_t kn, sw_month m)
{
    char t[16];

    if (m < 0 || !ymd_text(t, m / 12, m % 12 + 1, 0)) {
        sw_month_format(t, sizeof(t), m);
        m_str(o, kt, kn, t);
        return;
    }
    m_ymd(o, kt, kn, t, 7);   /* "YYYY-MM" */
}

static void m_date(struct obj *o, const char *kt, size_t kn, sw_date d)
{
    char t[16];
    int y, mo, day;

    sw_date_to_ymd(d, &y, &mo, &day);
    if (!ymd_text(t, y, mo, day)) {
        sw_date_format(t, sizeof(t), d);
        m_str(o, kt, kn, t);
        return;
    }
    m_ymd(o, kt, kn, t, day > 0 ? 10 : 7);   /* "YYYY-MM-DD" ("YYYY-MM": day 0) */
}

/* json_out.c's add_unit_value(). */
static void m_unit_value(struct obj *o, const char *kt, size_t kn, int64_t v, enum sw_unit unit)
{
    switch (unit) {
    case SW_UNIT_PERCENT: m_num(o, kt, kn, (double)v / SW_PPM_PER_PERCENT); break;
    case SW_UNIT_HOURS: m_num(o, kt, kn, (double)v / 100); break;
    case SW_UNIT_BOOL: m_bool(o, kt, kn, v != 0); break;
    case SW_UNIT_SETTLEMENT: m_str(o, kt, kn, sw_settlement_code_name((int)v)); break;
    default: m_num(o, kt, kn, (double)v); break;
    }
}

/* An array of strings; a NULL entry is left out (cJSON_CreateString(NULL)). */
static void strings(struct sw_jbuf *b, const char *const *s, size_t n)
{
    bool any = false;

    sw_jb_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (!s[i])
            continue;
        if (any)
            sw_jb_putc(b, ',');
        any = true;
        sw_jb_string(b, s[i]);
    }
    sw_jb_putc(b, ']');
}

/* The projected values a timeline used, each id once (sw_used_first_projected),
 * in order: found once, not again for every month as sw_timeline_projected()
 * does. NULL when out of memory. The member "projected" of the last month
 * written is kept as text: a month's ids are those missing from its last day
 * on, so a later month has the same ids or more (and an earlier one the same
 * or fewer) - the same number of them is the same list. */
struct projected {
    const struct sw_value_info **p;
    size_t n;
    sw_date *from;          /* the projected_from of p[0..n), in ascending order */
    struct sw_jbuf text;    /* "projected":[...] of `count` ids; count 0: none yet */
    size_t count;
};

/* strcmp(a, b) == 0, the same text mostly being the same pointer and another
 * text mostly starting otherwise (no id, NULL, is only the same as none). */
static bool same_id(const char *a, const char *b)
{
    return a == b || (a && b && a[0] == b[0] && strcmp(a, b) == 0);
}

/* Ids seen (by their text, as same_id() compares; no id, NULL, counts too):
 * open addressing on a hash of an id's length and its first and last 8 bytes,
 * at least twice as many slots as ids (64 in the set itself, more taken when
 * needed), so that a repeat is found without going over all the ids before it
 * (that scan cost more than the text it dropped). */
#define ID_SET_LOCAL 64
struct id_set {
    const char **slot;   /* NULL: free */
    size_t mask, count;
    bool none_seen;      /* NULL was added */
    bool nomem;          /* out of memory: the answers are no use */
    const char *local[ID_SET_LOCAL];
};

static void id_set_init(struct id_set *s)
{
    memset(s->local, 0, sizeof(s->local));
    s->slot = s->local;
    s->mask = ID_SET_LOCAL - 1;
    s->count = 0;
    s->none_seen = false;
    s->nomem = false;
}

static void id_set_release(struct id_set *s)
{
    if (s->slot != s->local)
        free(s->slot);
}

static size_t id_hash(const char *id)
{
    uint64_t head = 0, tail = 0;
    size_t n = strlen(id);

    memcpy(&head, id, n < 8 ? n : 8);
    memcpy(&tail, id + (n < 8 ? 0 : n - 8), n < 8 ? n : 8);
    return (size_t)(((head * 0x9E3779B97F4A7C15ULL) ^ tail ^ n) * 0xC2B2AE3D27D4EB4FULL >> 32);
}

/* The free slot for an id not in the table. */
static size_t id_free_slot(const struct id_set *s, const char *id)
{
    size_t h = id_hash(id) & s->mask;

    while (s->slot[h])
        h = (h + 1) & s->mask;
    return h;
}

/* Whether id was added before; adds it when not (s->nomem when that failed). */
static bool id_set_seen(struct id_set *s, const char *id)
{
    size_t h;

    if (!id) {
        bool seen = s->none_seen;
        s->none_seen = true;
        return seen;
    }
    for (h = id_hash(id) & s->mask; s->slot[h]; h = (h + 1) & s->mask)
        if (same_id(s->slot[h], id))
            return true;
    if (2 * (s->count + 1) > s->mask + 1) {
        /* twice the slots, the ids put in again */
        struct id_set big = *s;
        big.mask = 2 * s->mask + 1;
        if (!(big.slot = calloc(big.mask + 1, sizeof(*big.slot)))) {
            s->nomem = true;
            return false;
        }
        for (size_t k = 0; k <= s->mask; k++)
            if (s->slot[k])
                big.slot[id_free_slot(&big, s->slot[k])] = s->slot[k];
        id_set_release(s);
        s->slot = big.slot;
        s->mask = big.mask;
        h = id_free_slot(s, id);
    }
    s->slot[h] = id;
    s->count++;
    return false;
}

/* sw_used_first_projected() of every used value, in one pass: a projected value
 * is the first with its id when no earlier projected value has that id, that is
 * when none of the first ones found before it has (the first with an id comes
 * before any other with it). The same answers, without going back over all the
 * earlier values for each. */
static bool projected_find(struct projected *pj, const struct sw_timeline *tl)
{
    struct id_set ids;

    memset(pj, 0, sizeof(*pj));
    pj->p = malloc((tl->used.len ? tl->used.len : 1) * sizeof(*pj->p));
    pj->from = malloc((tl->used.len ? tl->used.len : 1) * sizeof(*pj->from));
    if (!pj->p || !pj->from) {
        free(pj->p);
        free(pj->from);
        pj->p = NULL;
        pj->from = NULL;
        return false;
    }
    id_set_init(&ids);
    for (size_t i = 0; i < tl->used.len; i++) {
        const struct sw_value_info *u = &tl->used.items[i];
        size_t k;
        if (!u->projected || id_set_seen(&ids, u->id))
            continue;
        /* its date among the others, in order (a few dozen at most) */
        for (k = pj->n; k > 0 && pj->from[k - 1] > u->projected_from; k--)
            pj->from[k] = pj->from[k - 1];
        pj->from[k] = u->projected_from;
        pj->p[pj->n++] = u;
    }
    id_set_release(&ids);
    if (ids.nomem) {
        free(pj->p);
        free(pj->from);
        pj->p = NULL;
        pj->from = NULL;
        return false;
    }
    return true;
}

/* How many projected values are missing from `last` or earlier. */
static size_t missing_by(const struct projected *pj, sw_date last)
{
    size_t lo = 0, hi = pj->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pj->from[mid] <= last)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* json_out.c's sw_tables_json() with sw_json_add_used(); the projected values
 * as projected_find() found them. */
static void tables_member(struct obj *top, const struct sw_timeline *tl,
                          const struct projected *pj)
{
    const struct sw_used *used = &tl->used;
    struct sw_jbuf *b = top->b;
    struct obj o, vo;
    bool any = false;
    struct id_set ids;

    id_set_init(&ids);
    key_k(top, K("tables"));
    open_obj(&o, b);
    m_str(&o, K("version"), tl->tables_version);
    m_str(&o, K("sha256"), tl->tables_sha256);
    key_k(&o, K("provisional"));   /* sw_provisional_json() */
    sw_jb_putc(b, '[');
    /* Each provisional id once, where a provisional value (overridden or not)
     * has it first: the earlier provisional values' distinct ids in `ids`. */
    for (size_t i = 0; i < used->len; i++) {
        const struct sw_value_info *u = &used->items[i];
        if (!u->provisional)
            continue;
        if (id_set_seen(&ids, u->id) || u->overridden || !u->id)
            continue;
        if (any)
            sw_jb_putc(b, ',');
        any = true;
        sw_jb_string(b, u->id);
    }
    id_set_release(&ids);
    if (ids.nomem)
        b->fail = true;   /* out of memory: no answer (projected_find()) */
    sw_jb_putc(b, ']');
    /* "projected" (ids) and "projected_values", both only when there is one. */
    any = false;
    for (size_t i = 0; i < pj->n; i++) {
        if (i == 0)
            key_k(&o, K("projected")), sw_jb_putc(b, '[');
        any = true;
        if (!pj->p[i]->id)
            continue;
        if (b->len > 0 && b->p[b->len - 1] != '[')
            sw_jb_putc(b, ',');
        sw_jb_string(b, pj->p[i]->id);
    }
    if (any) {
        sw_jb_putc(b, ']');
        key_k(&o, K("projected_values"));
        sw_jb_putc(b, '[');
        any = false;
        for (size_t i = 0; i < pj->n; i++) {
            const struct sw_value_info *u = pj->p[i];
            if (any)
                sw_jb_putc(b, ',');
            any = true;
            open_obj(&vo, b);
            m_str(&vo, K("id"), u->id);
            m_str(&vo, K("description"), u->description);
            m_str(&vo, K("unit"), u->is_scale ? "scale" : sw_unit_name(u->unit));
            if (!u->is_scale)
                m_unit_value(&vo, K("value"), u->amount, u->unit);
            m_date(&vo, K("published_from"), u->from);
            m_date(&vo, K("missing_from"), u->projected_from);
            m_str(&vo, K("source"), u->source);
            close_obj(&vo);
        }
        sw_jb_putc(b, ']');
    }
    any = false;
    for (size_t i = 0; i < used->len; i++) {
        if (!used->items[i].overridden || !used->items[i].id)
            continue;
        if (!any)
            key_k(&o, K("overridden")), sw_jb_putc(b, '[');
        else
            sw_jb_putc(b, ',');
        any = true;
        sw_jb_string(b, used->items[i].id);
    }
    if (any)
        sw_jb_putc(b, ']');
    close_obj(&o);
}

/* json_out.c's add_projected(): the ids month m depends on (sw_timeline_projected(),
 * at most 64), none when none. */
static void m_projected(struct obj *o, struct projected *pj, sw_month m)
{
    sw_date last = sw_month_last_day(m);
    size_t count = missing_by(pj, last);

    if (count == 0)
        return;
    if (count != pj->count) {
        const char *ids[64];
        struct obj t = {&pj->text, false};
        size_t n = 0;

        for (size_t i = 0; i < pj->n && n < 64; i++)
            if (pj->p[i]->projected_from <= last)
                ids[n++] = pj->p[i]->id;
        pj->text.len = 0;
        key_k(&t, K("projected"));
        strings(&pj->text, ids, n);
        pj->count = count;
        if (pj->text.fail) {
            o->b->fail = true;
            return;
        }
    }
    if (o->any)
        sw_jb_putc(o->b, ',');
    o->any = true;
    sw_jb_put(o->b, pj->text.p, pj->text.len);
}

/* items: the items' names as written (name_text()), made once per text. */
static void run_member(struct obj *top, const char *kt, size_t kn, struct projected *pj,
                       const struct name_text *items, const struct sw_run *run)
{
    struct sw_jbuf *b = top->b;
    struct obj o, m;
    /* A row's amounts as written (at b->p + seg_at, seg_len bytes) for the
     * amounts seg_v: most months have the same amounts as the month before. */
    const int64_t *seg_v = NULL;
    size_t seg_at = 0, seg_len = 0;
    char *d;

    key_k(top, kt, kn);
    open_obj(&o, b);
    key_k(&o, K("months"));
    sw_jb_putc(b, '[');
    for (int i = 0; i < run->n; i++) {
        const struct sw_month_row *r = &run->rows[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&m, b);
        m_month(&m, K("month"), r->month);
        m_str(&m, K("status"), sw_month_status_name(r->status));
        if (seg_v && memcmp(seg_v, r->v, sizeof(r->v)) == 0 && (d = sw_jb_room(b, seg_len))) {
            memcpy(d, b->p + seg_at, seg_len);   /* the same text again */
            b->len += seg_len;
        } else {
            seg_at = b->len;
            m_items(&m, items, r->v);
            seg_len = b->len - seg_at;
            seg_v = r->v;
        }
        key_k(&m, K("vrijlating_month"));
        whole(b, r->vrijlating_month);
        if (r->vrijlating_kind) {
            char kind[2] = {r->vrijlating_kind, 0};
            m_str(&m, K("vrijlating_kind"), kind[0] == 'a' ? "aa" : kind);
        } else {
            m_null(&m, K("vrijlating_kind"));
        }
        m_projected(&m, pj, r->month);
        close_obj(&m);
    }
    sw_jb_putc(b, ']');
    key_k(&o, K("totals"));
    open_obj(&m, b);
    m_items(&m, items, run->totals);
    close_obj(&m);
    close_obj(&o);
}

static void way_back_member(struct obj *top, const struct sw_way_back *wb)
{
    struct obj w;

    key_k(top, K("way_back"));
    open_obj(&w, top->b);
    m_date(&w, K("job_end"), wb->job_end);
    m_num(&w, K("weeks_worked"), wb->weeks_worked);
    m_bool(&w, K("ww"), wb->ww);
    if (wb->ww) {
        m_date(&w, K("ww_from"), wb->ww_from);
        m_date(&w, K("ww_until"), wb->ww_until);
        m_cents(&w, K("ww_dagloon"), wb->ww_dagloon);
    }
    m_bool(&w, K("new_application"), wb->new_application);
    m_date(&w, K("bijstand_from"), wb->bijstand_from);
    m_num(&w, K("gap_days"), wb->gap_days);
    m_bool(&w, K("wmo_kept"), wb->wmo_kept);
    m_bool(&w, K("wajong"), wb->wajong);
    m_date(&w, K("dagbesteding_from"), wb->dagbesteding_from);
    close_obj(&w);
}

/* json_out.c's add_steady(). */
static void steady_members(struct obj *top, const struct sw_steady *st)
{
    struct obj s;
    const char *ids[SW_STEADY_MAX_PROJECTED];

    if (!st->found) {
        m_null(top, K("steady"));
        m_null(top, K("first_months"));
        return;
    }
    key_k(top, K("steady"));
    open_obj(&s, top->b);
    m_month(&s, K("month"), st->month);
    m_cents(&s, K("gain"), st->gain);
    m_cents(&s, K("safe_to_spend"), st->safe_to_spend);
    m_cents(&s, K("baseline_safe_to_spend"), st->baseline_safe_to_spend);
    m_cents(&s, K("debt_taken"), st->debt_taken);
    m_cents(&s, K("baseline_debt_taken"), st->baseline_debt_taken);
    m_cents(&s, K("gain_without_debts"), st->gain + st->debt_taken - st->baseline_debt_taken);
    for (size_t k = 0; k < st->n_projected && k < SW_STEADY_MAX_PROJECTED; k++)
        ids[k] = st->projected[k];
    key_k(&s, K("projected"));
    strings(top->b, ids, st->n_projected < SW_STEADY_MAX_PROJECTED ? st->n_projected
                                                                   : SW_STEADY_MAX_PROJECTED);
    close_obj(&s);
    if (st->first_months <= 0) {
        m_null(top, K("first_months"));
        return;
    }
    key_k(top, K("first_months"));
    open_obj(&s, top->b);
    m_month(&s, K("from"), st->first_from);
    m_month(&s, K("until"), st->month - 1);
    m_num(&s, K("months"), st->first_months);
    m_cents(&s, K("average_gain"), st->first_average);
    m_cents(&s, K("total_gain"), st->first_total);
    close_obj(&s);
}

/* json_out.c's add_local(): "local_schemes" and "armoedeval". */
static void local_members(struct obj *top, const struct sw_timeline *tl)
{
    struct sw_jbuf *b = top->b;
    struct obj o;
    bool any = false;

    key_k(top, K("local_schemes"));
    sw_jb_putc(b, '[');
    for (int k = 0; k < SW_LOCAL__COUNT; k++) {
        const struct sw_local_summary *ls = &tl->local[k];
        if (!ls->tested && !ls->value_known)
            continue;
        if (any)
            sw_jb_putc(b, ',');
        any = true;
        open_obj(&o, b);
        m_str(&o, K("scheme"), sw_local_scheme_name((enum sw_local_scheme)k));
        m_str(&o, K("label"), sw_local_scheme_label((enum sw_local_scheme)k));
        if (ls->tested) {
            char rate[32];
            /* sw_json_add_percent(): the rate as written, a raw value */
            sw_rate_format(rate, sizeof(rate), SW_PPM_ONE + ls->above_ppm);
            key_k(&o, K("limit_percent_of_norm"));
            sw_jb_put(b, rate, strlen(rate));
            m_cents(&o, K("limit"), ls->limit);
        } else {
            m_null(&o, K("limit_percent_of_norm"));
            m_null(&o, K("limit"));
        }
        if (ls->value_known)
            m_cents(&o, K("year_value"), ls->year_value);
        else
            m_null(&o, K("year_value"));
        if (k == SW_LOCAL_IIT)
            m_num(&o, K("waiting_months"), (double)ls->waiting_months);
        m_bool(&o, K("entered"), ls->entered);
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
    key_k(top, K("armoedeval"));
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_armoedeval; i++) {
        const struct sw_armoedeval *e = &tl->armoedeval[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_str(&o, K("scheme"), sw_local_scheme_name(e->scheme));
        m_month(&o, K("month"), e->month);
        m_cents(&o, K("income"), e->income);
        m_cents(&o, K("limit"), e->limit);
        if (e->value_known)
            m_cents(&o, K("year_value"), e->year_value);
        else
            m_null(&o, K("year_value"));
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
}

static void lists_members(struct obj *top, const struct sw_timeline *tl)
{
    struct sw_jbuf *b = top->b;
    struct obj o;

    key_k(top, K("recoveries"));
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_recoveries; i++) {
        const struct sw_recovery *r = &tl->recoveries[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_str(&o, K("kind"), sw_recovery_kind_name(r->kind));
        m_str(&o, K("for_period"), r->for_period);
        m_cents(&o, K("amount"), r->amount);
        m_month(&o, K("expected"), r->expected);
        m_month(&o, K("set_aside_in"), r->caused);
        m_month(&o, K("collected"), r->collected);
        if (r->instalment > 0) {
            m_cents(&o, K("instalment"), r->instalment);
            m_month(&o, K("paid_off"), r->paid_off);
        }
        if (r->offset > 0)
            m_cents(&o, K("offset"), r->offset);
        if (r->within_voet)
            m_bool(&o, K("within_voet"), true);
        m_str(&o, K("avoidable_by"), r->avoidable_by);
        {
            /* the values of the recovery's own calculation (sw_recovery_projected) */
            const struct sw_value_info *p[64];
            const char *ids[64];
            size_t n = sw_recovery_projected(tl, r, p, 64);
            for (size_t k = 0; k < n && k < 64; k++)
                ids[k] = p[k]->id;
            if (n > 0) {
                key_k(&o, K("projected"));
                strings(b, ids, n < 64 ? n : 64);
            }
        }
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
    key_k(top, K("warnings"));
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_warnings; i++) {
        const struct sw_warning *w = &tl->warnings[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_str(&o, K("code"), w->code);
        if (w->month >= 0)
            m_month(&o, K("month"), w->month);
        else
            m_null(&o, K("month"));
        m_cents(&o, K("amount"), w->amount);
        m_str(&o, K("text"), w->text);
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
    key_k(top, K("actions"));
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_actions; i++) {
        const struct sw_action *a = &tl->actions[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_date(&o, K("before"), a->before);
        m_str(&o, K("who"), sw_who_name(a->who));
        m_str(&o, K("text"), a->text);
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
}

void sw_timeline_text_open(struct sw_jbuf *b, const struct sw_timeline *tl)
{
    struct obj o;
    struct projected pj;
    struct name_text items[SW_ITEM__COUNT];

    if (!projected_find(&pj, tl)) {
        b->fail = true;
        return;
    }
    /* Room for the whole text at once (growing it by doubling copied it three
     * times for a 24-month answer of ~70 KB): about 1.5 KB a month row, for the
     * scenario and the baseline, and the rest. */
    if (b->cap == 0)
        sw_jb_grow(b, 8192 + (size_t)(tl->scenario.n + tl->baseline.n) * 1536);
    open_obj(&o, b);
    m_num(&o, K("version"), 1);
    tables_member(&o, tl, &pj);
    for (int k = 0; k < SW_ITEM__COUNT; k++)
        name_text(&items[k], sw_item_name((enum sw_item)k));
    run_member(&o, K("scenario"), &pj, items, &tl->scenario);
    run_member(&o, K("baseline"), &pj, items, &tl->baseline);
    if (tl->way_back.active)
        way_back_member(&o, &tl->way_back);
    m_cents(&o, K("average_gain"), tl->average_gain);
    m_cents(&o, K("total_gain"), tl->total_gain);
    steady_members(&o, &tl->steady);
    local_members(&o, tl);
    lists_members(&o, tl);
    free(pj.p);
    free(pj.from);
    free(pj.text.p);
}

void sw_jb_member_string(struct sw_jbuf *b, const char *name, const char *s)
{
    if (!s)
        return;
    sw_jb_putc(b, ',');
    sw_jb_string(b, name);
    sw_jb_putc(b, ':');
    sw_jb_string(b, s);
}

char *sw_jb_finish(struct sw_jbuf *b, size_t *len)
{
    if (!b->fail && !b->p)
        sw_jb_put(b, "", 0);
    if (b->fail) {
        free(b->p);
        b->p = NULL;
        return NULL;
    }
    b->p[b->len] = '\0';
    if (len)
        *len = b->len;
    return b->p;
}

char *sw_timeline_text(const struct sw_timeline *tl, size_t *len)
{
    struct sw_jbuf b = {0};

    sw_timeline_text_open(&b, tl);
    sw_jb_putc(&b, '}');
    return sw_jb_finish(&b, len);
}
