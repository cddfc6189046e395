/* scenario_read.c - the JSON reader under the scenario parser (scenario.c).
 *
 * cJSON hands numbers over as a double only, which cannot tell 100.000004 from
 * 100 or 9007199254740993 from ...992; so no double is read here. Each number is
 * read exactly from its own text in the document: a scan of the text finds every
 * number, and the n-th one is the n-th number node of cJSON's tree (both in
 * document order). The text must be a JSON number (RFC 8259 section 6: no leading
 * zeros), have no more decimals than its field takes and lie within +-2^53 before
 * it becomes an int64.
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

#include "scenario_read.h"

void rd_problem(struct rd *r, const char *field, const char *fmt, ...)
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

/* "job" + "start" -> "job.start" into buf; the key as show() repeats it. Every
 * field read builds its path: a key of plain printable ASCII short enough that
 * show() leaves it as it is (the keys a scenario has) is copied as it is. */
const char *rd_join(char *buf, size_t size, const char *parent, const char *key)
{
    char k[100];
    const char *piece[3] = {parent, parent[0] ? "." : "", key};
    size_t kl = 0, o = 0;

    while (key[kl] >= 0x20 && key[kl] < 0x7f && key[kl] != '\\')
        kl++;
    if (key[kl] || kl > SHOW_KEY || kl + 4 > sizeof(k))
        piece[2] = show_str(k, sizeof(k), key, SHOW_KEY);
    /* snprintf("%s%s%s"): cut at size - 1 */
    for (int i = 0; i < 3 && size > 0; i++)
        for (const char *p = piece[i]; *p && o + 1 < size; p++)
            buf[o++] = *p;
    if (size > 0)
        buf[o] = '\0';
    return buf;
}

/* Whether member name `name` (NULL: none) is `key`: most names differ from a
 * key in their first byte, looked at before the whole text is compared. */
static bool same_key(const char *name, const char *key)
{
    return name && name[0] == key[0] && strcmp(name, key) == 0;
}

/* Check that an object has only the allowed keys, each at most once. */
bool rd_check_keys(struct rd *r, const cJSON *obj, const char *path,
                       const char *const *allowed)
{
    bool ok = true;

    for (const cJSON *a = obj->child; a; a = a->next) {
        char f[160];
        bool known = false;

        for (size_t i = 0; allowed[i] && !known; i++)
            known = same_key(a->string, allowed[i]);
        if (!known) {
            rd_problem(r, rd_join(f, sizeof(f), path, a->string ? a->string : ""),
                       "unknown field");
            ok = false;
            continue;
        }
        for (const cJSON *b = obj->child; b != a; b = b->next) {
            if (same_key(b->string, a->string)) {
                rd_problem(r, rd_join(f, sizeof(f), path, a->string), "field given twice");
                ok = false;
                break;
            }
        }
    }
    return ok;
}

/* cJSON_GetObjectItemCaseSensitive(): the first member named key (the search
 * stops at a member without a name, as cJSON's does), with same_key(). */
const cJSON *rd_get(const cJSON *obj, const char *key)
{
    const cJSON *c = obj ? obj->child : NULL;

    while (c && c->string && !same_key(c->string, key))
        c = c->next;
    return c && c->string ? c : NULL;
}

bool rd_is_absent(const cJSON *v)
{
    return !v || cJSON_IsNull(v);
}

/* --- numbers, exactly --- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

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
enum num_problem rd_exact_number(const char *s, size_t n, int scale, int64_t *out)
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
bool rd_scan_numbers(const char *json, size_t len, struct num_text **out, size_t *n)
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
bool rd_pair_numbers(const cJSON *v, struct num_text *nums, size_t n, size_t *k)
{
    for (; v; v = v->next) {
        if (cJSON_IsNumber(v)) {
            if (*k >= n)
                return false;
            nums[(*k)++].node = v;
        } else if (v->child && !rd_pair_numbers(v->child, nums, n, k)) {
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

void rd_sort_numbers(struct rd *r)
{
    if (r->n_nums > 1)
        qsort(r->nums, r->n_nums, sizeof(*r->nums), num_cmp);
}

/* The text of number node v; NULL when it has none (not a number). */
const struct num_text *rd_number_text(const struct rd *r, const cJSON *v)
{
    struct num_text key = {v, NULL, 0};

    if (!r->nums || !cJSON_IsNumber(v))
        return NULL;
    return bsearch(&key, r->nums, r->n_nums, sizeof(key), num_cmp);
}

/* Number text nt of field f is not a JSON number (p says why). */
void rd_not_a_number(struct rd *r, const char *f, const struct num_text *nt,
                         enum num_problem p)
{
    char text[64];

