/* date.c - civil calendar arithmetic on day numbers, without a clock.
 * The day-number conversion is Howard Hinnant's days_from_civil algorithm. */
#include <stdio.h>
#include <string.h>

#include "switchsim/date.h"

_Static_assert(SW_DATE_MIN_YEAR == 1900 && SW_DATE_MAX_YEAR == 2200,
               "SW_DATE_RANGE_TEXT and SW_MONTH_RANGE_TEXT name these years");

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

/* The day number of each month's first day from 1900-01 to 2201-01 (the
 * month after the last one the project handles), computed by the compiler:
 * the months the engine walks become a table look-up both ways. */
#define LEAPS_UPTO(x) ((x) / 4 - (x) / 100 + (x) / 400)
#define IS_LEAP(y) (((y) % 4 == 0 && (y) % 100 != 0) || (y) % 400 == 0)
/* 1 January of year y (1900..2201). */
#define JAN1(y) (365 * ((y) - 1970) + LEAPS_UPTO((y) - 1) - LEAPS_UPTO(1969))
#define FIRSTS_Y1(y)                                                                      \
    JAN1(y), JAN1(y) + 31, JAN1(y) + 59 + IS_LEAP(y), JAN1(y) + 90 + IS_LEAP(y),           \
        JAN1(y) + 120 + IS_LEAP(y), JAN1(y) + 151 + IS_LEAP(y), JAN1(y) + 181 + IS_LEAP(y), \
        JAN1(y) + 212 + IS_LEAP(y), JAN1(y) + 243 + IS_LEAP(y), JAN1(y) + 273 + IS_LEAP(y), \
        JAN1(y) + 304 + IS_LEAP(y), JAN1(y) + 334 + IS_LEAP(y)
#define FIRSTS_Y10(y)                                                                     \
    FIRSTS_Y1(y), FIRSTS_Y1(y + 1), FIRSTS_Y1(y + 2), FIRSTS_Y1(y + 3), FIRSTS_Y1(y + 4),  \
        FIRSTS_Y1(y + 5), FIRSTS_Y1(y + 6), FIRSTS_Y1(y + 7), FIRSTS_Y1(y + 8),            \
        FIRSTS_Y1(y + 9)
#define FIRSTS_Y100(y)                                                                    \
    FIRSTS_Y10(y), FIRSTS_Y10(y + 10), FIRSTS_Y10(y + 20), FIRSTS_Y10(y + 30),             \
        FIRSTS_Y10(y + 40), FIRSTS_Y10(y + 50), FIRSTS_Y10(y + 60), FIRSTS_Y10(y + 70),    \
        FIRSTS_Y10(y + 80), FIRSTS_Y10(y + 90)

#define FIRST_MONTH (SW_DATE_MIN_YEAR * 12)
#define N_MONTHS ((SW_DATE_MAX_YEAR - SW_DATE_MIN_YEAR + 1) * 12)

const sw_date sw_month_first_table[N_MONTHS + 1] = {
    FIRSTS_Y100(1900), FIRSTS_Y100(2000), FIRSTS_Y100(2100), FIRSTS_Y1(2200), JAN1(2201)};
#define month_first sw_month_first_table

_Static_assert(FIRST_MONTH == SW_MONTH_TABLE_FIRST && N_MONTHS == SW_MONTH_TABLE_LEN,
               "date.h's view of the table");

_Static_assert(JAN1(1970) == 0 && JAN1(2000) == 10957, "1 January by day number");

/* The month (from 1900-01) that day z falls in, for month_first[0] <= z <
 * month_first[N_MONTHS]: a month lasts 30.436875 days on average (146097 days
 * in 4800 months); off * 2153 / 65536 (2153 / 65536 = 1 / 30.4394) is the
 * month or the one before it on every day of the table (test_month_of_every_day
 * in tests/unit/check_date.c walks them all), and the table settles which.
 * off * 2153 stays below 2^32 (off < 110,208). */
