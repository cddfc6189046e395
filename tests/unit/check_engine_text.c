/* check_engine_text.c - eng_vformat() writes what the C library's vsnprintf()
 * writes (the reference here is the library itself), byte for byte and cut at
 * the same place: for every conversion it writes itself (%s, %d, %ld, %lld,
 * %%) with edge values, for every buffer size from 1 up past the whole text,
 * for the engine's longest kind of sentence, and for formats it hands on
 * (flags, width, other types). And eng_topic_nl(): the topic the advice names
 * for every table prefix, the bijstand's more specific ones first, and
 * "andere bedragen" for ids that only look alike. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"
#include "engine_text.h"
#include "testutil.h"

#define BUF 600

/* Format with both into buffers of `size` bytes, the bytes past the text
 * prefilled alike, and compare the whole buffers. */
static void __attribute__((format(printf, 2, 3))) same(size_t size, const char *fmt, ...)
{
    char want[BUF], got[BUF];
    va_list ap;

    ck_assert_uint_le(size, BUF);
    memset(want, 'x', sizeof(want));
    memset(got, 'x', sizeof(got));
    va_start(ap, fmt);
    vsnprintf(want, size, fmt, ap);
    va_end(ap);
    va_start(ap, fmt);
    eng_vformat(got, size, fmt, ap);
    va_end(ap);
    if (memcmp(want, got, sizeof(want)) != 0)
        ck_abort_msg("format \"%s\", size %zu: vsnprintf wrote \"%.*s\", eng_vformat \"%.*s\"",
                     fmt, size, (int)size, want, (int)size, got);
}

START_TEST(every_size_every_own_conversion)
{
    for (size_t size = 1; size <= 120; size++) {
        same(size, "%s", "");
        same(size, "plain text without conversions, longer than some buffers here");
        same(size, "Vanaf %s heeft u geen bijstand meer nodig.", "april 2027");
        same(size, "%s%s%s", "a", "", "bc");
        same(size, "%d|%d|%d|%d|%d", 0, 7, -7, INT_MAX, INT_MIN);
        same(size, "%ld|%ld|%ld", 0L, LONG_MAX, LONG_MIN);
        same(size, "%lld|%lld|%lld|%lld", 0LL, 26LL, LLONG_MAX, LLONG_MIN);
        same(size, "100%% zeker, %s%%%d%%", "ja", 5);
        same(size, "%s en %s: %d weken, er zijn er %lld nodig.", "één €", "vóór", 12, 26LL);
        same(size, "ends in a conversion %d", 42);
    }
}
END_TEST

START_TEST(the_engines_longest_sentences)
{
    /* way_back_advice()'s WW sentence with its longest parts, in the fixed
     * size of a warning's text (480) and an action's (480). */
    static const char *const fmt =
        "Na het einde van de baan (%s) heeft u recht op WW, want u werkte %d weken: "
        "tot en met %s, ongeveer %s bruto per maand. %s Vraag de WW aan bij het UWV.";
    for (size_t size = 380; size <= 480; size++)
        same(size, fmt, "30 september 2027", 52, "31 december 2028", "€ 1.234.567,89",
             "Is de WW lager dan de bijstand, dan vult de gemeente aan.");
    same(480, "%s", "Voorlopig vanaf januari 2027: de nieuwe bedragen voor de bijstandsnorm, "
                    "het minimumloon, de belasting op uw loon, de zorgtoeslag, de huurtoeslag, "
                    "de regels voor toeslagen, de eigen bijdrage voor dagbesteding, de premies "
                    "van de werkgever, de WW, de loonkostensubsidie, de AOW-leeftijd en de "
                    "bedragen van de gemeente zijn nog niet bekend. We rekenen met de laatste "
                    "bedragen die wel bekend zijn. Wat u krijgt, kan daardoor nog iets anders "
                    "worden.");
}
END_TEST

START_TEST(every_topic_by_its_prefix)
{
    static const struct {
        const char *id, *topic;
    } cases[] = {
        {"participatiewet.norm.single", "de bijstandsnorm"},
        {"participatiewet.norm.", "de bijstandsnorm"},
        {"participatiewet.vrijlating.n.percent",
         "het deel van uw loon dat u naast bijstand mag houden"},
        {"participatiewet.age.min", "de regels van de bijstand"},
        {"participatiewet.normx", "de regels van de bijstand"},
        {"participatiewet.", "de regels van de bijstand"},
        {"wml.hourly", "het minimumloon"},
        {"loonheffing.brackets", "de belasting op uw loon"},
        {"zorgtoeslag.standaardpremie", "de zorgtoeslag"},
        {"huurtoeslag.max_rent", "de huurtoeslag"},
        {"awir.months_per_year", "de regels voor toeslagen"},
        {"wmo.abonnementstarief", "de eigen bijdrage voor dagbesteding"},
        {"werkgever.premie", "de premies van de werkgever"},
        {"ww.max_daily_wage", "de WW"},
        {"lks.max_percent", "de loonkostensubsidie"},
        {"aow.age_years", "de AOW-leeftijd"},
        {"gemeente.iit.waiting_years", "de bedragen van de gemeente"},
        {"kindgebonden_budget.per_child", "andere bedragen"},
        {"kinderbijslag.quarter", "andere bedragen"},
        {"inkomstenbelasting.rate", "andere bedragen"},
        {"uitvoering.x", "andere bedragen"},
        {"participatiewet", "andere bedragen"},
        {"wml", "andere bedragen"},
        {"wm.", "andere bedragen"},
        {"w", "andere bedragen"},
        {"aowx.age", "andere bedragen"},
        {"gemeentex", "andere bedragen"},
        {"Wml.hourly", "andere bedragen"},
        {"", "andere bedragen"},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        ck_assert_msg(strcmp(eng_topic_nl(cases[i].id), cases[i].topic) == 0, "%s: %s, not %s",
                      cases[i].id, eng_topic_nl(cases[i].id), cases[i].topic);
}
END_TEST

START_TEST(other_conversions_are_handed_on)
{
    for (size_t size = 1; size <= 40; size++) {
        same(size, "%5d|%-4s|%02d", 7, "ab", 3);
        same(size, "%s then %u and %x", "first", 12u, 255u);
        same(size, "%lld then %.2s", 123LL, "abcdef");
        same(size, "%c%c", 'o', 'k');
    }
}
END_TEST

static Suite *engine_text_suite(void)
{
    Suite *s = suite_create("engine_text");
    TCase *tc = tcase_create("engine_text");

    tcase_add_test(tc, every_size_every_own_conversion);
    tcase_add_test(tc, the_engines_longest_sentences);
    tcase_add_test(tc, other_conversions_are_handed_on);
    tcase_add_test(tc, every_topic_by_its_prefix);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(engine_text_suite)
