/* scenario.c - parse and validate scenario JSON (version 1) into struct sw_scenario.
 *
 * This is the JSON boundary. cJSON hands numbers over as a double only, which
 * cannot tell 100.000004 from 100 or 9007199254740993 from ...992; so no double
 * is read here. Each number is read exactly from its own text in the document:
 * a scan of the text finds every number, and the n-th one is the n-th number
 * node of cJSON's tree (both in document order). The text must be a JSON number
 * (RFC 8259 section 6: no leading zeros), have no more decimals than its field
 * takes and lie within +-2^53 before it becomes an int64.
 *
 * What a message repeats of the input (a key, a value) is cut short and has its
 * control characters escaped (show()): messages go to terminals and into the
 * CGI's answers.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "switchsim/scenario.h"

#define MAX_EXACT INT64_C(9007199254740992)  /* 2^53: beyond it, no number is taken */
#define SHOW_VALUE 40   /* characters of a value repeated in a message */
#define SHOW_KEY 60     /* ... of a key (the longest parameter id has 55) */

/* One number of the document: the node cJSON made of it and its text. */
struct num_text {
    const cJSON *node;
    const char *text;
    size_t len;
};

struct rd {
    struct sw_problems *pr;
    struct sw_err *first;
    const struct sw_tables *t;
    struct num_text *nums;   /* every number of the document, sorted by node */
    size_t n_nums;
};

static void problem(struct rd *r, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct rd *r, const char *field, const char *fmt, ...)
{
    struct sw_err e;
    va_list ap;
    char msg[400];

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (field[0])
        sw_err_set(&e, SW_ERR_INVALID, field, "%s: %s", field, msg);
    else
        sw_err_set(&e, SW_ERR_INVALID, field, "%s", msg);
    if (r->first && r->first->code == SW_OK)
        *r->first = e;
    if (r->pr->n < SW_SCENARIO_MAX_PROBLEMS)
        r->pr->items[r->pr->n++] = e;
    else
        r->pr->truncated = true;
}

/* --- input repeated in messages --- */

/* Code points never shown as they are: C0 and C1 controls, and the invisible
 * ones that reorder or hide text (bidirectional overrides and isolates, zero
 * width characters, line and paragraph separators, the byte order mark). */