    show(text, sizeof(text), nt->text, nt->len, SHOW_VALUE);
    if (p == NUM_LEADING_ZERO)
        rd_problem(r, f, "'%s' is not a JSON number (a leading zero)", text);
    else
        rd_problem(r, f, "'%s' is not a JSON number", text);
}

/* v / 10^scale as a decimal without trailing zeros: 4000 with scale 2 is "40". */
void rd_format_scaled(char *buf, size_t size, int64_t v, int scale)
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

/* Number node v of field path.key times 10^scale into *out, within [min, max];
 * reports the problem and returns false otherwise. The field's name is written
 * out only for a problem. */
static bool read_number(struct rd *r, const cJSON *v, const char *path, const char *key,
                        int scale, int64_t min, int64_t max, int64_t *out)
{
    const struct num_text *nt = rd_number_text(r, v);
    char f[160], text[64], lo[32], hi[32];
    int64_t x = 0;
    enum num_problem p;

    if (!nt) {
        rd_problem(r, rd_join(f, sizeof(f), path, key), "must be a number");
        return false;
    }
    p = rd_exact_number(nt->text, nt->len, scale, &x);
    if (p != NUM_OK || x < min || x > max)
        rd_join(f, sizeof(f), path, key);
    switch (p) {
    case NUM_SYNTAX:
    case NUM_LEADING_ZERO:
        rd_not_a_number(r, f, nt, p);
        return false;
    case NUM_DECIMALS:
        if (scale == 0)
            rd_problem(r, f, "must be a whole number");
        else
            rd_problem(r, f, "has more than %d decimals", scale);
        return false;
    case NUM_RANGE:
    case NUM_OK:
        break;
    }
    if (p == NUM_RANGE || x < min || x > max) {
        show(text, sizeof(text), nt->text, nt->len, SHOW_VALUE);
        rd_format_scaled(lo, sizeof(lo), min, scale);
        rd_format_scaled(hi, sizeof(hi), max, scale);
        rd_problem(r, f, "%s is out of range (%s to %s)", text, lo, hi);
        return false;
    }
    *out = x;
    return true;
}

/* An integer within [min, max]; `absent_ok` leaves *out as it is when the field
 * is missing or null. */
bool rd_read_int(struct rd *r, const cJSON *obj, const char *path, const char *key,
                 int64_t min, int64_t max, bool required, int64_t *out)
{
    return rd_read_decimal(r, obj, path, key, 0, min, max, required, out);
}

/* The value at obj.key; NULL when absent or null, and then a "missing" problem
 * when it is required. */
static const cJSON *present(struct rd *r, const cJSON *obj, const char *path, const char *key,
                            bool required)
{
    const cJSON *v = rd_get(obj, key);
    char f[160];

    if (!rd_is_absent(v))
        return v;
    if (required)
        rd_problem(r, rd_join(f, sizeof(f), path, key), "missing");
    return NULL;
}

/* A decimal number with at most `decimals` digits after the point, scaled:
 * hours 28.5 -> 2850 with 2 decimals; 28.50 and 2.85e1 read the same, 28.555
 * is refused. min and max are scaled too. */
bool rd_read_decimal(struct rd *r, const cJSON *obj, const char *path, const char *key,
                         int decimals, int64_t min, int64_t max, bool required, int64_t *out)
{
    char f[160];
    const cJSON *v = present(r, obj, path, key, required);

    if (!v)
        return !required;
    if (!cJSON_IsNumber(v)) {
        rd_problem(r, rd_join(f, sizeof(f), path, key), "must be a number");
        return false;
    }
    return read_number(r, v, path, key, decimals, min, max, out);
}

bool rd_read_bool(struct rd *r, const cJSON *obj, const char *path, const char *key,
                      bool *out)
{
    const cJSON *v = rd_get(obj, key);
    char f[160];

    if (rd_is_absent(v))
        return true;
    if (!cJSON_IsBool(v)) {
        rd_problem(r, rd_join(f, sizeof(f), path, key), "must be true or false");
        return false;
    }
    *out = cJSON_IsTrue(v);
    return true;
}

/* A string; NULL when absent or null. A non-string is a problem. */
const char *rd_read_str(struct rd *r, const cJSON *obj, const char *path, const char *key,
                            bool required)
{
    char f[160];
    const cJSON *v = present(r, obj, path, key, required);

    if (!v)
        return NULL;
    if (!cJSON_IsString(v) || !v->valuestring) {
        rd_problem(r, rd_join(f, sizeof(f), path, key), "must be a string");
        return NULL;
    }
    return v->valuestring;
}