static inline unsigned month_index(sw_date z)
{
    unsigned off = (unsigned)(z - month_first[0]);
    unsigned i = off * 2153u >> 16;

    return i + (month_first[i + 1] <= z);
}

static inline bool in_table(sw_date z)
{
    return z >= month_first[0] && z < month_first[N_MONTHS];
}

/* The fallbacks below (dates outside 1900..2200) count years from March of
 * year 0 (so February, with the leap day, ends a year) in unsigned
 * arithmetic, which divides by a constant without the corrections a signed
 * division needs; they hold from 0000-03-01 on. */

/* The day number of day `day0` (from 0) of month `mp` (0 = March .. 11 =
 * February) of the March-year `y`. */
static inline sw_date days_from_march(unsigned y, unsigned mp, unsigned day0)
{
    unsigned era = y / 400, yoe = y - era * 400;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * mp + 2) / 5 + day0;

    return (sw_date)((int)(era * 146097 + doe) - 719468);
}

/* Day number z (at least -719468, 0000-03-01) as its March-year, month from
 * March (0 = March .. 11 = February) and day of that March-year (from 0). */
static inline void march_from_days(sw_date z, unsigned *y, unsigned *mp, unsigned *doy)
{
    unsigned uz = (unsigned)(z + 719468);
    unsigned era = uz / 146097, doe = uz - era * 146097;
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;

    *doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    *mp = (5 * *doy + 2) / 153;
    *y = yoe + era * 400;
}

static bool march_days_fast(sw_date z)
{
    return z >= -719468 && z <= INT32_MAX - 719468;
}

static sw_date days_from_civil(int y, int m, int d)
{
    if (y >= SW_DATE_MIN_YEAR && y <= SW_DATE_MAX_YEAR && m >= 1 && m <= 12)
        return month_first[(y - SW_DATE_MIN_YEAR) * 12 + m - 1] + d - 1;
    y -= m <= 2;
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1)
        return days_from_march((unsigned)y, (unsigned)(m + (m > 2 ? -3 : 9)), (unsigned)d - 1);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return (sw_date)(era * 146097 + doe - 719468);
}

bool sw_date_from_ymd(sw_date *out, int year, int month, int day)
{
    if (year < SW_DATE_MIN_YEAR || year > SW_DATE_MAX_YEAR || month < 1 || month > 12 ||
        day < 1 || day > days_in(year, month))
        return false;
    *out = days_from_civil(year, month, day);
    return true;
}

void sw_date_to_ymd(sw_date z, int *year, int *month, int *day)
{
    int zz;

    /* The rules call this in every month: the table, else the unsigned path. */
    if (in_table(z)) {
        unsigned i = month_index(z), y = i / 12;

        *year = SW_DATE_MIN_YEAR + (int)y;
        *month = (int)(i - y * 12) + 1;
        *day = z - month_first[i] + 1;
        return;
    }
    if (march_days_fast(z)) {
        unsigned uy, ump, udoy, um;

        march_from_days(z, &uy, &ump, &udoy);
        um = ump < 10 ? ump + 3 : ump - 9;
        *year = (int)uy + (um <= 2);
        *month = (int)um;
        *day = (int)(udoy - (153 * ump + 2) / 5 + 1);
        return;
    }
    zz = z + 719468;
    int era = (zz >= 0 ? zz : zz - 146096) / 146097;
    int doe = zz - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;

    *year = y + (m <= 2);
    *month = m;
    *day = d;
}

/* Read exactly n digits at s into *v. */
static bool digits(const char *s, int n, int *v)
{
    int x = 0;

    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

enum sw_date_problem sw_date_check(sw_date *out, const char *text)
{
    int y, m, d;

    if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-' ||
        !digits(text, 4, &y) || !digits(text + 5, 2, &m) || !digits(text + 8, 2, &d))
        return SW_DATE_FORM;
    /* Whether the day exists is a matter of the calendar, whatever the year. */
    if (m < 1 || m > 12 || d < 1 || d > days_in(y, m))
        return SW_DATE_IMPOSSIBLE;
    if (!sw_date_from_ymd(out, y, m, d))
        return SW_DATE_RANGE;
    return SW_DATE_OK;
}