static bool hidden_code_point(unsigned long c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || (c >= 0x200b && c <= 0x200f) ||
           (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

/* The length (1-4) and code point of the UTF-8 sequence at s[0..n); 0 when it
 * is not a well-formed one. */
static size_t utf8_next(const unsigned char *s, size_t n, unsigned long *cp)
{
    size_t len;
    unsigned long c;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2;
        c = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3;
        c = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4;
        c = s[0] & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[k] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* s[0..n) as a message may repeat it: at most `max` characters, "..." when cut
 * short, hidden code points (and a backslash) written as JSON writes them
 * (\u001b, \\), a byte that is not UTF-8 as '?'. Always NUL-terminated valid
 * UTF-8 within buf (size >= 8). Returns buf. */
static const char *show(char *buf, size_t size, const char *s, size_t n, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, chars = 0;

    for (size_t i = 0; i < n;) {
        char piece[8];
        unsigned long cp = 0;
        size_t len = utf8_next(u + i, n - i, &cp), plen;

        if (len == 0) {   /* not UTF-8: this one byte, as '?' */
            len = 1;
            plen = (size_t)snprintf(piece, sizeof(piece), "?");
        } else if (cp == '\\') {
            plen = (size_t)snprintf(piece, sizeof(piece), "\\\\");
        } else if (hidden_code_point(cp)) {
            plen = (size_t)snprintf(piece, sizeof(piece), "\\u%04lx", cp);
        } else {
            memcpy(piece, s + i, len);
            plen = len;
        }
        /* Room for this piece, and for "..." should more follow. */
        if (chars == max || o + plen + 4 > size) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        memcpy(buf + o, piece, plen);
        o += plen;
        chars++;
        i += len;
    }
    buf[o] = '\0';
    return buf;
}

/* The same for a NUL-terminated string. */
static const char *show_str(char *buf, size_t size, const char *s, size_t max)
{
    return show(buf, size, s, strlen(s), max);
}

/* "job" + "start" -> "job.start" into buf; the key as show() repeats it. */
static const char *join(char *buf, size_t size, const char *parent, const char *key)
{
    char k[100];

    show_str(k, sizeof(k), key, SHOW_KEY);
    snprintf(buf, size, "%s%s%s", parent, parent[0] ? "." : "", k);
    return buf;
}

/* Check that an object has only the allowed keys, each at most once. */
static bool check_keys(struct rd *r, const cJSON *obj, const char *path,
                       const char *const *allowed)
{
    bool ok = true;

    for (const cJSON *a = obj->child; a; a = a->next) {
        char f[160];
        bool known = false;

        join(f, sizeof(f), path, a->string ? a->string : "");
        for (size_t i = 0; allowed[i]; i++)
            if (a->string && strcmp(a->string, allowed[i]) == 0)
                known = true;
        if (!known) {
            problem(r, f, "unknown field");
            ok = false;
            continue;
        }
        for (const cJSON *b = obj->child; b != a; b = b->next) {
            if (b->string && strcmp(b->string, a->string) == 0) {
                problem(r, f, "field given twice");
                ok = false;
                break;
            }
        }
    }
    return ok;
}

static const cJSON *get(const cJSON *obj, const char *key)
{
    return obj ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
}

static bool is_absent(const cJSON *v)
{
    return !v || cJSON_IsNull(v);
}

/* --- numbers, exactly --- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* What keeps a number's text from being taken. */
enum num_problem {
    NUM_OK,
    NUM_SYNTAX,        /* not a JSON number */
    NUM_LEADING_ZERO,  /* 06, -01: not a JSON number either */
    NUM_DECIMALS,      /* a digit below the field's last decimal */
    NUM_RANGE          /* beyond +-2^53 */
};

/* Whether s[0..n) is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static enum num_problem num_syntax(const char *s, size_t n)
{
    size_t i = 0;

    if (i < n && s[i] == '-')
        i++;
    if (i >= n || !is_digit(s[i]))
        return NUM_SYNTAX;
    if (s[i] == '0' && i + 1 < n && is_digit(s[i + 1]))
        return NUM_LEADING_ZERO;
    while (i < n && is_digit(s[i]))
        i++;
    if (i < n && s[i] == '.') {
        if (++i >= n || !is_digit(s[i]))
            return NUM_SYNTAX;
        while (i < n && is_digit(s[i]))
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || !is_digit(s[i]))
            return NUM_SYNTAX;
        while (i < n && is_digit(s[i]))
            i++;
    }
    return i == n ? NUM_OK : NUM_SYNTAX;
}

/* The value of JSON number text s[0..n) times 10^scale, exactly, into *out:
 * 28.5 with scale 2 is 2850, 2.85e1 too; 28.555 is NUM_DECIMALS, 1e300
 * NUM_RANGE. Digit by digit, each with its power of ten: a non-zero digit
 * below 10^0 (after scaling) has too many decimals, one above 10^16 is beyond
 * 2^53 anyway. *out is set only for NUM_OK. */
static enum num_problem exact_number(const char *s, size_t n, int scale, int64_t *out)
{
    enum num_problem p = num_syntax(s, n);
    size_t i = 0, int_start, int_end, frac_end;
    bool neg = false, exp_neg = false;
    int64_t exp = 0, v = 0;

    if (p != NUM_OK)
        return p;
    if (s[i] == '-') {
        neg = true;
        i++;
    }
    int_start = i;
    while (i < n && is_digit(s[i]))
        i++;
    int_end = i;
    if (i < n && s[i] == '.')
        i++;
    while (i < n && is_digit(s[i]))
        i++;
    frac_end = i;
    if (i < n) {   /* the exponent; past a million it means the same */
        i++;
        if (s[i] == '+' || s[i] == '-')
            exp_neg = s[i++] == '-';
        for (; i < n; i++)
            if (exp < 1000000)
                exp = exp * 10 + (s[i] - '0');
        if (exp_neg)
            exp = -exp;
    }
    for (size_t k = int_start; k < frac_end; k++) {
        int64_t power, d;
        if (k == int_end)
            continue;   /* the decimal point */
        d = s[k] - '0';
        /* int digits: int_end-1-k; fraction digits: -(k-int_end) */
        power = (k < int_end ? (int64_t)(int_end - 1 - k) : -(int64_t)(k - int_end)) + exp +
                scale;
        if (d == 0)
            continue;
        if (power < 0)
            return NUM_DECIMALS;
        if (power > 16)
            return NUM_RANGE;
        for (int64_t e = 0; e < power; e++)
            d *= 10;
        v += d;
        if (v > MAX_EXACT)
            return NUM_RANGE;
    }
    *out = neg ? -v : v;
    return NUM_OK;
}

static bool is_number_char(char c)
{
    return is_digit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* Every number of JSON text json[0..len) in document order: each run of
 * number characters that starts with '-' or a digit outside a string (what
 * cJSON reads as one number). nums[i].node is left NULL. *out is malloc'ed, or
 * NULL when there are none; false when out of memory. */
static bool scan_numbers(const char *json, size_t len, struct num_text **out, size_t *n)
{
    struct num_text *arr = NULL;
    size_t cnt = 0, cap = 0;

    *out = NULL;
    *n = 0;
    for (size_t i = 0; i < len;) {
        size_t start = i;
        if (json[i] == '"') {
            for (i++; i < len && json[i] != '"'; i++)
                if (json[i] == '\\')
                    i++;
            i++;
            continue;
        }
        if (json[i] != '-' && !is_digit(json[i])) {
            i++;
            continue;
        }
        while (i < len && is_number_char(json[i]))
            i++;
        if (cnt == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            struct num_text *na = realloc(arr, ncap * sizeof(*na));
            if (!na) {
                free(arr);
                return false;
            }
            arr = na;
            cap = ncap;
        }
        arr[cnt].node = NULL;
        arr[cnt].text = json + start;
        arr[cnt].len = i - start;
        cnt++;
    }
    *out = arr;
    *n = cnt;
    return true;
}

/* Give the number nodes of the tree under v (v and its siblings), in document
 * order, their texts nums[*k], nums[*k + 1], ... false when the texts run out.
 * The depth is cJSON's nesting limit. */
static bool pair_numbers(const cJSON *v, struct num_text *nums, size_t n, size_t *k)
{
    for (; v; v = v->next) {
        if (cJSON_IsNumber(v)) {
            if (*k >= n)
                return false;
            nums[(*k)++].node = v;
        } else if (v->child && !pair_numbers(v->child, nums, n, k)) {
            return false;
        }
    }
    return true;
}

static int num_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct num_text *)a)->node;
    uintptr_t y = (uintptr_t)((const struct num_text *)b)->node;

    return x < y ? -1 : x > y;
}

/* The text of number node v; NULL when it has none (not a number). */
static const struct num_text *number_text(const struct rd *r, const cJSON *v)
{
    struct num_text key = {v, NULL, 0};

    if (!r->nums || !cJSON_IsNumber(v))
        return NULL;
    return bsearch(&key, r->nums, r->n_nums, sizeof(key), num_cmp);
}

/* Number text nt of field f is not a JSON number (p says why). */
static void not_a_number(struct rd *r, const char *f, const struct num_text *nt,
                         enum num_problem p)
{
    char text[64];

    show(text, sizeof(text), nt->text, nt->len, SHOW_VALUE);
    if (p == NUM_LEADING_ZERO)
        problem(r, f, "'%s' is not a JSON number (a leading zero)", text);
    else
        problem(r, f, "'%s' is not a JSON number", text);
}

/* v / 10^scale as a decimal without trailing zeros: 4000 with scale 2 is "40". */
static void format_scaled(char *buf, size_t size, int64_t v, int scale)
{
    int64_t p = 1, a = v < 0 ? -v : v;
    int n;

    for (int i = 0; i < scale; i++)
        p *= 10;
    n = snprintf(buf, size, "%s%lld", v < 0 ? "-" : "", (long long)(a / p));
    if (a % p != 0 && n > 0 && (size_t)n < size) {
        int64_t f = a % p;
        int digits = scale;
        while (f % 10 == 0) {
            f /= 10;
            digits--;
        }
        snprintf(buf + n, size - (size_t)n, ".%0*lld", digits, (long long)f);
    }
}

/* Number node v of field f times 10^scale into *out, within [min, max];
 * reports the problem and returns false otherwise. */
static bool read_number(struct rd *r, const cJSON *v, const char *f, int scale, int64_t min,
                        int64_t max, int64_t *out)
{
    const struct num_text *nt = number_text(r, v);
    char text[64], lo[32], hi[32];
    int64_t x = 0;
    enum num_problem p;

    if (!nt) {
        problem(r, f, "must be a number");
        return false;
    }
    show(text, sizeof(text), nt->text, nt->len, SHOW_VALUE);
    p = exact_number(nt->text, nt->len, scale, &x);
    switch (p) {
    case NUM_SYNTAX:
    case NUM_LEADING_ZERO:
        not_a_number(r, f, nt, p);
        return false;
    case NUM_DECIMALS:
        if (scale == 0)
            problem(r, f, "must be a whole number");
        else
            problem(r, f, "has more than %d decimals", scale);
        return false;
    case NUM_RANGE:
    case NUM_OK:
        break;
    }
    if (p == NUM_RANGE || x < min || x > max) {
        format_scaled(lo, sizeof(lo), min, scale);
        format_scaled(hi, sizeof(hi), max, scale);
        problem(r, f, "%s is out of range (%s to %s)", text, lo, hi);
        return false;
    }
    *out = x;
    return true;
}

/* An integer within [min, max]; `absent_ok` leaves *out as it is when the field
 * is missing or null. */
static bool read_int(struct rd *r, const cJSON *obj, const char *path, const char *key,
                     int64_t min, int64_t max, bool required, int64_t *out)
{
    const cJSON *v = get(obj, key);
    char f[160];

    join(f, sizeof(f), path, key);
    if (is_absent(v)) {
        if (required)
            problem(r, f, "missing");
        return !required;
    }
    if (!cJSON_IsNumber(v)) {
        problem(r, f, "must be a number");
        return false;
    }
    return read_number(r, v, f, 0, min, max, out);
}

/* A decimal number with at most `decimals` digits after the point, scaled:
 * hours 28.5 -> 2850 with 2 decimals; 28.50 and 2.85e1 read the same, 28.555
 * is refused. min and max are scaled too. */
static bool read_decimal(struct rd *r, const cJSON *obj, const char *path, const char *key,
                         int decimals, int64_t min, int64_t max, bool required, int64_t *out)
{
    const cJSON *v = get(obj, key);
    char f[160];

    join(f, sizeof(f), path, key);
    if (is_absent(v)) {
        if (required)
            problem(r, f, "missing");
        return !required;
    }
    if (!cJSON_IsNumber(v)) {
        problem(r, f, "must be a number");
        return false;
    }
    return read_number(r, v, f, decimals, min, max, out);
}

static bool read_bool(struct rd *r, const cJSON *obj, const char *path, const char *key,
                      bool *out)
{
    const cJSON *v = get(obj, key);
    char f[160];

    if (is_absent(v))
        return true;
    if (!cJSON_IsBool(v)) {
        problem(r, join(f, sizeof(f), path, key), "must be true or false");
        return false;
    }
    *out = cJSON_IsTrue(v);
    return true;
}

/* A string; NULL when absent or null. A non-string is a problem. */
static const char *read_str(struct rd *r, const cJSON *obj, const char *path, const char *key,
                            bool required)
{
    const cJSON *v = get(obj, key);
    char f[160];

    join(f, sizeof(f), path, key);
    if (is_absent(v)) {
        if (required)
            problem(r, f, "missing");
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring) {
        problem(r, f, "must be a string");
        return NULL;
    }
    return v->valuestring;
}

/* What is wrong with date (or month) text s of field f, in words. */
static void date_problem(struct rd *r, const char *f, const char *s, enum sw_date_problem why,
                         bool month)
{
    char v[64];

    show_str(v, sizeof(v), s, SHOW_VALUE);
    switch (why) {
    case SW_DATE_OK:
        break;
    case SW_DATE_FORM:
        if (month)
            problem(r, f, "not a month (YYYY-MM): '%s'", v);
        else
            problem(r, f, "not a date (YYYY-MM-DD): '%s'", v);
        break;
    case SW_DATE_IMPOSSIBLE:
        problem(r, f, "not a %s: '%s' does not exist", month ? "month" : "date", v);
        break;
    case SW_DATE_RANGE:
        /* Well-formed and real, but not a day this calendar covers. */
        problem(r, f, "'%s' is out of range (%s)", v,
                month ? SW_MONTH_RANGE_TEXT : SW_DATE_RANGE_TEXT);
        break;
    }
}

static bool read_date(struct rd *r, const cJSON *obj, const char *path, const char *key,
                      bool required, sw_date *out)
{
    char f[160];
    const char *s = read_str(r, obj, path, key, required);
    enum sw_date_problem why;

    if (!s)
        return !required && is_absent(get(obj, key));
    join(f, sizeof(f), path, key);
    why = sw_date_check(out, s);
    if (why != SW_DATE_OK) {
        date_problem(r, f, s, why, false);
        return false;
    }
    return true;
}

/* A month "YYYY-MM" of field f (at the top level: path ""); absent is fine. */
static void read_month(struct rd *r, const cJSON *obj, const char *path, const char *key,
                       bool required, sw_month *out)
{
    char f[160];
    const char *s = read_str(r, obj, path, key, required);
    enum sw_date_problem why;

    if (!s)
        return;
    join(f, sizeof(f), path, key);
    why = sw_month_check(out, s);
    if (why != SW_DATE_OK)
        date_problem(r, f, s, why, true);
}

/* One of `names`; returns its index or -1 (absent: `dflt`). */
static int read_enum(struct rd *r, const cJSON *obj, const char *path, const char *key,
                     const char *const *names, int dflt, bool required)
{
    char f[160], list[160] = "";
    const char *s = read_str(r, obj, path, key, required);

    if (!s)
        return is_absent(get(obj, key)) && !required ? dflt : -1;
    for (int i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0)
            return i;
        snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
                 names[i]);
    }
    {
        char v[64];
        problem(r, join(f, sizeof(f), path, key), "'%s' is not one of: %s",
                show_str(v, sizeof(v), s, SHOW_VALUE), list);
    }
    return -1;
}