/* What is wrong with date (or month) text s of field f, in words. */
void rd_date_problem(struct rd *r, const char *f, const char *s, enum sw_date_problem why,
                         bool month)
{
    char v[64];

    show_str(v, sizeof(v), s, SHOW_VALUE);
    switch (why) {
    case SW_DATE_OK:
        break;
    case SW_DATE_FORM:
        if (month)
            rd_problem(r, f, "not a month (YYYY-MM): '%s'", v);
        else
            rd_problem(r, f, "not a date (YYYY-MM-DD): '%s'", v);
        break;
    case SW_DATE_IMPOSSIBLE:
        rd_problem(r, f, "not a %s: '%s' does not exist", month ? "month" : "date", v);
        break;
    case SW_DATE_RANGE:
        /* Well-formed and real, but not a day this calendar covers. */
        rd_problem(r, f, "'%s' is out of range (%s)", v,
                month ? SW_MONTH_RANGE_TEXT : SW_DATE_RANGE_TEXT);
        break;
    }
}

bool rd_read_date(struct rd *r, const cJSON *obj, const char *path, const char *key,
                      bool required, sw_date *out)
{
    char f[160];
    const char *s = rd_read_str(r, obj, path, key, required);
    enum sw_date_problem why;

    if (!s)
        return !required && rd_is_absent(rd_get(obj, key));
    why = sw_date_check(out, s);
    if (why != SW_DATE_OK) {
        rd_date_problem(r, rd_join(f, sizeof(f), path, key), s, why, false);
        return false;
    }
    return true;
}

/* A month "YYYY-MM" of field f (at the top level: path ""); absent is fine. */
void rd_read_month(struct rd *r, const cJSON *obj, const char *path, const char *key,
                       bool required, sw_month *out)
{
    char f[160];
    const char *s = rd_read_str(r, obj, path, key, required);
    enum sw_date_problem why;

    if (!s)
        return;
    why = sw_month_check(out, s);
    if (why != SW_DATE_OK)
        rd_date_problem(r, rd_join(f, sizeof(f), path, key), s, why, true);
}

/* One of `names`; returns its index or -1 (absent: `dflt`). */
int rd_read_enum(struct rd *r, const cJSON *obj, const char *path, const char *key,
                     const char *const *names, int dflt, bool required)
{
    char f[160], list[160] = "";
    const char *s = rd_read_str(r, obj, path, key, required);

    if (!s)
        return rd_is_absent(rd_get(obj, key)) && !required ? dflt : -1;
    for (int i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0)
            return i;
        snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
                 names[i]);
    }
    {
        char v[64];
        rd_problem(r, rd_join(f, sizeof(f), path, key), "'%s' is not one of: %s",
                show_str(v, sizeof(v), s, SHOW_VALUE), list);
    }
    return -1;
}

const cJSON *rd_read_object(struct rd *r, const cJSON *obj, const char *path,
                                const char *key, bool required)
{
    char f[160];
    const cJSON *v = present(r, obj, path, key, required);

    if (!v)
        return NULL;
    if (!cJSON_IsObject(v)) {
        rd_problem(r, rd_join(f, sizeof(f), path, key), "must be an object");
        return NULL;
    }
    return v;
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

cJSON *rd_open_object(struct rd *r, const char *json, size_t len, const char *what,
                      bool *nomem)
{
    const char *end = NULL, *why;
    cJSON *root;
    size_t at, k = 0;

    *nomem = false;
    why = text_problem((const unsigned char *)json, len, &at);
    if (why) {
        rd_problem(r, "", "not valid JSON text: %s at byte %zu", why, at);
        return NULL;
    }
    /* cJSON_ParseWithLengthOpts reports where parsing stopped through end, which
     * (unlike cJSON_GetErrorPtr's global) is safe when threads parse at once. */
    root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root) {
        size_t off = end && end >= json && end <= json + len ? (size_t)(end - json) : 0;
        rd_problem(r, "", "not valid JSON (near byte %zu)", off);
        return NULL;
    }
    /* One JSON value and nothing after it but white space. */
    while (end && end < json + len && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
        end++;
    if (end && end < json + len) {
        rd_problem(r, "", "text after the JSON value (byte %zu)", (size_t)(end - json));
        goto fail;
    }
    if (!cJSON_IsObject(root)) {
        rd_problem(r, "", "%s must be a JSON object", what);
        goto fail;
    }
    /* The text of every number, for reading it exactly. */
    if (!rd_scan_numbers(json, len, &r->nums, &r->n_nums)) {
        sw_err_set(r->first, SW_ERR_NOMEM, "", "out of memory");
        *nomem = true;
        goto fail;
    }
    if (!rd_pair_numbers(root, r->nums, r->n_nums, &k) || k != r->n_nums) {
        /* cJSON read the numbers otherwise than the scan: never take a guess. */
        rd_problem(r, "", "not valid JSON (a number cannot be read)");
        goto fail;
    }
    rd_sort_numbers(r);
    return root;
fail:
    cJSON_Delete(root);
    return NULL;
}
