/* install.h - installing a table set in one step (install.c), private to
 * src/app/io/: fetch.c downloads and validates, install.c builds the new set
 * next to the tables directory and exchanges it with the directory. */
#ifndef SWITCHSIM_INSTALL_H
#define SWITCHSIM_INSTALL_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "fetch.h"
#include "switchsim/err.h"

/* A downloaded document. */
struct body {
    char *data;
    size_t len, cap;
    bool too_big;
    bool nomem;
};

/* The tables directory as fetch changes it: its real path split into the
 * parent and the name, a descriptor of the parent, and the names of what lives
 * next to it (.NAME.lock, .NAME.fetch-XXXXXX). */
struct target {
    char real[PATH_MAX];
    char parent[PATH_MAX];
    const char *name;       /* in real */
    int parent_fd;
    int lock_fd;
};

/* Open DIR for a fetch: its real path, its parent, the lock (one fetch at a time). */
sw_status set_open(struct target *tg, const char *dir, struct sw_err *err);
void set_close(struct target *tg);
/* Remove what a killed fetch left (.NAME.fetch-*, old .NAME.tmp-* files). */
void set_remove_leftovers(const struct target *tg);
/* Build the set with the new table and its .sources record, check it and
 * exchange it with DIR in one rename. */
sw_status set_install(const struct sw_fetch_request *rq, const struct target *tg,
                 const struct body *b, struct sw_fetch_result *res, struct sw_err *err);

#endif
