/* cgi_arena.c - cJSON's memory for the requests of a persistent front
 * (cgi_arena.h). */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cgi_arena.h"

/* Under AddressSanitizer the arena stays on (the tests then run the path
 * switchsim.fcgi takes) and tells ASan what is in use: a block is poisoned
 * until an allocation takes a piece of it, each piece keeps its size in a
 * header in front and is followed by a poisoned gap, cJSON_free() poisons
 * the piece again and cgi_arena_end() the whole block. A tree used after its
 * cJSON_Delete() or after the request, or written past its end, is found as
 * with malloc(). */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifndef ARENA_ASAN
#define ARENA_ASAN 0
#endif
#if ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* The first block: a simulate request takes some 10 KB (its scenario's tree), a
 * traced answer's tree several MB (further blocks, freed at the end). */
#define BLOCK_SIZE 65536
#define ALIGN alignof(max_align_t)
/* Under ASan: the size header in front of a piece and the gap after it. */
#define GUARD (ARENA_ASAN ? ALIGN : 0)

struct block {
    struct block *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
};

struct cgi_arena {
    struct block *first;   /* kept from one request to the next */
    struct block *cur;     /* the block allocated from */
};

/* The arena cJSON's hooks allocate from (the hooks take no argument): the one
 * between cgi_arena_begin() and cgi_arena_end(). */
static struct cgi_arena *active;

static struct block *block_new(size_t cap)
{
    struct block *b = malloc(offsetof(struct block, data) + cap);

    if (b) {
        b->next = NULL;
        b->cap = cap;
        b->used = 0;
        POISON(b->data, cap);
    }
    return b;
}

static void *arena_malloc(size_t n)
{
    struct cgi_arena *a = active;
    struct block *b = a->cur;
    size_t need = (n + ALIGN - 1) / ALIGN * ALIGN + 2 * GUARD;
    unsigned char *p;

    if (need < n)
        return NULL;
    if (!b || b->cap - b->used < need) {
        struct block *nb = block_new(need > BLOCK_SIZE ? need : BLOCK_SIZE);
        if (!nb)
            return NULL;
        if (b)
            b->next = nb;
        else
            a->first = nb;
        a->cur = b = nb;
    }
    p = b->data + b->used + GUARD;
    b->used += need;
    if (ARENA_ASAN) {
        UNPOISON(p - GUARD, GUARD + n);
        memcpy(p - GUARD, &n, sizeof(n));
    }
    return p;
}

static void arena_free(void *p)
{
    /* given back all at once by cgi_arena_end(); under ASan no longer usable */
    if (ARENA_ASAN && p) {
        size_t n;
        memcpy(&n, (unsigned char *)p - GUARD, sizeof(n));
        POISON(p, n);
    }
}

struct cgi_arena *cgi_arena_new(void)
{
    return calloc(1, sizeof(struct cgi_arena));
}

void cgi_arena_free(struct cgi_arena *a)
{
    if (!a)
        return;
    for (struct block *b = a->first, *next; b; b = next) {
        next = b->next;
        UNPOISON(b->data, b->cap);
        free(b);
    }
    free(a);
}

void cgi_arena_begin(struct cgi_arena *a)
{
    cJSON_Hooks hooks = {.malloc_fn = arena_malloc, .free_fn = arena_free};

    if (!a)
        return;
    active = a;
    cJSON_InitHooks(&hooks);
}

void cgi_arena_end(struct cgi_arena *a)
{
    if (!a)
        return;
    cJSON_InitHooks(NULL);
    active = NULL;
    if (!a->first)
        return;
    for (struct block *b = a->first->next, *next; b; b = next) {
        next = b->next;
        UNPOISON(b->data, b->cap);
        free(b);
    }
    a->first->next = NULL;
    a->first->used = 0;
    POISON(a->first->data, a->first->cap);
    a->cur = a->first;
}

size_t cgi_arena_held(const struct cgi_arena *a)
{
    size_t n = 0;

    for (const struct block *b = a ? a->first : NULL; b; b = b->next)
        n += b->cap;
    return n;
}