static const cJSON *read_object(struct rd *r, const cJSON *obj, const char *path,
                                const char *key, bool required)
{
    const cJSON *v = get(obj, key);
    char f[160];

    join(f, sizeof(f), path, key);
    if (is_absent(v)) {
        if (required)
            problem(r, f, "missing");
        return NULL;
    }
    if (!cJSON_IsObject(v)) {
        problem(r, f, "must be an object");
        return NULL;
    }
    return v;
}

static const char *const compositions[] = {"single", "couple", "single_parent", NULL};
static const char *const job_kinds[] = {"beschut", "banenafspraak", "regulier", NULL};

const char *sw_composition_name(enum sw_composition c)
{
    return compositions[c];
}

const char *sw_job_kind_name(enum sw_job_kind k)
{
    return job_kinds[k];
}

void sw_scenario_init(struct sw_scenario *s)
{
    memset(s, 0, sizeof(*s));
    s->version = 1;
    s->months = 24;
    s->household.composition = SW_HH_SINGLE;
    s->household.birth = SW_NO_DATE;
    s->household.partner_birth = SW_NO_DATE;
    s->job.kind = SW_JOB_REGULIER;
    s->job.trial_start = s->job.trial_end = SW_NO_DATE;
    s->job.start = SW_NO_DATE;
    s->job.end = SW_NO_DATE;
    s->job.hourly_wage = -1;
    s->job.holiday_pay = SW_HOLIDAY_YEARLY;
    s->job.pay_day = 25;
    s->job.loonheffingskorting = true;
    s->job.dagbesteding_until = SW_NO_DATE;
    s->settlement.method = SW_SETTLE_DEFAULT;
    s->settlement.municipality_applies_korting = true;
    s->toeslagen.zorgtoeslag = true;
    s->toeslagen.huurtoeslag = true;
    s->toeslagen.estimate_updated = -1;
}