sw_status sw_date_parse(sw_date *out, const char *text, const char *field,
                        struct sw_err *err)
{
    const char *f = field ? field : "";

    switch (sw_date_check(out, text)) {
    case SW_DATE_OK:
        return SW_OK;
    case SW_DATE_FORM:
        return sw_err_set(err, SW_ERR_INVALID, field,
                          "not a date (YYYY-MM-DD): '%.40s' for '%s'", text ? text : "", f);
    case SW_DATE_IMPOSSIBLE:
        return sw_err_set(err, SW_ERR_INVALID, field, "impossible date '%s' for '%s'", text, f);
    case SW_DATE_RANGE:
        break;
    }
    return sw_err_set(err, SW_ERR_INVALID, field,
                      "date '%s' out of range (" SW_DATE_RANGE_TEXT ") for '%s'", text, f);
}

/* Writing "%s", "%d" and "%0Nd" by hand, as snprintf() would into buf[size]
 * (cut short and terminated when it does not fit): the month names and dates
 * of every warning and advice text, without the cost of a format string. A
 * text under construction: its length as written in full (n), and buf. */
struct text {
    char *buf;
    size_t size, n;
};

static void put_char(struct text *t, char ch)
{
    if (t->n + 1 < t->size)
        t->buf[t->n] = ch;
    t->n++;
}

/* u in decimal at the end of d[DEC_MAX]: the index of its first digit. The
 * digits two at a time from a table of "00" to "99" (unsigned: no sign
 * fix-ups): a four-digit year is in every date of the advice texts. */
enum { DEC_MAX = 10 };

static int dec(char d[DEC_MAX], unsigned u)
{
    static const char pairs[201] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    int k = DEC_MAX;

    while (u >= 100) {
        const char *pr = &pairs[2 * (u % 100)];
        d[--k] = pr[1];
        d[--k] = pr[0];
        u /= 100;
    }
    if (u >= 10) {
        d[--k] = pairs[2 * u + 1];
        d[--k] = pairs[2 * u];
    } else {
        d[--k] = (char)('0' + u);
    }
    return k;
}

/* v >= 0 in decimal, at least `width` digits (zeros in front). */
static void put_uint(struct text *t, int v, int width)
{
    char d[DEC_MAX];
    int k = dec(d, v > 0 ? (unsigned)v : 0U);

    for (width -= DEC_MAX - k; width > 0; width--)
        put_char(t, '0');
    while (k < DEC_MAX)
        put_char(t, d[k++]);
}

static void put_end(struct text *t)
{
    if (t->size)
        t->buf[t->n < t->size ? t->n : t->size - 1] = '\0';
}

void sw_date_format(char *buf, size_t size, sw_date d)
{
    int y, m, dd;
    struct text t = {buf, size, 0};

    sw_date_to_ymd(d, &y, &m, &dd);
    if (y < 0 || y > 9999) {
        snprintf(buf, size, "%04d-%02d-%02d", y, m, dd);
        return;
    }
    put_uint(&t, y, 4);
    put_char(&t, '-');
    put_uint(&t, m, 2);
    put_char(&t, '-');
    put_uint(&t, dd, 2);
    put_end(&t);
}

enum sw_date_problem sw_month_check(sw_month *out, const char *text)
{
    int y, m;

    if (!text || strlen(text) != 7 || text[4] != '-' || !digits(text, 4, &y) ||
        !digits(text + 5, 2, &m))
        return SW_DATE_FORM;
    if (m < 1 || m > 12)
        return SW_DATE_IMPOSSIBLE;
    if (y < SW_DATE_MIN_YEAR || y > SW_DATE_MAX_YEAR)
        return SW_DATE_RANGE;
    *out = sw_month_from_ym(y, m);
    return SW_DATE_OK;
}

