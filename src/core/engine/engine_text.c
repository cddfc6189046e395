/* engine_text.c - warnings and actions are formatted a few thousand times per
 * thousand households, each a long fixed sentence with a few dates and amounts
 * already written out (%s) or a count (%d, %lld): copying the literal parts in
 * blocks and the arguments directly costs a fraction of vsnprintf's per-character
 * machinery. The result is vsnprintf's, cut at size - 1 bytes the same way. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "engine_text.h"

/* A text being written into buf[size] (size > 0): n bytes so far, at most
 * size - 1. */
struct out {
    char *buf;
    size_t size, n;
};

static void put(struct out *o, const char *s, size_t len)
{
    size_t room = o->size - 1 - o->n;

    if (len > room)
        len = room;
    memcpy(o->buf + o->n, s, len);
    o->n += len;
}

static void put_int(struct out *o, long long v)
{
    char d[24], *e = d + sizeof(d);
    unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

    do {
        *--e = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    if (v < 0)
        *--e = '-';
    put(o, e, (size_t)(d + sizeof(d) - e));
}

/* Write fmt's conversions from ap; false at a conversion this file does not
 * write (what went before is then of no use). */
static bool format(struct out *o, const char *fmt, va_list ap)
{
    const char *p = fmt;

    for (;;) {
        const char *q = strchr(p, '%');
        if (!q) {
            put(o, p, strlen(p));
            return true;
        }
        put(o, p, (size_t)(q - p));
        q++;
        if (*q == 's') {
            const char *s = va_arg(ap, const char *);
            put(o, s ? s : "(null)", strlen(s ? s : "(null)"));
        } else if (*q == 'd') {
            put_int(o, va_arg(ap, int));
        } else if (q[0] == 'l' && q[1] == 'd') {
            put_int(o, va_arg(ap, long));
            q++;
        } else if (q[0] == 'l' && q[1] == 'l' && q[2] == 'd') {
            put_int(o, va_arg(ap, long long));
            q += 2;
        } else if (*q == '%') {
            put(o, "%", 1);
        } else {
            return false;
        }
        p = q + 1;
    }
}

void eng_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = {buf, size, 0};
    va_list again;

    if (size == 0)
        return;
    va_copy(again, ap);
    if (format(&o, fmt, ap))
        buf[o.n] = '\0';
    else
        vsnprintf(buf, size, fmt, again);
    va_end(again);
}