/* Returns false when household.rent was given and refused: what follows from
 * the rent (huurtoeslag) is then not judged again. */
static bool read_household(struct rd *r, const cJSON *h, struct sw_scenario *s)
{
    static const char *const keys[] = {"composition", "birth_date", "partner_birth_date",
                                       "children_birth_dates", "cost_sharers", "rent",
                                       "medical_hour_limit", NULL};
    const cJSON *kids;
    int c;
    int64_t v;
    bool rent_ok;

    check_keys(r, h, "household", keys);
    c = read_enum(r, h, "household", "composition", compositions, -1, true);
    if (c >= 0)
        s->household.composition = (enum sw_composition)c;
    read_date(r, h, "household", "birth_date", true, &s->household.birth);
    read_date(r, h, "household", "partner_birth_date", false, &s->household.partner_birth);
    kids = get(h, "children_birth_dates");
    if (!is_absent(kids)) {
        if (!cJSON_IsArray(kids)) {
            problem(r, "household.children_birth_dates", "must be a list of dates");
        } else if (cJSON_GetArraySize(kids) > SW_SCENARIO_MAX_CHILDREN) {
            problem(r, "household.children_birth_dates", "at most %d children",
                    SW_SCENARIO_MAX_CHILDREN);
        } else {
            size_t i = 0;
            for (const cJSON *k = kids->child; k; k = k->next, i++) {
                char f[160];
                enum sw_date_problem why;
                snprintf(f, sizeof(f), "household.children_birth_dates[%zu]", i);
                if (!cJSON_IsString(k) || !k->valuestring) {
                    problem(r, f, "must be a date (YYYY-MM-DD) in a string");
                    continue;
                }
                why = sw_date_check(&s->household.children[s->household.n_children],
                                    k->valuestring);
                if (why != SW_DATE_OK)
                    date_problem(r, f, k->valuestring, why, false);
                else
                    s->household.n_children++;
            }
        }
    }
    v = 0;
    if (read_int(r, h, "household", "cost_sharers", 0, 10, false, &v))
        s->household.cost_sharers = (int)v;
    /* Rent up to 10 000 euro a month: anything more is a typo, not a rent. */
    rent_ok = read_int(r, h, "household", "rent", 0, 1000000, false, &s->household.rent);
    read_bool(r, h, "household", "medical_hour_limit", &s->household.medical_hour_limit);
    return rent_ok;
}