sw_status sw_month_parse(sw_month *out, const char *text, const char *field,
                         struct sw_err *err)
{
    const char *f = field ? field : "";

    switch (sw_month_check(out, text)) {
    case SW_DATE_OK:
        return SW_OK;
    case SW_DATE_FORM:
        return sw_err_set(err, SW_ERR_INVALID, field, "not a month (YYYY-MM): '%.40s' for '%s'",
                          text ? text : "", f);
    case SW_DATE_IMPOSSIBLE:
        return sw_err_set(err, SW_ERR_INVALID, field, "impossible month '%s' for '%s'", text, f);
    case SW_DATE_RANGE:
        break;
    }
    return sw_err_set(err, SW_ERR_INVALID, field,
                      "month '%s' out of range (" SW_MONTH_RANGE_TEXT ") for '%s'", text, f);
}

void sw_month_format(char *buf, size_t size, sw_month m)
{
    struct text t = {buf, size, 0};

    if (m < 0 || sw_month_year(m) > 9999) {
        snprintf(buf, size, "%04d-%02d", sw_month_year(m), sw_month_number(m));
        return;
    }
    put_uint(&t, sw_month_year(m), 4);
    put_char(&t, '-');
    put_uint(&t, sw_month_number(m), 2);
    put_end(&t);
}

sw_month sw_month_of(sw_date d)
{
    int y, m, dd;

    if (in_table(d))
        return FIRST_MONTH + (sw_month)month_index(d);
    /* sw_date_to_ymd()'s steps up to the month, from March of year 0. */
    if (march_days_fast(d)) {
        unsigned uy, ump, udoy;

        march_from_days(d, &uy, &ump, &udoy);
        return (sw_month)(uy * 12 + ump + 2);
    }
    sw_date_to_ymd(d, &y, &m, &dd);
    return sw_month_from_ym(y, m);
}

/* sw_month_first_day() outside the table. */
sw_date sw_month_first_day_far(sw_month m)
{
    if (m >= FIRST_MONTH && m <= FIRST_MONTH + N_MONTHS)
        return month_first[m - FIRST_MONTH];
    /* From 0000-03 on: day 1 of the months since March of year 0. */
    if (m >= 2) {
        unsigned um = (unsigned)m - 2, uy = um / 12;

        return days_from_march(uy, um - uy * 12, 0);
    }
    return days_from_civil(sw_month_year(m), sw_month_number(m), 1);
}

/* sw_month_days() outside the table. */
int sw_month_days_far(sw_month m)
{
    if (m >= FIRST_MONTH && m < FIRST_MONTH + N_MONTHS)
        return month_first[m - FIRST_MONTH + 1] - month_first[m - FIRST_MONTH];
    return days_in(sw_month_year(m), sw_month_number(m));
}

sw_date sw_date_add_months(sw_date d, int n)
{
    int y, m, dd;
    sw_month target;

    sw_date_to_ymd(d, &y, &m, &dd);
    target = sw_month_from_ym(y, m) + n;
    if (dd > sw_month_days(target))
        dd = sw_month_days(target);
    return days_from_civil(sw_month_year(target), sw_month_number(target), dd);
}

int sw_age_on(sw_date birth, sw_date on)
{
    int by, bm, bd, y, m, d, age;

    if (on < birth)
        return -1;
    /* Whole months from birth to on (one less when on's day of the month is
     * before the birthday's), in whole years. */
    if (in_table(birth) && in_table(on)) {
        unsigned ib = month_index(birth), io = month_index(on);
        unsigned months = io - ib - (on - month_first[io] < birth - month_first[ib]);

        return (int)(months / 12);
    }
    sw_date_to_ymd(birth, &by, &bm, &bd);
    sw_date_to_ymd(on, &y, &m, &d);
    age = y - by;
    if (m < bm || (m == bm && d < bd))
        age--;
    return age;
}

