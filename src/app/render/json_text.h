/* json_text.h - the text of a cJSON tree, byte for byte what cJSON_Print()
 * (formatted) or cJSON_PrintUnformatted() of cJSON 1.7.15 writes, without its
 * sprintf and sscanf per number: whole numbers below 10^15 (every amount in
 * cents) are written as digits directly, other numbers as cJSON writes them. */
#ifndef SWITCHSIM_JSON_TEXT_H
#define SWITCHSIM_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* The text of item (NUL-terminated, malloc'd; its length in *len when len is
 * not NULL); NULL when out of memory or when a raw item has no text. */
char *sw_json_text(const cJSON *item, bool formatted, size_t *len);

/* The formatted text (as sw_json_text(.., true, ..) writes it) of `text`, the
 * compact text (sw_json_text(.., false, ..) or timeline_text.c) of the same
 * value: the layout added, every string, number and literal copied as it is.
 * NUL-terminated and malloc'd, its length in *len when len is not NULL; NULL
 * when out of memory or when text is not such a text (unbalanced, or nested
 * deeper than 64). */
char *sw_json_reformat(const char *text, size_t len, size_t *out_len);

/* --- the compact writer itself, for text written without a tree (timeline_text.c) ---
 * A growing buffer that always keeps room for a NUL after what is written; fail
 * once memory ran out (the text is then partial: throw it away). */
struct sw_jbuf {
    char *p;
    size_t len, cap;
    bool fail;
};

void sw_jb_put(struct sw_jbuf *b, const char *s, size_t n);
static inline void sw_jb_putc(struct sw_jbuf *b, char c)
{
    if (b->len + 2 <= b->cap)
        b->p[b->len++] = c;
    else
        sw_jb_put(b, &c, 1);
}
/* Room for n more bytes (and the NUL): a pointer to write them at, then add what
 * was written to b->len; NULL once memory ran out. */
char *sw_jb_grow(struct sw_jbuf *b, size_t n);
static inline char *sw_jb_room(struct sw_jbuf *b, size_t n)
{
    return b->len + n + 1 <= b->cap ? b->p + b->len : sw_jb_grow(b, n);
}
/* Whether one of s[0..n) is below 32, '"' or '\\': what a string writes
 * otherwise than as it is. */
bool sw_jb_needs_escape(const char *s, size_t n);
/* A string as cJSON prints it (NULL as ""), and a number as cJSON prints a
 * number item holding d. */
void sw_jb_string(struct sw_jbuf *b, const char *s);
void sw_jb_number(struct sw_jbuf *b, double d);

#endif