static void read_loonwaarde(struct rd *r, const cJSON *arr, struct sw_scenario *s)
{
    static const char *const keys[] = {"from", "percent", "forfaitair", NULL};
    size_t i = 0;

    if (!cJSON_IsArray(arr)) {
        problem(r, "job.loonwaarde", "must be a list of {from, percent}");
        return;
    }
    if (cJSON_GetArraySize(arr) > SW_SCENARIO_MAX_LOONWAARDE) {
        problem(r, "job.loonwaarde", "at most %d periods", SW_SCENARIO_MAX_LOONWAARDE);
        return;
    }
    for (const cJSON *p = arr->child; p; p = p->next, i++) {
        char path[64];
        struct sw_loonwaarde_period lw = {0, 0, false};
        bool ok = true;

        snprintf(path, sizeof(path), "job.loonwaarde[%zu]", i);
        if (!cJSON_IsObject(p)) {
            problem(r, path, "must be an object {from, percent}");
            continue;
        }
        ok &= check_keys(r, p, path, keys);
        ok &= read_date(r, p, path, "from", true, &lw.from);
        /* percent 0-100 with up to 2 decimals -> ppm (x 10 000) */
        {
            int64_t pct;
            if (read_decimal(r, p, path, "percent", 2, 0, 10000, true, &pct))
                lw.percent = pct * 100;
            else
                ok = false;
        }
        ok &= read_bool(r, p, path, "forfaitair", &lw.forfaitair);
        if (ok && s->job.n_loonwaarde > 0 &&
            lw.from <= s->job.loonwaarde[s->job.n_loonwaarde - 1].from) {
            char f[80];
            snprintf(f, sizeof(f), "%s.from", path);
            problem(r, f, "periods must be in date order");
            ok = false;
        }
        if (ok)
            s->job.loonwaarde[s->job.n_loonwaarde++] = lw;
    }
}

static void read_job(struct rd *r, const cJSON *j, struct sw_scenario *s)
{
    static const char *const keys[] = {"kind", "trial_start", "trial_end", "start", "end",
                                       "hours_per_week", "hourly_wage", "holiday_pay",
                                       "pay_day", "loonwaarde", "loonheffingskorting",
                                       "dagbesteding_until", NULL};
    static const char *const holiday[] = {"may", "monthly", NULL};
    const cJSON *lw;
    int k;
    int64_t v;

    check_keys(r, j, "job", keys);
    k = read_enum(r, j, "job", "kind", job_kinds, -1, true);
    if (k >= 0)
        s->job.kind = (enum sw_job_kind)k;
    read_date(r, j, "job", "trial_start", false, &s->job.trial_start);
    read_date(r, j, "job", "trial_end", false, &s->job.trial_end);
    read_date(r, j, "job", "start", true, &s->job.start);
    read_date(r, j, "job", "end", false, &s->job.end);
    read_decimal(r, j, "job", "hours_per_week", 2, 100, 4000, true, &s->job.hours_x100);
    read_int(r, j, "job", "hourly_wage", 1, 100000, false, &s->job.hourly_wage);
    k = read_enum(r, j, "job", "holiday_pay", holiday, 0, false);
    if (k >= 0)
        s->job.holiday_pay = (enum sw_holiday_timing)k;
    v = s->job.pay_day;
    if (read_int(r, j, "job", "pay_day", 1, 31, false, &v))
        s->job.pay_day = (int)v;
    lw = get(j, "loonwaarde");
    if (!is_absent(lw))
        read_loonwaarde(r, lw, s);
    read_bool(r, j, "job", "loonheffingskorting", &s->job.loonheffingskorting);
    read_date(r, j, "job", "dagbesteding_until", false, &s->job.dagbesteding_until);
}

