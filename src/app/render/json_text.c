/* json_text.c - see json_text.h. The printing of numbers was most of cJSON's
 * printing time (a "%1.15g" sprintf and an sscanf back for each); the layout
 * follows cJSON's print_value(): formatted objects put each member on its own
 * line, indented with tabs, "key":<tab>value; arrays stay on one line with ", "
 * between elements (unformatted: "," and ":" only). tests/unit/check_json_text.c
 * compares it with cJSON's own printing. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_text.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

char *sw_jb_grow(struct sw_jbuf *b, size_t n)
{
    if (b->fail)
        return NULL;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        char *np;
        while (cap < b->len + n + 1)
            cap *= 2;
        np = realloc(b->p, cap);
        if (!np) {
            b->fail = true;
            return NULL;
        }
        b->p = np;
        b->cap = cap;
    }
    return b->p + b->len;
}

void sw_jb_put(struct sw_jbuf *b, const char *s, size_t n)
{
    char *d = sw_jb_room(b, n);

    if (!d)
        return;
    memcpy(d, s, n);
    b->len += n;
}

static void jb_tabs(struct sw_jbuf *b, int n)
{
    static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

    for (; n > 16; n -= 16)
        sw_jb_put(b, tabs, 16);
    sw_jb_put(b, tabs, (size_t)n);
}

/* Whether one of the 8 bytes in w is below 32, '"' or '\\': exact for "one of
 * them" (the zero-byte tests below have no false positives for that question;
 * bytes from 128 up, UTF-8, never count). */
static bool word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');

    return (((w - ones * 32) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & highs;
}

#ifdef __SSE2__
/* word_needs_escape() of the 16 bytes at s at once (SSE2: every x86-64): a byte
 * is below 32 when the smaller of it and 31 (both unsigned) is itself. */
static bool block_needs_escape(const char *s)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(31)), x);
    __m128i q = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
    __m128i bs = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));

    return _mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(q, bs))) != 0;
}
#endif

/* 8 bytes at a time (16 with SSE2, from 16 bytes on), the last 8 (16)
 * overlapping the ones before (fewer than 8: padded with spaces). */
bool sw_jb_needs_escape(const char *s, size_t n)
{
    uint64_t w = 0x2020202020202020ULL;
    size_t i;

#ifdef __SSE2__
    if (n >= 16) {
        for (i = 0; i + 16 <= n; i += 16)
            if (block_needs_escape(s + i))
                return true;
        return i < n && block_needs_escape(s + n - 16);
    }
#endif
    if (n < 8) {
        memcpy(&w, s, n);
        return word_needs_escape(w);
    }
    for (i = 0; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if (word_needs_escape(w))
            return true;
    }
    memcpy(&w, s + n - 8, 8);
    return i < n && word_needs_escape(w);
}

/* cJSON's print_string_ptr(): NULL as "", the named escapes, other control
 * characters as \u00xx, everything else (UTF-8 included) as it is. A text
 * without an escape is copied whole; else it is looked at 8 bytes at a time and
 * copied in runs up to the next escape. */
void sw_jb_string(struct sw_jbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run, *end;
    size_t n;
    char *d;

    if (!s)
        s = "";
    n = strlen(s);
    if (!sw_jb_needs_escape(s, n)) {
        if ((d = sw_jb_room(b, n + 2))) {
            d[0] = '"';
            memcpy(d + 1, s, n);
            d[n + 1] = '"';
            b->len += n + 2;
        }
        return;
    }
    sw_jb_putc(b, '"');
    end = s + n;
    for (run = s; s < end; s++) {
        unsigned char c;
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};
        uint64_t w;

        while (end - s >= 8 && (memcpy(&w, s, 8), !word_needs_escape(w)))
            s += 8;
        if (s == end)
            break;
        c = (unsigned char)*s;
        if (c >= 32 && c != '"' && c != '\\')
            continue;
        sw_jb_put(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': sw_jb_put(b, "\\\"", 2); break;
        case '\\': sw_jb_put(b, "\\\\", 2); break;
        case '\b': sw_jb_put(b, "\\b", 2); break;
        case '\f': sw_jb_put(b, "\\f", 2); break;
        case '\n': sw_jb_put(b, "\\n", 2); break;
        case '\r': sw_jb_put(b, "\\r", 2); break;
        case '\t': sw_jb_put(b, "\\t", 2); break;
        default:
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            sw_jb_put(b, esc, 6);
            break;
        }
    }
    sw_jb_put(b, run, (size_t)(end - run));
    sw_jb_putc(b, '"');
}

