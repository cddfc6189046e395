/* fuzz_common.h - what the fuzz harnesses share: the shipped tables, loaded once
 * per process ($SWITCHSIM_TABLES or the compiled-in directory), and a sink for
 * rendered output. */
#ifndef SWITCHSIM_FUZZ_COMMON_H
#define SWITCHSIM_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "fileio.h"
#include "switchsim/tables.h"

/* The shipped table set; aborts when it does not load (the harness is useless
 * then). Kept for the life of the process. */
static inline const struct sw_tables *fuzz_tables(void)
{
    static struct sw_tables *t;
    struct sw_err err;

    if (!t)
        setenv("SWITCHSIM_CACHE", "off", 1);   /* the XML itself; no cache written */
    if (!t && sw_tables_load_dir(&t, sw_tables_dir(NULL), &err) != SW_OK) {
        fprintf(stderr, "fuzz: tables do not load: %s\n", err.msg);
        abort();
    }
    return t;
}

/* /dev/null as a FILE, opened once. */
static inline FILE *fuzz_sink(void)
{
    static FILE *f;

    if (!f)
        f = fopen("/dev/null", "w");
    if (!f)
        abort();
    return f;
}

/* A failed invariant: print it and abort so that libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond)                                                          \
    do {                                                                           \
        if (!(cond)) {                                                             \
            fprintf(stderr, "fuzz: %s:%d: invariant failed: %s\n", __FILE__,       \
                    __LINE__, #cond);                                              \
            abort();                                                               \
        }                                                                          \
    } while (0)

#endif