/* Why the tables refuse an override, in words that repeat nothing of it. */
static const char *override_refusal(const char *msg)
{
    if (strstr(msg, "unknown parameter"))
        return "unknown parameter";
    if (strstr(msg, "cannot be overridden"))
        return "the tables do not allow overriding this parameter";
    return "not a valid value for this parameter";
}

static void read_overrides(struct rd *r, const cJSON *o, struct sw_scenario *s)
{
    for (const cJSON *a = o->child; a; a = a->next) {
        char f[160], text[64];
        struct sw_err e;
        struct sw_scenario_override *ov;
        const struct num_text *nt;

        join(f, sizeof(f), "overrides", a->string ? a->string : "");
        if (s->n_overrides >= SW_SCENARIO_MAX_OVERRIDES) {
            problem(r, "overrides", "at most %d overrides", SW_SCENARIO_MAX_OVERRIDES);
            return;
        }
        if (!a->string || strlen(a->string) >= sizeof(ov->id)) {
            problem(r, f, "parameter id too long");
            continue;
        }
        for (size_t i = 0; i < s->n_overrides; i++)
            if (strcmp(s->overrides[i].id, a->string) == 0)
                problem(r, f, "field given twice");
        if (cJSON_IsString(a) && a->valuestring && strlen(a->valuestring) < sizeof(text)) {
            snprintf(text, sizeof(text), "%s", a->valuestring);
        } else if ((nt = number_text(r, a)) != NULL) {
            /* Exactly as written, to a millionth, as a plain decimal: 25,
             * 12.5 and 1.25e1 all read "12.5" or "25"; the unit's own decimal
             * limit and range apply in the tables' parse. */
            int64_t x = 0;
            enum num_problem p = exact_number(nt->text, nt->len, 6, &x);
            switch (p) {
            case NUM_OK:
                format_scaled(text, sizeof(text), x, 6);
                break;
            case NUM_SYNTAX:
            case NUM_LEADING_ZERO:
                not_a_number(r, f, nt, p);
                continue;
            case NUM_DECIMALS:
            case NUM_RANGE:
                problem(r, f, "not a valid value for this parameter");
                continue;
            }
        } else {
            problem(r, f, "must be a number");
            continue;
        }
        ov = &s->overrides[s->n_overrides];
        snprintf(ov->id, sizeof(ov->id), "%s", a->string);
        if (sw_tables_parse_override(r->t, ov->id, text, f, &ov->amount, &e) != SW_OK) {
            problem(r, f, "%s", override_refusal(e.msg));
            continue;
        }
        s->n_overrides++;
    }
}

/* Consistency between fields, once each field is valid on its own. */
static void check_consistency(struct rd *r, struct sw_scenario *s)
{
    sw_date first = sw_month_first_day(s->start_month);
    int age;

    if (s->household.birth != SW_NO_DATE) {
        age = sw_age_on(s->household.birth, first);
        if (age < 0)
            problem(r, "household.birth_date", "after the start month");
        else if (age < 18)
            problem(r, "household.birth_date",
                    "the resident is %d: the Participatiewet applies from 18", age);
        else if (age > 120)
            problem(r, "household.birth_date", "an age of %d is not plausible", age);
    }
    if (s->household.composition == SW_HH_COUPLE && s->household.partner_birth == SW_NO_DATE)
        problem(r, "household.partner_birth_date", "missing: a couple needs both birth dates");
    if (s->household.composition != SW_HH_COUPLE && s->household.partner_birth != SW_NO_DATE)
        problem(r, "household.partner_birth_date", "only for a couple");
    if (s->household.partner_birth != SW_NO_DATE && sw_age_on(s->household.partner_birth, first) < 18)
        problem(r, "household.partner_birth_date", "the partner must be 18 or older");
    if (s->household.composition == SW_HH_SINGLE_PARENT && s->household.n_children == 0)
        problem(r, "household.children_birth_dates",
                "a single parent needs at least one child's birth date");
    for (size_t i = 0; i < s->household.n_children; i++) {
        if (s->household.children[i] > first) {
            char f[64];
            snprintf(f, sizeof(f), "household.children_birth_dates[%zu]", i);
            problem(r, f, "after the start month");
        }
    }
    if (s->job.start == SW_NO_DATE)
        return;
    if (sw_month_of(s->job.start) < s->start_month)
        problem(r, "job.start", "before the start month: the simulation starts on bijstand");
    if (sw_month_of(s->job.start) >= s->start_month + s->months)
        problem(r, "job.start", "after the last month shown");
    if (s->job.end != SW_NO_DATE && s->job.end < s->job.start)
        problem(r, "job.end", "before job.start");
    if ((s->job.trial_start == SW_NO_DATE) != (s->job.trial_end == SW_NO_DATE))
        problem(r, s->job.trial_start == SW_NO_DATE ? "job.trial_start" : "job.trial_end",
                "a trial needs both trial_start and trial_end");
    if (s->job.trial_start != SW_NO_DATE && s->job.trial_end != SW_NO_DATE) {
        if (s->job.trial_end < s->job.trial_start)
            problem(r, "job.trial_end", "before job.trial_start");
        else if (s->job.trial_end >= s->job.start)
            problem(r, "job.trial_end", "the trial must end before job.start");
        if (sw_month_of(s->job.trial_start) < s->start_month)
            problem(r, "job.trial_start", "before the start month");
    }
    if (s->job.n_loonwaarde > 0 && s->job.loonwaarde[0].from > s->job.start)
        problem(r, "job.loonwaarde[0].from", "the first period must start at job.start");
    if (s->job.dagbesteding_until != SW_NO_DATE &&
        sw_month_of(s->job.dagbesteding_until) < s->start_month)
        problem(r, "job.dagbesteding_until", "before the start month");
    if (s->toeslagen.estimate_updated >= 0 &&
        (s->toeslagen.estimate_updated < s->start_month ||
         s->toeslagen.estimate_updated >= s->start_month + s->months))
        problem(r, "toeslagen.estimate_updated", "outside the months shown");
}

