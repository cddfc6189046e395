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

/* cJSON's print_string_ptr(): NULL as "", the named escapes, other control
 * characters as \u00xx, everything else (UTF-8 included) as it is. The text is
 * looked at 8 bytes at a time and copied in runs up to the next escape. */
void sw_jb_string(struct sw_jbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run, *end;

    sw_jb_putc(b, '"');
    if (!s)
        s = "";
    end = s + strlen(s);
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
