/* cgi_arena.h - cJSON's memory for the requests of a persistent front
 * (switchsim.fcgi): the cJSON trees of a request (the scenario's parse tree,
 * error bodies, a traced answer's tree) are made and deleted within
 * cgi_answer(), some hundred small allocations each freed again at once, which
 * in a long-lived process leave the allocator sorting freed pieces back
 * (glibc's malloc_consolidate() before each large allocation: the engine's
 * timeline, the answer's text). Between cgi_arena_begin() and cgi_arena_end()
 * cJSON takes its memory from blocks kept from one request to the next (a
 * pointer moved on; cJSON_Delete() frees nothing) and cgi_arena_end() empties
 * them at once.
 *
 * The rule for the code in between: every cJSON tree and every text of
 * cJSON_Print*() made there is deleted (cJSON_free() for a text, not free())
 * before cgi_arena_end(); nothing of cJSON's outlives it. cJSON's hooks are
 * global: one arena in use at a time, by one thread. Under AddressSanitizer
 * the arena poisons what cJSON gave back and all of it at cgi_arena_end(), so
 * that a tree used after its cJSON_Delete() or after the request is still
 * found (cgi_arena.c). */
#ifndef SWITCHSIM_CGI_ARENA_H
#define SWITCHSIM_CGI_ARENA_H

#include <stddef.h>

struct cgi_arena;

/* A new arena (no memory taken until used); NULL when out of memory. Call
 * cgi_arena_free() to release. */
struct cgi_arena *cgi_arena_new(void);
void cgi_arena_free(struct cgi_arena *a);

/* cJSON allocates from a from now on. */
void cgi_arena_begin(struct cgi_arena *a);

/* cJSON allocates with malloc() again; what it took from a is given back at
 * once (the first block kept for the next request, any others freed). */
void cgi_arena_end(struct cgi_arena *a);

/* The bytes a holds in blocks now (for tests). */
size_t cgi_arena_held(const struct cgi_arena *a);

#endif
