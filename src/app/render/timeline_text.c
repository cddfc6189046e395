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

/* A member name as written: "name": (cJSON writes a name as any string; the
 * names here need no escape, which is checked). n 0: it needs one. */
struct name_text {
    char t[64];
    size_t n;
};

static void name_text(struct name_text *k, const char *name)
{
    size_t n = 0;

    k->t[n++] = '"';
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 32 || c == '"' || c == '\\' || n >= sizeof(k->t) - 2) {
            k->n = 0;
            return;
        }
        k->t[n++] = (char)c;
    }
    k->t[n++] = '"';
    k->t[n++] = ':';
    k->n = n;
}

/* "name": with the comma before every member but the first. */
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
    if (!(d = sw_jb_room(o->b, k.n + 1)))
        return;
    if (o->any)
        *d++ = ',';
    memcpy(d, k.t, k.n);
    o->b->len += k.n + (o->any ? 1 : 0);
    o->any = true;
}

/* A string member; none when s is NULL (cJSON_AddStringToObject adds nothing). */
static void m_str(struct obj *o, const char *name, const char *s)
{
    if (!s)
        return;
    key(o, name);
    sw_jb_string(o->b, s);
}

static void m_num(struct obj *o, const char *name, double d)
{
    key(o, name);
    sw_jb_number(o->b, d);
}