sw_date sw_date_reaching_age(sw_date birth, int years, int months)
{
    int by, bm, bd;
    sw_month target;

    /* In the table: the birthday's day of the month (as an offset from the
     * first) in the month `years` and `months` on, or the first of the next
     * month when that month is shorter. */
    if (in_table(birth)) {
        unsigned ib = month_index(birth);
        int64_t t = (int64_t)ib + (int64_t)years * 12 + months;

        if (t >= 0 && t < N_MONTHS) {
            sw_date first = month_first[t], next = month_first[t + 1];
            sw_date off = birth - month_first[ib];

            return off < next - first ? first + off : next;
        }
    }
    sw_date_to_ymd(birth, &by, &bm, &bd);
    target = sw_month_from_ym(by, bm) + years * 12 + months;
    /* Born on a day the target month lacks (29 Feb, 31st): the age is reached on
     * the first day of the next month. */
    if (bd > sw_month_days(target))
        return sw_month_first_day(target + 1);
    return days_from_civil(sw_month_year(target), sw_month_number(target), bd);
}

int sw_date_weekday(sw_date d)
{
    /* 1970-01-01 was a Thursday (3 when Monday = 0). */
    int w = (d + 3) % 7;

    return w < 0 ? w + 7 : w;
}

/* The names with their lengths (sw_month_nl(), sw_date_nl() copy them whole). */
#define NAME(s) {s, sizeof(s) - 1}
static const struct {
    char s[10];
    unsigned char len;
} month_names_nl[12] = {NAME("januari"), NAME("februari"), NAME("maart"),     NAME("april"),
                        NAME("mei"),     NAME("juni"),     NAME("juli"),      NAME("augustus"),
                        NAME("september"), NAME("oktober"), NAME("november"), NAME("december")};
#undef NAME
static const char *const month_abbr_nl[12] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                              "jul", "aug", "sep", "okt", "nov", "dec"};

const char *sw_month_name_nl(int month)
{
    return month >= 1 && month <= 12 ? month_names_nl[month - 1].s : "?";
}

const char *sw_month_abbr_nl(int month)
{
    return month >= 1 && month <= 12 ? month_abbr_nl[month - 1] : "?";
}

/* "[day ]month year" (day > 0: with the day; 1 <= month <= 12, year >= 0), as
 * snprintf() writes "%d %s %d" into buf[size]: written whole into a text long
 * enough for any (the longest name and ten digits twice, some 34 bytes), then
 * cut to size. */
static void date_nl(char *buf, size_t size, int day, int month, int year)
{
    char text[48], d[2 * DEC_MAX] = {0}; /* the digits in the first half */
    size_t n = 0;
    int k;

    if (day > 0) {
        k = dec(d, (unsigned)day);
        memcpy(text, d + k, DEC_MAX); /* a fixed size (copied by moves): past the digits too */
        n = (size_t)(DEC_MAX - k);
        text[n++] = ' ';
    }
    memcpy(text + n, month_names_nl[month - 1].s, sizeof(month_names_nl[0].s));
    n += month_names_nl[month - 1].len;
    text[n++] = ' ';
    k = dec(d, (unsigned)year);
    memcpy(text + n, d + k, DEC_MAX);
    n += (size_t)(DEC_MAX - k);
    if (size == 0)
        return;
    if (n > size - 1)
        n = size - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
}

void sw_month_nl(char *buf, size_t size, sw_month m)
{
    if (m < 0) {
        snprintf(buf, size, "%s %d", sw_month_name_nl(sw_month_number(m)), sw_month_year(m));
        return;
    }
    date_nl(buf, size, 0, sw_month_number(m), sw_month_year(m));
}

void sw_date_nl(char *buf, size_t size, sw_date d)
{
    int y, m, dd;

    sw_date_to_ymd(d, &y, &m, &dd);
    if (y < 0) {
        snprintf(buf, size, "%d %s %d", dd, sw_month_name_nl(m), y);
        return;
    }
    date_nl(buf, size, dd, m, y);
}
