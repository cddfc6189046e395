/* heap.h - the heap of a short run, mapped in at once.
 *
 * A simulate that takes its tables from the snapshot cache spends more on page
 * faults than on anything else: every first write to a page of the heap is a
 * trap into the kernel (some 9 us each in the virtual machines we measured,
 * against ~1 us a page when populated in one call), and such a run touches
 * some 350 pages of heap (the snapshot, the table set, the timeline, the
 * answer's text). */
#ifndef SWITCHSIM_HEAP_H
#define SWITCHSIM_HEAP_H

#include <stddef.h>

/* Prepare the process's heap for a run that will use about `bytes`: keep
 * buffers up to a few MB in the heap (not in mappings of their own, each faulted
 * in page by page), keep freed heap memory (up to a few MB) instead of giving it
 * back, and populate `bytes` of heap with one madvise(MADV_POPULATE_WRITE).
 * Only on glibc and Linux (5.14 or later for the populate); elsewhere, or when
 * malloc is not glibc's (sanitizers, valgrind), it does nothing. Call it once,
 * early, in a process that is about to load the tables; in a long-lived one
 * (switchsim.fcgi) the answers' buffers then reuse the same heap request after
 * request, without a mapping, a page fault or a system call of their own. */
void sw_heap_prepare(size_t bytes);

#endif
