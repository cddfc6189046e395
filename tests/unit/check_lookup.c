/* check_lookup.c - optional parameters (sw_param_opt()) and the lookup cache's
 * answers for what the tables lack: with and without a cache the same answers
 * as sw_param(), no message formatted for an absent value, the messages of
 * sw_param() unchanged after the cache kept an absent answer, ids built in a
 * reused buffer, and windows narrowed by a missing value's dates; the used list
 * through the cache as without it (every field of every item, and the info a
 * lookup asks for), also in lists
 * in turn through one cache over two years of months; a cache bound
 * to one context after another, also from municipality to municipality, from
 * table set to table set, and past the wrap of its count of used lists.
 * The figures are those of tests/tables/valid/base.xml: test.amount 1000.00 from
 * 2025-01-01, 1100.00 from 2026-01-01, ended 2027-01-01. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The cache's layout (its count of used lists, cache_slot.rec): a white-box
 * test of the wrap of that count. */
#include "tables_cache.h"

static const char *const valid[] = {"tests/tables/valid/base.xml",
                                    "tests/tables/valid/later.xml",
                                    "tests/tables/valid/gemeente.xml"};

#define UNTOUCHED "untouched"

/* sw_param_opt(c, id, date) - or, `text`, sw_param_text() with found (an id
 * built in a buffer): its status, *found and the value (-1 when not found);
 * checks that err stays untouched unless the status is an error. */
static sw_status opt_as(bool text, const struct sw_ctx *c, const char *id, const char *date,
                        enum sw_unit unit, bool *found, int64_t *v)
{
    struct sw_err err;
    sw_status st;

    snprintf(err.msg, sizeof(err.msg), "%s", UNTOUCHED);
    *v = -1;
    st = text ? sw_param_text(c, id, test_date(date), unit, v, found, NULL, &err)
              : sw_param_opt(c, id, test_date(date), unit, v, found, NULL, &err);
    if (st == SW_OK)
        ck_assert_str_eq(err.msg, UNTOUCHED);
    return st;
}

static sw_status opt(const struct sw_ctx *c, const char *id, const char *date,
                     enum sw_unit unit, bool *found, int64_t *v)
{
    return opt_as(false, c, id, date, unit, found, v);
}

static sw_status opt_text(const struct sw_ctx *c, const char *id, const char *date,
                          enum sw_unit unit, bool *found, int64_t *v)
{
    return opt_as(true, c, id, date, unit, found, v);
}