/* JSON text is UTF-8 (RFC 8259 section 8.1) without NUL bytes: cJSON takes a NUL
 * for white space and cuts a string at one, and passes invalid UTF-8 through to
 * messages and output. Returns what is wrong and sets *at to its byte offset, or
 * NULL when the text is fine. Well-formed UTF-8 as RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF. */
static const char *text_problem(const unsigned char *s, size_t len, size_t *at)
{
    bool in_string = false;

    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;

        *at = i;
        if (c == 0)
            return "a NUL byte";
        if (c < 0x80) {
            /* The escape \u0000 would end the C string cJSON hands over: the rest
             * of the value would be dropped without a word. */
            if (in_string && c == '\\') {
                if (i + 5 < len && s[i + 1] == 'u' && memcmp(s + i + 2, "0000", 4) == 0)
                    return "an escaped NUL (\\u0000)";
                i += 2;
                continue;
            }
            if (c == '"')
                in_string = !in_string;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3;
        else
            return "invalid UTF-8";
        if (c == 0xE0)
            lo = 0xA0;          /* overlong */
        else if (c == 0xED)
            hi = 0x9F;          /* UTF-16 surrogates */
        else if (c == 0xF0)
            lo = 0x90;          /* overlong */
        else if (c == 0xF4)
            hi = 0x8F;          /* above U+10FFFF */
        if (i + n >= len)   /* cut off at the end */
            return "invalid UTF-8";
        for (size_t k = 1; k <= n; k++) {
            unsigned b = s[i + k];
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
                return "invalid UTF-8";
        }
        i += n + 1;
    }
    return NULL;
}

void sw_scenario_ctx(struct sw_ctx *c, const struct sw_tables *t, const struct sw_scenario *s,
                     struct sw_override ov[SW_SCENARIO_MAX_OVERRIDES])
{
    sw_ctx_init(c, t, s->strict);
    for (size_t i = 0; i < s->n_overrides; i++) {
        ov[i].id = s->overrides[i].id;
        ov[i].amount = s->overrides[i].amount;
    }
    c->municipality = s->municipality[0] ? s->municipality : NULL;
    c->overrides = ov;
    c->n_overrides = s->n_overrides;
}

sw_status sw_scenario_parse(struct sw_scenario *out, const struct sw_tables *t,
                            const char *json, size_t len, struct sw_problems *problems,
                            struct sw_err *err)
{
    static const char *const top_keys[] = {"version", "start_month", "months", "municipality",
                                           "household", "before", "job", "settlement",
                                           "toeslagen", "overrides", "project_unpublished",
                                           "strict", NULL};
    static const char *const before_keys[] = {"benefit", "dagbesteding_dagdelen_per_week",
                                              NULL};
    static const char *const settle_keys[] = {"benefit_pay_day", "method",
                                              "municipality_applies_korting", NULL};
    static const char *const settle_methods[] = {"advance", "in_arrears", NULL};
    static const char *const toeslag_keys[] = {"zorgtoeslag", "huurtoeslag", "estimate_updated",
                                               NULL};
    static const char *const benefits[] = {"participatiewet", NULL};
    struct sw_problems local;
    struct rd r;
    cJSON *root = NULL;
    const char *end = NULL;
    const cJSON *o;
    const char *s;
    int64_t v;
    bool huur_given, rent_known;

    if (!problems)
        problems = &local;
    memset(problems, 0, sizeof(*problems));
    sw_err_clear(err);
    memset(&r, 0, sizeof(r));
    r.pr = problems;
    r.first = err;
    r.t = t;
    sw_scenario_init(out);