/* cJSON's print_number(). */
void sw_jb_number(struct sw_jbuf *b, double d)
{
    char t[32];
    int n;

    if (isnan(d) || isinf(d)) {
        sw_jb_put(b, "null", 4);
        return;
    }
    if (d == floor(d) && fabs(d) < 1e15 && !(d == 0 && signbit(d))) {
        /* "%1.15g" of these is their digits, and reads back exactly. */
        long long v = (long long)d;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        char *e = t + sizeof(t), *q = e;
        do {
            *--q = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0)
            *--q = '-';
        sw_jb_put(b, q, (size_t)(e - q));
        return;
    }
    /* cJSON: 15 digits unless they do not read back (compare_double()). */
    n = snprintf(t, sizeof(t), "%1.15g", d);
    {
        double back = 0, big;
        int got = sscanf(t, "%lg", &back);
        big = fabs(back) > fabs(d) ? fabs(back) : fabs(d);
        if (got != 1 || !(fabs(back - d) <= big * DBL_EPSILON))
            n = snprintf(t, sizeof(t), "%1.17g", d);
    }
    sw_jb_put(b, t, (size_t)n);
}

static void jb_value(struct sw_jbuf *b, const cJSON *item, bool fmt, int depth)
{
    const cJSON *c;

    if (cJSON_IsObject(item)) {
        sw_jb_putc(b, '{');
        if (fmt)
            sw_jb_putc(b, '\n');
        for (c = item->child; c; c = c->next) {
            if (fmt)
                jb_tabs(b, depth + 1);
            sw_jb_string(b, c->string);
            sw_jb_putc(b, ':');
            if (fmt)
                sw_jb_putc(b, '\t');
            jb_value(b, c, fmt, depth + 1);
            if (c->next)
                sw_jb_putc(b, ',');
            if (fmt)
                sw_jb_putc(b, '\n');
        }
        if (fmt)
            jb_tabs(b, depth);
        sw_jb_putc(b, '}');
    } else if (cJSON_IsArray(item)) {
        sw_jb_putc(b, '[');
        for (c = item->child; c; c = c->next) {
            jb_value(b, c, fmt, depth + 1);
            if (c->next)
                sw_jb_put(b, ", ", fmt ? 2 : 1);
        }
        sw_jb_putc(b, ']');
    } else if (cJSON_IsString(item)) {
        sw_jb_string(b, item->valuestring);
    } else if (cJSON_IsNumber(item)) {
        sw_jb_number(b, item->valuedouble);
    } else if (cJSON_IsRaw(item)) {
        if (!item->valuestring)
            b->fail = true;   /* cJSON fails the print too */
        else
            sw_jb_put(b, item->valuestring, strlen(item->valuestring));
    } else if (cJSON_IsTrue(item)) {
        sw_jb_put(b, "true", 4);
    } else if (cJSON_IsFalse(item)) {
        sw_jb_put(b, "false", 5);
    } else if (cJSON_IsNull(item)) {
        sw_jb_put(b, "null", 4);
    } else {
        b->fail = true;   /* cJSON prints nothing for an invalid item */
    }
}

