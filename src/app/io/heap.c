/* heap.c - the heap of a short run, mapped in at once (heap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "heap.h"

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>

/* Buffers below this come from the heap (glibc's default: 128 KiB, so the
 * snapshot - some 400 KB - got a mapping of its own); freed memory at the top
 * of the heap is given back only above the trim threshold. */
#define HEAP_MMAP_THRESHOLD (4 << 20)
#define HEAP_TRIM_THRESHOLD (8 << 20)

void sw_heap_prepare(size_t bytes)
{
    char *p, *top, *from;

    if (bytes == 0 || bytes > HEAP_MMAP_THRESHOLD / 2)
        return;
    mallopt(M_MMAP_THRESHOLD, HEAP_MMAP_THRESHOLD);
    mallopt(M_TRIM_THRESHOLD, HEAP_TRIM_THRESHOLD);
    /* A block of that size comes from the top of the heap, which grows to hold
     * it (the pages are not touched yet); freed, it is the top again, kept, and
     * what the next allocations are cut from. */
    p = malloc(bytes);
    top = sbrk(0);
    /* Only when p is in the heap below the break: not so with another malloc
     * (a sanitizer's, valgrind's), which leaves the break alone. */
    if (p && top != (void *)-1 && p < top && (size_t)(top - p) >= bytes) {
        long page = sysconf(_SC_PAGESIZE);
        uintptr_t mask = page > 0 ? (uintptr_t)page - 1 : 4095;
        from = (char *)(((uintptr_t)p + mask) & ~mask);
        /* EINVAL before Linux 5.14: then the pages fault in one by one, as
         * without this call. */
        if (from < top)
            (void)madvise(from, (size_t)(top - from), MADV_POPULATE_WRITE);
    }
    free(p);
}
#else
void sw_heap_prepare(size_t bytes)
{
    (void)bytes;
}
#endif