    if (len > SW_SCENARIO_MAX_BYTES)
        return sw_err_set(err, SW_ERR_TOO_BIG, "", "scenario larger than %d bytes",
                          SW_SCENARIO_MAX_BYTES);
    {
        size_t at;
        const char *why = text_problem((const unsigned char *)json, len, &at);
        if (why) {
            problem(&r, "", "not valid JSON text: %s at byte %zu", why, at);
            goto out;
        }
    }
    /* cJSON_ParseWithLengthOpts reports where parsing stopped through end, which
     * (unlike cJSON_GetErrorPtr's global) is safe when threads parse at once. */
    root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root) {
        size_t off = end && end >= json && end <= json + len ? (size_t)(end - json) : 0;
        problem(&r, "", "not valid JSON (near byte %zu)", off);
        goto out;
    }
    /* One JSON value and nothing after it but white space. */
    while (end && end < json + len && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
        end++;
    if (end && end < json + len) {
        problem(&r, "", "text after the JSON value (byte %zu)", (size_t)(end - json));
        goto out;
    }
    if (!cJSON_IsObject(root)) {
        problem(&r, "", "the scenario must be a JSON object");
        goto out;
    }
    /* The text of every number, for reading it exactly. */
    {
        size_t k = 0;
        if (!scan_numbers(json, len, &r.nums, &r.n_nums)) {
            sw_err_set(err, SW_ERR_NOMEM, "", "out of memory");
            free(r.nums);
            cJSON_Delete(root);
            return SW_ERR_NOMEM;
        }
        if (!pair_numbers(root, r.nums, r.n_nums, &k) || k != r.n_nums) {
            /* cJSON read the numbers otherwise than the scan: never take a guess. */
            problem(&r, "", "not valid JSON (a number cannot be read)");
            goto out;
        }
        if (r.n_nums > 1)
            qsort(r.nums, r.n_nums, sizeof(*r.nums), num_cmp);
    }
    check_keys(&r, root, "", top_keys);
    v = 0;
    if (read_int(&r, root, "", "version", 1, 1, true, &v))
        out->version = (int)v;
    read_month(&r, root, "", "start_month", true, &out->start_month);
    v = out->months;
    if (read_int(&r, root, "", "months", 1, SW_SCENARIO_MAX_MONTHS, false, &v))
        out->months = (int)v;
    s = read_str(&r, root, "", "municipality", false);
    if (s) {
        size_t n = strlen(s), ok = n > 0 && n < sizeof(out->municipality);
        for (size_t i = 0; ok && i < n; i++)
            ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
        if (!ok)
            problem(&r, "municipality", "not a municipality id (lowercase letters, digits, _)");
        else if (!sw_tables_has_municipality(t, s))
            problem(&r, "municipality", "no table for municipality '%s'", s);
        else
            snprintf(out->municipality, sizeof(out->municipality), "%s", s);
    }
    o = read_object(&r, root, "", "household", true);
    rent_known = o && read_household(&r, o, out);
    o = read_object(&r, root, "", "before", false);
    if (o) {
        check_keys(&r, o, "before", before_keys);
        read_enum(&r, o, "before", "benefit", benefits, 0, false);
        v = 0;
        if (read_int(&r, o, "before", "dagbesteding_dagdelen_per_week", 0, 10, false, &v))
            out->before.dagbesteding_dagdelen = (int)v;
    }
    o = read_object(&r, root, "", "job", true);
    if (o)
        read_job(&r, o, out);
    o = read_object(&r, root, "", "settlement", false);
    if (o) {
        int m;
        check_keys(&r, o, "settlement", settle_keys);
        v = 0;
        if (read_int(&r, o, "settlement", "benefit_pay_day", 1, 31, false, &v))
            out->settlement.benefit_pay_day = (int)v;
        m = read_enum(&r, o, "settlement", "method", settle_methods, -1, false);
        if (m >= 0)
            out->settlement.method = m == 0 ? SW_SETTLE_ADVANCE : SW_SETTLE_IN_ARREARS;
        read_bool(&r, o, "settlement", "municipality_applies_korting",
                  &out->settlement.municipality_applies_korting);
    }
    huur_given = false;
    o = read_object(&r, root, "", "toeslagen", false);
    if (o) {
        check_keys(&r, o, "toeslagen", toeslag_keys);
        read_bool(&r, o, "toeslagen", "zorgtoeslag", &out->toeslagen.zorgtoeslag);
        huur_given = !is_absent(get(o, "huurtoeslag"));
        read_bool(&r, o, "toeslagen", "huurtoeslag", &out->toeslagen.huurtoeslag);
        read_month(&r, o, "toeslagen", "estimate_updated", false,
                   &out->toeslagen.estimate_updated);
    }
    /* No rent, no huurtoeslag; asking for it without a rent is a mistake - but
     * only one's own: after a rent that was refused (or no household at all),
     * that problem is the one to report, not this consequence of it. */
    if (out->household.rent == 0) {
        if (huur_given && out->toeslagen.huurtoeslag && rent_known)
            problem(&r, "toeslagen.huurtoeslag", "needs household.rent");
        out->toeslagen.huurtoeslag = false;
    }
    {
        /* "strict" refuses months past the published values; the older
         * "project_unpublished" says the opposite and may not contradict it. */
        bool project = true, strict = false;
        bool has_project = !is_absent(get(root, "project_unpublished"));
        read_bool(&r, root, "", "project_unpublished", &project);
        read_bool(&r, root, "", "strict", &strict);
        if (has_project && project && strict)
            problem(&r, "strict", "contradicts \"project_unpublished\": true; leave one out");
        out->strict = strict || !project;
    }
    o = read_object(&r, root, "", "overrides", false);
    if (o)
        read_overrides(&r, o, out);
    if (problems->n == 0)
        check_consistency(&r, out);
out:
    free(r.nums);
    cJSON_Delete(root);
    return problems->n ? SW_ERR_INVALID : SW_OK;
}