char *sw_json_text(const cJSON *item, bool formatted, size_t *len)
{
    struct sw_jbuf b = {0};

    if (!item)
        return NULL;
    jb_value(&b, item, formatted, 0);
    if (!b.fail && !b.p)
        sw_jb_put(&b, "", 0);   /* nothing written yet: a buffer for the NUL */
    if (b.fail) {
        free(b.p);
        return NULL;
    }
    b.p[b.len] = '\0';
    if (len)
        *len = b.len;
    return b.p;
}

/* The end of the JSON string at s[0] ('"'): the byte after its closing quote
 * (end when it is not closed). */
static const char *string_end(const char *s, const char *end)
{
    const char *p = s + 1, *q;

    while (p < end && (q = memchr(p, '"', (size_t)(end - p))) != NULL) {
        /* Escaped when an odd number of backslashes stand before it. */
        const char *bs = q;
        while (bs > p && bs[-1] == '\\')
            bs--;
        if ((q - bs) % 2 == 0)
            return q + 1;
        p = q + 1;
    }
    return end;
}

/* n tabs at d + at; returns at + n. */
static size_t put_tabs(char *d, size_t at, int n)
{
    memset(d + at, '\t', (size_t)n);
    return at + (size_t)n;
}

char *sw_json_reformat(const char *text, size_t len, size_t *out_len)
{
    /* The containers open at each depth (true: an object). JSON_REFORMAT_DEPTH
     * levels; a deeper text is not reformatted (NULL). */
    enum { JSON_REFORMAT_DEPTH = 64 };
    /* The bytes the layout goes around, and NUL (refused). */
    static const bool structural[256] = {
        [0] = true, ['{'] = true, ['}'] = true, ['['] = true, [']'] = true, [','] = true,
        [':'] = true,
    };
    bool is_object[JSON_REFORMAT_DEPTH];
    const char *p = text, *end = text + len, *run;
    struct sw_jbuf b = {0};
    size_t n;
    char *d;
    int depth = 0;

    /* The formatted text is the compact one plus the layout: room for both. */
    if (!sw_jb_room(&b, len + len / 2))
        return NULL;
    while (p < end && !b.fail) {
        /* A run of strings, numbers and literals is copied as it is. */
        run = p;
        for (;;) {
            if (p < end && *p == '"')
                p = string_end(p, end);
            else if (p < end && !structural[(unsigned char)*p])
                p++;
            else
                break;
        }
        if (p > run) {
            sw_jb_put(&b, run, (size_t)(p - run));
            continue;
        }
        /* A structural byte and the layout after it: at most 2 bytes and a tab
         * for each level. */
        d = sw_jb_room(&b, 2 + JSON_REFORMAT_DEPTH);
        if (!d)
            break;
        n = 0;
        switch (*p) {
        case '{':
        case '[':
            if (depth == JSON_REFORMAT_DEPTH) {
                b.fail = true;
                break;
            }
            is_object[depth++] = *p == '{';
            d[n++] = *p;
            if (*p == '{') {
                d[n++] = '\n';
                if (p + 1 < end && p[1] != '}')
                    n = put_tabs(d, n, depth);
            }
            break;
        case '}':
        case ']':
            if (depth == 0) {
                b.fail = true;
                break;
            }
            depth--;
            if (*p == '}') {
                if (p[-1] != '{')
                    d[n++] = '\n';
                n = put_tabs(d, n, depth);
            }
            d[n++] = *p;
            break;
        case ',':
            d[n++] = ',';
            if (depth > 0 && is_object[depth - 1]) {
                d[n++] = '\n';
                n = put_tabs(d, n, depth);
            } else {
                d[n++] = ' ';
            }
            break;
        case ':':
            d[n++] = ':';
            d[n++] = '\t';
            break;
        default:
            b.fail = true;   /* a NUL */
            break;
        }
        b.len += n;
        p++;
    }
    if (b.fail || depth != 0) {
        free(b.p);
        return NULL;
    }
    b.p[b.len] = '\0';
    if (out_len)
        *out_len = b.len;
    return b.p;
}