/* Every answer twice (the second from the cache when there is one). */
static void answers(const struct sw_ctx *c)
{
    bool found;
    int64_t v;

    for (int round = 0; round < 2; round++) {
        /* Before the first value and after the explicit end: not found. */
        ck_assert_int_eq(opt(c, "test.amount", "2024-12-31", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(!found);
        ck_assert_int_eq(v, -1);
        ck_assert_int_eq(opt(c, "test.amount", "2027-01-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(!found);
        /* Inside: the value of the day (the last day of 2025 still 1000.00). */
        ck_assert_int_eq(opt(c, "test.amount", "2025-12-31", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(found);
        ck_assert_int_eq(v, 100000);
        ck_assert_int_eq(opt(c, "test.amount", "2026-01-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(found);
        ck_assert_int_eq(v, 110000);
        /* No such parameter at all. */
        ck_assert_int_eq(opt(c, "no.such", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
        ck_assert(!found);
        /* The wrong unit stays a bug, also for an optional parameter. */
        ck_assert_int_eq(opt(c, "test.rate", "2025-06-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_ERR_INTERNAL);
    }
}

/* The valid test tables in a context with a lookup cache (set last, as
 * sw_ctx.cache asks) and `used` as its record; the caller frees the set and the
 * cache. */
static struct sw_tables *cached_ctx(struct sw_ctx *c, struct sw_used *used)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);

    ck_assert_ptr_nonnull(t);
    sw_ctx_init(c, t, false);
    c->used = used;
    ck_assert_int_eq(sw_lookup_cache_new(&c->cache, &err), SW_OK);
    return t;
}

START_TEST(test_opt_answers_with_and_without_cache)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_ctx c;
    int64_t v;

    ck_assert_ptr_nonnull(t);
    sw_ctx_init(&c, t, false);
    answers(&c);
    ck_assert_int_eq(sw_lookup_cache_new(&c.cache, &err), SW_OK);
    answers(&c);
    /* sw_param() still names what is missing after the cache kept it absent. */
    ck_assert_int_eq(sw_param(&c, "no.such", test_date("2025-06-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.msg, "no parameter 'no.such' in the tables");
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2024-12-31"), SW_UNIT_EUROCENT,
                              &v, NULL, &err), SW_ERR_NO_VALUE);
    ck_assert_str_eq(err.msg, "no value for 'test.amount' on '2024-12-31'");
    ck_assert_str_eq(err.field, "test.amount");
    sw_lookup_cache_free(c.cache);
    sw_tables_free(t);
}
END_TEST

/* An id built in a buffer (sw_param_text()): the cache keeps a copy of an
 * absent id's text, so the same buffer holding another id gets that id's
 * answer. Many absent ids fill and reuse the slots (their copies are freed:
 * LeakSanitizer). A string constant with the same text is found alike. */
START_TEST(test_opt_ids_in_a_buffer)
{
    struct sw_tables *t;
    struct sw_ctx c;
    char id[64];
    bool found;
    int64_t v;

    t = cached_ctx(&c, NULL);
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof(id), "test.absent.%d", i);
        ck_assert_int_eq(opt_text(&c, id, "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
        ck_assert(!found);
        snprintf(id, sizeof(id), "test.amount");
        ck_assert_int_eq(opt_text(&c, id, "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
        ck_assert(found);
        ck_assert_int_eq(v, 100000);
        ck_assert_int_eq(opt(&c, "test.amount", "2026-06-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert_int_eq(v, 110000);
    }
    sw_lookup_cache_free(c.cache);
    sw_tables_free(t);
}
END_TEST

/* A missing value narrows a window to the dates without one: a result built on
 * "not found" in 2024 is not reused in 2025. An absent id leaves the dates. */
START_TEST(test_opt_narrows_windows)
{
    struct sw_tables *t;
    struct sw_ctx c;
    struct sw_window w;
    bool found;
    int64_t v;

    t = cached_ctx(&c, NULL);
    for (int round = 0; round < 2; round++) {   /* the full path, then the cache */
        sw_window_begin(&c, &w, test_date("2024-06-01"));
        ck_assert_int_eq(opt(&c, "test.amount", "2024-06-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(!found);
        ck_assert_int_eq(opt(&c, "no.such", "2024-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
        sw_window_end(&c, &w);
        ck_assert(sw_window_holds(&w, test_date("2024-12-31")));
        ck_assert(!sw_window_holds(&w, test_date("2025-01-01")));
        /* After the end: from 2027-01-01 on, without an upper bound. */
        sw_window_begin(&c, &w, test_date("2027-03-01"));
        ck_assert_int_eq(opt(&c, "test.amount", "2027-03-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(!found);
        sw_window_end(&c, &w);
        ck_assert(sw_window_holds(&w, test_date("2030-01-01")));
        ck_assert(!sw_window_holds(&w, test_date("2026-12-31")));
    }
    sw_lookup_cache_free(c.cache);
    sw_tables_free(t);
}
END_TEST

/* A value found through sw_param_opt() is in the used list once; a missing one
 * is not in it. */
START_TEST(test_opt_used_list)
{
    struct sw_tables *t;
    struct sw_used used = {0};
    struct sw_ctx c;
    bool found;
    int64_t v;

    t = cached_ctx(&c, &used);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(opt(&c, "test.amount", "2025-03-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(found);
        ck_assert_int_eq(opt(&c, "test.amount", "2024-03-01", SW_UNIT_EUROCENT, &found, &v),
                         SW_OK);
        ck_assert(!found);
        ck_assert_int_eq(opt(&c, "no.such", "2025-03-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    }
    ck_assert_int_eq(used.len, 1);
    ck_assert_str_eq(used.items[0].id, "test.amount");
    ck_assert_int_eq(used.items[0].from, test_date("2025-01-01"));
    sw_used_release(&used);
    sw_lookup_cache_free(c.cache);
    sw_tables_free(t);
}
END_TEST

/* Whether two items of a used list say the same, field by field (the strings
 * by their text: a cached lookup copies the set's info). */
static void same_item(const struct sw_value_info *a, const struct sw_value_info *b)
{
    ck_assert_str_eq(a->id, b->id);
    ck_assert_str_eq(a->description, b->description);
    ck_assert_int_eq(a->unit, b->unit);
    ck_assert_int_eq(a->from, b->from);
    ck_assert_str_eq(a->source, b->source);
    ck_assert_str_eq(a->url, b->url);
    ck_assert_str_eq(a->note, b->note);
    ck_assert_str_eq(a->file, b->file);
    ck_assert_int_eq(a->provisional, b->provisional);
    ck_assert_int_eq(a->overridden, b->overridden);
    ck_assert_int_eq(a->end, b->end);
    ck_assert_int_eq(a->projected, b->projected);
    ck_assert_int_eq(a->unpublished, b->unpublished);
    ck_assert_int_eq(a->projected_from, b->projected_from);
    ck_assert_int_eq(a->amount, b->amount);
    ck_assert_int_eq(a->is_scale, b->is_scale);
    if (a->is_scale) {
        ck_assert_int_eq(a->kind, b->kind);
        ck_assert_ptr_eq(a->brackets, b->brackets);
        ck_assert_uint_eq(a->nbrackets, b->nbrackets);
    }
}

/* Whether two used lists hold the same items in the same order (same_item(),
 * the id also by address). */
static void same_items(const struct sw_used *a, const struct sw_used *b)
{
    ck_assert_uint_eq(a->len, b->len);
    for (size_t i = 0; i < b->len; i++) {
        ck_assert_ptr_eq(a->items[i].id, b->items[i].id);
        same_item(&a->items[i], &b->items[i]);
    }
}

/* Every plain national parameter of the shipped tables on `date`, in the
 * order of the set, recorded in c->used; how many had a value. */
static size_t look_up_all(const struct sw_ctx *c, sw_date date)
{
    size_t n = 0;

    for (size_t i = 0; i < sw_tables_param_count(c->tables); i++) {
        const char *id, *muni;
        enum sw_unit unit;
        bool is_scale;
        struct sw_err err;
        int64_t v;
        sw_tables_param(c->tables, i, &id, &muni, &unit, &is_scale);
        if (!is_scale && !muni[0] && sw_param(c, id, date, unit, &v, NULL, &err) == SW_OK)
            n++;
    }
    return n;
}

/* The used list through the cache (its index of the list, built anew as the
 * list grows and moves, and the item-by-item search past 256 values) holds
 * what it holds without a cache: each value once, in the same order. */
START_TEST(test_used_list_with_and_without_cache)
{
    struct sw_used plain = {0}, cached = {0};
    struct sw_ctx a = test_ctx(), b = test_ctx();
    struct sw_err err;
    size_t n;

    a.used = &plain;
    b.used = &cached;
    ck_assert_int_eq(sw_lookup_cache_new(&b.cache, &err), SW_OK);
    n = look_up_all(&b, test_date("2026-01-01"));
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(cached.len, n);   /* every parameter once: no two alike */
    for (int round = 0; round < 2; round++) {
        static const char *const dates[] = {"2026-01-01", "2026-07-01", "2025-03-01"};
        for (size_t d = 0; d < sizeof(dates) / sizeof(dates[0]); d++) {
            look_up_all(&a, test_date(dates[d]));
            look_up_all(&b, test_date(dates[d]));
        }
    }
    ck_assert_int_gt(plain.len, 256);
    same_items(&cached, &plain);
    sw_used_release(&plain);
    sw_used_release(&cached);
    sw_lookup_cache_free(b.cache);
}
END_TEST

/* Every national parameter and scale of c's tables on `date` through a and b
 * (one with a cache, one without): the same status and answer from each, and
 * with `info` the same info of the value (the cache's from its slot). */
static void look_up_both(const struct sw_ctx *a, const struct sw_ctx *b, sw_date date, bool info)
{
    for (size_t i = 0; i < sw_tables_param_count(a->tables); i++) {
        const char *id, *muni;
        enum sw_unit unit;
        bool is_scale;
        struct sw_err err;
        int64_t va = -1, vb = -1;
        const struct sw_bracket *ba = NULL, *bb = NULL;
        size_t na = 0, nb = 0;
        struct sw_value_info first, ia, ib;
        sw_status st;

        sw_tables_param(a->tables, i, &id, &muni, &unit, &is_scale);
        if (muni[0])
            continue;
        if (!is_scale) {
            st = sw_param(a, id, date, unit, &va, info ? &ia : NULL, &err);
            ck_assert_int_eq(st, sw_param(b, id, date, unit, &vb, info ? &ib : NULL, &err));
            ck_assert_int_eq(va, vb);
        } else {
            ck_assert_uint_gt(sw_tables_timeline(a->tables, id, "", &first, 1), 0);
            st = sw_scale(a, id, date, first.kind, &ba, &na, info ? &ia : NULL, &err);
            ck_assert_int_eq(st, sw_scale(b, id, date, first.kind, &bb, &nb,
                                          info ? &ib : NULL, &err));
            ck_assert_ptr_eq(ba, bb);
            ck_assert_uint_eq(na, nb);
        }
        if (info && st == SW_OK) {
            ck_assert_ptr_eq(ia.id, ib.id);
            same_item(&ia, &ib);
        }
    }
}

/* A run's two contexts on the shipped tables: a without a cache, recording in
 * plain; b through `cache`, bound to it anew, recording in cached. */
static void run_pair(struct sw_lookup_cache *cache, bool project, struct sw_ctx *a,
                     struct sw_used *plain, struct sw_ctx *b, struct sw_used *cached)
{
    *a = test_ctx();
    *b = test_ctx();
    a->used = plain;
    b->used = cached;
    a->project = b->project = project;
    sw_lookup_cache_bind(cache, b);
    b->cache = cache;
}

/* One cache bound to a run after another, each with its own used list (as a
 * batch runs): a value the cache still holds from the run before is recorded
 * on its first hit in the new list (sw_param()'s and sw_scale()'s quick
 * path), after a move to another date or on the full path - and each list,
 * over two years of months from several starts, is the one a context without
 * a cache builds by the same lookups, item by item. Mid-month each lookup
 * asks for the info too (on a hit, the cache fills it from the slot): the
 * same info as without a cache, projected ones alike. */
START_TEST(test_used_lists_in_turn_with_and_without_cache)
{
    struct sw_lookup_cache *cache = NULL;
    struct sw_err err;
    /* Start, months and projection of each run: long ones (lists past 256
     * values, searched item by item) and short ones across the end of 2026,
     * which the shipped tables mark unpublished (projected values), the last
     * two in 2027 alone (shorter lists, appended without a search). */
    static const struct {
        int year, month, months;
        bool project;
    } runs[] = {{2025, 1, 24, true},  {2026, 11, 4, true},  {2025, 7, 24, true},
                {2026, 12, 3, true},  {2026, 1, 24, false}, {2024, 11, 6, false},
                {2026, 10, 6, true},  {2027, 1, 3, true},   {2027, 2, 3, true}};

    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    for (size_t run = 0; run < sizeof(runs) / sizeof(runs[0]); run++) {
        struct sw_used plain = {0}, cached = {0};
        struct sw_ctx a, b;
        sw_month m0 = sw_month_from_ym(runs[run].year, runs[run].month);

        run_pair(cache, runs[run].project, &a, &plain, &b, &cached);
        for (sw_month m = m0; m < m0 + runs[run].months; m++) {
            look_up_both(&a, &b, sw_month_first_day(m), false);
            look_up_both(&a, &b, sw_month_first_day(m) + 14, true);
        }
        ck_assert_uint_gt(plain.len, 0);
        same_items(&cached, &plain);
        sw_used_release(&plain);
        sw_used_release(&cached);
    }
    sw_lookup_cache_free(cache);
}
END_TEST

/* The dates a run asks for in turn across years, as the engine does (a
 * month, its toeslag year settled, the year before): a slot moves between
 * two values again and again, trading places with the answer it held before
 * (slot_move()), and on a third date finds another. Each run's used list is
 * the one a context without a cache builds by the same lookups, item by item,
 * with the same answers; and a window around the lookups of each date, with
 * slots that traded, narrows to what a fresh cache (every slot filled on the
 * full path) narrows it to. Two years earlier (a slot moved) the lookups
 * ask for the info too: the same as without a cache. */
START_TEST(test_used_lists_alternating_years)
{
    struct sw_lookup_cache *cache = NULL, *fresh = NULL;
    struct sw_err err;
    /* Start, months and projection; each month asks for its first day, the
     * same day a year later and (every third month) two years earlier. */
    static const struct {
        int year, month, months;
        bool project;
    } runs[] = {{2026, 7, 12, true}, {2026, 1, 6, true},  {2025, 11, 8, false},
                {2026, 12, 4, true}, {2027, 3, 3, true}, {2026, 6, 9, true}};

    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    ck_assert_int_eq(sw_lookup_cache_new(&fresh, &err), SW_OK);
    for (size_t run = 0; run < sizeof(runs) / sizeof(runs[0]); run++) {
        struct sw_used plain = {0}, cached = {0};
        struct sw_ctx a, b;
        sw_month m0 = sw_month_from_ym(runs[run].year, runs[run].month);

        run_pair(cache, runs[run].project, &a, &plain, &b, &cached);
        for (int i = 0; i < runs[run].months; i++) {
            sw_month ms[3] = {m0 + i, m0 + i + 12, m0 + i - 24};

            for (int j = 0; j < (i % 3 == 2 ? 3 : 2); j++) {
                sw_date d = sw_month_first_day(ms[j]);
                struct sw_ctx f = test_ctx();
                struct sw_window wb, wf;

                /* The window through the slots as the date before left
                 * them (most move), and through a cache whose slots are all
                 * new; the plain context asks alike. */
                look_up_all(&a, d);
                sw_window_begin(&b, &wb, d);
                look_up_all(&b, d);
                sw_window_end(&b, &wb);
                f.project = runs[run].project;
                sw_lookup_cache_free(fresh);
                ck_assert_int_eq(sw_lookup_cache_new(&fresh, &err), SW_OK);
                sw_lookup_cache_bind(fresh, &f);
                f.cache = fresh;
                sw_window_begin(&f, &wf, d);
                look_up_all(&f, d);
                sw_window_end(&f, &wf);
                ck_assert(wb.ok && wf.ok);
                ck_assert_int_eq(wb.lo, wf.lo);
                ck_assert_int_eq(wb.hi, wf.hi);
                look_up_both(&a, &b, d, j == 2);
            }
        }
        ck_assert_uint_gt(plain.len, 0);
        same_items(&cached, &plain);
        sw_used_release(&plain);
        sw_used_release(&cached);
    }
    sw_lookup_cache_free(fresh);
    sw_lookup_cache_free(cache);
}
END_TEST

/* Whether u holds no value twice (what the list tells values apart by). */
static void no_value_twice(const struct sw_used *u)
{
    for (size_t i = 0; i < u->len; i++)
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(!(u->items[i].id == u->items[j].id &&
                            u->items[i].from == u->items[j].from &&
                            u->items[i].overridden == u->items[j].overridden &&
                            u->items[i].projected == u->items[j].projected),
                          "%s from %d twice (items %zu and %zu)", u->items[i].id,
                          (int)u->items[i].from, j, i);
}

/* Values recorded in a cached context's list from outside (sw_used_record(),
 * as the engine copies what a resumed run used), between its own lookups:
 * a later lookup of such a value finds it there - no value twice - and the
 * list is the one a context without a cache builds by the same steps. So is
 * it after the list was cut short (the engine cuts it to copy a resumed run's
 * part): each value once. */
START_TEST(test_used_list_recorded_from_outside)
{
    struct sw_used other = {0}, plain = {0}, cached = {0};
    struct sw_ctx o = test_ctx(), a = test_ctx(), b = test_ctx();
    struct sw_lookup_cache *cache = NULL;
    struct sw_err err;

    o.used = &other;
    look_up_all(&o, test_date("2026-07-01"));
    look_up_all(&o, test_date("2025-03-01"));
    ck_assert_uint_gt(other.len, 0);
    a.used = &plain;
    b.used = &cached;
    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    sw_lookup_cache_bind(cache, &b);
    b.cache = cache;
    look_up_all(&a, test_date("2026-01-01"));
    look_up_all(&b, test_date("2026-01-01"));
    for (size_t i = 0; i < other.len; i += 2) {   /* every other one */
        sw_used_record(&a, &other.items[i]);
        sw_used_record(&b, &other.items[i]);
    }
    look_up_all(&a, test_date("2026-07-01"));
    look_up_all(&b, test_date("2026-07-01"));
    look_up_all(&a, test_date("2025-03-01"));
    look_up_all(&b, test_date("2025-03-01"));
    no_value_twice(&cached);
    ck_assert_uint_eq(cached.len, plain.len);
    for (size_t i = 0; i < plain.len; i++) {
        ck_assert_ptr_eq(cached.items[i].id, plain.items[i].id);
        same_item(&cached.items[i], &plain.items[i]);
    }
    /* The next list, cut short after its first lookups, then one value from
     * outside and more lookups. */
    sw_used_release(&cached);
    sw_lookup_cache_bind(cache, &b);
    look_up_all(&b, test_date("2026-01-01"));
    cached.len /= 2;
    sw_used_record(&b, &other.items[0]);
    look_up_all(&b, test_date("2026-07-01"));
    look_up_all(&b, test_date("2026-01-01"));
    no_value_twice(&cached);
    sw_used_release(&other);
    sw_used_release(&plain);
    sw_used_release(&cached);
    sw_lookup_cache_free(cache);
}
END_TEST

/* The set's index finds every parameter of the shipped tables under its own
 * municipality ("" national) and id, and nothing under another. */
START_TEST(test_index_finds_every_parameter)
{
    const struct sw_tables *t = test_tables();
    struct sw_value_info info[1];

    for (size_t i = 0; i < sw_tables_param_count(t); i++) {
        const char *id, *muni;
        enum sw_unit unit;
        bool is_scale;
        int64_t lo, hi;
        sw_tables_param(t, i, &id, &muni, &unit, &is_scale);
        if (sw_tables_timeline(t, id, muni, info, 1) == 0) {
            /* Only a declaration of what a user may enter has no value
             * (tables/gemeenten/default.xml). */
            ck_assert_msg(strcmp(muni, "default") == 0 && sw_tables_override_range(t, id, &lo, &hi),
                          "%s %s has no value and is not a declaration", muni, id);
            continue;
        }
        ck_assert_ptr_eq(info[0].id, id);
        ck_assert_uint_eq(sw_tables_timeline(t, id, "no-such-municipality", info, 1), 0);
    }
    ck_assert_uint_eq(sw_tables_timeline(t, "no.such.id", "", info, 1), 0);
}
END_TEST

/* c anew for t (municipality muni or none, used list `used`, override ov or
 * none), with `cache` bound to it as the engine binds it for each scenario. */
static void bind_next(struct sw_ctx *c, const struct sw_tables *t, struct sw_lookup_cache *cache,
                      const char *muni, struct sw_used *used, const struct sw_override *ov)
{
    sw_ctx_init(c, t, false);
    c->municipality = muni;
    c->used = used;
    c->overrides = ov;
    c->n_overrides = ov ? 1 : 0;
    sw_lookup_cache_bind(cache, c);
    c->cache = cache;
}

/* The same in a short list (the cache's own index of it): test.amount of
 * 2026 recorded from outside, then looked up: once in the list. */
START_TEST(test_used_value_from_outside_looked_up)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_lookup_cache *cache = NULL;
    struct sw_used u = {0}, from = {0};
    struct sw_ctx c, o;
    int64_t v;

    ck_assert_ptr_nonnull(t);
    sw_ctx_init(&o, t, false);
    o.used = &from;
    ck_assert_int_eq(sw_param(&o, "test.amount", test_date("2026-06-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err),
                     SW_OK);
    ck_assert_uint_eq(from.len, 1);
    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    bind_next(&c, t, cache, NULL, &u, NULL);
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2025-06-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v, 100000);
    sw_used_record(&c, &from.items[0]);
    ck_assert_uint_eq(u.len, 2);
    ck_assert_int_eq(sw_param(&c, "test.amount", test_date("2026-06-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v, 110000);
    ck_assert_uint_eq(u.len, 2);
    no_value_twice(&u);
    sw_used_release(&u);
    sw_used_release(&from);
    sw_lookup_cache_free(cache);
    sw_tables_free(t);
}
END_TEST

/* The memo (sw_memo_get(), sw_memo_put()) against a plain list of what was
 * put: two tags, keys that differ in one word each, the same question asked
 * again at once (the entry found last answers it) and in turn with others,
 * values put anew, and a bind in between (everything forgotten). Every get
 * answers as the list does, or not at all where the memo ran out of room. */
START_TEST(test_memo_against_plain)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_lookup_cache *cache = NULL;
    struct sw_used u = {0};
    struct sw_ctx c;
    static const char tag_a[] = "test.a", tag_b[] = "test.b";
    enum { KEYS = 40 };
    int64_t plain[2][KEYS];
    bool in[2][KEYS];
    int hits = 0;
    uint32_t r = 12345;

    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    memset(in, 0, sizeof(in));
    bind_next(&c, t, cache, NULL, &u, NULL);
    for (int i = 0; i < 20000; i++) {
        int op, tg, k;
        int64_t key[SW_MEMO_KEY] = {0}, m = -1;

        r = r * 1103515245u + 12345u;
        op = (int)(r >> 16) % 16;
        tg = (int)(r >> 8) & 1;
        k = (int)((r >> 20) % KEYS);
        /* Every other question is the one before (the last entry's lane). */
        if (i % 2)
            k = (k + i / 2) % 4;
        key[k % SW_MEMO_KEY] = 1 + k / SW_MEMO_KEY;
        if (op == 0) {
            /* A new calculation: nothing kept is there any more. */
            sw_lookup_cache_bind(cache, &c);
            memset(in, 0, sizeof(in));
        } else if (op < 4) {
            int64_t v = (int64_t)i * 7 + tg;
            sw_memo_put(&c, tg ? tag_b : tag_a, key, v);
            plain[tg][k] = v;
            in[tg][k] = true;
        } else if (sw_memo_get(&c, tg ? tag_b : tag_a, key, &m)) {
            ck_assert(in[tg][k]);
            ck_assert_int_eq(m, plain[tg][k]);
            hits++;
            /* Asked again at once: the same answer. */
            m = -1;
            ck_assert(sw_memo_get(&c, tg ? tag_b : tag_a, key, &m));
            ck_assert_int_eq(m, plain[tg][k]);
        }
    }
    ck_assert_int_gt(hits, 1000);
    sw_used_release(&u);
    sw_lookup_cache_free(cache);
    sw_tables_free(t);
}
END_TEST

/* A cache bound to one context after another (a batch): the same set and
 * municipality keep its answers and record them in the new used list; another
 * municipality, an override or a memo do not carry over. */
START_TEST(test_cache_bound_to_the_next_context)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_lookup_cache *cache = NULL;
    struct sw_used u1 = {0}, u2 = {0}, u3 = {0}, u4 = {0};
    struct sw_override ov = {"test.amount", 150000};
    struct sw_ctx c;
    static const char tag[] = "test";
    int64_t key[SW_MEMO_KEY] = {1}, m;
    bool found;
    int64_t v;

    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    /* Testdorp, no overrides. */
    bind_next(&c, t, cache, "testdorp", &u1, NULL);
    ck_assert_int_eq(opt(&c, "gemeente.price", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert(found);
    ck_assert_int_eq(v, 5120);
    ck_assert_int_eq(opt(&c, "test.amount", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert_int_eq(v, 100000);
    sw_memo_put(&c, tag, key, 42);
    ck_assert(sw_memo_get(&c, tag, key, &m));
    ck_assert_int_eq(u1.len, 2);
    /* Testdorp again with a new used list: the same answers, recorded there;
     * the memo's lookups are not in the new list: forgotten. */
    bind_next(&c, t, cache, "testdorp", &u2, NULL);
    ck_assert(!sw_memo_get(&c, tag, key, &m));
    ck_assert_int_eq(opt(&c, "gemeente.price", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert_int_eq(v, 5120);
    ck_assert_int_eq(opt(&c, "test.amount", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert_int_eq(u2.len, 2);
    ck_assert_ptr_eq(u2.items[0].id, u1.items[0].id);
    ck_assert_ptr_eq(u2.items[1].id, u1.items[1].id);
    /* The national defaults, no overrides: the national answer stays (and is
     * recorded in the new list), testdorp's price is not the defaults'; back
     * in testdorp the price again. */
    bind_next(&c, t, cache, NULL, &u4, NULL);
    ck_assert_int_eq(opt(&c, "gemeente.price", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert(!found);
    ck_assert_int_eq(opt(&c, "test.amount", "2026-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert_int_eq(v, 110000);
    ck_assert_int_eq(u4.len, 1);
    ck_assert_int_eq(u4.items[0].from, test_date("2026-01-01"));
    bind_next(&c, t, cache, "testdorp", &u4, NULL);
    ck_assert_int_eq(opt(&c, "gemeente.price", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert(found);
    ck_assert_int_eq(v, 5120);
    ck_assert_int_eq(u4.len, 2);
    /* National defaults only, with an override: no price, the user's amount. */
    bind_next(&c, t, cache, NULL, &u3, &ov);
    ck_assert_int_eq(opt(&c, "gemeente.price", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert(!found);
    ck_assert_int_eq(opt(&c, "test.amount", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert_int_eq(v, 150000);
    /* And without it again: the table's amount. */
    bind_next(&c, t, cache, NULL, NULL, NULL);
    ck_assert_int_eq(opt(&c, "test.amount", "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    ck_assert_int_eq(v, 100000);
    sw_used_release(&u1);
    sw_used_release(&u2);
    sw_used_release(&u3);
    sw_used_release(&u4);
    sw_lookup_cache_free(cache);
    sw_tables_free(t);
}
END_TEST

/* One municipality after another through one cache, as a batch binds it (the
 * municipal ids then resolved anew, by the set's table of what each
 * municipality finds): every plain parameter of the shipped tables, national
 * and municipal, on dates before, inside and past the timelines, answers as
 * in a context without a cache, and the used lists hold the same values in
 * the same order. `strict`: without projection. */
static void municipalities_in_turn(bool strict)
{
    const struct sw_tables *t = test_tables();
    static const char *const munis[] = {"amersfoort", "oss", "amersfoort", NULL, "almere",
                                        "default", "rijk_van_nijmegen", "amsterdam",
                                        "no-such-municipality", "ede", "oss", "",
                                        "rijk_van_nijmegen", "nijmegen", "arnhem", "amsterdam"};
    static const char *const dates[] = {"2019-06-01", "2026-01-01", "2026-07-01", "2025-03-01",
                                        "2027-02-01", "2031-01-01", "2026-12-31"};
    struct sw_lookup_cache *cache = NULL;
    struct sw_err err;
    size_t found_some = 0;

    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    for (size_t m = 0; m < sizeof(munis) / sizeof(munis[0]); m++) {
        struct sw_used plain = {0}, cached = {0};
        struct sw_ctx a, b;

        sw_ctx_init(&a, t, strict);
        a.municipality = munis[m];
        a.used = &plain;
        sw_ctx_init(&b, t, strict);
        b.municipality = munis[m];
        b.used = &cached;
        sw_lookup_cache_bind(cache, &b);
        b.cache = cache;
        for (size_t d = 0; d < sizeof(dates) / sizeof(dates[0]); d++) {
            for (size_t i = 0; i < sw_tables_param_count(t); i++) {
                const char *id, *muni;
                enum sw_unit unit;
                bool is_scale, fa, fb;
                int64_t va = -1, vb = -1;
                sw_status sa, sb;

                sw_tables_param(t, i, &id, &muni, &unit, &is_scale);
                if (is_scale)
                    continue;
                sa = sw_param_opt(&a, id, test_date(dates[d]), unit, &va, &fa, NULL, &err);
                sb = sw_param_opt(&b, id, test_date(dates[d]), unit, &vb, &fb, NULL, &err);
                ck_assert_msg(sa == sb && fa == fb && va == vb,
                              "%s in %s on %s: %d %d %lld without the cache, %d %d %lld with it",
                              id, munis[m] ? munis[m] : "(none)", dates[d], (int)sa, fa,
                              (long long)va, (int)sb, fb, (long long)vb);
                found_some += fa && muni[0];
                /* sw_param() (its quickest path with a cache): the same
                 * answer, and the same message when there is none. */
                {
                    struct sw_err ea, eb;
                    memset(&ea, 0, sizeof(ea));
                    memset(&eb, 0, sizeof(eb));
                    va = vb = -1;
                    sa = sw_param(&a, id, test_date(dates[d]), unit, &va, NULL, &ea);
                    sb = sw_param(&b, id, test_date(dates[d]), unit, &vb, NULL, &eb);
                    ck_assert_int_eq(sa, sb);
                    ck_assert_int_eq(va, vb);
                    if (sa) {
                        ck_assert_str_eq(ea.msg, eb.msg);
                        ck_assert_str_eq(ea.field, eb.field);
                    }
                }
            }
        }
        same_items(&cached, &plain);
        sw_used_release(&plain);
        sw_used_release(&cached);
    }
    ck_assert_uint_gt(found_some, 0);
    sw_lookup_cache_free(cache);
}

START_TEST(test_cache_municipalities_in_turn)
{
    municipalities_in_turn(false);
    municipalities_in_turn(true);
}
END_TEST

/* test.amount on 2025-06-01 in c, recorded in c->used (then its only item),
 * which must be the set's own: its id text and source those of the set's
 * timeline, not of a set the cache served before. */
static void amount_from_set(const struct sw_ctx *c, const struct sw_tables *t)
{
    struct sw_value_info tl[4];
    struct sw_err err;
    int64_t v = -1;

    ck_assert_uint_ge(sw_tables_timeline(t, "test.amount", "", tl, 4), 1);
    ck_assert_int_eq(sw_param(c, "test.amount", test_date("2025-06-01"), SW_UNIT_EUROCENT, &v,
                              NULL, &err),
                     SW_OK);
    ck_assert_int_eq(v, 100000);
    ck_assert_uint_eq(c->used->len, 1);
    ck_assert_ptr_eq(c->used->items[0].id, tl[0].id);
    ck_assert_ptr_eq(c->used->items[0].source, tl[0].source);
    ck_assert_ptr_eq(c->used->items[0].file, tl[0].file);
    same_item(&c->used->items[0], &tl[0]);
}

/* One cache bound to a context on one set, which is then freed, then on
 * another (an equal one rebuilt from its snapshot: the same sha256), on one of
 * fewer documents and back: each lookup answers from, and records, the set of
 * its context - no slot, value or info of the set served before (kept past
 * its set, the first set's would be read after it was freed: the SAN build
 * stops there). */
START_TEST(test_cache_from_set_to_set)
{
    static const char *const two[] = {"tests/tables/valid/base.xml",
                                      "tests/tables/valid/later.xml"};
    struct sw_err err;
    struct sw_tables *t1 = test_load_tables(valid, 3, &err), *t2 = NULL, *t3;
    struct sw_lookup_cache *cache = NULL;
    struct sw_ctx c;
    char *snap = NULL;
    size_t len = 0;

    ck_assert_ptr_nonnull(t1);
    ck_assert_int_eq(sw_tables_snapshot(t1, "k", &snap, &len, &err), SW_OK);
    ck_assert_int_eq(sw_tables_from_snapshot(&t2, snap, len, "k", &err), SW_OK);
    free(snap);
    t3 = test_load_tables(two, 2, &err);
    ck_assert_ptr_nonnull(t3);
    ck_assert_str_eq(sw_tables_sha256(t1), sw_tables_sha256(t2));
    ck_assert_str_ne(sw_tables_sha256(t1), sw_tables_sha256(t3));
    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    {
        struct sw_used u = {0};
        bind_next(&c, t1, cache, NULL, &u, NULL);
        amount_from_set(&c, t1);
        sw_used_release(&u);
        sw_tables_free(t1);
    }
    for (int round = 0; round < 2; round++) {
        const struct sw_tables *sets[] = {t2, t3, t2, t2};
        for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
            struct sw_used u = {0};
            bind_next(&c, sets[i], cache, round ? "testdorp" : NULL, &u, NULL);
            amount_from_set(&c, sets[i]);
            sw_used_release(&u);
        }
    }
    sw_lookup_cache_free(cache);
    sw_tables_free(t2);
    sw_tables_free(t3);
}
END_TEST

/* The cache counts the used lists it served (binding it starts the next);
 * when that count wraps, a value recorded in a list long ago must not pass
 * for recorded in the new one. */
START_TEST(test_cache_count_of_lists_wraps)
{
    struct sw_err err;
    struct sw_tables *t = test_load_tables(valid, 3, &err);
    struct sw_lookup_cache *cache = NULL;
    struct sw_used u1 = {0}, u2 = {0}, u3 = {0};
    struct sw_ctx c;

    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(sw_lookup_cache_new(&cache, &err), SW_OK);
    bind_next(&c, t, cache, NULL, &u1, NULL);
    amount_from_set(&c, t);
    /* The count at its last value; the next bind wraps it to the first,
     * the one u1 was recorded under. */
    cache->epoch = UINT32_MAX;
    bind_next(&c, t, cache, NULL, &u2, NULL);
    amount_from_set(&c, t);
    bind_next(&c, t, cache, NULL, &u3, NULL);
    amount_from_set(&c, t);
    sw_used_release(&u1);
    sw_used_release(&u2);
    sw_used_release(&u3);
    sw_lookup_cache_free(cache);
    sw_tables_free(t);
}
END_TEST

#ifdef SW_CHECK_IDS
/* With SW_CHECK_IDS (the SAN build) an id built in a buffer passed where a
 * string constant belongs (sw_param_opt() with a cache) stops the program when
 * the buffer's address comes back with another text. */
START_TEST(test_buffer_id_as_constant_stops)
{
    struct sw_ctx c;
    char id[64];
    bool found;
    int64_t v;

    /* It stops: nothing is freed. */
    (void)cached_ctx(&c, NULL);
    snprintf(id, sizeof(id), "test.amount");
    ck_assert_int_eq(opt(&c, id, "2025-06-01", SW_UNIT_EUROCENT, &found, &v), SW_OK);
    snprintf(id, sizeof(id), "test.absent");
    (void)opt(&c, id, "2025-06-01", SW_UNIT_EUROCENT, &found, &v);
    ck_abort_msg("not stopped");
}
END_TEST
#endif

static Suite *lookup_suite(void)
{
    Suite *s = suite_create("lookup");
    TCase *tc = tcase_create("opt");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_opt_answers_with_and_without_cache);
    tcase_add_test(tc, test_opt_ids_in_a_buffer);
    tcase_add_test(tc, test_opt_narrows_windows);
    tcase_add_test(tc, test_opt_used_list);
    tcase_add_test(tc, test_used_list_with_and_without_cache);
    tcase_add_test(tc, test_used_lists_in_turn_with_and_without_cache);
    tcase_add_test(tc, test_used_lists_alternating_years);
    tcase_add_test(tc, test_used_list_recorded_from_outside);
    tcase_add_test(tc, test_used_value_from_outside_looked_up);
    tcase_add_test(tc, test_index_finds_every_parameter);
    tcase_add_test(tc, test_memo_against_plain);
    tcase_add_test(tc, test_cache_bound_to_the_next_context);
    tcase_add_test(tc, test_cache_municipalities_in_turn);
    tcase_add_test(tc, test_cache_from_set_to_set);
    tcase_add_test(tc, test_cache_count_of_lists_wraps);
#ifdef SW_CHECK_IDS
    tcase_add_test_raise_signal(tc, test_buffer_id_as_constant_stops, SIGILL);
#endif
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(lookup_suite)