/* The digits of v (below 10^15 in size) at d, two at a time; returns how many. */
static size_t cents_digits(char *d, int64_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char t[24], *e = t + sizeof(t), *q = e;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

    if (v == 0) {
        *d = '0';
        return 1;
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
    memcpy(d, q, (size_t)(e - q));
    return (size_t)(e - q);
}

/* Cents: what sw_jb_number() writes of (double)cents - the digits, for every
 * amount below 10^15 in size (exact as a double) - without the double. */
static void m_cents(struct obj *o, const char *name, int64_t cents)
{
    char *d;

    if (cents <= -1000000000000000LL || cents >= 1000000000000000LL) {
        m_num(o, name, (double)cents);
        return;
    }
    key(o, name);
    if ((d = sw_jb_room(o->b, 24)))
        o->b->len += cents_digits(d, cents);
}

/* The same with the name written already (k, from name_text()). */
static void m_cents_k(struct obj *o, const struct name_text *k, const char *name,
                      int64_t cents)
{
    char *d;

    if (k->n == 0 || cents <= -1000000000000000LL || cents >= 1000000000000000LL) {
        m_cents(o, name, cents);
        return;
    }
    /* the whole of k->t: one fixed copy, of which k->n bytes count */
    if (!(d = sw_jb_room(o->b, 1 + sizeof(k->t) + 24)))
        return;
    if (o->any)
        *d++ = ',';
    memcpy(d, k->t, sizeof(k->t));
    d += k->n;
    o->b->len += k->n + (o->any ? 1 : 0) + cents_digits(d, cents);
    o->any = true;
}

static void m_bool(struct obj *o, const char *name, bool v)
{
    key(o, name);
    sw_jb_put(o->b, v ? "true" : "false", v ? 4 : 5);
}

static void m_null(struct obj *o, const char *name)
{
    key(o, name);
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

static void m_month(struct obj *o, const char *name, sw_month m)
{
    char t[16];

    if (m < 0 || !ymd_text(t, m / 12, m % 12 + 1, 0))
        sw_month_format(t, sizeof(t), m);
    m_str(o, name, t);
}

static void m_date(struct obj *o, const char *name, sw_date d)
{
    char t[16];
    int y, mo, day;

    sw_date_to_ymd(d, &y, &mo, &day);
    if (!ymd_text(t, y, mo, day))
        sw_date_format(t, sizeof(t), d);
    m_str(o, name, t);
}

/* json_out.c's add_unit_value(). */
static void m_unit_value(struct obj *o, const char *name, int64_t v, enum sw_unit unit)
{
    switch (unit) {
    case SW_UNIT_PERCENT: m_num(o, name, (double)v / SW_PPM_PER_PERCENT); break;
    case SW_UNIT_HOURS: m_num(o, name, (double)v / 100); break;
    case SW_UNIT_BOOL: m_bool(o, name, v != 0); break;
    case SW_UNIT_SETTLEMENT: m_str(o, name, sw_settlement_code_name((int)v)); break;
    default: m_num(o, name, (double)v); break;
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

/* json_out.c's sw_tables_json() with sw_json_add_used(). */
static void tables_member(struct obj *top, const struct sw_timeline *tl)
{
    const struct sw_used *used = &tl->used;
    struct sw_jbuf *b = top->b;
    struct obj o, vo;
    bool any = false;

    key(top, "tables");
    open_obj(&o, b);
    m_str(&o, "version", tl->tables_version);
    m_str(&o, "sha256", tl->tables_sha256);
    key(&o, "provisional");   /* sw_provisional_json() */
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < used->len; i++) {
        bool dup = false;
        if (!used->items[i].provisional || used->items[i].overridden)
            continue;
        for (size_t j = 0; j < i && !dup; j++)
            dup = used->items[j].provisional && strcmp(used->items[j].id, used->items[i].id) == 0;
        if (dup || !used->items[i].id)
            continue;
        if (any)
            sw_jb_putc(b, ',');
        any = true;
        sw_jb_string(b, used->items[i].id);
    }
    sw_jb_putc(b, ']');
    /* "projected" (ids) and "projected_values", both only when there is one. */
    any = false;
    for (size_t i = 0; i < used->len; i++) {
        bool first = !any;
        if (!sw_used_first_projected(used, i))
            continue;
        if (first)
            key(&o, "projected"), sw_jb_putc(b, '[');
        any = true;
        if (!used->items[i].id)
            continue;
        if (b->len > 0 && b->p[b->len - 1] != '[')
            sw_jb_putc(b, ',');
        sw_jb_string(b, used->items[i].id);
    }
    if (any) {
        sw_jb_putc(b, ']');
        key(&o, "projected_values");
        sw_jb_putc(b, '[');
        any = false;
        for (size_t i = 0; i < used->len; i++) {
            const struct sw_value_info *u = &used->items[i];
            if (!sw_used_first_projected(used, i))
                continue;
            if (any)
                sw_jb_putc(b, ',');
            any = true;
            open_obj(&vo, b);
            m_str(&vo, "id", u->id);
            m_str(&vo, "description", u->description);
            m_str(&vo, "unit", u->is_scale ? "scale" : sw_unit_name(u->unit));
            if (!u->is_scale)
                m_unit_value(&vo, "value", u->amount, u->unit);
            m_date(&vo, "published_from", u->from);
            m_date(&vo, "missing_from", u->projected_from);
            m_str(&vo, "source", u->source);
            close_obj(&vo);
        }
        sw_jb_putc(b, ']');
    }
    any = false;
    for (size_t i = 0; i < used->len; i++) {
        if (!used->items[i].overridden || !used->items[i].id)
            continue;
        if (!any)
            key(&o, "overridden"), sw_jb_putc(b, '[');
        else
            sw_jb_putc(b, ',');
        any = true;
        sw_jb_string(b, used->items[i].id);
    }
    if (any)
        sw_jb_putc(b, ']');
    close_obj(&o);
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
    struct sw_jbuf text;    /* "projected":[...] of `count` ids; count 0: none yet */
    size_t count;
};

static bool projected_find(struct projected *pj, const struct sw_timeline *tl)
{
    memset(pj, 0, sizeof(*pj));
    pj->p = malloc((tl->used.len ? tl->used.len : 1) * sizeof(*pj->p));
    if (!pj->p)
        return false;
    for (size_t i = 0; i < tl->used.len; i++)
        if (sw_used_first_projected(&tl->used, i))
            pj->p[pj->n++] = &tl->used.items[i];
    return true;
}

/* json_out.c's add_projected(): the ids month m depends on (sw_timeline_projected(),
 * at most 64), none when none. */
static void m_projected(struct obj *o, struct projected *pj, sw_month m)
{
    sw_date last = sw_month_last_day(m);
    size_t count = 0;

    for (size_t i = 0; i < pj->n; i++)
        count += pj->p[i]->projected_from <= last;
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
        key(&t, "projected");
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
static void run_member(struct obj *top, const char *name, struct projected *pj,
                       const struct name_text *items, const struct sw_run *run)
{
    struct sw_jbuf *b = top->b;
    struct obj o, m;

    key(top, name);
    open_obj(&o, b);
    key(&o, "months");
    sw_jb_putc(b, '[');
    for (int i = 0; i < run->n; i++) {
        const struct sw_month_row *r = &run->rows[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&m, b);
        m_month(&m, "month", r->month);
        m_str(&m, "status", sw_month_status_name(r->status));
        for (int k = 0; k < SW_ITEM__COUNT; k++)
            m_cents_k(&m, &items[k], sw_item_name((enum sw_item)k), r->v[k]);
        m_num(&m, "vrijlating_month", r->vrijlating_month);
        if (r->vrijlating_kind) {
            char kind[2] = {r->vrijlating_kind, 0};
            m_str(&m, "vrijlating_kind", kind[0] == 'a' ? "aa" : kind);
        } else {
            m_null(&m, "vrijlating_kind");
        }
        m_projected(&m, pj, r->month);
        close_obj(&m);
    }
    sw_jb_putc(b, ']');
    key(&o, "totals");
    open_obj(&m, b);
    for (int k = 0; k < SW_ITEM__COUNT; k++)
        m_cents_k(&m, &items[k], sw_item_name((enum sw_item)k), run->totals[k]);
    close_obj(&m);
    close_obj(&o);
}

static void way_back_member(struct obj *top, const struct sw_way_back *wb)
{
    struct obj w;

    key(top, "way_back");
    open_obj(&w, top->b);
    m_date(&w, "job_end", wb->job_end);
    m_num(&w, "weeks_worked", wb->weeks_worked);
    m_bool(&w, "ww", wb->ww);
    if (wb->ww) {
        m_date(&w, "ww_from", wb->ww_from);
        m_date(&w, "ww_until", wb->ww_until);
        m_cents(&w, "ww_dagloon", wb->ww_dagloon);
    }
    m_bool(&w, "new_application", wb->new_application);
    m_date(&w, "bijstand_from", wb->bijstand_from);
    m_num(&w, "gap_days", wb->gap_days);
    m_bool(&w, "wmo_kept", wb->wmo_kept);
    m_bool(&w, "wajong", wb->wajong);
    m_date(&w, "dagbesteding_from", wb->dagbesteding_from);
    close_obj(&w);
}

/* json_out.c's add_steady(). */
static void steady_members(struct obj *top, const struct sw_steady *st)
{
    struct obj s;
    const char *ids[SW_STEADY_MAX_PROJECTED];

    if (!st->found) {
        m_null(top, "steady");
        m_null(top, "first_months");
        return;
    }
    key(top, "steady");
    open_obj(&s, top->b);
    m_month(&s, "month", st->month);
    m_cents(&s, "gain", st->gain);
    m_cents(&s, "safe_to_spend", st->safe_to_spend);
    m_cents(&s, "baseline_safe_to_spend", st->baseline_safe_to_spend);
    m_cents(&s, "debt_taken", st->debt_taken);
    m_cents(&s, "baseline_debt_taken", st->baseline_debt_taken);
    m_cents(&s, "gain_without_debts", st->gain + st->debt_taken - st->baseline_debt_taken);
    for (size_t k = 0; k < st->n_projected && k < SW_STEADY_MAX_PROJECTED; k++)
        ids[k] = st->projected[k];
    key(&s, "projected");
    strings(top->b, ids, st->n_projected < SW_STEADY_MAX_PROJECTED ? st->n_projected
                                                                   : SW_STEADY_MAX_PROJECTED);
    close_obj(&s);
    if (st->first_months <= 0) {
        m_null(top, "first_months");
        return;
    }
    key(top, "first_months");
    open_obj(&s, top->b);
    m_month(&s, "from", st->first_from);
    m_month(&s, "until", st->month - 1);
    m_num(&s, "months", st->first_months);
    m_cents(&s, "average_gain", st->first_average);
    m_cents(&s, "total_gain", st->first_total);
    close_obj(&s);
}

/* json_out.c's add_local(): "local_schemes" and "armoedeval". */
static void local_members(struct obj *top, const struct sw_timeline *tl)
{
    struct sw_jbuf *b = top->b;
    struct obj o;
    bool any = false;

    key(top, "local_schemes");
    sw_jb_putc(b, '[');
    for (int k = 0; k < SW_LOCAL__COUNT; k++) {
        const struct sw_local_summary *ls = &tl->local[k];
        if (!ls->tested && !ls->value_known)
            continue;
        if (any)
            sw_jb_putc(b, ',');
        any = true;
        open_obj(&o, b);
        m_str(&o, "scheme", sw_local_scheme_name((enum sw_local_scheme)k));
        m_str(&o, "label", sw_local_scheme_label((enum sw_local_scheme)k));
        if (ls->tested) {
            char rate[32];
            /* sw_json_add_percent(): the rate as written, a raw value */
            sw_rate_format(rate, sizeof(rate), SW_PPM_ONE + ls->above_ppm);
            key(&o, "limit_percent_of_norm");
            sw_jb_put(b, rate, strlen(rate));
            m_cents(&o, "limit", ls->limit);
        } else {
            m_null(&o, "limit_percent_of_norm");
            m_null(&o, "limit");
        }
        if (ls->value_known)
            m_cents(&o, "year_value", ls->year_value);
        else
            m_null(&o, "year_value");
        if (k == SW_LOCAL_IIT)
            m_num(&o, "waiting_months", (double)ls->waiting_months);
        m_bool(&o, "entered", ls->entered);
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
    key(top, "armoedeval");
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_armoedeval; i++) {
        const struct sw_armoedeval *e = &tl->armoedeval[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_str(&o, "scheme", sw_local_scheme_name(e->scheme));
        m_month(&o, "month", e->month);
        m_cents(&o, "income", e->income);
        m_cents(&o, "limit", e->limit);
        if (e->value_known)
            m_cents(&o, "year_value", e->year_value);
        else
            m_null(&o, "year_value");
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
}

static void lists_members(struct obj *top, const struct sw_timeline *tl)
{
    struct sw_jbuf *b = top->b;
    struct obj o;

    key(top, "recoveries");
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_recoveries; i++) {
        const struct sw_recovery *r = &tl->recoveries[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_str(&o, "kind", sw_recovery_kind_name(r->kind));
        m_str(&o, "for_period", r->for_period);
        m_cents(&o, "amount", r->amount);
        m_month(&o, "expected", r->expected);
        m_month(&o, "set_aside_in", r->caused);
        m_month(&o, "collected", r->collected);
        if (r->instalment > 0) {
            m_cents(&o, "instalment", r->instalment);
            m_month(&o, "paid_off", r->paid_off);
        }
        if (r->offset > 0)
            m_cents(&o, "offset", r->offset);
        if (r->within_voet)
            m_bool(&o, "within_voet", true);
        m_str(&o, "avoidable_by", r->avoidable_by);
        {
            /* the values of the recovery's own calculation (sw_recovery_projected) */
            const struct sw_value_info *p[64];
            const char *ids[64];
            size_t n = sw_recovery_projected(tl, r, p, 64);
            for (size_t k = 0; k < n && k < 64; k++)
                ids[k] = p[k]->id;
            if (n > 0) {
                key(&o, "projected");
                strings(b, ids, n < 64 ? n : 64);
            }
        }
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
    key(top, "warnings");
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_warnings; i++) {
        const struct sw_warning *w = &tl->warnings[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_str(&o, "code", w->code);
        if (w->month >= 0)
            m_month(&o, "month", w->month);
        else
            m_null(&o, "month");
        m_cents(&o, "amount", w->amount);
        m_str(&o, "text", w->text);
        close_obj(&o);
    }
    sw_jb_putc(b, ']');
    key(top, "actions");
    sw_jb_putc(b, '[');
    for (size_t i = 0; i < tl->n_actions; i++) {
        const struct sw_action *a = &tl->actions[i];
        if (i > 0)
            sw_jb_putc(b, ',');
        open_obj(&o, b);
        m_date(&o, "before", a->before);
        m_str(&o, "who", sw_who_name(a->who));
        m_str(&o, "text", a->text);
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
    m_num(&o, "version", 1);
    tables_member(&o, tl);
    for (int k = 0; k < SW_ITEM__COUNT; k++)
        name_text(&items[k], sw_item_name((enum sw_item)k));
    run_member(&o, "scenario", &pj, items, &tl->scenario);
    run_member(&o, "baseline", &pj, items, &tl->baseline);
    if (tl->way_back.active)
        way_back_member(&o, &tl->way_back);
    m_cents(&o, "average_gain", tl->average_gain);
    m_cents(&o, "total_gain", tl->total_gain);
    steady_members(&o, &tl->steady);
    local_members(&o, tl);
    lists_members(&o, tl);
    free(pj.p);
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
