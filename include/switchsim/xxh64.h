/* xxh64.h - XXH64 (xxHash, 64-bit, by Yann Collet; the algorithm as its
 * specification doc/xxhash_spec.md describes it): a fast non-cryptographic
 * checksum, here of the table snapshot (which reads it on every start). It
 * finds damage, not tampering: the cache directory is trusted only when it is
 * the user's own (fileio.c). */
#ifndef SWITCHSIM_XXH64_H
#define SWITCHSIM_XXH64_H

#include <stddef.h>
#include <stdint.h>

/* XXH64 of p[0..n) with `seed`, as XXH64(p, n, seed) of the reference library. */
uint64_t sw_xxh64(const void *p, size_t n, uint64_t seed);

#endif
